import { ENTITY_TYPES, type EntityType } from '@webcare/anonymizer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

export class CreateRedactionDto {
  @IsUUID('4', { message: 'messageId must be a message id of this case' })
  messageId: string;

  /** Offsets into the original message text (JavaScript string offsets, end exclusive). */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  start: number;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  end: number;

  @IsIn(ENTITY_TYPES, { message: `type must be one of ${ENTITY_TYPES.join(', ')}` })
  type: EntityType;
}
