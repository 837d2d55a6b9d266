import { problemSchema, type Problem } from '../../../shared/problem';
import { getLocale } from '../i18n/locale-store';
import { translate } from '../i18n/translate';

/** A failed API call: the server's problem details (already in the UI language), or a stand-in. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from Retry-After on 429 answers. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

type QueryValue = string | number | boolean | null | undefined;

/** "?a=1&b=x" from the defined, non-empty values; "" when there are none. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls /api{path}; sends the UI language so problem details come back translated. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const locale = getLocale();
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': locale,
  };
  let body: string | undefined;
  // A body-less POST/DELETE must not claim to be JSON: Fastify rejects an empty JSON body.
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    const title = translate(locale, 'error.network');
    throw new ApiError(0, { type: 'about:blank', title, status: 0, detail: title });
  }

  if (response.status === 204) return undefined as T;
  const data = parseJson(await response.text());
  if (!response.ok) {
    const parsed = problemSchema.safeParse(data);
    const retryAfterHeader = Number(response.headers.get('Retry-After'));
    const retryAfter = Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : null;
    const fallback = translate(locale, 'error.unexpected', { status: response.status });
    const problem: Problem = parsed.success
      ? parsed.data
      : { type: 'about:blank', title: fallback, status: response.status, detail: fallback };
    throw new ApiError(response.status, problem, retryAfter);
  }
  return data as T;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A random Idempotency-Key: the same key on a retry makes the server create the thing only once. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
