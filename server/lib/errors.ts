import type { MessageKey } from '../../shared/messages';

export interface DomainFieldError {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * A use case's expected failure. The error plugin turns it into RFC 9457 problem details
 * in the caller's language; services never pick status codes for unexpected failures.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: DomainFieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extra problem members, e.g. `conflicts` for a booking that clashes. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

export const notFound = () => new DomainError(404, 'error.notFound');
export const forbidden = () => new DomainError(403, 'error.forbidden');
export const unauthorized = () => new DomainError(401, 'error.unauthorized');
export const conflict = (key: MessageKey, field?: string) =>
  new DomainError(409, key, {}, field ? [{ field, key }] : []);
export const invalid = (fields: DomainFieldError[]) => new DomainError(400, 'error.validation', {}, fields);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new DomainError(429, 'error.tooManyRequests', { seconds: retryAfterSeconds }, [], { 'retry-after': String(retryAfterSeconds) });
