import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { ConsentsService } from './consents.service';
import { ConsentList, ConsentView } from './dto/consent.response.dto';
import { RecordConsentDto } from './dto/record-consent.dto';
import { RequestConsentDto } from './dto/request-consent.dto';

@ApiTags('consents')
@ApiBearerAuth()
@Controller('api')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Roles('agent', 'team_lead')
  @Post('cases/:id/consents')
  @ApiCreatedResponse({ type: ConsentView })
  request(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: RequestConsentDto,
  ): Promise<ConsentView> {
    return this.consents.request(user, id, dto);
  }

  @Roles('agent', 'team_lead')
  @Get('cases/:id/consents')
  @ApiOkResponse({ type: ConsentList })
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ConsentList> {
    return this.consents.list(user, id);
  }

  @Roles('agent')
  @Post('consents/:id/record')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentView })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ConsentView> {
    return this.consents.record(user, id, dto);
  }

  @Roles('agent')
  @Post('consents/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentView })
  withdraw(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ConsentView> {
    return this.consents.withdraw(user, id);
  }
}
