import { ENTITY_TYPES, type EntityType } from '@webcare/anonymizer';
import { ApiProperty } from '@nestjs/swagger';
import { CaseView } from '../../cases/case-access';
import { TokenSpan } from '../../redactions/redaction-marks';

export class PreviewToken implements TokenSpan {
  token: string;
  @ApiProperty({ enum: ENTITY_TYPES })
  type: EntityType;
  start: number;
  end: number;
}

export class PreviewText {
  text: string;
  /** Each token in `text` with its entity type and offsets. */
  @ApiProperty({ type: [PreviewToken] })
  tokens: TokenSpan[];
}

export class PreviewMessage extends PreviewText {
  id: string;
  direction: 'in' | 'out';
  withheld: boolean;
  createdAt: string;
}

/** An earlier escalation of the case to the receiving team, as that team reads it. */
export class PreviewNote {
  escalationId: string;
  note: PreviewText;
  answer: PreviewText | null;
  createdAt: string;
}

export class HandoverPreview {
  caseId: string;
  toTeamId: string;
  /** How the receiving team sees the case: pseudonymized, or the original with the person's consent. */
  view: CaseView;
  messages: PreviewMessage[];
  /** Earlier escalations of this case to that team, as that team reads them. */
  notes: PreviewNote[];
  /** The note being drafted (`note` in the query), pseudonymized as it would be stored; nothing is saved. */
  draftNote: PreviewText | null;
}

/** A marked span: the token that now stands for the value in the case. */
export class RedactionMarked {
  id: string;
  token: string;
}
