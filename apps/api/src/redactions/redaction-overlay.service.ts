import { Injectable } from '@nestjs/common';
import { aad, decrypt, KeyRing } from '@webcare/platform';
import { EntityManager } from 'typeorm';
import { applyRedactions, type RedactionMark } from './redaction-marks';
import { RedactionsRepository } from './redactions.repository';

export interface CaseKeyRef {
  id: string;
  dataKeyId: string;
}

/** Applies a case's markings to its pseudonymized texts. Empty for a case without markings. */
export type Overlay = (caseId: string, text: string) => string;

/**
 * Every pseudonymized view goes through here, so a value an agent marked is replaced wherever
 * it occurs: in messages that came before and after the marking, notes, escalation notes and answers.
 */
@Injectable()
export class RedactionOverlay {
  constructor(
    private readonly repository: RedactionsRepository,
    private readonly keyRing: KeyRing,
  ) {}

  async forCases(m: EntityManager, cases: CaseKeyRef[]): Promise<Overlay> {
    const rows = await this.repository.markedValues(
      m,
      cases.map((c) => c.id),
    );
    if (rows.length === 0) return (_caseId, text) => text;
    const keyIdOf = new Map(cases.map((c) => [c.id, c.dataKeyId]));
    const keys = await this.keyRing.loadDataKeys([...new Set(rows.map((r) => keyIdOf.get(r.case_id)!))]);
    const marks = new Map<string, RedactionMark[]>();
    for (const r of rows) {
      const key = keys.get(keyIdOf.get(r.case_id)!);
      if (!key) continue; // shredded: the case is being deleted and shows nothing anyway
      const { value } = JSON.parse(decrypt(key, r.value_enc, aad.vaultEntry(r.case_id, r.token))) as {
        value: string;
      };
      marks.set(r.case_id, [...(marks.get(r.case_id) ?? []), { value, token: r.token }]);
    }
    return (caseId, text) => applyRedactions(text, marks.get(caseId) ?? []);
  }
}
