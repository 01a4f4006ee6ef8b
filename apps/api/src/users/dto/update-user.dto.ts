import { PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** Name and role follow the rules of a new user's; each field is optional. */
export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['name', 'role'] as const)) {
  /** null takes the user out of every team (roles without a queue). */
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('4', { message: 'teamId must be a team id or null' })
  teamId?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
