/**
 * Polarity cues (same pattern syntax as the topic lexicon), written from how people write to an
 * admissions desk: most messages are neutral questions, politeness formulas ("alvast bedankt",
 * "thanks in advance") are neutral, and a complaint is usually about waiting, not knowing, or
 * something that does not work. Negative cues carry negative weights.
 */
export const DUTCH_SENTIMENT: Record<string, number> = {
  // positive
  'bedankt': 2, 'dank': 2, 'dankjewel': 2, 'dankuwel': 2, 'top': 2, 'super': 2, 'geweldig*': 3, 'fijn': 2,
  'mooi*': 1, 'leuk*': 2, 'blij': 2, 'tevreden': 2, 'goed': 1, 'prima': 1, 'handig': 1, 'duidelijk': 1,
  'enthousiast': 2, 'fantastisch': 3, 'heerlijk': 2, 'gelukt': 2, 'vriendelijk': 1, 'behulpzaam': 2,
  'snel geholpen': 3, 'zin in': 2, 'kijk ernaar uit': 2, 'waardeer*': 2, 'perfect': 2, 'geholpen': 1,
  'aanrader': 2, 'trots': 2, 'gaaf': 2, 'geslaagd': 2,
  // negative
  'slecht': -2, 'slechte': -2, 'slechter': -2, 'slechtst*': -2, 'boos': -3, 'teleurgesteld': -3, 'teleurstell*': -3, 'frustr*': -3, 'belachelijk': -3,
  'schandalig': -3, 'klacht*': -3, 'irritant': -3, 'vervelend': -2, 'onduidelijk': -2, 'traag': -2,
  'niemand': -2, 'probleem': -1, 'problemen': -2, 'fout*': -2, 'lastig': -1, 'zorgen': -1, 'bang': -2,
  'stress*': -2, 'wanhopig': -3, 'helaas': -1, 'jammer': -1, 'werkt niet': -3, 'geen antwoord': -3,
  'geen reactie': -3, 'nog steeds': -2, 'al weken': -2, 'al dagen': -2, 'onacceptabel': -3, 'chaos': -3,
  'waardeloos': -3, 'kwijt': -2, 'misgegaan': -3, 'mis': -1, 'zonde': -1, 'ontevreden': -3, 'in paniek': -3,
  'paniek': -3, 'onbereikbaar': -3, 'niet bereikbaar': -3, 'snap er niets van': -3, 'onterecht': -3,
  'verward': -2, 'overstuur': -3, 'verdrietig': -3, 'balen': -2, 'baal': -2, 'klote': -3, 'nergens': -1,
};

export const ENGLISH_SENTIMENT: Record<string, number> = {
  // positive
  'thank': 2, 'thanks': 2, 'great': 2, 'awesome': 3, 'happy': 2, 'love': 2, 'excellent': 3, 'helpful': 2,
  'perfect': 2, 'nice': 1, 'glad': 2, 'appreciate': 2, 'wonderful': 3, 'excited': 2, 'amazing': 3,
  'clear': 1, 'quick': 1, 'fantastic': 3, 'good': 1, 'enjoy': 2, 'enjoyed': 2, 'look forward': 2,
  'pleased': 2, 'kind': 1, 'brilliant': 3, 'super': 2, 'lovely': 2, 'impressed': 2, 'cool': 1,
  // negative
  'bad': -2, 'terrible': -3, 'awful': -3, 'disappointed': -3, 'disappointing': -3, 'frustrated': -3,
  'frustrating': -3, 'angry': -3, 'annoyed': -3, 'annoying': -3, 'ridiculous': -3, 'unacceptable': -3,
  'complaint': -3, 'complain': -3, 'worried': -2, 'worry': -2, 'confused': -2, 'confusing': -2, 'unclear': -2,
  'slow': -2, 'problem': -1, 'broken': -2, 'wrong': -2, 'upset': -3, 'stressed': -2, 'stress': -2,
  'unfortunately': -1, 'still no': -3, 'no answer': -3, 'no response': -3, 'no reply': -3, 'hate': -3,
  'useless': -3, 'mess': -3, 'lost': -1, 'nobody': -2, 'no one': -2, 'panic': -3, 'horrible': -3, 'poor': -2,
  'fail': -2, 'failed': -2, 'error': -2, 'not work': -3, 'waste': -3, 'unfair': -3, 'sad': -3, 'anxious': -2,
  'ignore': -3, 'ignored': -3,
};

/** Words that flip the polarity of the next few words. */
export const NEGATORS = new Set([
  'niet', 'geen', 'nooit', 'nergens', 'zonder', 'not', 'no', 'never', 'without', 'hardly', 'nor',
]);

/** Politeness formulas that carry no sentiment in a question (matched as phrases, then skipped). */
export const NEUTRAL_FORMULAS = [
  'alvast bedankt', 'alvast dank', 'bij voorbaat dank', 'vriendelijke groet', 'met vriendelijke groet',
  'thanks in advance', 'thank you in advance', 'kind regards', 'best regards', 'many thanks in advance',
  'geen probleem', 'no problem', 'dank voor uw', 'thank you for your time',
];
