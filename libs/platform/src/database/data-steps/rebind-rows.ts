import { decryptBuffer, encrypt } from '../../crypto/envelope';
import { RowBinding } from '../../crypto/row-binding';
import { DataStepContext } from './data-step';

const BATCH = 1000;

export type RebindRow = Record<string, unknown> & { id: string; key_id: string | null };

/** One sealed column and the two bindings it moves between. */
export interface RebindColumn {
  name: string;
  from(row: RebindRow): RowBinding;
  to(row: RebindRow): RowBinding;
}

/** A table whose sealed columns move from one binding to another, read in id order. */
export interface RebindTable {
  table: string;
  idType: 'uuid' | 'bigint';
  /** Selects `id`, `key_id` (null for purpose keys), what the bindings need and the columns; $1 = last id, $2 = limit. */
  select: string;
  /** A purpose key for every row, or the row's data key (`key_id`). */
  key: Buffer | 'data-key';
  columns: RebindColumn[];
}

export interface RebindResult {
  rebound: number;
  /** Ciphertexts that opened with neither binding (damaged): left as they are. */
  unreadable: number;
}

const opens = (key: Buffer, sealed: Buffer, binding: RowBinding) => {
  try {
    return decryptBuffer(key, sealed, binding);
  } catch {
    return null;
  }
};

/**
 * Re-seals every ciphertext of the table from one binding to the other, a batch at a time. A
 * ciphertext that already opens with the target binding is left alone, so a second run changes
 * nothing; each update applies only if the row still holds what was read (an app writing
 * meanwhile wins). Rows whose data key was shredded are skipped: they can never be read again.
 */
export async function rebindTable(ctx: DataStepContext, spec: RebindTable): Promise<RebindResult> {
  const result: RebindResult = { rebound: 0, unreadable: 0 };
  let after = spec.idType === 'uuid' ? '00000000-0000-0000-0000-000000000000' : '0';
  for (;;) {
    const { rows } = await ctx.main.query<RebindRow>(spec.select, [after, BATCH]);
    if (!rows.length) return result;
    after = String(rows[rows.length - 1].id);
    const dataKeys =
      spec.key === 'data-key'
        ? await ctx.loadDataKeys(rows.flatMap((r) => (r.key_id ? [r.key_id] : [])))
        : new Map<string, Buffer>();
    for (const column of spec.columns) {
      const ids: string[] = [];
      const before: Buffer[] = [];
      const sealed: Buffer[] = [];
      for (const row of rows) {
        const value = row[column.name];
        const key = spec.key === 'data-key' ? row.key_id && dataKeys.get(row.key_id) : spec.key;
        if (!Buffer.isBuffer(value) || !key) continue;
        const target = column.to(row);
        if (opens(key, value, target)) continue;
        const plain = opens(key, value, column.from(row));
        if (!plain) {
          result.unreadable++;
          continue;
        }
        ids.push(String(row.id));
        before.push(value);
        sealed.push(encrypt(key, plain, target));
      }
      if (!ids.length) continue;
      const updated = await ctx.main.query(
        `UPDATE ${spec.table} t SET ${column.name} = v.sealed
           FROM unnest($1::${spec.idType}[], $2::bytea[], $3::bytea[]) AS v(id, before, sealed)
          WHERE t.id = v.id AND t.${column.name} = v.before`,
        [ids, before, sealed],
      );
      result.rebound += updated.rowCount ?? 0;
    }
  }
}
