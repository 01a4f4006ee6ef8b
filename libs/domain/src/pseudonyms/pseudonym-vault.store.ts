import { Injectable } from '@nestjs/common';
import {
  anonymize,
  AnonymizeResult,
  EntityType,
  InstitutionAllowlist,
  TokenVault,
  VaultEntry,
} from '@webcare/anonymizer';
import { aad, AppConfig, decrypt, encrypt, preparedQuery } from '@webcare/platform';
import { detectReplyLanguage } from '../notice/detect-language';
import { EntityManager } from 'typeorm';

/** Loads and saves a case's token vault; values and their normalized keys are encrypted with the case key. */
@Injectable()
export class PseudonymVaultStore {
  constructor(private readonly config: AppConfig) {}

  async load(manager: EntityManager, caseId: string, caseKey: Buffer): Promise<TokenVault> {
    return (await this.loadMany(manager, [{ caseId, key: caseKey }])).get(caseId)!;
  }

  /** The vaults of several cases in one round trip. */
  async loadMany(
    manager: EntityManager,
    cases: { caseId: string; key: Buffer }[],
  ): Promise<Map<string, TokenVault>> {
    const rows = await preparedQuery<{
      case_id: string;
      token: string;
      entity_type: string;
      value_enc: Buffer;
    }>(
      manager,
      'vault-load',
      // One index probe per case: a plan cached while the table was small must not become a full scan.
      `SELECT p.case_id, p.token, p.entity_type, p.value_enc
         FROM unnest($1::uuid[]) AS w(case_id)
        CROSS JOIN LATERAL (
          SELECT case_id, token, entity_type, value_enc FROM pseudonyms WHERE case_id = w.case_id OFFSET 0
        ) p`,
      [cases.map((c) => c.caseId)],
    );
    const keys = new Map(cases.map((c) => [c.caseId, c.key]));
    const entries = new Map<string, VaultEntry[]>(cases.map((c) => [c.caseId, []]));
    for (const r of rows) {
      const { key, value } = JSON.parse(
        decrypt(keys.get(r.case_id)!, r.value_enc, aad.vaultEntry(r.case_id, r.token)),
      ) as {
        key: string;
        value: string;
      };
      entries.get(r.case_id)!.push({ token: r.token, type: r.entity_type as EntityType, key, value });
    }
    return new Map([...entries].map(([caseId, list]) => [caseId, new TokenVault(list)]));
  }

  /** Pseudonymizes text with a loaded vault (same value, same token); new tokens join the vault but are not saved yet. */
  anonymizeWith(
    vault: TokenVault,
    text: string,
    allow?: InstitutionAllowlist,
    sender: { senderCountry?: string } = {},
  ): AnonymizeResult {
    // The language guess turns on English-only signals (compromise) for English messages.
    const lang = detectReplyLanguage(text);
    return anonymize(text, { lang, allow, budgetMs: this.config.anonymizerBudgetMs, ...sender }, vault);
  }

  /** Pseudonymizes and persists the new tokens. */
  async pseudonymize(
    manager: EntityManager,
    caseId: string,
    caseKey: Buffer,
    text: string,
    allow?: InstitutionAllowlist,
  ): Promise<AnonymizeResult> {
    const result = this.anonymizeWith(await this.load(manager, caseId, caseKey), text, allow);
    await this.save(manager, caseId, caseKey, result.newEntries);
    return result;
  }

  async save(manager: EntityManager, caseId: string, caseKey: Buffer, entries: VaultEntry[]): Promise<void> {
    if (!entries.length) return;
    await manager.query(
      `INSERT INTO pseudonyms (case_id, token, entity_type, value_enc)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bytea[])`,
      [caseId, ...this.sealEntries(caseId, caseKey, entries)],
    );
  }

  /** Column arrays (token, type, sealed value) for an unnest insert that a caller folds into its own statement. */
  sealEntries(caseId: string, caseKey: Buffer, entries: VaultEntry[]): [string[], string[], Buffer[]] {
    return [
      entries.map((e) => e.token),
      entries.map((e) => e.type),
      entries.map((e) =>
        encrypt(caseKey, JSON.stringify({ key: e.key, value: e.value }), aad.vaultEntry(caseId, e.token)),
      ),
    ];
  }

  /**
   * Deletes the case's vault entries (one token, or all) that no stored pseudonymized text of the
   * case uses and no agent's marking holds (markings are applied when a view is read, not stored).
   * A token in use keeps its value, so it never comes to stand for another one.
   */
  async pruneUnused(manager: EntityManager, caseId: string, token: string | null = null): Promise<void> {
    await manager.query(
      `DELETE FROM pseudonyms p
        WHERE p.case_id = $1 AND ($2::text IS NULL OR p.token = $2)
          AND NOT EXISTS (SELECT 1 FROM redactions r WHERE r.case_id = $1 AND r.token = p.token)
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.case_id = $1 AND strpos(m.text_pseudo, p.token) > 0)
          AND NOT EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = $1 AND strpos(n.text_pseudo, p.token) > 0)
          AND NOT EXISTS (
            SELECT 1 FROM escalations e
             WHERE e.case_id = $1
               AND (strpos(e.note_pseudo, p.token) > 0 OR strpos(COALESCE(e.answer_pseudo, ''), p.token) > 0)
          )`,
      [caseId, token],
    );
  }
}
