import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CannedResponsesService } from './canned-responses.service';
import { CannedResponseList, CannedResponseView } from './dto/canned-response.response.dto';
import { CreateCannedResponseDto } from './dto/create-canned-response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponsesService) {}

  @Roles('agent', 'team_lead')
  @Get()
  @ApiOkResponse({ type: CannedResponseList })
  list(@CurrentUser() user: AuthUser): Promise<CannedResponseList> {
    return this.canned.list(user);
  }

  @Roles('team_lead')
  @Post()
  @ApiCreatedResponse({ type: CannedResponseView })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCannedResponseDto): Promise<CannedResponseView> {
    return this.canned.create(user, dto);
  }
}
