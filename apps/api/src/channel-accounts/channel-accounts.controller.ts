import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { ChannelAccountsAdminService, ChannelAccountView } from './channel-accounts-admin.service';
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
  list(@CurrentUser() actor: AuthUser): Promise<{ items: ChannelAccountView[] }> {
    return this.accounts.list(actor);
  }

  @Roles('admin')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateChannelAccountDto): Promise<ChannelAccountView> {
    return this.accounts.create(actor, dto);
  }

  @Roles('admin')
  @Patch(':id/settings')
  updateSettings(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChannelAccountSettingsDto,
  ): Promise<ChannelAccountView> {
    return this.accounts.updateSettings(actor, id, dto);
  }

  @Roles('admin')
  @Put(':id/secrets')
  rotateSecrets(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotateSecretsDto,
  ): Promise<ChannelAccountView> {
    return this.accounts.rotateSecrets(actor, id, dto);
  }
}
