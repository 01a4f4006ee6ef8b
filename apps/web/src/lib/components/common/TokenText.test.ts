import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TokenText from './TokenText.svelte';

describe('TokenText', () => {
  it('renders each pseudonym token as a marked chip and leaves the rest as text', () => {
    const { container } = render(TokenText, { text: 'Hoi [PERSON_1], mail [EMAIL_2] of bel.' });
    const chips = [...container.querySelectorAll('mark.token')];
    expect(chips.map((c) => c.textContent)).toEqual(['[PERSON_1]', '[EMAIL_2]']);
    expect(chips[0]).toHaveClass('token-person');
    expect(chips[0]).toHaveAttribute('title', 'Pseudonym: person 1');
    expect(container.textContent).toBe('Hoi [PERSON_1], mail [EMAIL_2] of bel.');
  });

  it('does not treat lowercase brackets as tokens', () => {
    const { container } = render(TokenText, { text: 'zie [bijlage_1]' });
    expect(container.querySelectorAll('mark').length).toBe(0);
  });
});
