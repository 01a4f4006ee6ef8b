import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Escalation, SessionUser } from '$lib/api/types';
import EscalationItem from './EscalationItem.svelte';

const lead: SessionUser = { id: 'u1', email: 'lead@school.test', name: 'Lead', role: 'team_lead', teamId: 't2' };
const esc = (over: Partial<Escalation> = {}): Escalation => ({
  id: 'e1',
  caseId: 'c1',
  fromTeamId: 't1',
  toTeamId: 't2',
  note: 'Vraag van [PERSON_1] over collegegeld, mail [EMAIL_1]',
  answer: null,
  status: 'open',
  consent: null,
  createdAt: '2026-11-30T10:00:00Z',
  messages: [{ id: 'm1', direction: 'in', text: 'Ik ben [PERSON_1]', createdAt: '2026-11-30T09:59:00Z' }],
  ...over,
});

describe('EscalationItem', () => {
  it('marks the tokens of the pseudonymized note and offers answer and consent, not take-over', () => {
    const { container } = render(EscalationItem, { esc: esc(), user: lead });
    expect([...container.querySelectorAll('.esc-note mark.token')].map((m) => m.textContent)).toEqual(['[PERSON_1]', '[EMAIL_1]']);
    expect(screen.getByRole('button', { name: 'Send answer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ask consent' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take over' })).toBeNull();
  });

  it('lets the team lead take over once the person consented', () => {
    render(EscalationItem, { esc: esc({ consent: 'given' }), user: lead });
    expect(screen.getByText('Consent given')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take over' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask consent' })).toBeNull();
  });

  it('offers nothing more once taken over', () => {
    render(EscalationItem, { esc: esc({ consent: 'given', status: 'taken_over' }), user: lead });
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
