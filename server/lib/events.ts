import { sql } from 'drizzle-orm';
import type { EventData, EventType, LiveEvent } from '../../shared/realtime';
import type { Db, Tx } from '../db/client';

/** One event for one room; `data` is what every member of the room receives. */
export interface NewEvent<T extends EventType = EventType> {
  room: string;
  type: T;
  data: EventData[T];
}

export const eventsChannel = 'motesplatsen_events';

// Any constant works; it only has to be the same for every writer of events.
const eventIdLock = 7_426_001;

/**
 * Writes live events in the caller's transaction. Call it as the transaction's last step.
 *
 * Identity ids are handed out at insert time but become visible at commit, so two transactions
 * could commit out of id order and a reader that has seen id 11 would never see a late 10. The
 * transaction-scoped advisory lock makes id assignment and commit one critical section: the next
 * writer takes its ids only after this transaction has committed or rolled back. Readers can then
 * trust "everything after id N" and a reconnecting client never skips an event.
 */
export async function recordEvents(tx: Tx, list: NewEvent[]): Promise<void> {
  if (!list.length) return;
  // One round trip: the lock is taken (a CTE with volatile functions is evaluated once, before any row
  // reaches the insert, so before its ids are drawn), the rows are inserted in list order, and other
  // server nodes listening on PostgreSQL are told at commit (a no-op for a lone PGlite).
  const rows = list.map((e, i) => sql`(${i}::int, ${e.room}::text, ${e.type}::text, ${JSON.stringify(e.data)}::jsonb)`);
  await tx.execute(sql`
    with locked as materialized (select pg_advisory_xact_lock(${eventIdLock}), pg_notify(${eventsChannel}, ''))
    insert into events (room, type, data)
    select v.room, v.type, v.data from locked, (values ${sql.join(rows, sql`, `)}) as v(n, room, type, data)
    order by v.n`);
}

/** Records events in a transaction of their own, for changes that were not made in one. */
export async function recordEventsNow(db: Db, list: NewEvent[]): Promise<void> {
  if (list.length) await db.transaction((tx) => recordEvents(tx, list));
}

/**
 * Tells every node that a person's sessions, role or memberships changed: their live connections
 * re-check who they are and which rooms they may stay in before anything else is relayed.
 */
export const accountChanged = (userId: string): NewEvent => ({ room: `user:${userId}`, type: 'account.changed', data: {} });

type EventRow = {
  id: number | string;
  room: string;
  type: string;
  data: unknown;
  at: Date | string;
};

export function toLiveEvent(row: EventRow): LiveEvent {
  return {
    id: Number(row.id),
    room: row.room,
    type: row.type as EventType,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as LiveEvent['data'],
    at: new Date(row.at).toISOString(),
  };
}

/** The highest committed event id: a safe starting point for "everything after". */
export async function currentCursor(db: Db | Tx): Promise<number> {
  const result = await db.execute<{ id: string | number | null }>(sql`select max(id) as id from events`);
  return Number(result.rows[0]?.id ?? 0);
}

/** Events after `since`, in id order, across all rooms (the relay) or in the given rooms. */
export async function eventsAfter(db: Db, since: number, limit: number, rooms?: string[]): Promise<LiveEvent[]> {
  const roomFilter = rooms ? sql`and room in (${sql.join(rooms.map((r) => sql`${r}`), sql`, `)})` : sql``;
  const result = await db.execute<EventRow>(
    sql`select id, room, type, data, at from events where id > ${since} ${roomFilter} order by id limit ${limit}`,
  );
  return result.rows.map(toLiveEvent);
}
