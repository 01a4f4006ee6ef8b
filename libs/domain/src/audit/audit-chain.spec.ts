import { randomBytes } from 'node:crypto';
import {
  ChainRow,
  chainHash,
  ChainVerifier,
  checkpointSignatureValid,
  GENESIS_HASH,
  keyedChainHash,
  signCheckpoint,
  verifyChain,
} from './audit-chain';

const key = randomBytes(32);

/** `legacy` rows first (plain SHA-256, as older installs wrote them), then keyed ones. */
function build(n: number, legacy = 0) {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const r = {
      id: String(i + 1),
      at: new Date(1_700_000_000_000 + i),
      actorId: 'u1',
      action: 'case.view_original',
      objectType: 'case',
      objectId: `c${i}`,
      detail: i % 2 ? 'role:agent' : null,
    };
    const chainVersion = i < legacy ? 1 : 2;
    const hash = chainVersion === 1 ? chainHash(prev, r) : keyedChainHash(key, prev, r);
    rows.push({ ...r, prevHash: prev, hash, chainVersion });
    prev = hash;
  }
  return { rows, head: prev };
}

describe('audit chain', () => {
  it('verifies an intact keyed chain, and one that continues an older unkeyed chain', () => {
    const { rows, head } = build(5);
    expect(verifyChain(rows, head, key)).toEqual({ valid: true, events: 5 });
    const upgraded = build(6, 3);
    expect(verifyChain(upgraded.rows, upgraded.head, key)).toEqual({ valid: true, events: 6 });
    expect(verifyChain([], GENESIS_HASH, key)).toEqual({ valid: true, events: 0 });
  });

  it('refuses a chain that was rewritten entirely in the unkeyed form', () => {
    const legacy = build(4, 4);
    expect(verifyChain(legacy.rows, legacy.head, key)).toEqual({ valid: false, events: 4 });
  });

  it('detects an edited field, even in the unkeyed part of an upgraded chain', () => {
    const { rows, head } = build(5);
    rows[2].action = 'case.erased';
    expect(verifyChain(rows, head, key)).toMatchObject({ valid: false, brokenAt: '3', events: 5 });
    const upgraded = build(6, 3);
    upgraded.rows[1].action = 'case.erased';
    upgraded.rows[1].hash = chainHash(upgraded.rows[0].hash, upgraded.rows[1]);
    upgraded.rows[2].prevHash = upgraded.rows[1].hash;
    upgraded.rows[2].hash = chainHash(upgraded.rows[1].hash, upgraded.rows[2]);
    // Recomputing the unkeyed part is possible without the key; the first keyed row then breaks.
    expect(verifyChain(upgraded.rows, upgraded.head, key)).toMatchObject({ valid: false, brokenAt: '4' });
  });

  it('refuses a chain rewritten without the key', () => {
    const { rows, head } = build(4);
    const forged = randomBytes(32);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      row.prevHash = prev;
      row.hash = keyedChainHash(forged, prev, row);
      prev = row.hash;
    }
    expect(verifyChain(rows, head, key)).toMatchObject({ valid: false, brokenAt: '1' });
    // An unkeyed row after a keyed one is a forgery too.
    const mixed = build(3);
    mixed.rows[2].chainVersion = 1;
    mixed.rows[2].hash = chainHash(mixed.rows[1].hash, mixed.rows[2]);
    expect(verifyChain(mixed.rows, mixed.rows[2].hash, key)).toMatchObject({ valid: false, brokenAt: '3' });
  });

  it('detects a removed row in the middle and at the end', () => {
    const { rows, head } = build(5);
    expect(verifyChain([...rows.slice(0, 2), ...rows.slice(3)], head, key)).toMatchObject({
      valid: false,
      brokenAt: '4',
    });
    expect(verifyChain(rows.slice(0, 4), head, key).valid).toBe(false);
  });

  it('remembers the hash after a watched count, for checking a checkpoint', () => {
    const { rows, head } = build(5);
    const verifier = new ChainVerifier(key);
    verifier.watch(3);
    verifier.watch(9);
    rows.forEach((r) => verifier.push(r));
    expect(verifier.finish(head).valid).toBe(true);
    expect(verifier.hashAfter(3)).toBe(rows[2].hash);
    expect(verifier.hashAfter(9)).toBeUndefined();
  });

  it('signs checkpoints so a changed count, head or time is noticed', () => {
    const cp = signCheckpoint(key, { events: 5, head: 'ab'.repeat(32), at: '2026-11-30T10:00:00.000Z' });
    expect(checkpointSignatureValid(key, cp)).toBe(true);
    expect(checkpointSignatureValid(key, { ...cp, events: 4 })).toBe(false);
    expect(checkpointSignatureValid(key, { ...cp, head: 'cd'.repeat(32) })).toBe(false);
    expect(checkpointSignatureValid(key, { ...cp, signature: 'zz' })).toBe(false);
    expect(checkpointSignatureValid(randomBytes(32), cp)).toBe(false);
  });
});
