import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { AnswerEscalationDto } from './dto/answer-escalation.dto';
import { CreateEscalationDto } from './dto/create-escalation.dto';
import { EscalationList, EscalationStatusChange } from './dto/escalation.response.dto';
import { Created } from '../http/dto/created.response.dto';
import { EscalationsService } from './escalations.service';

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('api')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Roles('agent')
  @Post('cases/:id/escalations')
  @ApiCreatedResponse({ type: Created })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CreateEscalationDto,
  ): Promise<Created> {
    return this.escalations.create(user, id, dto);
  }

  @Roles('agent', 'team_lead')
  @Get('escalations')
  @ApiOkResponse({ type: EscalationList })
  list(@CurrentUser() user: AuthUser): Promise<EscalationList> {
    return this.escalations.listForTeam(user);
  }

  @Roles('agent', 'team_lead')
  @Post('escalations/:id/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: EscalationStatusChange })
  answer(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AnswerEscalationDto,
  ): Promise<EscalationStatusChange> {
    return this.escalations.answer(user, id, dto);
  }

  @Roles('team_lead')
  @Post('escalations/:id/take-over')
  @HttpCode(200)
  @ApiOkResponse({ type: EscalationStatusChange })
  takeOver(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<EscalationStatusChange> {
    return this.escalations.takeOver(user, id);
  }
}
