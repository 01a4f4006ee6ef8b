import { Client } from 'pg';
import { AuditAction, chainHash, GENESIS_HASH } from '../../libs/domain/src';
import { domainHarness } from '../support/domain-harness';

jest.setTimeout(120_000);

/** The keyed audit chain against its own database, so rewriting rows here disturbs no other file. */
describe('keyed audit chain (real Postgres)', () => {
  const h = domainHarness('audit', { redis: false });

  /** Runs statements with the append-only trigger off: what someone with table access could do. */
  const asIntruder = async (fn: (c: Client) => Promise<void>) => {
    const c = new Client({ connectionString: h.config.databaseUrl });
    await c.connect();
    await c.query('BEGIN');
    await c.query('SET LOCAL session_replication_role = replica');
    await fn(c);
    await c.query('COMMIT');
    await c.end();
  };
  const event = (n: number) => ({
    actorId: null,
    action: AuditAction.CaseViewOriginal,
    objectType: 'case',
    objectId: `c${n}`,
  });

  it('keeps an older unkeyed chain verifying once it is sealed with a keyed event', async () => {
    // Rows exactly as installs before the keyed chain wrote them (chain_version defaults to 1).
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const at = new Date(Date.now() - 60_000 + i);
      const hash = chainHash(prev, { at, ...event(i) });
      await h.ds.query(
        `INSERT INTO audit_events (at, actor_id, action, object_type, object_id, prev_hash, hash) VALUES ($1, NULL, $2, 'case', $3, $4, $5)`,
        [at, AuditAction.CaseViewOriginal, `c${i}`, prev, hash],
      );
      prev = hash;
    }
    await h.ds.query(`INSERT INTO audit_head (id, hash) VALUES (1, $1)`, [prev]);

    expect(await h.audit.sealLegacyChain()).toBe(true);
    expect(await h.audit.sealLegacyChain()).toBe(false);
    await h.audit.recordNow(event(3));
    expect(await h.audit.verify()).toEqual({ valid: true, events: 5 });
  });

  it('streams a long chain and stays consistent while events are appended', async () => {
    for (let i = 0; i < 5; i++) {
      await h.ds.transaction((m) =>
        h.audit.recordMany(
          m,
          Array.from({ length: 1000 }, (_, j) => event(i * 1000 + j)),
        ),
      );
    }
    const appends = Promise.all(Array.from({ length: 30 }, (_, i) => h.audit.recordNow(event(9000 + i))));
    const during = await h.audit.verify();
    await appends;
    expect(during.valid).toBe(true);
    expect(during.events).toBeGreaterThanOrEqual(5005);
    expect(await h.audit.verify()).toEqual({ valid: true, events: 5035 });
  });

  it('verifies against a signed checkpoint, also after later appends, and notices a truncated tail', async () => {
    const checkpoint = await h.audit.checkpoint();
    expect(checkpoint.events).toBe(5035);
    expect(await h.audit.verifyAgainst(checkpoint)).toMatchObject({ valid: true, checkpoint: 'matches' });
    await h.audit.recordNow(event(1));
    expect(await h.audit.verifyAgainst(checkpoint)).toMatchObject({ valid: true, checkpoint: 'matches' });
    expect(h.audit.checkpointSignatureValid({ ...checkpoint, events: checkpoint.events - 1 })).toBe(false);

    // Cutting the newest events and moving the head back passes the chain check alone, not the checkpoint.
    const later = await h.audit.checkpoint();
    await h.audit.recordNow(event(2));
    await asIntruder(async (c) => {
      await c.query(`DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`);
      await c.query(`UPDATE audit_head SET hash = $1`, [later.head]);
    });
    expect((await h.audit.verify()).valid).toBe(true);
    await h.audit.recordNow(event(3));
    const stale = await h.audit.checkpoint();
    await asIntruder(async (c) => {
      await c.query(`DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`);
      await c.query(`UPDATE audit_head SET hash = $1`, [later.head]);
    });
    expect(await h.audit.verifyAgainst(stale)).toMatchObject({ valid: false, checkpoint: 'mismatch' });
  });

  it('detects a chain rewritten consistently by someone without the key', async () => {
    const before = await h.audit.verify();
    expect(before.valid).toBe(true);
    // Rewrite every row in the unkeyed form after changing one action: consistent, but keyless.
    await asIntruder(async (c) => {
      const { rows } = await c.query(
        `SELECT id, at, actor_id, action, object_type, object_id, detail FROM audit_events ORDER BY id`,
      );
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const action = r.id === rows[10].id ? AuditAction.CaseClosed : r.action;
        const hash = chainHash(prev, {
          at: r.at,
          actorId: r.actor_id,
          action,
          objectType: r.object_type,
          objectId: r.object_id,
          detail: r.detail,
        });
        await c.query(
          `UPDATE audit_events SET action = $2, prev_hash = $3, hash = $4, chain_version = 1 WHERE id = $1`,
          [r.id, action, prev, hash],
        );
        prev = hash;
      }
      await c.query(`UPDATE audit_head SET hash = $1`, [prev]);
    });
    expect((await h.audit.verify()).valid).toBe(false);
  });
});
