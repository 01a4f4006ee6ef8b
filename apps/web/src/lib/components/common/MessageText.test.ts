import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MessageText from './MessageText.svelte';

describe('MessageText', () => {
  it('highlights detected identifiers in an original text', () => {
    const text = 'Mail sanne@example.nl graag';
    const { container } = render(MessageText, { text, entities: [{ type: 'EMAIL', start: 5, end: 21 }] });
    const marks = container.querySelectorAll('mark.pii');
    expect([...marks].map((m) => m.textContent)).toEqual(['sanne@example.nl']);
    expect(marks[0]).toHaveAttribute('title', 'Detected personal data: email');
    expect(container.textContent).toBe(text);
  });

  it('shows tokens as chips when there are no spans', () => {
    const { container } = render(MessageText, { text: 'Hoi [PERSON_1]' });
    expect(container.querySelector('mark.token')).toHaveTextContent('[PERSON_1]');
  });
});
