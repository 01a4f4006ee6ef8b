import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { AnswerEscalationDto } from './dto/answer-escalation.dto';
import { CreateEscalationDto } from './dto/create-escalation.dto';
import { EscalationsService, EscalationView } from './escalations.service';

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('api')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Roles('agent')
  @Post('cases/:id/escalations')
  create(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CreateEscalationDto,
  ): Promise<{ id: string }> {
    return this.escalations.create(user, id, dto);
  }

  @Roles('agent', 'team_lead')
  @Get('escalations')
  list(@CurrentUser() user: AuthUser): Promise<{ items: EscalationView[] }> {
    return this.escalations.listForTeam(user);
  }

  @Roles('agent', 'team_lead')
  @Post('escalations/:id/answer')
  @HttpCode(200)
  answer(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AnswerEscalationDto,
  ): Promise<{ id: string; status: string }> {
    return this.escalations.answer(user, id, dto);
  }

  @Roles('team_lead')
  @Post('escalations/:id/take-over')
  @HttpCode(200)
  takeOver(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<{ id: string; status: string }> {
    return this.escalations.takeOver(user, id);
  }
}
