import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Notification, NotificationKind, NotificationList } from '../../../shared/notifications';
import { userRoom } from '../../../shared/realtime';
import type { Db, Tx } from '../../db/client';
import { notifications, users } from '../../db/schema/index';
import { currentCursor, recordEvents, type NewEvent } from '../../lib/events';

// The narrow interface other features use: notify(tx, ...) inside their own transaction. It
// returns the live events to record with the feature's other events (one recordEvents call per
// transaction keeps the event-id lock short).

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  actorId: string | null;
  threadId?: string | null;
  threadTitle?: string | null;
  postId?: string | null;
  text?: string | null;
  link?: string | null;
}

type Row = typeof notifications.$inferSelect & { actorName: string | null };

function present(row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind,
    actor: row.actorId && row.actorName ? { id: row.actorId, name: row.actorName } : null,
    threadId: row.threadId,
    threadTitle: row.threadTitle,
    postId: row.postId,
    text: row.text,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

async function unreadCounts(tx: Tx | Db, userIds: string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ userId: notifications.userId, count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), isNull(notifications.readAt)))
    .groupBy(notifications.userId);
  return new Map(rows.map((r) => [r.userId, r.count]));
}

/** Writes notifications (nobody is notified of their own action) and returns their live events. */
export async function notify(tx: Tx, list: NewNotification[]): Promise<NewEvent[]> {
  const wanted = list.filter((n) => n.userId !== n.actorId);
  if (!wanted.length) return [];
  const inserted = await tx
    .insert(notifications)
    .values(wanted.map((n) => ({ userId: n.userId, kind: n.kind, actorId: n.actorId, threadId: n.threadId ?? null, threadTitle: n.threadTitle ?? null, postId: n.postId ?? null, text: n.text ?? null, link: n.link ?? null })))
    .returning();
  const actorIds = [...new Set(inserted.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const actors = actorIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds)) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const counts = await unreadCounts(tx, [...new Set(inserted.map((n) => n.userId))]);
  return inserted.map((row) => ({
    room: userRoom(row.userId),
    type: 'notification.created' as const,
    data: { notification: present({ ...row, actorName: row.actorId ? (names.get(row.actorId) ?? null) : null }), unreadCount: counts.get(row.userId) ?? 0 },
  }));
}

export async function listNotifications(db: Db, userId: string): Promise<NotificationList> {
  const cursor = await currentCursor(db);
  const rows = await db
    .select({ notification: notifications, actorName: users.name })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  const counts = await unreadCounts(db, [userId]);
  return { notifications: rows.map((r) => present({ ...r.notification, actorName: r.actorName })), unreadCount: counts.get(userId) ?? 0, cursor };
}

/** Marks some or all as read; other tabs of the same person hear the new count live. */
export async function markRead(db: Db, userId: string, ids: string[] | undefined): Promise<{ unreadCount: number }> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined))
      .returning({ id: notifications.id });
    const unreadCount = (await unreadCounts(tx, [userId])).get(userId) ?? 0;
    // Unknown, someone else's or already read ids change no count: nothing for other tabs to hear
    // (it recorded an event all the same).
    if (marked.length) await recordEvents(tx, [{ room: userRoom(userId), type: 'notifications.read', data: { unreadCount } }]);
    return { unreadCount };
  });
}
