import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { AvailabilityDto } from './dto/availability.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { Availability, UserList, UserView } from './dto/user.response.dto';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: UserList })
  list(@CurrentUser() actor: AuthUser): Promise<UserList> {
    return this.users.list(actor);
  }

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }

  @Roles('agent')
  @Put('me/availability')
  @ApiOkResponse({ type: Availability })
  setAvailability(@CurrentUser() user: AuthUser, @Body() dto: AvailabilityDto): Promise<Availability> {
    return this.users.setAvailability(user, dto);
  }
}
