import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authThrottle } from '../../db/schema/index';
import { tooManyRequests } from '../../lib/errors';

export interface ThrottleRule {
  key: string;
  limit: number;
  windowMs: number;
}

// Counts live in the database so that every server node sees the same numbers.
export async function assertNotThrottled(db: Db, rules: ThrottleRule[]) {
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, rules.map((r) => r.key)));
  const now = Date.now();
  let retryAfter = 0;
  for (const rule of rules) {
    const row = rows.find((r) => r.key === rule.key);
    if (!row) continue;
    const windowEnd = row.windowStart.getTime() + rule.windowMs;
    if (windowEnd > now && row.failures >= rule.limit) retryAfter = Math.max(retryAfter, Math.ceil((windowEnd - now) / 1000));
  }
  if (retryAfter > 0) throw tooManyRequests(retryAfter);
}

/** Adds one to each key's count, starting a new window when the old one has passed. */
export async function recordAttempt(db: Db, rules: ThrottleRule[]) {
  for (const rule of rules) {
    const windowSeconds = rule.windowMs / 1000;
    await db
      .insert(authThrottle)
      .values({ key: rule.key, windowStart: new Date(), failures: 1 })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`case when ${authThrottle.windowStart} + make_interval(secs => ${windowSeconds}) < now() then 1 else ${authThrottle.failures} + 1 end`,
          windowStart: sql`case when ${authThrottle.windowStart} + make_interval(secs => ${windowSeconds}) < now() then now() else ${authThrottle.windowStart} end`,
        },
      });
  }
}

export async function clearAttempts(db: Db, keys: string[]) {
  await db.delete(authThrottle).where(inArray(authThrottle.key, keys));
}
