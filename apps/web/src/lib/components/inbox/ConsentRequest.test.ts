import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CONSENT_PURPOSES } from '$lib/api/consent-purposes';
import ConsentRequest from './ConsentRequest.svelte';

describe('ConsentRequest', () => {
  it('offers the listed purposes only and asks with the chosen code', async () => {
    const ask = vi.fn().mockResolvedValue(undefined);
    render(ConsentRequest, { teamId: 't2', ask, idPrefix: 'c' });
    const select = screen.getByLabelText('Purpose');
    expect(select.tagName).toBe('SELECT');
    expect(screen.getAllByRole('option')).toHaveLength(CONSENT_PURPOSES.length);

    await userEvent.selectOptions(select, 'Assess diploma and previous education');
    await userEvent.click(screen.getByRole('button', { name: 'Ask consent' }));
    expect(ask).toHaveBeenCalledWith('t2', 'diploma_evaluation');
    expect(await screen.findByText(/Consent asked through the channel/)).toBeInTheDocument();
  });
});
