import { verifyMetaHandshake } from './meta-handshake';

const TOKEN = 'verify-token-123';

describe('verifyMetaHandshake', () => {
  const query = (overrides: Record<string, unknown> = {}) => ({
    'hub.mode': 'subscribe',
    'hub.verify_token': TOKEN,
    'hub.challenge': '1158201444',
    ...overrides,
  });

  it('returns the challenge for a subscribe request with the right token', () => {
    expect(verifyMetaHandshake(query(), TOKEN)).toBe('1158201444');
  });

  it('refuses a wrong token', () => {
    expect(verifyMetaHandshake(query({ 'hub.verify_token': 'guess' }), TOKEN)).toBeNull();
    expect(verifyMetaHandshake(query({ 'hub.verify_token': `${TOKEN}x` }), TOKEN)).toBeNull();
  });

  it('refuses another mode', () => {
    expect(verifyMetaHandshake(query({ 'hub.mode': 'unsubscribe' }), TOKEN)).toBeNull();
    expect(verifyMetaHandshake(query({ 'hub.mode': undefined }), TOKEN)).toBeNull();
  });

  it('refuses missing or non-string parameters', () => {
    expect(verifyMetaHandshake(query({ 'hub.verify_token': undefined }), TOKEN)).toBeNull();
    expect(verifyMetaHandshake(query({ 'hub.verify_token': [TOKEN, TOKEN] }), TOKEN)).toBeNull();
    expect(verifyMetaHandshake(query({ 'hub.challenge': undefined }), TOKEN)).toBeNull();
    expect(verifyMetaHandshake(query({ 'hub.challenge': '' }), TOKEN)).toBeNull();
  });

  it('refuses everything when no verify token is configured', () => {
    expect(verifyMetaHandshake(query({ 'hub.verify_token': '' }), '')).toBeNull();
  });
});
