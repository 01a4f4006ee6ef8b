import { ChannelSendError } from '../channel.types';

/** Graph API error codes that mean "too many requests, try later". */
const THROTTLING_CODES = new Set([4, 80007, 130429, 131056]);
const WINDOW_CLOSED_CODE = 131047;
const INVALID_TOKEN_CODE = 190;

interface GraphError {
  code?: number;
  error_subcode?: number;
  type?: string;
  fbtrace_id?: string;
}

const RETRY_NOTE = 'The reply will be retried automatically.';

/**
 * Maps a non-2xx Graph API answer to a ChannelSendError. Meta's own error text is left out: it is not
 * needed to act on the error and could echo request content.
 */
export function graphSendError(httpStatus: number, body: unknown): ChannelSendError {
  const err = graphError(body);
  const platformCode = err.code;
  const message = `WhatsApp send failed: HTTP ${httpStatus}${describe(err)}`;
  const make = (code: string, retryable: boolean, userMessage: string) =>
    new ChannelSendError({ code, retryable, message, userMessage, platformCode });

  if (platformCode === WINDOW_CLOSED_CODE) {
    return make(
      'WINDOW_CLOSED',
      false,
      "WhatsApp's 24-hour customer service window for this conversation has closed, so a free-form reply " +
        'cannot be delivered. Send an approved template message instead, or wait until the person writes again.',
    );
  }
  if (httpStatus === 401 || platformCode === INVALID_TOKEN_CODE) {
    return make(
      'AUTH',
      false,
      'WhatsApp rejected the access token of this channel account. Ask an administrator to renew it.',
    );
  }
  if (httpStatus === 429 || (platformCode !== undefined && THROTTLING_CODES.has(platformCode))) {
    return make('RATE_LIMITED', true, `WhatsApp is limiting how fast messages can be sent. ${RETRY_NOTE}`);
  }
  if (httpStatus >= 500) {
    return make('PLATFORM_UNAVAILABLE', true, `WhatsApp is temporarily unavailable. ${RETRY_NOTE}`);
  }
  return make(
    'REJECTED',
    false,
    `WhatsApp did not accept this reply${platformCode ? ` (error ${platformCode})` : ''}. It will not be retried.`,
  );
}

/**
 * Connection failures and timeouts are retryable. A timed-out send may still have gone through; the
 * idempotency key comes back on its status webhook as StatusEvent.clientReference.
 */
export function transportSendError(cause: unknown): ChannelSendError {
  const name = field(cause, 'name');
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const detail = timedOut ? 'timed out' : `network error${causeCode(cause)}`;
  return new ChannelSendError({
    code: timedOut ? 'TIMEOUT' : 'NETWORK',
    retryable: true,
    message: `WhatsApp send failed: ${detail}`,
    userMessage: `WhatsApp could not be reached. ${RETRY_NOTE}`,
  });
}

function graphError(body: unknown): GraphError {
  const error = field(body, 'error');
  const num = (key: string) =>
    typeof field(error, key) === 'number' ? (field(error, key) as number) : undefined;
  const text = (key: string) =>
    typeof field(error, key) === 'string' ? (field(error, key) as string) : undefined;
  return {
    code: num('code'),
    error_subcode: num('error_subcode'),
    type: text('type'),
    fbtrace_id: text('fbtrace_id'),
  };
}

function describe(e: GraphError): string {
  const parts = [
    e.code !== undefined && `code ${e.code}`,
    e.error_subcode !== undefined && `subcode ${e.error_subcode}`,
    e.type && `type ${e.type}`,
    e.fbtrace_id && `fbtrace_id ${e.fbtrace_id}`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

// Node's fetch wraps the socket error (ECONNREFUSED, ECONNRESET, …) as `cause`; its code is safe to log.
function causeCode(err: unknown): string {
  const code = field(field(err, 'cause'), 'code');
  return typeof code === 'string' ? ` (${code})` : '';
}

// Duck-typed rather than `instanceof Error`: fetch errors may come from another realm (e.g. under Jest).
function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}
