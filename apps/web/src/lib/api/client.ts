import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, apiErrorFrom } from './errors';
import type { paths } from './schema';

/** Reads the current session token; set by the session store (avoids an import cycle). */
let tokenSource: () => string | null = () => null;
let onUnauthorized: () => void = () => {};

export function bindSession(token: () => string | null, unauthorized: () => void): void {
  tokenSource = token;
  onUnauthorized = unauthorized;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenSource();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('authorization')) onUnauthorized();
    return response;
  },
};

/** Typed against the API's OpenAPI document: a renamed route or changed body fails svelte-check. */
export const api = createClient<paths>({ baseUrl: '', cache: 'no-store' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call; throws ApiError unless 2xx, returns the body as the schema types it. */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (!result.response.ok) throw apiErrorFrom(result.response.status, result.error);
  return result.data as T;
}

