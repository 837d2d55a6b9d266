import fp from 'fastify-plugin';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Deletes what can no longer be used: expired sessions and reset links, finished throttle windows. */
export async function sweepExpired(db: Db) {
  await db.execute(sql`delete from sessions where expires_at < now() or absolute_expires_at < now()`);
  await db.execute(sql`delete from password_reset_tokens where expires_at < now() - interval '1 day'`);
  await db.execute(sql`delete from auth_throttle where window_start < now() - interval '1 day'`);
}

export const housekeepingPlugin = fp(
  async (app) => {
    const timer = setInterval(() => {
      sweepExpired(app.db).catch((err: unknown) => app.log.error({ err }, 'housekeeping failed'));
    }, 3600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'housekeeping', dependencies: ['db'] },
);
