import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api/errors';
import type { CaseDetail } from '$lib/api/types';
import { caseView } from '$lib/stores/case-view.svelte';
import HandoverPreview from './HandoverPreview.svelte';

const original = 'Hoi, ik ben Sanne Vriesinga uit Zwolle';
const detail = {
  id: 'c1',
  view: 'original',
  messages: [{ id: 'm1', direction: 'in', text: original, createdAt: '2026-11-30T10:00:00Z' }],
} as unknown as CaseDetail;

function select(node: Node, start: number, end: number) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

describe('HandoverPreview', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows what the other team sees and marks a selected missed word at its offsets in the original', async () => {
    caseView.detail = detail;
    const shown = 'Hoi, ik ben [PERSON_1] Vriesinga uit Zwolle';
    vi.spyOn(caseView, 'preview').mockResolvedValue({
      caseId: 'c1',
      toTeamId: 't2',
      view: 'pseudonymized',
      messages: [
        {
          id: 'm1',
          direction: 'in',
          withheld: false,
          text: shown,
          tokens: [{ token: '[PERSON_1]', type: 'PERSON', start: 12, end: 22 }],
          createdAt: '',
        },
      ],
      notes: [],
      draftNote: null,
    });
    const redact = vi.spyOn(caseView, 'redact').mockResolvedValue({ id: 'r1', token: '[PERSON_2]' });
    render(HandoverPreview, { toTeamId: 't2' });
    const list = await screen.findByRole('list');
    expect(list.querySelector('mark.token')).toHaveTextContent('[PERSON_1]');
    const after = [...list.querySelector('li')!.childNodes].find((n) => n.textContent?.includes('Vriesinga'))!;
    const at = after.textContent!.indexOf('Vriesinga');
    select(after, at, at + 'Vriesinga'.length);
    await fireEvent.mouseUp(list);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark as personal data' }));
    const start = original.indexOf('Vriesinga');
    expect(redact).toHaveBeenCalledWith('m1', start, start + 'Vriesinga'.length, 'PERSON');
    expect(await screen.findByText(/is now replaced in every pseudonymized view/)).toBeInTheDocument();
  });

  it('says the preview is unavailable when the API answers 404', async () => {
    vi.spyOn(caseView, 'preview').mockRejectedValue(new ApiError(404, 'NOT_FOUND', 'Cannot GET'));
    render(HandoverPreview, { toTeamId: 't2' });
    expect(await screen.findByText(/not available in this version/)).toBeInTheDocument();
  });
});
