import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Facts about the installation itself, e.g. that demo content was seeded once.
export const appMeta = pgTable('app_meta', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
