import fp from 'fastify-plugin';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Config } from '../config';

/** Deletes what can no longer be used: expired sessions and reset links, finished throttle windows. */
export async function sweepExpired(db: Db) {
  await db.execute(sql`delete from sessions where expires_at < now() or absolute_expires_at < now()`);
  await db.execute(sql`delete from password_reset_tokens where expires_at < now() - interval '1 day'`);
  await db.execute(sql`delete from auth_throttle where window_start < now() - interval '1 day'`);
}

/**
 * Deletes live events past their retention and remembers the last pruned id, so that a client
 * whose cursor is older is told to reload instead of silently missing what was pruned.
 */
export async function pruneEvents(db: Db, retentionMs: number) {
  await db.transaction(async (tx) => {
    const result = await tx.execute<{ last: string | number | null }>(
      sql`with gone as (delete from events where at < now() - make_interval(secs => ${retentionMs / 1000}) returning id) select max(id) as last from gone`,
    );
    const last = result.rows[0]?.last;
    if (last === null || last === undefined) return;
    await tx.execute(sql`insert into app_meta (key, value) values ('events_pruned_through', ${JSON.stringify(Number(last))}::jsonb)
      on conflict (key) do update set value = to_jsonb(greatest((app_meta.value)::text::bigint, excluded.value::text::bigint)), updated_at = now()`);
  });
}

export const housekeepingPlugin = fp(
  async (app, opts: { config: Config }) => {
    const timer = setInterval(() => {
      sweepExpired(app.db).catch((err: unknown) => app.log.error({ err }, 'housekeeping failed'));
      pruneEvents(app.db, opts.config.eventRetentionMs).catch((err: unknown) => app.log.error({ err }, 'pruning events failed'));
    }, 3600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'housekeeping', dependencies: ['db'] },
);
