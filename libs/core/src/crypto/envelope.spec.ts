import {
  decrypt,
  deriveKey,
  encrypt,
  generateDataKey,
  keyedHash,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';

describe('envelope encryption', () => {
  const master = generateDataKey();

  it('round-trips text and never contains the plaintext', () => {
    const key = generateDataKey();
    const sealed = encrypt(key, 'sanne@example.nl 🎓');
    expect(sealed.toString('utf8')).not.toContain('sanne');
    expect(decrypt(key, sealed)).toBe('sanne@example.nl 🎓');
  });

  it('fails on tampering and on the wrong key', () => {
    const key = generateDataKey();
    const sealed = encrypt(key, 'hello');
    sealed[sealed.length - 1] ^= 1;
    expect(() => decrypt(key, sealed)).toThrow();
    expect(() => decrypt(generateDataKey(), encrypt(key, 'hello'))).toThrow();
  });

  it('binds wrapped keys to their id', () => {
    const dk = generateDataKey();
    const wrapped = wrapDataKey(master, dk, 'a');
    expect(unwrapDataKey(master, wrapped, 'a').equals(dk)).toBe(true);
    expect(() => unwrapDataKey(master, wrapped, 'b')).toThrow();
  });

  it('derives distinct purpose keys and stable keyed hashes', () => {
    expect(deriveKey(master, 'lookup').equals(deriveKey(master, 'secrets'))).toBe(false);
    const k = deriveKey(master, 'lookup');
    expect(keyedHash(k, '31612345678').equals(keyedHash(k, '31612345678'))).toBe(true);
    expect(keyedHash(k, '31612345678').equals(keyedHash(k, '31612345679'))).toBe(false);
  });
});
