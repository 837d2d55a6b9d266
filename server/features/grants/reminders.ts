import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import { recordEvents } from '../../lib/events';
import { notify, type NewNotification } from '../notifications/service';
import { callPath } from './know-how';
import { stockholmToday } from './presenter';

// Deadline reminders in the app: whoever follows a call is reminded a week before each of its
// deadlines and again the day before. Claiming a reminder is inserting its grant_reminders row
// (primary key: person, deadline, kind) with ON CONFLICT DO NOTHING, in the same transaction as the
// notification: however many nodes run the job, and however often, each reminder is sent once. A
// concurrent run blocks on the first one's uncommitted rows and then skips them.
//
// The job looks at a window rather than one exact day, so a day the job did not run (a restart at
// the wrong moment) or a call followed late still gets its reminder: "week" while 2–7 days remain,
// "day" on the last day before the deadline and on the day itself. A person who starts following
// with three days left gets the "week" reminder at once, and the "day" one later.

type Claimed = { user_id: string; kind: 'week' | 'day'; call_id: string; title: string; date: string };

/** Sends the reminders that are due; `today` (a local date, YYYY-MM-DD) lets tests move the clock. */
export async function sendGrantReminders(db: Db, opts: { today?: string } = {}): Promise<number> {
  const today = opts.today ? sql`${opts.today}::date` : stockholmToday;
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<Claimed>(sql`
      with due as (
        select f.user_id, d.id as deadline_id, case when d.date - ${today} <= 1 then 'day' else 'week' end as kind
        from grant_call_deadlines d
        join grant_calls c on c.id = d.call_id and c.archived_at is null
        join grant_follows f on f.call_id = d.call_id
        where d.date - ${today} between 0 and 7
      ), claimed as (
        insert into grant_reminders (user_id, deadline_id, kind)
        select user_id, deadline_id, kind from due
        on conflict do nothing
        returning user_id, deadline_id, kind
      )
      select cl.user_id, cl.kind, d.call_id, c.title, d.date::text as date
      from claimed cl
      join grant_call_deadlines d on d.id = cl.deadline_id
      join grant_calls c on c.id = d.call_id
      order by d.date, c.title, cl.user_id`);
    if (!claimed.rows.length) return 0;
    const notices: NewNotification[] = claimed.rows.map((r) => ({
      userId: r.user_id,
      kind: r.kind === 'week' ? 'grantDeadlineWeek' : 'grantDeadlineDay',
      actorId: null,
      text: `${r.title} — ${r.date}`,
      link: callPath(r.call_id),
    }));
    await recordEvents(tx, await notify(tx, notices));
    return notices.length;
  });
}

/** Shortly after start and then every hour: reminders go out early on the day they are due. */
export function scheduleGrantReminders(app: FastifyInstance) {
  const run = () =>
    sendGrantReminders(app.db).then(
      (n) => {
        if (!n) return;
        app.log.info(`sent ${n} grant deadline reminders`);
        app.realtime.publish();
      },
      (err: unknown) => app.log.error({ err }, 'grant deadline reminders failed'),
    );
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, 3600_000);
  first.unref();
  every.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(every);
  });
}
