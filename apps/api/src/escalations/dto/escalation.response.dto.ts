import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_STATUSES } from '@webcare/platform';
import { ListOf } from '../../http/dto/list.response.dto';
import { ConsentStatus } from '../escalations.repository';

/** A message of the escalated case, as the receiving team reads it (tokens, not identities). */
export class EscalationMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  createdAt: string;
}

export class EscalationView {
  id: string;
  caseId: string;
  fromTeamId: string;
  toTeamId: string;
  note: string;
  answer: string | null;
  @ApiProperty({ enum: ESCALATION_STATUSES })
  status: string;
  consent: ConsentStatus | null;
  createdAt: string;
  messages: EscalationMessage[];
}

export class EscalationList extends ListOf(EscalationView) {}

export class EscalationStatusChange {
  id: string;
  @ApiProperty({ enum: ESCALATION_STATUSES })
  status: string;
}
