import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { threadReplyPageSize, type EarlierReplies, type Reaction, type ReactionState, type ThreadPage } from '../../../shared/forums';
import { forumRoom } from '../../../shared/realtime';
import type { Db } from '../../db/client';
import { postReactions, postRevisions, posts, threadFollows, threadReads, users } from '../../db/schema/index';
import { DomainError, notFound } from '../../lib/errors';
import { currentCursor, recordEvents } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { getForum } from './forums';
import { readableForum } from './forum-access';
import { canPostInForum, canReplyToThread, canSeeHiddenPost, isForumStaff } from './policy';
import { myReactions, presentPost, presentThread, selectPost, selectPosts, selectThread } from './presenter';
import { postContext } from './posting';

async function readableThread(db: Db, threadId: string, user: AuthUser | null) {
  const thread = await selectThread(db, threadId);
  if (!thread) throw notFound();
  const forum = await readableForum(db, thread.forumId, user);
  return { thread, forum };
}

export async function threadPage(db: Db, threadId: string, user: AuthUser | null): Promise<ThreadPage> {
  const cursor = await currentCursor(db);
  const { thread, forum } = await readableThread(db, threadId, user);
  const [opening] = await selectPosts(db, and(eq(posts.threadId, threadId), eq(posts.isFirst, true)), 1);
  const latest = await selectLatestReplies(db, threadId, sql`true`);
  const rows = opening ? [opening, ...latest] : latest;
  const earlierReplies = await countRepliesBefore(db, threadId, latest[0]);
  let following = false;
  let lastReadAt: string | null = null;
  if (user) {
    const [follow] = await db.select().from(threadFollows).where(and(eq(threadFollows.userId, user.id), eq(threadFollows.threadId, threadId)));
    following = !!follow;
    const [read] = await db.select({ readAt: threadReads.readAt }).from(threadReads).where(and(eq(threadReads.userId, user.id), eq(threadReads.threadId, threadId)));
    lastReadAt = read?.readAt.toISOString() ?? null;
  }
  return {
    forum: await getForum(db, forum.id, user),
    thread: presentThread(thread),
    posts: rows.map((row) => presentPost(row, user)),
    earlierReplies,
    myReactions: await myReactions(db, user, rows.map((r) => r.id)),
    following,
    lastReadAt,
    canPost: canReplyToThread(user, forum.access, forum.archivedAt !== null, thread.locked),
    canModerate: isForumStaff(user),
    cursor,
  };
}

/** The last threadReplyPageSize replies matching `where`, oldest first. */
async function selectLatestReplies(db: Db, threadId: string, where: ReturnType<typeof sql>) {
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.isFirst, false), where))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(threadReplyPageSize);
  if (!rows.length) return [];
  return selectPosts(db, and(eq(posts.threadId, threadId), sql`${posts.id} in (${sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `)})`));
}

// Compared in SQL against the stored row: timestamps keep microseconds that a JS Date would drop.
const before = (post: { id: string }) => sql`(${posts.createdAt}, ${posts.id}) < (select b.created_at, b.id from posts b where b.id = ${post.id}::uuid)`;

async function countRepliesBefore(db: Db, threadId: string, first: { id: string } | undefined) {
  if (!first) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.isFirst, false), before(first)));
  return Number(row?.n ?? 0);
}

/** The page of replies just before one already shown ("show earlier replies"). */
export async function earlierReplies(db: Db, threadId: string, user: AuthUser | null, beforeId: string): Promise<EarlierReplies> {
  await readableThread(db, threadId, user);
  const anchor = await selectPost(db, beforeId);
  if (!anchor || anchor.threadId !== threadId) throw notFound();
  const [{ isFirst }] = await db.select({ isFirst: posts.isFirst }).from(posts).where(eq(posts.id, anchor.id));
  const rows = isFirst ? [] : await selectLatestReplies(db, threadId, before(anchor));
  return {
    posts: rows.map((row) => presentPost(row, user)),
    myReactions: await myReactions(db, user, rows.map((r) => r.id)),
    earlierReplies: await countRepliesBefore(db, threadId, rows[0]),
  };
}

export async function setThreadFollow(db: Db, user: AuthUser, threadId: string, follow: boolean) {
  await readableThread(db, threadId, user);
  if (follow) await db.insert(threadFollows).values({ userId: user.id, threadId }).onConflictDoNothing();
  else await db.delete(threadFollows).where(and(eq(threadFollows.userId, user.id), eq(threadFollows.threadId, threadId)));
}

/** Marks the thread read now: it stops counting as unread and later posts show as new. */
export async function markThreadRead(db: Db, user: AuthUser, threadId: string) {
  await readableThread(db, threadId, user);
  await db
    .insert(threadReads)
    .values({ userId: user.id, threadId })
    .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { readAt: sql`now()` } });
}

export async function setReaction(db: Db, user: AuthUser, postId: string, reaction: Reaction, on: boolean): Promise<ReactionState> {
  return db.transaction(async (tx) => {
    const { post, forum } = await postContext(tx, user, postId);
    if (post.deletedAt || (post.hiddenAt && !canSeeHiddenPost(user, post.authorId))) throw new DomainError(409, 'error.postRemoved');
    // An archived forum is read-only for members; a locked thread still takes reactions (they add no words).
    if (!canPostInForum(user, forum.access, forum.archivedAt !== null)) throw new DomainError(403, 'error.forumArchived');
    const changed = on
      ? await tx.insert(postReactions).values({ postId, userId: user.id, reaction }).onConflictDoNothing().returning()
      : await tx
          .delete(postReactions)
          .where(and(eq(postReactions.postId, postId), eq(postReactions.userId, user.id), eq(postReactions.reaction, reaction)))
          .returning();
    const fresh = (await selectPost(tx, postId))!;
    const reactions = fresh.reactions ?? [];
    // Repeating the same toggle changes nothing, so it tells nobody anything.
    if (changed.length) {
      await recordEvents(tx, [{ room: forumRoom(forum.id), type: 'post.reactions', data: { postId, threadId: post.threadId, reactions } }]);
    }
    const mine = await tx.select({ reaction: postReactions.reaction }).from(postReactions).where(and(eq(postReactions.postId, postId), eq(postReactions.userId, user.id)));
    return { postId, reactions, mine: mine.map((m) => m.reaction) };
  });
}

/** Earlier versions of an edited post, oldest first; none for removed posts. */
export async function postRevisionList(db: Db, user: AuthUser | null, postId: string) {
  const { post } = await postContext(db, user, postId);
  if (post.deletedAt || (post.hiddenAt && !canSeeHiddenPost(user, post.authorId))) return { revisions: [] };
  const rows = await db
    .select({ body: postRevisions.body, editedAt: postRevisions.editedAt, editorId: postRevisions.editorId, editorName: users.name })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, postId))
    .orderBy(asc(postRevisions.editedAt), asc(postRevisions.id));
  return {
    revisions: rows.map((r) => ({
      body: r.body,
      editedAt: r.editedAt.toISOString(),
      editor: r.editorId && r.editorName ? { id: r.editorId, name: r.editorName } : null,
    })),
  };
}

export async function getPost(db: Db, user: AuthUser | null, postId: string) {
  const { post } = await postContext(db, user, postId);
  return presentPost(post, user);
}
