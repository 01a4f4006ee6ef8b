import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signMetaBody, verifyMetaSignature } from './meta-signature';

const SECRET = 'test-app-secret';

describe('verifyMetaSignature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('accepts the signature of the exact bytes', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, SECRET), SECRET)).toBe(true);
  });

  it('accepts an upper-case hex digest', () => {
    const header = `sha256=${signMetaBody(body, SECRET).slice('sha256='.length).toUpperCase()}`;
    expect(verifyMetaSignature(body, header, SECRET)).toBe(true);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, 'other-secret'), SECRET)).toBe(false);
  });

  it('rejects a signature of other bytes', () => {
    const tampered = Buffer.from(body.toString().replace('[]', '[{}]'));
    expect(verifyMetaSignature(tampered, signMetaBody(body, SECRET), SECRET)).toBe(false);
  });

  it('rejects a missing header', () => {
    expect(verifyMetaSignature(body, undefined, SECRET)).toBe(false);
    expect(verifyMetaSignature(body, '', SECRET)).toBe(false);
  });

  it.each([
    ['no prefix', signMetaBody(body, SECRET).slice('sha256='.length)],
    ['sha1 prefix', signMetaBody(body, SECRET).replace('sha256=', 'sha1=')],
    ['truncated digest', signMetaBody(body, SECRET).slice(0, -2)],
    ['digest too long', `${signMetaBody(body, SECRET)}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['prefix only', 'sha256='],
  ])('rejects a malformed header (%s) without throwing', (_label, header) => {
    expect(verifyMetaSignature(body, header, SECRET)).toBe(false);
  });

  it('rejects everything when no app secret is configured', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, ''), '')).toBe(false);
  });

  describe('a body with non-ASCII text escaped as \\uXXXX, as Meta sends it', () => {
    const raw = readFileSync(join(__dirname, '../../../../test/fixtures/whatsapp/non-ascii.json'));
    const header = signMetaBody(raw, SECRET);

    it('is really escaped on the wire', () => {
      expect(raw.toString('latin1')).toContain('ge\\u00efnteresseerd');
      expect(raw.toString('latin1')).toContain('\\ud83c\\udf89');
      expect(raw.toString('latin1')).toContain('12\\/3');
    });

    it('verifies over the raw bytes', () => {
      expect(verifyMetaSignature(raw, header, SECRET)).toBe(true);
    });

    it('would not verify over re-serialised JSON, so the raw body must be kept', () => {
      const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
      expect(reserialised.equals(raw)).toBe(false);
      expect(verifyMetaSignature(reserialised, header, SECRET)).toBe(false);
    });
  });
});
