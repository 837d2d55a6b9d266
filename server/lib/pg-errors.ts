// drizzle wraps driver errors; PostgreSQL's SQLSTATE sits on the cause.
interface PgError {
  code?: string;
  constraint?: string;
}

function pgError(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as PgError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

/** 23503 foreign_key_violation; 23001 restrict_violation is what ON DELETE RESTRICT raises. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === '23503' || code === '23001';
}
