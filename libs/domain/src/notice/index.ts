export * from './detect-language';
export * from './humanize-duration';
export * from './privacy-notice';
