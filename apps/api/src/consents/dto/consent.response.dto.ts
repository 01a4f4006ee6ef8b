import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_STATUSES } from '@webcare/platform';
import { ListOf } from '../../http/dto/list.response.dto';
import { CONSENT_PURPOSES } from '../consent-purposes';

export class ConsentView {
  id: string;
  caseId: string;
  teamId: string;
  @ApiProperty({ enum: CONSENT_PURPOSES })
  purpose: string;
  @ApiProperty({ enum: CONSENT_STATUSES })
  status: string;
  requestMessageId: string | null;
  evidenceMessageId: string | null;
  requestedAt: string;
  givenAt: string | null;
  withdrawnAt: string | null;
}

export class ConsentList extends ListOf(ConsentView) {}
