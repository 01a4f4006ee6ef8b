import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api/errors';
import type { ChannelAccount } from '$lib/api/types';
import SecretRotation from './SecretRotation.svelte';

const account: ChannelAccount = { id: 'a1', channel: 'whatsapp', externalId: '123', name: 'School', teamId: 't1', retentionPeriod: null, allowlist: {}, settings: {} };
const SECRET = 'new-app-secret-0123';

describe('SecretRotation', () => {
  it('sends only the filled fields and never shows the secret', async () => {
    const rotate = vi.fn().mockResolvedValue(undefined);
    const { container } = render(SecretRotation, { account, rotate });
    const inputs = container.querySelectorAll('input');
    expect([...inputs].map((i) => i.type)).toEqual(['password', 'password', 'password']);
    await userEvent.type(screen.getByLabelText('App secret / client secret'), SECRET);
    await userEvent.click(screen.getByRole('button', { name: 'Save new secrets' }));
    expect(rotate).toHaveBeenCalledWith('a1', { appSecret: SECRET });
    expect(await screen.findByText('New secrets for School are saved.')).toBeInTheDocument();
    expect(screen.getByLabelText('App secret / client secret')).toHaveValue('');
    expect(container.innerHTML).not.toContain(SECRET);
  });

  it('asks for at least one secret without calling the API', async () => {
    const rotate = vi.fn();
    render(SecretRotation, { account, rotate });
    await userEvent.click(screen.getByRole('button', { name: 'Save new secrets' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Fill in at least one new secret.');
    expect(rotate).not.toHaveBeenCalled();
  });

  it("shows the API's error message and keeps no secret in the page", async () => {
    const rotate = vi.fn().mockRejectedValue(new ApiError(400, 'VALIDATION', 'accessToken must be longer than or equal to 8 characters'));
    const { container } = render(SecretRotation, { account: { ...account, channel: 'linkedin' }, rotate });
    expect(screen.queryByLabelText('Verify token')).toBeNull();
    await userEvent.type(screen.getByLabelText('Access token'), 'tok-12345678');
    await userEvent.click(screen.getByRole('button', { name: 'Save new secrets' }));
    expect(rotate).toHaveBeenCalledWith('a1', { accessToken: 'tok-12345678' });
    expect(await screen.findByRole('alert')).toHaveTextContent('accessToken must be longer than or equal to 8 characters');
    expect(container.innerHTML).not.toContain('tok-12345678');
  });
});
