import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CannedResponsesService, CannedResponseView } from './canned-responses.service';
import { CreateCannedResponseDto } from './dto/create-canned-response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponsesService) {}

  @Roles('agent', 'team_lead')
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<{ items: CannedResponseView[] }> {
    return this.canned.list(user);
  }

  @Roles('team_lead')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCannedResponseDto): Promise<CannedResponseView> {
    return this.canned.create(user, dto);
  }
}
