import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Flag, ThreadUpdate } from '../../../shared/forums';
import { forumRoom, moderationRoom, type EventData } from '../../../shared/realtime';
import type { Db, Tx } from '../../db/client';
import { auditLog, postFlags, posts, threads, users } from '../../db/schema/index';
import { conflict, DomainError, invalid, notFound } from '../../lib/errors';
import { currentCursor, recordEvents, type NewEvent } from '../../lib/events';
import { isUniqueViolation } from '../../lib/pg-errors';
import type { AuthUser } from '../../lib/sessions';
import { notify } from '../notifications/service';
import { findForum } from './forum-access';
import { canSeeHiddenPost } from './policy';
import { presentPost, presentThread, selectPosts, selectThread } from './presenter';
import { postContext, redactPostEvents, searchVector } from './posting';

// The coordinator's tools. Every action is written to the audit log (who, what, when) in the same
// transaction as the change, and announced live to the forum's room.

async function audit(tx: Tx, actor: AuthUser, action: string, targetType: string, targetId: string, detail: Record<string, unknown>) {
  await tx.insert(auditLog).values({ actorId: actor.id, action, targetType, targetId, detail });
}

/** Resolves the post's open flags as hidden; returns their events for the moderation room. */
async function resolveOpenFlags(tx: Tx, actor: AuthUser, postId: string, resolution: 'hidden' | 'dismissed'): Promise<NewEvent[]> {
  const resolved = await tx
    .update(postFlags)
    .set({ resolvedAt: sql`now()`, resolvedBy: actor.id, resolution })
    .where(and(eq(postFlags.postId, postId), isNull(postFlags.resolvedAt)))
    .returning({ id: postFlags.id });
  return resolved.map((f) => ({ room: moderationRoom, type: 'flag.resolved' as const, data: { flagId: f.id, postId } }));
}

async function hideInTx(tx: Tx, actor: AuthUser, postId: string, reason: string): Promise<NewEvent[]> {
  const { post, forum, thread } = await postContext(tx, actor, postId);
  if (post.deletedAt) throw new DomainError(409, 'error.postRemoved');
  // Hidden already for the same reason: nothing for the author, the room or the log to hear again
  // (it notified the author twice); reports still open about it are closed.
  if (post.hiddenAt && post.hiddenReason === reason) return resolveOpenFlags(tx, actor, postId, 'hidden');
  // A new reason replaces the old one; the post stays hidden since it first was.
  await tx.update(posts).set({ hiddenAt: post.hiddenAt ? undefined : sql`now()`, hiddenReason: reason, hiddenBy: actor.id }).where(eq(posts.id, postId));
  await redactPostEvents(tx, postId, post.createdAt);
  await audit(tx, actor, 'post.hide', 'post', postId, { reason, authorId: post.authorId, threadId: thread.id });
  const [fresh] = await selectPosts(tx, eq(posts.id, postId), 1);
  const authorNotice = post.authorId
    ? await notify(tx, [{ userId: post.authorId, kind: 'postHidden', actorId: actor.id, threadId: thread.id, threadTitle: thread.title, postId, text: reason }])
    : [];
  return [
    { room: forumRoom(forum.id), type: 'post.hidden', data: { post: presentPost(fresh, 'room') } },
    ...(await resolveOpenFlags(tx, actor, postId, 'hidden')),
    ...authorNotice,
  ];
}

export async function hidePost(db: Db, actor: AuthUser, postId: string, reason: string) {
  await db.transaction(async (tx) => recordEvents(tx, await hideInTx(tx, actor, postId, reason)));
}

export async function unhidePost(db: Db, actor: AuthUser, postId: string) {
  await db.transaction(async (tx) => {
    const { post, forum } = await postContext(tx, actor, postId);
    // Showing a post that is not hidden changes nothing: no audit entry, no live event (it wrote both).
    if (!post.hiddenAt) return;
    await tx.update(posts).set({ hiddenAt: null, hiddenReason: null, hiddenBy: null }).where(eq(posts.id, postId));
    await audit(tx, actor, 'post.unhide', 'post', postId, {});
    const [fresh] = await selectPosts(tx, eq(posts.id, postId), 1);
    await recordEvents(tx, [{ room: forumRoom(forum.id), type: 'post.unhidden', data: { post: presentPost(fresh, 'room') } }]);
  });
}

/** Rename, pin, lock or move a thread. A move is announced in both forums' rooms. */
export async function updateThread(db: Db, actor: AuthUser, threadId: string, input: ThreadUpdate) {
  await db.transaction(async (tx) => {
    const before = await selectThread(tx, threadId);
    if (!before) throw notFound();
    const set: Partial<typeof threads.$inferInsert> = {};
    if (input.title !== undefined) set.title = input.title;
    if (input.pinned !== undefined) set.pinned = input.pinned;
    if (input.locked !== undefined) set.locked = input.locked;
    let moveTo: string | null = null;
    if (input.forumId !== undefined && input.forumId !== before.forumId) {
      const target = await findForum(tx, input.forumId).catch(() => null);
      // Named like the other unknown references ("unknown forum in forumId"), not "not found".
      if (!target) throw invalid([{ field: 'forumId', key: 'error.unknownForum', params: { field: 'forumId' } }]);
      // Nobody but staff may post in an archived forum: moving a live thread there would close it
      // without saying so (it once moved). Staff un-archive the forum first if that is what they want.
      if (target.archivedAt) throw conflict('error.moveToArchivedForum', 'forumId');
      moveTo = target.id;
      set.forumId = target.id;
    }
    if (!Object.keys(set).length) return;
    await tx.update(threads).set(set).where(eq(threads.id, threadId));
    if (moveTo) await tx.update(posts).set({ forumId: moveTo }).where(eq(posts.threadId, threadId));
    if (input.title !== undefined && input.title !== before.title) {
      const [first] = await tx.select({ id: posts.id, body: posts.body, deletedAt: posts.deletedAt }).from(posts).where(and(eq(posts.threadId, threadId), eq(posts.isFirst, true)));
      if (first && !first.deletedAt) await tx.update(posts).set({ search: searchVector(first.body, input.title) }).where(eq(posts.id, first.id));
    }
    await audit(tx, actor, 'thread.update', 'thread', threadId, { ...input, fromForumId: before.forumId });
    const thread = presentThread((await selectThread(tx, threadId))!);
    const list: NewEvent[] = moveTo
      ? [before.forumId, moveTo].map((forumId) => ({
          room: forumRoom(forumId),
          type: 'thread.moved' as const,
          data: { thread, fromForumId: before.forumId, toForumId: moveTo } satisfies EventData['thread.moved'],
        }))
      : [{ room: forumRoom(thread.forumId), type: 'thread.updated', data: { thread } }];
    await recordEvents(tx, list);
  });
}

export async function flagPost(db: Db, user: AuthUser, postId: string, reason: string): Promise<{ id: string }> {
  try {
    return await db.transaction(async (tx) => {
      const { post } = await postContext(tx, user, postId);
      // A post hidden from the reporter is dealt with already, and they cannot see what they would
      // report (it was filed all the same); as with reactions, it counts as removed for them.
      if (post.deletedAt || (post.hiddenAt && !canSeeHiddenPost(user, post.authorId))) throw new DomainError(409, 'error.postRemoved');
      const [flag] = await tx.insert(postFlags).values({ postId, reporterId: user.id, reason }).returning({ id: postFlags.id });
      await recordEvents(tx, [{ room: moderationRoom, type: 'flag.created', data: { flagId: flag.id, postId } }]);
      return flag;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'post_flags_open_once')) throw new DomainError(409, 'error.alreadyFlagged');
    throw error;
  }
}

const reporters = alias(users, 'reporters');
const resolvers = alias(users, 'resolvers');

export async function listFlags(db: Db, actor: AuthUser, status: 'open' | 'resolved'): Promise<{ flags: Flag[]; cursor: number }> {
  const cursor = await currentCursor(db);
  const flags = await selectFlags(db, actor, status === 'open' ? isNull(postFlags.resolvedAt) : isNotNull(postFlags.resolvedAt), status === 'open');
  return { flags, cursor };
}

async function selectFlags(db: Db, actor: AuthUser, where: SQL | undefined, oldestFirst: boolean): Promise<Flag[]> {
  const rows = await db
    .select({ flag: postFlags, reporterName: reporters.name, resolverName: resolvers.name, threadTitle: threads.title })
    .from(postFlags)
    .innerJoin(posts, eq(posts.id, postFlags.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(reporters, eq(reporters.id, postFlags.reporterId))
    .leftJoin(resolvers, eq(resolvers.id, postFlags.resolvedBy))
    .where(where)
    .orderBy(oldestFirst ? postFlags.createdAt : desc(postFlags.resolvedAt))
    .limit(200);
  const postRows = rows.length ? await selectPosts(db, inArray(posts.id, [...new Set(rows.map((r) => r.flag.postId))])) : [];
  const byId = new Map(postRows.map((p) => [p.id, p]));
  return rows.map(({ flag, reporterName, resolverName, threadTitle }) => ({
      id: flag.id,
      post: presentPost(byId.get(flag.postId)!, actor),
      threadTitle,
      reporter: flag.reporterId && reporterName ? { id: flag.reporterId, name: reporterName } : null,
      reason: flag.reason,
      createdAt: flag.createdAt.toISOString(),
      resolvedAt: flag.resolvedAt?.toISOString() ?? null,
      resolution: flag.resolution,
      resolvedBy: flag.resolvedBy && resolverName ? { id: flag.resolvedBy, name: resolverName } : null,
  }));
}

export async function resolveFlag(db: Db, actor: AuthUser, flagId: string, action: 'dismiss' | 'hide', reason: string | undefined) {
  await db.transaction(async (tx) => {
    const [flag] = await tx.select().from(postFlags).where(eq(postFlags.id, flagId)).for('update');
    if (!flag) throw notFound();
    if (flag.resolvedAt) throw new DomainError(409, 'error.flagResolved');
    if (action === 'hide') {
      if (!reason) throw invalid([{ field: 'reason', key: 'field.required' }]);
      const events = await hideInTx(tx, actor, flag.postId, reason);
      await audit(tx, actor, 'flag.resolve', 'flag', flagId, { postId: flag.postId, resolution: 'hidden' });
      await recordEvents(tx, events);
      return;
    }
    await tx.update(postFlags).set({ resolvedAt: sql`now()`, resolvedBy: actor.id, resolution: 'dismissed' }).where(eq(postFlags.id, flagId));
    await audit(tx, actor, 'flag.dismiss', 'flag', flagId, { postId: flag.postId });
    await recordEvents(tx, [{ room: moderationRoom, type: 'flag.resolved', data: { flagId, postId: flag.postId } }]);
  });
}

export async function getFlag(db: Db, actor: AuthUser, flagId: string): Promise<Flag> {
  const [found] = await selectFlags(db, actor, eq(postFlags.id, flagId), true);
  if (!found) throw notFound();
  return found;
}
