import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { AvailabilityDto } from './dto/availability.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService, UserView } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Get()
  list(@CurrentUser() actor: AuthUser): Promise<{ items: UserView[] }> {
    return this.users.list(actor);
  }

  @Roles('admin')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Roles('admin')
  @Patch(':id')
  update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }

  @Roles('agent')
  @Put('me/availability')
  setAvailability(
    @CurrentUser() user: AuthUser,
    @Body() dto: AvailabilityDto,
  ): Promise<{ available: boolean; capacity: number }> {
    return this.users.setAvailability(user, dto);
  }
}
