import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { ReplyDto } from './dto/reply.dto';
import { DraftCheck, QueuedReply } from './dto/reply.response.dto';
import { RepliesService } from './replies.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:id/replies')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Roles('agent', 'team_lead')
  @Post()
  @ApiCreatedResponse({ type: QueuedReply })
  queue(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: ReplyDto): Promise<QueuedReply> {
    return this.replies.queue(user, id, dto);
  }

  @Roles('agent', 'team_lead')
  @Post('check')
  @HttpCode(200)
  @ApiOkResponse({ type: DraftCheck })
  check(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: ReplyDto): Promise<DraftCheck> {
    return this.replies.check(user, id, dto);
  }
}
