/**
 * Third-person, news-style sentences (written for this evaluation, not taken from any test set).
 * Slots: {N} full name, {L} its surname alone, {N2} another person's full name, {L2} that surname.
 * A message is one opening sentence with {N} and sometimes a follow-up that repeats {L}.
 */
export const NEWS_OPENINGS: Record<'nl' | 'en', readonly string[]> = {
  nl: [
    'Dat zegt minister {N} in een reactie op het rapport.',
    'Volgens {N} is het plan van de gemeente te duur.',
    '{N} zei dinsdag dat de onderhandelingen vastzitten.',
    '"We gaan gewoon door", aldus {N} na afloop van de vergadering.',
    'Trainer {N} vond de nederlaag tegen de koploper onterecht.',
    'In de finale versloeg {N} de Belg {N2} in drie sets.',
    '{N} (34) uit Tilburg werd gisteravond aangehouden.',
    'Burgemeester {N} opende vrijdag het nieuwe stadhuis.',
    'De rechter gaf {N} gisteren gelijk in de zaak tegen de woningcorporatie.',
    'Ook {N2} was aanwezig bij de presentatie van de plannen.',
    'Volgens woordvoerder {N} is er geen sprake van fraude.',
    'De prijs ging dit jaar naar schrijfster {N}.',
    'Het doelpunt van {N} in de slotminuut besliste de wedstrijd.',
    'Onderzoeker {N} van de universiteit waarschuwt voor de gevolgen.',
    '{N} en {N2} presenteerden donderdag hun nieuwe album.',
    'Het voorstel van wethouder {N} haalde geen meerderheid.',
  ],
  en: [
    '{N} said on Tuesday that the talks had stalled.',
    'According to {N}, the plan is far too expensive.',
    '"We will appeal," said {N} after the verdict.',
    'Coach {N} praised the team after the match.',
    'The court ruled in favour of {N} on Monday.',
    '{N} and {N2} met in Brussels to discuss the deal.',
    'The award went to novelist {N} this year.',
  ],
};

export const NEWS_FOLLOW_UPS: Record<'nl' | 'en', readonly string[]> = {
  nl: [
    '{L} reageerde verrast op het nieuws.',
    '{L} won vorig jaar ook al de Ronde.',
    'Later op de dag liet {L} weten dat hij zich terugtrekt.',
    'Volgens {L} is het laatste woord er nog niet over gezegd.',
    '"Dit is een historische dag", zei {L}.',
    '{L} zegt dat hij het niet eens is met {L2}.',
    'Na afloop sprak {L} van een terechte overwinning.',
  ],
  en: [
    '{L} declined to comment further.',
    '{L} won the same race last year.',
    'Later that day {L} announced a new tour.',
    '"This is a historic day," {L} told reporters.',
  ],
};

/**
 * Messages that are nothing but a name, as pasted into a form or a chat: {F} first name,
 * {L} surname, {I}/{J} initials. The honorific in front is no part of the name.
 */
export const SNIPPETS: readonly string[] = [
  '{F} {L}',
  '{F} {L}',
  '{L}',
  '{I}. {L}',
  '{I}.{J}. {L}',
  'mevr. {F} {L}',
  'dhr. {L}',
  'Mr {F} {L}',
  '{L}, {F}',
  '{F}',
];
