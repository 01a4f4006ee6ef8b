import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api/errors';
import type { ChannelAccount } from '$lib/api/types';
import HumanAgentTag from './HumanAgentTag.svelte';

const page: ChannelAccount = { id: 'f1', channel: 'facebook', externalId: '99', name: 'Page', teamId: 't1', retentionPeriod: null, allowlist: {}, settings: {} };
const LABEL = "Use Messenger's human agent tag";

describe('HumanAgentTag', () => {
  it('turns the tag on and off through the settings call', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(HumanAgentTag, { account: page, save });
    const box = screen.getByRole('checkbox', { name: LABEL });
    expect(box).not.toBeChecked();
    expect(screen.getByText(/up to 7 days.*Meta must approve/)).toBeInTheDocument();
    await userEvent.click(box);
    expect(save).toHaveBeenLastCalledWith('f1', true);
    expect(await screen.findByText('Human agent tag is on.')).toBeInTheDocument();
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(save).toHaveBeenLastCalledWith('f1', false);
    expect(await screen.findByText('Human agent tag is off.')).toBeInTheDocument();
  });

  it('shows the stored value and puts it back when saving fails', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError(400, 'VALIDATION', 'Only Facebook pages have this tag'));
    render(HumanAgentTag, { account: { ...page, settings: { humanAgentTag: true } }, save });
    const box = screen.getByRole('checkbox', { name: LABEL });
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(save).toHaveBeenCalledWith('f1', false);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only Facebook pages have this tag');
    expect(box).toBeChecked();
  });
});
