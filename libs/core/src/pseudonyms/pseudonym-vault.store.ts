import { Injectable } from '@nestjs/common';
import {
  anonymize,
  AnonymizeResult,
  EntityType,
  InstitutionAllowlist,
  TokenVault,
  VaultEntry,
} from '@webcare/anonymizer';
import { decrypt, encrypt } from '../crypto/envelope';
import { preparedQuery } from '../database/prepared-query';
import { EntityManager } from 'typeorm';

/** Loads and saves a case's token vault; values and their normalized keys are encrypted with the case key. */
@Injectable()
export class PseudonymVaultStore {
  async load(manager: EntityManager, caseId: string, caseKey: Buffer): Promise<TokenVault> {
    const rows = await preparedQuery<{ token: string; entity_type: string; value_enc: Buffer }>(
      manager,
      'vault-load',
      `SELECT token, entity_type, value_enc FROM pseudonyms WHERE case_id = $1`,
      [caseId],
    );
    const entries: VaultEntry[] = rows.map((r) => {
      const { key, value } = JSON.parse(decrypt(caseKey, r.value_enc, caseId)) as {
        key: string;
        value: string;
      };
      return { token: r.token, type: r.entity_type as EntityType, key, value };
    });
    return new TokenVault(entries);
  }

  /** Pseudonymizes text with the case's tokens (same value, same token); new tokens are not saved yet. */
  async anonymizeForCase(
    manager: EntityManager,
    caseId: string,
    caseKey: Buffer,
    text: string,
    allow?: InstitutionAllowlist,
    opts: { newCase?: boolean } = {},
  ): Promise<AnonymizeResult> {
    // A case created in this transaction has no tokens yet: skip the round trip.
    const vault = opts.newCase ? new TokenVault() : await this.load(manager, caseId, caseKey);
    return anonymize(text, { lang: null, allow }, vault);
  }

  /** Pseudonymizes and persists the new tokens. */
  async pseudonymize(
    manager: EntityManager,
    caseId: string,
    caseKey: Buffer,
    text: string,
    allow?: InstitutionAllowlist,
  ): Promise<AnonymizeResult> {
    const result = await this.anonymizeForCase(manager, caseId, caseKey, text, allow);
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
      entries.map((e) => encrypt(caseKey, JSON.stringify({ key: e.key, value: e.value }), caseId)),
    ];
  }
}
