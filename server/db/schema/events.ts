import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Live events (see server/plugins/realtime.ts). Written in the same transaction as the change they
// describe; ids are assigned under a transaction-scoped advisory lock so that they become visible
// in id order, which lets a reconnecting client ask for "everything after id N" without ever
// skipping an event that committed late.
export const events = pgTable(
  'events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    room: text().notNull(),
    type: text().notNull(),
    data: jsonb().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_room_id').on(t.room, t.id), index('events_at').on(t.at)],
);
