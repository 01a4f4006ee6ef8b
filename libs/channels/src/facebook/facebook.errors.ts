import { ChannelSendError } from '../channel.types';
import { field } from '../http-send';

/** Graph API codes for "too many calls, try later". */
const THROTTLING_CODES = new Set([4, 17, 32, 613, 80001, 80006]);
const INVALID_TOKEN_CODE = 190;
/** Code 10 with this subcode: the message was sent outside the allowed window. */
const OUTSIDE_WINDOW = { code: 10, subcode: 2018278 };
/** "This person isn't available right now." */
const PERSON_UNAVAILABLE_CODE = 551;
const RETRY_NOTE = 'The reply will be retried automatically.';

/**
 * Maps a non-2xx Graph API answer for a Messenger or comment send to a ChannelSendError with a state staff
 * can act on. Meta's own error text is left out: it is not needed and could echo request content.
 */
export function facebookSendError(httpStatus: number, body: unknown): ChannelSendError {
  const error = field(body, 'error');
  const num = (key: string) =>
    typeof field(error, key) === 'number' ? (field(error, key) as number) : undefined;
  const code = num('code');
  const subcode = num('error_subcode');
  const trace =
    typeof field(error, 'fbtrace_id') === 'string'
      ? `, fbtrace_id ${String(field(error, 'fbtrace_id'))}`
      : '';
  const message = `Facebook send failed: HTTP ${httpStatus}${code !== undefined ? ` (code ${code}${subcode !== undefined ? `, subcode ${subcode}` : ''}${trace})` : ''}`;
  const make = (c: string, retryable: boolean, userMessage: string) =>
    new ChannelSendError({ code: c, retryable, message, userMessage, platformCode: code });

  if (code === OUTSIDE_WINDOW.code && subcode === OUTSIDE_WINDOW.subcode) {
    return make(
      'WINDOW_CLOSED',
      false,
      "Messenger only allows replies within 24 hours of the person's last message (7 days with the human agent tag). " +
        'Wait until the person writes again, or ask an administrator about the human agent setting.',
    );
  }
  if (code === PERSON_UNAVAILABLE_CODE) {
    return make(
      'RECIPIENT_UNAVAILABLE',
      false,
      'Facebook says this person is not available right now (they may have blocked the page or deactivated their account).',
    );
  }
  if (httpStatus === 401 || code === INVALID_TOKEN_CODE) {
    return make(
      'AUTH',
      false,
      'Facebook rejected the page access token of this channel account. Ask an administrator to renew it.',
    );
  }
  if (httpStatus === 429 || (code !== undefined && THROTTLING_CODES.has(code))) {
    return make('RATE_LIMITED', true, `Facebook is limiting how fast messages can be sent. ${RETRY_NOTE}`);
  }
  if (httpStatus >= 500)
    return make('PLATFORM_UNAVAILABLE', true, `Facebook is temporarily unavailable. ${RETRY_NOTE}`);
  return make(
    'REJECTED',
    false,
    `Facebook did not accept this reply${code !== undefined ? ` (error ${code})` : ''}. It will not be retried.`,
  );
}
