import { IsUUID } from 'class-validator';

export class RecordConsentDto {
  @IsUUID('4', { message: "evidenceMessageId must be the id of the person's message that gives consent" })
  evidenceMessageId: string;
}
