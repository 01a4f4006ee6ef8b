import { HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '@webcare/platform';
import { randomUUID } from 'node:crypto';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Body-parser errors carry a `type`; their messages are generic, the request body is never echoed. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than allowed',
  },
  'entity.parse.failed': {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'The request body is not valid JSON',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'Unsupported content encoding',
  },
  'request.aborted': { status: 400, code: 'REQUEST_ABORTED', message: 'The request was aborted' },
  'request.size.invalid': {
    status: 400,
    code: 'BODY_SIZE_MISMATCH',
    message: 'The request body does not match its Content-Length',
  },
};

/**
 * The status and `{ code, message }` body for any error: domain errors and client errors say what
 * to fix; unexpected ones are logged under an errorId, and only the id is exposed.
 */
export function describeHttpError(
  exception: unknown,
  logger: Pick<Logger, 'error'>,
): { status: number; body: Record<string, string> } {
  if (exception instanceof DomainError) {
    return { status: exception.status, body: { code: exception.code, message: exception.message } };
  }
  if (exception instanceof ThrottlerException) {
    return {
      status: 429,
      body: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests; wait a minute and try again' },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? [(response as { message: unknown }).message].flat().join('; ')
        : exception.message;
    if (status < 500) return { status, body: { code: STATUS_CODES[status] ?? 'HTTP_ERROR', message } };
  }
  const parserError =
    typeof exception === 'object' && exception && 'type' in exception
      ? BODY_PARSER_ERRORS[String((exception as { type: unknown }).type)]
      : undefined;
  if (parserError)
    return { status: parserError.status, body: { code: parserError.code, message: parserError.message } };

  const errorId = randomUUID();
  const err = exception instanceof Error ? exception : new Error(String(exception));
  logger.error(
    { errorId, err: { type: err.name, message: err.message, stack: err.stack } },
    'unexpected error',
  );
  return {
    status: 500,
    body: {
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; quote the errorId when reporting it',
      errorId,
    },
  };
}
