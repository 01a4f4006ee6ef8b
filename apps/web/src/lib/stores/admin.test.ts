import { beforeEach, describe, expect, it, vi } from 'vitest';

// openapi-fetch keeps the fetch and Request it finds when the client is created, so replace them
// before the import: fetch records the request; Request resolves the SPA's relative paths.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(request: Request) => Promise<Response>>();
  globalThis.fetch = mock as unknown as typeof fetch;
  const NodeRequest = globalThis.Request;
  globalThis.Request = class extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, 'http://localhost') : input, init);
    }
  };
  return mock;
});
const { admin } = await import('./admin.svelte');

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('admin store: channel account secrets and settings', () => {
  beforeEach(() => fetchMock.mockReset());

  it('rotates secrets with PUT …/secrets and only the given fields', async () => {
    fetchMock.mockResolvedValue(json({ id: 'a1' }));
    await admin.rotateSecrets('a1', { accessToken: 'tok-12345678' });
    const request = fetchMock.mock.calls[0][0];
    expect(request.method).toBe('PUT');
    expect(new URL(request.url).pathname).toBe('/api/channel-accounts/a1/secrets');
    expect(await request.json()).toEqual({ accessToken: 'tok-12345678' });
  });

  it('saves the human agent tag with PATCH …/settings and reloads the accounts', async () => {
    fetchMock.mockResolvedValueOnce(json({ id: 'f1' }));
    fetchMock.mockResolvedValueOnce(json({ items: [{ id: 'f1', channel: 'facebook', settings: { humanAgentTag: true } }] }));
    await admin.updateSettings('f1', { humanAgentTag: true });
    const [patch, reload] = fetchMock.mock.calls.map((c) => c[0]);
    expect(patch.method).toBe('PATCH');
    expect(new URL(patch.url).pathname).toBe('/api/channel-accounts/f1/settings');
    expect(await patch.json()).toEqual({ humanAgentTag: true });
    expect(new URL(reload.url).pathname).toBe('/api/channel-accounts');
    expect(admin.accounts[0].settings).toEqual({ humanAgentTag: true });
  });

  it("turns the API's { error } into the thrown message", async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ error: { code: 'VALIDATION', message: 'Name at least one' } }), { status: 400 }));
    await expect(admin.rotateSecrets('a1', {})).rejects.toMatchObject({ code: 'VALIDATION', message: 'Name at least one' });
  });
});
