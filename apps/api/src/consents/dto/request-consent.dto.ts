import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ConsentPurpose, REQUESTABLE_PURPOSES } from '../consent-purposes';

export class RequestConsentDto {
  @IsUUID('4', { message: 'teamId must be the id of the team that would receive the data' })
  teamId: string;

  @IsIn(REQUESTABLE_PURPOSES, { message: `purpose must be one of: ${REQUESTABLE_PURPOSES.join(', ')}` })
  purpose: Exclude<ConsentPurpose, 'other'>;

  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}
