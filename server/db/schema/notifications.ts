import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notificationKinds } from '../../../shared/notifications';
import { users } from './users';

export const notificationKind = pgEnum('notification_kind', notificationKinds);

// In-app notifications. Thread and post ids are kept as plain ids (not foreign keys) so that the
// notifications feature does not depend on the forums' tables; a link to a deleted thread 404s.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    threadId: uuid(),
    threadTitle: text(),
    postId: uuid(),
    text: text(),
    /** Where the notification leads in the app, for kinds without a thread (bookings, grants). */
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notifications_user_created').on(t.userId, t.createdAt)],
);
