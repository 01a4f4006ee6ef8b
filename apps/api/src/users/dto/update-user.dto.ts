import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Role, ROLES } from '@webcare/platform';

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  /** null takes the user out of every team (roles without a queue). */
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('4', { message: 'teamId must be a team id or null' })
  teamId?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
