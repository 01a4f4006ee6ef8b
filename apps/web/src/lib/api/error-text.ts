import type { MessageKey } from '$lib/i18n';
import { ApiError } from './errors';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A failure as a sentence in the user's language; the server's own text where it says more. */
export function errorText(err: unknown, t: T, fallback: MessageKey = 'error.generic'): string {
  if (!(err instanceof ApiError)) return t(fallback);
  if (err.status === 0) return t('error.network');
  if (err.status === 403) return t('error.forbidden');
  if (err.status === 404) return t('error.notFound');
  if (err.status === 429) return t('error.throttled');
  if (err.status >= 500) return t('error.server');
  return err.message || t(fallback);
}
