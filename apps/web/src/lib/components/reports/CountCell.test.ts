import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CountCell from './CountCell.svelte';

describe('CountCell', () => {
  it('renders a suppressed cell as "<10", never as 0', () => {
    const { container } = render(CountCell, { count: null, suppressed: true, minCell: 10 });
    expect(container.querySelector('[aria-hidden=true]')).toHaveTextContent('<10');
    expect(container.textContent).not.toMatch(/\b0\b/);
    expect(container.textContent).toContain('fewer than 10');
  });

  it('uses the report minCell and shows real counts formatted', () => {
    const a = render(CountCell, { count: null, suppressed: true, minCell: 5 });
    expect(a.container.querySelector('[aria-hidden=true]')).toHaveTextContent('<5');
    a.unmount();
    const b = render(CountCell, { count: 1234, minCell: 10 });
    expect(b.container.textContent?.trim()).toBe('1,234');
  });
});
