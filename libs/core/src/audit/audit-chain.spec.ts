import { chainHash, GENESIS_HASH, verifyChain } from './audit-chain';

function build(n: number) {
  const rows = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const r = {
      id: String(i + 1),
      at: new Date(1_700_000_000_000 + i),
      actorId: 'u1',
      action: 'case.view_original',
      objectType: 'case',
      objectId: `c${i}`,
    };
    const hash = chainHash(prev, r);
    rows.push({ ...r, prevHash: prev, hash });
    prev = hash;
  }
  return { rows, head: prev };
}

describe('audit chain', () => {
  it('verifies an intact chain', () => {
    const { rows, head } = build(5);
    expect(verifyChain(rows, head)).toEqual({ valid: true, events: 5 });
  });

  it('detects an edited field', () => {
    const { rows, head } = build(5);
    rows[2].action = 'case.erased';
    expect(verifyChain(rows, head)).toMatchObject({ valid: false, brokenAt: '3' });
  });

  it('detects a removed row in the middle and at the end', () => {
    const { rows, head } = build(5);
    expect(verifyChain([...rows.slice(0, 2), ...rows.slice(3)], head)).toMatchObject({
      valid: false,
      brokenAt: '4',
    });
    expect(verifyChain(rows.slice(0, 4), head).valid).toBe(false);
  });
});
