import { ChannelSendError } from './channel.types';

export interface SendHttpResult {
  status: number;
  payload: unknown;
  headers: Headers;
}

/**
 * One JSON POST for a send client. Transport failures become retryable ChannelSendErrors (a timed-out
 * send may still have gone through, so the caller marks it `unknown` rather than retrying blindly).
 */
export async function postJson(
  label: string,
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  timeoutMs: number,
): Promise<SendHttpResult> {
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, payload: parseJson(text), headers: res.headers };
  } catch (err) {
    const name = field(err, 'name');
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    const code = field(field(err, 'cause'), 'code');
    throw new ChannelSendError({
      code: timedOut ? 'TIMEOUT' : 'NETWORK',
      retryable: true,
      message: `${label} send failed: ${timedOut ? 'timed out' : `network error${typeof code === 'string' ? ` (${code})` : ''}`}`,
      userMessage: `${label} could not be reached. The reply will be retried automatically.`,
    });
  }
}

/**
 * A success status without the id of what was posted: the platform may have accepted it, so a
 * retry could post it twice and the send is not retried.
 */
export function answeredWithoutId(message: string, userMessage: string): ChannelSendError {
  return new ChannelSendError({ code: 'BAD_RESPONSE', retryable: false, message, userMessage });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Duck-typed rather than `instanceof Error`: fetch errors may come from another realm (e.g. under Jest).
export function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}
