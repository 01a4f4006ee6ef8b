import { WebhookPayloadError } from './channel.types';

/** Small readers shared by the webhook parsers; error messages name the path, never a value. */
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Ids that platforms send as numbers in some payloads and strings in others (app_id, notificationId). */
export function idString(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return str(v);
}

export function failer(platform: string): (message: string) => never {
  return (message) => {
    throw new WebhookPayloadError(`Malformed ${platform} webhook: ${message}`);
  };
}

export function optionalArray(raw: unknown, path: string, fail: (m: string) => never): unknown[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail(`${path} must be an array`);
  return raw;
}

/** A time as Unix milliseconds or seconds (a number or a digit string). */
export function timeFrom(raw: unknown, unit: 'ms' | 's', path: string, fail: (m: string) => never): Date {
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(`${path} must be a Unix time`);
  return new Date(unit === 's' ? n * 1000 : n);
}
