import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Trends } from '$lib/api/types';
import TrendsChart from './TrendsChart.svelte';
import TrendsTable from './TrendsTable.svelte';

// The contract's shape: a suppressed cell has count null, suppressed true and no other figures.
const data: Trends = {
  minCell: 10,
  from: '2026-11-23',
  to: '2026-11-29',
  weeks: ['2026-W48'],
  groupBy: ['week', 'channel', 'topic'],
  rows: [
    { week: '2026-W48', channel: 'whatsapp', topic: 'open_day', count: 42, medianFirstResponseMinutes: 12.4, medianResolutionMinutes: 95, escalatedShare: 0.1 },
    { week: '2026-W48', channel: 'facebook', topic: 'housing', count: null, suppressed: true },
  ],
};

describe('trend report', () => {
  it('shows suppressed cells as "<10" and real figures formatted', () => {
    render(TrendsTable, { data });
    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/WhatsApp.*Open day.*42.*12.*95.*10\s?%/);
    expect(rows[2]).toHaveTextContent('<10');
    expect(rows[2].textContent).not.toMatch(/\b0\b/);
  });

  it('draws a bar per week and marks weeks with suppressed cells', () => {
    const { container } = render(TrendsChart, { data });
    expect(container.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(container.querySelector('.bar-label')).toHaveTextContent('42 +<10');
    expect(screen.getByRole('img', { name: 'Conversations per week' })).toBeInTheDocument();
  });
});
