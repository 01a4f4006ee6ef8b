import { IsInt, IsISO8601, Matches, Min } from 'class-validator';

/** A checkpoint exactly as GET /api/audit/checkpoint returned it. */
export class CheckpointDto {
  @IsInt()
  @Min(0)
  events: number;

  @Matches(/^[0-9a-f]{64}$/, { message: 'head must be the 64-character hex hash from the checkpoint' })
  head: string;

  @IsISO8601({ strict: true }, { message: 'at must be the timestamp from the checkpoint' })
  at: string;

  @Matches(/^[0-9a-f]{64}$/, {
    message: 'signature must be the 64-character hex signature from the checkpoint',
  })
  signature: string;
}
