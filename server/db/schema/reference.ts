import { boolean, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { referenceKinds } from '../../../shared/reference';

export const referenceKind = pgEnum('reference_kind', referenceKinds);

// Districts, administrations, target groups and resource kinds: one table, told apart by kind,
// so that the coordinator edits them all the same way and organisations link to them alike.
export const referenceItems = pgTable(
  'reference_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: referenceKind().notNull(),
    slug: text().notNull(),
    nameSv: text().notNull(),
    nameEn: text().notNull(),
    sortOrder: integer().notNull().default(0),
    archived: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('reference_items_kind_slug').on(t.kind, t.slug)],
);
