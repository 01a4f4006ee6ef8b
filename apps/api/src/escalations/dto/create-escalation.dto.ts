import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateEscalationDto {
  @IsUUID('4', { message: 'toTeamId must be a team id' })
  toTeamId: string;

  @IsString()
  @MinLength(1, { message: 'note is required: say what the receiving team should answer' })
  @MaxLength(4000)
  note: string;
}
