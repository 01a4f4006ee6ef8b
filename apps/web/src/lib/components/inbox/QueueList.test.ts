import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaseListItem } from '$lib/api/types';
import QueueList from './QueueList.svelte';

const cases = (n: number): CaseListItem[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    channel: 'whatsapp',
    status: 'open',
    teamId: 't1',
    assigneeId: null,
    lastMessageAt: new Date(Date.now() - i * 60_000).toISOString(),
    preview: `Vraag ${i} van [PERSON_1]`,
  }));

describe('QueueList', () => {
  it('renders only the rows in view for 10,000 cases', () => {
    const started = performance.now();
    const { container } = render(QueueList, { items: cases(10_000), selectedId: null, userId: 'u1', onopen: vi.fn() });
    const ms = performance.now() - started;
    const rows = container.querySelectorAll('.case-item');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    // The spacer keeps the scrollbar true to all 10,000 rows.
    expect((container.querySelector('#queue-list') as HTMLElement).style.paddingBottom).toMatch(/^\d{5,}px$/);
    expect(ms).toBeLessThan(1000);
  });

  it('moves through the queue with the arrow keys and opens with Enter', async () => {
    const onopen = vi.fn();
    const items = cases(5);
    render(QueueList, { items, selectedId: null, userId: 'u1', onopen });
    const buttons = screen.getAllByRole('button');
    buttons[0].focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-case-id', items[2].id);
    await userEvent.keyboard('{Enter}');
    expect(onopen).toHaveBeenCalledWith(items[2].id);
  });
});
