import type { EntityType, VaultEntry } from '../types';
import { normalizeEntityValue } from '../normalize';

/**
 * Per-conversation mapping from values to tokens. The same normalized value always gets the
 * same token; numbering is per type and continues after reloaded entries. The caller persists
 * `entries()` (or the `newEntries` of each call) and passes them back next time.
 */
export class TokenVault {
  private readonly byKey = new Map<string, VaultEntry>();
  private readonly counters = new Map<EntityType, number>();
  private readonly list: VaultEntry[] = [];

  constructor(entries: VaultEntry[] = []) {
    for (const e of entries) this.add(e);
  }

  tokenFor(type: EntityType, value: string): string {
    const key = normalizeEntityValue(type, value);
    const existing = this.byKey.get(type + '\u0000' + key);
    if (existing) return existing.token;
    const n = (this.counters.get(type) ?? 0) + 1;
    const entry: VaultEntry = { token: `[${type}_${n}]`, type, key, value };
    this.add(entry);
    return entry.token;
  }

  entries(): VaultEntry[] {
    return [...this.list];
  }

  private add(entry: VaultEntry): void {
    this.byKey.set(entry.type + '\u0000' + entry.key, entry);
    this.list.push(entry);
    const m = /_(\d+)\]$/.exec(entry.token);
    const n = m ? Number(m[1]) : 0;
    if (n > (this.counters.get(entry.type) ?? 0)) this.counters.set(entry.type, n);
  }
}
