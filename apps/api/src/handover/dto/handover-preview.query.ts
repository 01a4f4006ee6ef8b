import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class HandoverPreviewQuery {
  @IsUUID('4', { message: 'toTeamId must be a team id' })
  toTeamId: string;

  /** The escalation note being drafted, shown as the receiving team would read it. */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
