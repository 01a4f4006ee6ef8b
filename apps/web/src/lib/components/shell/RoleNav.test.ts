import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RoleNav from './RoleNav.svelte';

const links = () => screen.getAllByRole('link').map((a) => a.getAttribute('href'));

describe('RoleNav', () => {
  it('shows an agent the inbox and escalations only', () => {
    render(RoleNav, { role: 'agent', current: '/inbox' });
    expect(links()).toEqual(['/inbox', '/escalations']);
    expect(screen.getByRole('link', { name: 'Inbox' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows a manager reports and never the inbox', () => {
    render(RoleNav, { role: 'manager', current: '/reports' });
    expect(links()).toEqual(['/reports']);
  });

  it('shows the privacy officer privacy and reports, the admin only administration', () => {
    const { unmount } = render(RoleNav, { role: 'privacy_officer', current: '/privacy' });
    expect(links()).toEqual(['/privacy', '/reports']);
    unmount();
    render(RoleNav, { role: 'admin', current: '/admin' });
    expect(links()).toEqual(['/admin']);
  });

  it('labels the open escalation count for screen readers', () => {
    render(RoleNav, { role: 'team_lead', current: '/escalations', badges: { '/escalations': 3 } });
    expect(screen.getByLabelText('3 open')).toHaveTextContent('3');
  });
});
