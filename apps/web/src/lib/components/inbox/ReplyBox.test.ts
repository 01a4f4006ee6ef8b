import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DraftCheck } from '$lib/api/types';
import ReplyBox from './ReplyBox.svelte';

const refusal: DraftCheck = {
  text: 'Kun je je BSN sturen?',
  warnings: [],
  refusal: { code: 'ASKS_FOR_BSN', message: 'Never ask for a BSN in a chat: use Studielink or the upload portal.' },
};

describe('ReplyBox', () => {
  it('shows the BSN refusal while typing and blocks sending', async () => {
    const check = vi.fn().mockResolvedValue(refusal);
    const send = vi.fn();
    render(ReplyBox, { caseId: 'c1', check, send });
    await userEvent.type(screen.getByRole('textbox', { name: 'Reply' }), 'Kun je je BSN sturen?');
    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    expect(alert).toHaveTextContent('This would be refused:');
    expect(alert).toHaveTextContent(/BSN.*Studielink/);
    expect(document.querySelector('#reply-check')).toHaveAttribute('data-state', 'refused');
    expect(check).toHaveBeenLastCalledWith('Kun je je BSN sturen?');
    expect(screen.getByRole('button', { name: 'Send reply' })).toBeDisabled();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends with Ctrl+Enter and reports the queued reply with its warnings', async () => {
    const check = vi.fn().mockResolvedValue({ text: 'x', warnings: [], refusal: null });
    const send = vi.fn().mockResolvedValue({
      id: 'r1',
      status: 'queued',
      warnings: [{ code: 'TRACKING_PARAMETERS_REMOVED', message: 'Tracking parameters were removed.' }],
    });
    render(ReplyBox, { caseId: 'c1', check, send });
    const box = screen.getByRole('textbox', { name: 'Reply' });
    await userEvent.type(box, 'Dag!');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(send).toHaveBeenCalledWith('Dag!', undefined);
    expect(await screen.findByText('Reply queued, with warnings:')).toBeInTheDocument();
    expect(screen.getByText('Tracking parameters were removed.')).toBeInTheDocument();
    expect(box).toHaveValue('');
  });

  it('offers public or private for comment cases', async () => {
    const send = vi.fn().mockResolvedValue({ id: 'r1', status: 'queued', warnings: [] });
    render(ReplyBox, { caseId: 'c1', comment: true, check: vi.fn().mockResolvedValue(null), send });
    await userEvent.type(screen.getByRole('textbox', { name: 'Reply' }), 'Zie je DM');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(send).toHaveBeenCalledWith('Zie je DM', 'private');
  });
});
