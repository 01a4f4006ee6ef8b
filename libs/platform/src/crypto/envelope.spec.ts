import { decrypt, encrypt, generateDataKey } from './envelope';
import { deriveKey, keyedHash, unwrapDataKey, wrapDataKey } from './envelope';
import { aad } from './row-binding';

describe('envelope encryption', () => {
  const master = generateDataKey();

  it('round-trips text and never contains the plaintext', () => {
    const key = generateDataKey();
    const sealed = encrypt(key, 'sanne@example.nl 🎓', aad.message('m1'));
    expect(sealed.toString('utf8')).not.toContain('sanne');
    expect(decrypt(key, sealed, aad.message('m1'))).toBe('sanne@example.nl 🎓');
  });

  it('fails on tampering and on the wrong key', () => {
    const key = generateDataKey();
    const sealed = encrypt(key, 'hello', aad.message('m1'));
    sealed[sealed.length - 1] ^= 1;
    expect(() => decrypt(key, sealed, aad.message('m1'))).toThrow();
    expect(() =>
      decrypt(generateDataKey(), encrypt(key, 'hello', aad.message('m1')), aad.message('m1')),
    ).toThrow();
  });

  it('binds each ciphertext to its row and column', () => {
    const key = generateDataKey();
    const sealed = encrypt(key, 'Hoi Sanne', aad.message('m1'));
    expect(() => decrypt(key, sealed, aad.message('m2'))).toThrow();
    expect(() => decrypt(key, sealed, aad.replyRef('m1'))).toThrow();
    const phone = encrypt(key, '31612345678', aad.contactField('c1', 'external_id'));
    expect(() => decrypt(key, phone, aad.contactField('c1', 'display_name'))).toThrow();
    expect(decrypt(key, phone, aad.contactField('c1', 'external_id'))).toBe('31612345678');
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
