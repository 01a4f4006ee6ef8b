/** An API failure: `{ error: { code, message } }` from the server, or NETWORK when it did not answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The error from a failed call's parsed body (openapi-fetch has already read the response). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  return new ApiError(status, code, typeof error?.message === 'string' ? error.message : '');
}
