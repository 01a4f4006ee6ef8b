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

export async function apiErrorFrom(res: Response): Promise<ApiError> {
  type Body = { error?: { code?: string; message?: string } } | null;
  let body: Body;
  try {
    body = (await res.clone().json()) as Body;
  } catch {
    body = null;
  }
  return new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? '');
}
