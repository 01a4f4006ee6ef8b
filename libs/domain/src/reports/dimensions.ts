/** The contract's report taxonomy and the other dimensions a fact is counted by. */
export const TOPICS = [
  'admission',
  'application',
  'open_day',
  'tuition',
  'student_finance',
  'housing',
  'programme',
  'schedule',
  'international',
  'accessibility',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const REPORT_CHANNELS = ['whatsapp', 'facebook', 'linkedin'] as const;
export const REPORT_LANGUAGES = ['nl', 'en', 'other'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Grouping keys a report may ask for; `week` is the time axis, the rest are the cube's dimensions. */
export const GROUP_KEYS = ['week', 'channel', 'topic', 'language', 'sentiment'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
export type FactDimension = Exclude<GroupKey, 'week'>;

/** Cube dimensions in a fixed order; the cube code (disclosure/) only sees their sizes. */
export const FACT_DIMENSIONS: readonly { key: FactDimension; values: readonly string[] }[] = [
  { key: 'channel', values: REPORT_CHANNELS },
  { key: 'topic', values: TOPICS },
  { key: 'language', values: REPORT_LANGUAGES },
  { key: 'sentiment', values: SENTIMENTS },
];

/**
 * The most fact dimensions one report may cross (week aside). Tables of three or four are too
 * sparse to publish safely, and protecting them would hide most of the useful two-way tables.
 */
export const REPORT_MAX_DIMENSIONS = 2;
