import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { aad as bindings, RowBinding } from './row-binding';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM; output is iv | tag | ciphertext so one bytea column holds everything. */
export function encrypt(key: Buffer, plaintext: string | Buffer, aad: RowBinding): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptBuffer(key: Buffer, sealed: Buffer, aad: RowBinding): Buffer {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function decrypt(key: Buffer, sealed: Buffer, aad: RowBinding): string {
  return decryptBuffer(key, sealed, aad).toString('utf8');
}

export function generateDataKey(): Buffer {
  return randomBytes(32);
}

/** Wraps a data key with the master key; the key id is bound as AAD so wrapped keys cannot be swapped. */
export function wrapDataKey(masterKey: Buffer, dataKey: Buffer, keyId: string): Buffer {
  return encrypt(masterKey, dataKey, bindings.dataKey(keyId));
}

export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer, keyId: string): Buffer {
  return decryptBuffer(masterKey, wrapped, bindings.dataKey(keyId));
}

/** Separate sub-keys per purpose, so the lookup hash key never encrypts anything and vice versa. */
export function deriveKey(
  masterKey: Buffer,
  purpose: 'lookup' | 'secrets' | 'staging' | 'audit-chain' | 'audit-checkpoint' | 'subject-ref',
): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `webcare:${purpose}`, 32));
}

/** Keyed hash for equality lookups of identifiers (contacts, external message ids) without storing them. */
export function keyedHash(lookupKey: Buffer, value: string): Buffer {
  return createHmac('sha256', lookupKey).update(value).digest();
}
