import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Forum, ForumAccess, ForumList, ForumPage, ForumUpdate } from '../../../shared/forums';
import { forumInputSchema } from '../../../shared/forums';
import { forumRoom, forumsRoom } from '../../../shared/realtime';
import type { Db, Tx } from '../../db/client';
import { auditLog, forumAccess, forumFollows, forums, organisations, threadFollows, threadReads, threads, users } from '../../db/schema/index';
import { conflict, DomainError, invalid } from '../../lib/errors';
import { currentCursor, recordEvents, type NewEvent } from '../../lib/events';
import { isUniqueViolation } from '../../lib/pg-errors';
import type { AuthUser } from '../../lib/sessions';
import { findForum, listForumRows, readableForum, type ForumRow } from './forum-access';
import { canPostInForum, canReadForum, isForumStaff } from './policy';
import { presentForumBase, presentThread, selectThreads, type ForumStats } from './presenter';

type ForumData = ReturnType<typeof forumInputSchema.parse>;

async function forumStats(db: Db | Tx, forumIds: string[]): Promise<Map<string, ForumStats>> {
  if (!forumIds.length) return new Map();
  const rows = await db
    .select({
      forumId: threads.forumId,
      threadCount: sql<number>`count(*)::int`,
      postCount: sql<number>`coalesce(sum(${threads.replyCount} + 1), 0)::int`,
      lastPostAt: sql<Date | null>`max(${threads.lastPostAt})`,
    })
    .from(threads)
    .where(inArray(threads.forumId, forumIds))
    .groupBy(threads.forumId);
  return new Map(rows.map((r) => [r.forumId, r]));
}

const emptyStats: ForumStats = { threadCount: 0, postCount: 0, lastPostAt: null };

/** A thread is unread when it has posts newer than the person's last visit (or their sign-up). */
const unreadCondition = (userId: string) => sql`${threads.lastPostAt} > coalesce(
  (select ${threadReads.readAt} from ${threadReads} where ${threadReads.threadId} = ${threads.id} and ${threadReads.userId} = ${userId}),
  (select ${users.createdAt} from ${users} where ${users.id} = ${userId}))`;

async function unreadByForum(db: Db, user: AuthUser | null, forumIds: string[]): Promise<Map<string, number>> {
  if (!user || !forumIds.length) return new Map();
  const rows = await db
    .select({ forumId: threads.forumId, n: sql<number>`count(*)::int` })
    .from(threads)
    .where(and(inArray(threads.forumId, forumIds), unreadCondition(user.id)))
    .groupBy(threads.forumId);
  return new Map(rows.map((r) => [r.forumId, r.n]));
}

async function followedForums(db: Db, user: AuthUser | null): Promise<Set<string>> {
  if (!user) return new Set();
  const rows = await db.select({ forumId: forumFollows.forumId }).from(forumFollows).where(eq(forumFollows.userId, user.id));
  return new Set(rows.map((r) => r.forumId));
}

type Names = { organisations: Map<string, string>; users: Map<string, string> };

/** Staff see who is on restricted forums' access lists by name. */
async function accessNames(db: Db, user: AuthUser | null, rows: ForumRow[]): Promise<Names> {
  const names: Names = { organisations: new Map(), users: new Map() };
  if (!isForumStaff(user)) return names;
  const orgIds = [...new Set(rows.flatMap((f) => f.access?.organisationIds ?? []))];
  const userIds = [...new Set(rows.flatMap((f) => f.access?.userIds ?? []))];
  if (orgIds.length) for (const o of await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds))) names.organisations.set(o.id, o.name);
  if (userIds.length) for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))) names.users.set(u.id, u.name);
  return names;
}

function presentForum(forum: ForumRow, stats: ForumStats | undefined, user: AuthUser | null, unread: Map<string, number>, followed: Set<string>, names?: Names): Forum {
  return {
    ...presentForumBase(forum, stats ?? emptyStats),
    ...(isForumStaff(user)
      ? {
          access: forum.access,
          accessNames: {
            organisations: (forum.access?.organisationIds ?? []).map((id) => ({ id, name: names?.organisations.get(id) ?? id })),
            users: (forum.access?.userIds ?? []).map((id) => ({ id, name: names?.users.get(id) ?? id })),
          },
        }
      : {}),
    unreadCount: user ? (unread.get(forum.id) ?? 0) : null,
    following: followed.has(forum.id),
    canPost: canPostInForum(user, forum.access, forum.archivedAt !== null),
  };
}

/** The forums the viewer may read, in the coordinator's order; archived ones last. */
export async function listForums(db: Db, user: AuthUser | null): Promise<ForumList> {
  const cursor = await currentCursor(db);
  const rows = (await listForumRows(db)).filter((f) => canReadForum(user, f.access));
  const ids = rows.map((f) => f.id);
  const [stats, unread, followed, names] = await Promise.all([forumStats(db, ids), unreadByForum(db, user, ids), followedForums(db, user), accessNames(db, user, rows)]);
  const forumsOut = rows.map((f) => presentForum(f, stats.get(f.id), user, unread, followed, names));
  forumsOut.sort((a, b) => Number(a.archived) - Number(b.archived));
  return { forums: forumsOut, cursor };
}

export async function getForum(db: Db, ref: string, user: AuthUser | null): Promise<Forum> {
  const forum = await readableForum(db, ref, user);
  const [stats, unread, followed, names] = await Promise.all([forumStats(db, [forum.id]), unreadByForum(db, user, [forum.id]), followedForums(db, user), accessNames(db, user, [forum])]);
  return presentForum(forum, stats.get(forum.id), user, unread, followed, names);
}

export async function forumPage(db: Db, ref: string, user: AuthUser | null, page: number, pageSize: number): Promise<ForumPage> {
  const cursor = await currentCursor(db);
  const forum = await getForum(db, ref, user);
  const where = eq(threads.forumId, forum.id);
  const [{ total }] = await db.select({ total: count() }).from(threads).where(where);
  const rows = await selectThreads(db, where)
    .orderBy(desc(threads.pinned), desc(threads.lastPostAt), desc(threads.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = rows.map((r) => r.id);
  let unread = new Set<string>();
  let following = new Set<string>();
  if (user && ids.length) {
    const unreadRows = await db.select({ id: threads.id }).from(threads).where(and(inArray(threads.id, ids), unreadCondition(user.id)));
    unread = new Set(unreadRows.map((r) => r.id));
    const followRows = await db
      .select({ id: threadFollows.threadId })
      .from(threadFollows)
      .where(and(eq(threadFollows.userId, user.id), inArray(threadFollows.threadId, ids)));
    following = new Set(followRows.map((r) => r.id));
  }
  return {
    forum,
    threads: rows.map((r) => ({ ...presentThread(r), unread: unread.has(r.id), following: following.has(r.id) })),
    total,
    page,
    pageSize,
    cursor,
  };
}

/** Unknown organisation or person ids in an access list are a 400 on the field, not a foreign-key 500. */
async function checkAccessSubjects(tx: Tx, access: ForumAccess | null) {
  if (!access) return;
  const fields = [];
  if (access.organisationIds.length) {
    const found = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, access.organisationIds));
    if (found.length !== new Set(access.organisationIds).size) fields.push({ field: 'access.organisationIds', key: 'error.unknownOrganisation' as const, params: { field: 'access.organisationIds' } });
  }
  if (access.userIds.length) {
    const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, access.userIds));
    if (found.length !== new Set(access.userIds).size) fields.push({ field: 'access.userIds', key: 'error.unknownUser' as const, params: { field: 'access.userIds' } });
  }
  if (fields.length) throw invalid(fields);
}

async function writeAccess(tx: Tx, forumId: string, access: ForumAccess | null) {
  await tx.delete(forumAccess).where(eq(forumAccess.forumId, forumId));
  if (!access) return;
  const rows = [
    ...[...new Set(access.roles)].map((role) => ({ forumId, role })),
    ...[...new Set(access.organisationIds)].map((organisationId) => ({ forumId, organisationId })),
    ...[...new Set(access.userIds)].map((userId) => ({ forumId, userId })),
  ];
  // An access object with no entries still restricts the forum to staff; keep it representable.
  if (!rows.length) rows.push({ forumId, role: 'admin' as const });
  await tx.insert(forumAccess).values(rows);
}

async function forumUpdatedEvents(tx: Tx, forumId: string): Promise<NewEvent[]> {
  const forum = await findForum(tx, forumId);
  const stats = (await forumStats(tx, [forumId])).get(forumId) ?? emptyStats;
  return [
    { room: forumsRoom, type: 'forums.changed', data: { forumId } },
    { room: forumRoom(forumId), type: 'forum.updated', data: { forum: presentForumBase(forum, stats) } },
  ];
}

export async function createForum(db: Db, actor: AuthUser, input: ForumData): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      await checkAccessSubjects(tx, input.access);
      const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${forums.position}), 0) + 1` }).from(forums);
      const [row] = await tx
        .insert(forums)
        .values({ slug: input.slug, nameSv: input.nameSv, nameEn: input.nameEn, descriptionSv: input.descriptionSv, descriptionEn: input.descriptionEn, position: next })
        .returning();
      await writeAccess(tx, row.id, input.access);
      await tx.insert(auditLog).values({ actorId: actor.id, action: 'forum.create', targetType: 'forum', targetId: row.id, detail: { slug: input.slug, restricted: !!input.access } });
      await recordEvents(tx, [{ room: forumsRoom, type: 'forums.changed', data: { forumId: row.id } }]);
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'forums_slug')) throw conflict('error.slugTaken', 'slug');
    throw error;
  }
}

export async function updateForum(db: Db, actor: AuthUser, forumId: string, input: ForumUpdate & { access?: ForumAccess | null }) {
  await db.transaction(async (tx) => {
    const current = await findForum(tx, forumId);
    const set: Partial<typeof forums.$inferInsert> = {};
    for (const key of ['nameSv', 'nameEn', 'descriptionSv', 'descriptionEn'] as const) if (input[key] !== undefined) set[key] = input[key];
    if (input.archived !== undefined) set.archivedAt = input.archived ? (current.archivedAt ?? new Date()) : null;
    // An empty change writes nothing: it logged an update and told every forum list it had changed.
    if (!Object.keys(set).length && input.access === undefined) return;
    if (Object.keys(set).length) await tx.update(forums).set(set).where(eq(forums.id, forumId));
    if (input.access !== undefined) {
      await checkAccessSubjects(tx, input.access);
      await writeAccess(tx, forumId, input.access);
    }
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'forum.update', targetType: 'forum', targetId: forumId, detail: JSON.parse(JSON.stringify(input)) });
    await recordEvents(tx, await forumUpdatedEvents(tx, forumId));
  });
}

/** A new order for all forums at once; a list that misses or repeats a forum is refused. */
export async function orderForums(db: Db, actor: AuthUser, ids: string[]) {
  await db.transaction(async (tx) => {
    // Lock the table's rows so two coordinators reordering at once apply one after the other.
    const existing = await tx.execute<{ id: string }>(sql`select id from forums for update`);
    const known = new Set(existing.rows.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new DomainError(400, 'error.validation', {}, [{ field: 'ids', key: 'error.forumOrder' }]);
    }
    for (const [index, id] of ids.entries()) await tx.update(forums).set({ position: index + 1 }).where(eq(forums.id, id));
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'forum.order', targetType: 'forum', targetId: '*', detail: { ids } });
    await recordEvents(tx, [{ room: forumsRoom, type: 'forums.changed', data: { forumId: null } }]);
  });
}

export async function setForumFollow(db: Db, user: AuthUser, ref: string, follow: boolean) {
  const forum = await readableForum(db, ref, user);
  if (follow) await db.insert(forumFollows).values({ userId: user.id, forumId: forum.id }).onConflictDoNothing();
  else await db.delete(forumFollows).where(and(eq(forumFollows.userId, user.id), eq(forumFollows.forumId, forum.id)));
}

