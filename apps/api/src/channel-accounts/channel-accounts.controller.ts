import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { ChannelAccountsAdminService } from './channel-accounts-admin.service';
import { ChannelAccountList, ChannelAccountView } from './dto/channel-account.response.dto';
import { ChannelAccountSettingsDto } from './dto/channel-account-settings.dto';
import { CreateChannelAccountDto } from './dto/create-channel-account.dto';
import { RotateSecretsDto } from './dto/rotate-secrets.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/channel-accounts')
export class ChannelAccountsController {
  constructor(private readonly accounts: ChannelAccountsAdminService) {}

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: ChannelAccountList })
  list(@CurrentUser() actor: AuthUser): Promise<ChannelAccountList> {
    return this.accounts.list(actor);
  }

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: ChannelAccountView })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateChannelAccountDto): Promise<ChannelAccountView> {
    return this.accounts.create(actor, dto);
  }

  @Roles('admin')
  @Patch(':id/settings')
  @ApiOkResponse({ type: ChannelAccountView })
  updateSettings(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChannelAccountSettingsDto,
  ): Promise<ChannelAccountView> {
    return this.accounts.updateSettings(actor, id, dto);
  }

  @Roles('admin')
  @Put(':id/secrets')
  @ApiOkResponse({ type: ChannelAccountView })
  rotateSecrets(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotateSecretsDto,
  ): Promise<ChannelAccountView> {
    return this.accounts.rotateSecrets(actor, id, dto);
  }
}
