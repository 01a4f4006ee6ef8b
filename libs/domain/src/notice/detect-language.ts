export type ReplyLanguage = 'nl' | 'en';

// Function words only: they are frequent in any reply and rarely shared between the two languages.
// "we", "is", "in", "of" and "me" are left out on purpose: they are common Dutch words too.
const DUTCH = new Set(
  (
    'de het een en van voor met op dat dit die ook zijn bent ben hebt heeft hebben je jij jou jouw u uw ' +
    'niet geen wij ons onze jullie naar bij maar wel nog als wat hoe waar wanneer kun kunt kan wilt graag ' +
    'bedankt dank hallo hoi groet groeten vriendelijke tot om te er aan welkom hoor alvast'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the a and for with on that this also you your yours our ours us please thanks thank are be been ' +
    'have has do does not what how where when can could would will to from it hello regards ' +
    'welcome dear happy answer question'
  ).split(' '),
);

/** Picks the notice language by counting function words; ties (and empty text) go to Dutch, the default audience. */
export function detectReplyLanguage(text: string): ReplyLanguage {
  let score = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (DUTCH.has(word)) score++;
    else if (ENGLISH.has(word)) score--;
  }
  return score < 0 ? 'en' : 'nl';
}
