import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { reactionNamesShown, type Forum, type Post, type Reaction, type ReactionCount, type ThreadSummary } from '../../../shared/forums';
import type { Db, Tx } from '../../db/client';
import { organisations, postReactions, posts, threads, users } from '../../db/schema/index';
import type { AuthUser } from '../../lib/sessions';
import { canSeeHiddenPost } from './policy';
import type { ForumRow } from './forum-access';

// Rows -> responses. Live events carry the "room" view of a post: the same for every reader, so
// a hidden post's text and reason never travel to the room; the author reloads to see the reason.

// Who reacted is as public as who wrote: the names of the first few, earliest first.
const reactionCounts = sql<ReactionCount[] | null>`(
  select json_agg(json_build_object('reaction', r.reaction, 'count', r.n, 'names', r.names) order by r.reaction)
  from (
    select pr.reaction, count(*)::int as n, (array_agg(u.name order by pr.created_at, u.name))[1:${sql.raw(String(reactionNamesShown))}] as names
    from post_reactions pr join users u on u.id = pr.user_id
    where pr.post_id = ${posts.id}
    group by pr.reaction
  ) r
)`;

const postColumns = {
  id: posts.id,
  threadId: posts.threadId,
  forumId: posts.forumId,
  authorId: posts.authorId,
  authorName: users.name,
  organisationId: posts.organisationId,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  body: posts.body,
  bodyHtml: posts.bodyHtml,
  quotedPostId: posts.quotedPostId,
  createdAt: posts.createdAt,
  editedAt: posts.editedAt,
  editCount: posts.editCount,
  deletedAt: posts.deletedAt,
  hiddenAt: posts.hiddenAt,
  hiddenReason: posts.hiddenReason,
  reactions: reactionCounts,
};

export type PostRow = Awaited<ReturnType<typeof selectPosts>>[number];

export async function selectPosts(db: Db | Tx, where: SQL | undefined, limit = 1000) {
  return db
    .select(postColumns)
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .leftJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(where)
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .limit(limit);
}

export async function selectPost(db: Db | Tx, postId: string): Promise<PostRow | undefined> {
  const [row] = await selectPosts(db, eq(posts.id, postId), 1);
  return row;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A post as `viewer` may see it; `'room'` is the view broadcast to everyone in a forum's room. */
export function presentPost(row: PostRow, viewer: AuthUser | null | 'room'): Post {
  const removed = row.deletedAt !== null;
  const hidden = row.hiddenAt !== null;
  const mayReadHidden = viewer !== 'room' && canSeeHiddenPost(viewer, row.authorId);
  const showBody = !removed && (!hidden || mayReadHidden);
  return {
    id: row.id,
    threadId: row.threadId,
    forumId: row.forumId,
    author: row.authorId && row.authorName ? { id: row.authorId, name: row.authorName } : null,
    organisation: row.organisationId && row.organisationName && row.organisationSlug ? { id: row.organisationId, name: row.organisationName, slug: row.organisationSlug } : null,
    body: showBody ? row.body : null,
    bodyHtml: showBody ? row.bodyHtml : null,
    quotedPostId: row.quotedPostId,
    createdAt: iso(row.createdAt)!,
    editedAt: iso(row.editedAt),
    editCount: row.editCount,
    deleted: removed,
    hidden: hidden ? { reason: mayReadHidden ? row.hiddenReason : null } : null,
    reactions: row.reactions ?? [],
  };
}

const threadColumns = {
  id: threads.id,
  forumId: threads.forumId,
  title: threads.title,
  authorId: threads.authorId,
  authorName: users.name,
  organisationId: threads.organisationId,
  organisationName: organisations.name,
  organisationSlug: organisations.slug,
  createdAt: threads.createdAt,
  lastPostAt: threads.lastPostAt,
  replyCount: threads.replyCount,
  pinned: threads.pinned,
  locked: threads.locked,
};

export type ThreadRow = Awaited<ReturnType<typeof selectThreads>>[number];

export function selectThreads(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(threadColumns)
    .from(threads)
    .leftJoin(users, eq(users.id, threads.authorId))
    .leftJoin(organisations, eq(organisations.id, threads.organisationId))
    .where(where);
}

export async function selectThread(db: Db | Tx, threadId: string): Promise<ThreadRow | undefined> {
  const [row] = await selectThreads(db, eq(threads.id, threadId));
  return row;
}

export function presentThread(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    forumId: row.forumId,
    title: row.title,
    author: row.authorId && row.authorName ? { id: row.authorId, name: row.authorName } : null,
    organisation: row.organisationId && row.organisationName && row.organisationSlug ? { id: row.organisationId, name: row.organisationName, slug: row.organisationSlug } : null,
    createdAt: iso(row.createdAt)!,
    lastPostAt: iso(row.lastPostAt)!,
    replyCount: row.replyCount,
    pinned: row.pinned,
    locked: row.locked,
  };
}

export interface ForumStats {
  threadCount: number;
  postCount: number;
  lastPostAt: Date | string | null;
}

/** The viewer-independent part of a forum (what a live `forum.updated` event carries). */
export function presentForumBase(forum: ForumRow, stats: ForumStats): Omit<Forum, 'unreadCount' | 'following' | 'canPost' | 'access'> {
  return {
    id: forum.id,
    slug: forum.slug,
    nameSv: forum.nameSv,
    nameEn: forum.nameEn,
    descriptionSv: forum.descriptionSv,
    descriptionEn: forum.descriptionEn,
    position: forum.position,
    archived: forum.archivedAt !== null,
    restricted: forum.access !== null,
    threadCount: stats.threadCount,
    postCount: stats.postCount,
    lastPostAt: iso(stats.lastPostAt),
  };
}

/** The viewer's own reactions on these posts. */
export async function myReactions(db: Db, user: AuthUser | null, postIds: string[]): Promise<Record<string, Reaction[]>> {
  if (!user || !postIds.length) return {};
  const rows = await db
    .select({ postId: postReactions.postId, reaction: postReactions.reaction })
    .from(postReactions)
    .where(and(eq(postReactions.userId, user.id), inArray(postReactions.postId, postIds)));
  const result: Record<string, Reaction[]> = {};
  for (const row of rows) (result[row.postId] ??= []).push(row.reaction);
  return result;
}
