import { and, eq, gt, sql } from 'drizzle-orm';
import type { PostInput, ThreadInput } from '../../../shared/forums';
import { forumRoom } from '../../../shared/realtime';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db/client';
import { auditLog, organisations, postRevisions, posts, threadFollows, threadReads, threads } from '../../db/schema/index';
import { DomainError, forbidden, invalid, notFound } from '../../lib/errors';
import { recordEvents } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { notify } from '../notifications/service';
import { forumFollowerIds, postNotifications, renderBody } from './audience';
import { readableForum } from './forum-access';
import { canDeletePost, canEditPost, canPostInForum, canReplyToThread, isActiveMemberOf, isForumStaff } from './policy';
import { presentPost, presentThread, selectPost, selectThread, type PostRow } from './presenter';

export type PostingLimits = Config['forumLimits'];

/** The Swedish full-text vector of a post: the thread's title counts more, on the first post only. */
export const searchVector = (body: string, title: string | null) =>
  title === null
    ? sql`setweight(to_tsvector('swedish', ${body}), 'B')`
    : sql`setweight(to_tsvector('swedish', ${title}), 'A') || setweight(to_tsvector('swedish', ${body}), 'B')`;

/**
 * Serialises one person's posting (rate limits and idempotency keys are checked and written under
 * it), and returns the post an earlier attempt with the same key created, if any.
 */
async function beginPosting(tx: Tx, user: AuthUser, idempotencyKey: string | undefined) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('forum-post'), hashtext(${user.id}))`);
  if (!idempotencyKey) return null;
  const [existing] = await tx
    .select({ id: posts.id, threadId: posts.threadId, forumId: posts.forumId, isFirst: posts.isFirst })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), eq(posts.idempotencyKey, idempotencyKey)));
  return existing ?? null;
}

/** One post per interval and a daily cap, per person: a clear 429 with Retry-After. */
async function checkLimits(tx: Tx, user: AuthUser, limits: PostingLimits) {
  const [row] = await tx
    .select({
      last: sql<Date | null>`max(${posts.createdAt})`,
      oldest: sql<Date | null>`min(${posts.createdAt})`,
      n: sql<number>`count(*)::int`,
      now: sql<Date>`now()`,
    })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), gt(posts.createdAt, sql`now() - interval '24 hours'`)));
  const now = new Date(row.now).getTime();
  if (row.last && limits.intervalMs > 0) {
    const wait = new Date(row.last).getTime() + limits.intervalMs - now;
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new DomainError(429, 'error.postTooSoon', { seconds }, [], { 'retry-after': String(seconds) });
    }
  }
  if (row.n >= limits.dailyCap && row.oldest) {
    const seconds = Math.max(1, Math.ceil((new Date(row.oldest).getTime() + 86400_000 - now) / 1000));
    throw new DomainError(429, 'error.dailyPostCap', { cap: limits.dailyCap, hours: Math.ceil(seconds / 3600) }, [], { 'retry-after': String(seconds) });
  }
}

function checkOrganisation(user: AuthUser, organisationId: string | null | undefined) {
  if (organisationId && !isActiveMemberOf(user, organisationId)) {
    throw invalid([{ field: 'organisationId', key: 'error.notOrganisationMember' }]);
  }
}

async function markRead(tx: Tx, userId: string, threadId: string) {
  await tx
    .insert(threadReads)
    .values({ userId, threadId })
    .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { readAt: sql`now()` } });
}

export async function createThread(db: Db, limits: PostingLimits, user: AuthUser, forumRef: string, input: ThreadInput, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const earlier = await beginPosting(tx, user, idempotencyKey);
    if (earlier) {
      // The key belongs to a reply, or to a thread in another forum: this is not a retry of the same
      // request (in another forum it once answered 200 with the first forum's thread). The route
      // passes the forum's id; a thread moved between a request and its retry would also be refused.
      if (!earlier.isFirst || earlier.forumId !== forumRef) throw new DomainError(409, 'error.idempotencyKeyReused');
      return { threadId: earlier.threadId, postId: earlier.id, created: false };
    }
    const forum = await readableForum(tx, forumRef, user);
    if (!canPostInForum(user, forum.access, forum.archivedAt !== null)) throw new DomainError(403, 'error.forumArchived');
    checkOrganisation(user, input.organisationId);
    await checkLimits(tx, user, limits);
    const rendered = await renderBody(tx, input.body);
    const [thread] = await tx
      .insert(threads)
      .values({ forumId: forum.id, title: input.title, authorId: user.id, organisationId: input.organisationId ?? null })
      .returning({ id: threads.id });
    const [post] = await tx
      .insert(posts)
      .values({
        threadId: thread.id,
        forumId: forum.id,
        authorId: user.id,
        organisationId: input.organisationId ?? null,
        isFirst: true,
        body: input.body,
        bodyHtml: rendered.html,
        idempotencyKey: idempotencyKey ?? null,
        search: searchVector(input.body, input.title),
      })
      .returning({ id: posts.id });
    await tx.insert(threadFollows).values({ userId: user.id, threadId: thread.id }).onConflictDoNothing();
    await markRead(tx, user.id, thread.id);
    const notices = await postNotifications(
      tx,
      forum,
      { actorId: user.id, threadId: thread.id, threadTitle: input.title, postId: post.id },
      'newThread',
      await forumFollowerIds(tx, forum.id),
      [...rendered.mentionedUserIds, ...rendered.mentionedOrgAdminIds],
    );
    const threadRow = (await selectThread(tx, thread.id))!;
    const postRow = (await selectPost(tx, post.id))!;
    await recordEvents(tx, [
      { room: forumRoom(forum.id), type: 'thread.created', data: { thread: presentThread(threadRow), post: presentPost(postRow, 'room') } },
      ...(await notify(tx, notices)),
    ]);
    return { threadId: thread.id, postId: post.id, created: true };
  });
}

async function organisationRef(tx: Tx, organisationId: string | null | undefined) {
  if (!organisationId) return null;
  const [org] = await tx.select({ name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.id, organisationId));
  return org ? { id: organisationId, ...org } : null;
}

/** A post just written, as selectPost would read it: no edits, no reactions, not hidden. */
function newPostRow(
  author: AuthUser,
  organisation: { id: string; name: string; slug: string } | null,
  post: { id: string; threadId: string; forumId: string; body: string; bodyHtml: string; quotedPostId: string | null; createdAt: Date },
): PostRow {
  return {
    ...post,
    authorId: author.id,
    authorName: author.name,
    organisationId: organisation?.id ?? null,
    organisationName: organisation?.name ?? null,
    organisationSlug: organisation?.slug ?? null,
    editedAt: null,
    editCount: 0,
    deletedAt: null,
    hiddenAt: null,
    hiddenReason: null,
    reactions: null,
  };
}

export async function createReply(db: Db, limits: PostingLimits, user: AuthUser, threadId: string, input: PostInput, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const earlier = await beginPosting(tx, user, idempotencyKey);
    if (earlier) {
      if (earlier.threadId !== threadId || earlier.isFirst) throw new DomainError(409, 'error.idempotencyKeyReused');
      return { postId: earlier.id, created: false };
    }
    const existing = await selectThread(tx, threadId);
    if (!existing) throw notFound();
    const forum = await readableForum(tx, existing.forumId, user);
    if (!canPostInForum(user, forum.access, forum.archivedAt !== null)) throw new DomainError(403, 'error.forumArchived');
    if (!canReplyToThread(user, forum.access, forum.archivedAt !== null, existing.locked)) throw new DomainError(403, 'error.threadLocked');
    checkOrganisation(user, input.organisationId);
    let quotedAuthor: string | null = null;
    if (input.quotedPostId) {
      const [quoted] = await tx.select({ authorId: posts.authorId }).from(posts).where(and(eq(posts.id, input.quotedPostId), eq(posts.threadId, threadId)));
      if (!quoted) throw invalid([{ field: 'quotedPostId', key: 'error.quotedPostElsewhere' }]);
      quotedAuthor = quoted.authorId;
    }
    await checkLimits(tx, user, limits);
    const rendered = await renderBody(tx, input.body);
    // The row lock on the thread orders concurrent replies and keeps the reply count exact. What it
    // returns is the thread as of this reply (a rename or lock that committed meanwhile included).
    const [counted] = await tx
      .update(threads)
      .set({ replyCount: sql`${threads.replyCount} + 1`, lastPostAt: sql`now()` })
      .where(eq(threads.id, threadId))
      .returning({ title: threads.title, replyCount: threads.replyCount, lastPostAt: threads.lastPostAt, pinned: threads.pinned, locked: threads.locked });
    const [post] = await tx
      .insert(posts)
      .values({
        threadId,
        forumId: forum.id,
        authorId: user.id,
        organisationId: input.organisationId ?? null,
        body: input.body,
        bodyHtml: rendered.html,
        quotedPostId: input.quotedPostId ?? null,
        idempotencyKey: idempotencyKey ?? null,
        search: searchVector(input.body, null),
      })
      .returning({ id: posts.id, createdAt: posts.createdAt });
    // Who followed before this reply; then the author follows and has read it (one round trip: every
    // part of the statement sees the table as it was before it).
    const followerRows = await tx.execute<{ user_id: string }>(sql`
      with followed as (
        insert into thread_follows (user_id, thread_id) values (${user.id}, ${threadId}) on conflict do nothing
      ), read as (
        insert into thread_reads (user_id, thread_id) values (${user.id}, ${threadId})
        on conflict (user_id, thread_id) do update set read_at = now()
      )
      select user_id from thread_follows where thread_id = ${threadId}`);
    const followers = followerRows.rows.map((r) => r.user_id);
    const notices = await postNotifications(
      tx,
      forum,
      { actorId: user.id, threadId, threadTitle: existing.title, postId: post.id },
      'reply',
      quotedAuthor ? [...followers, quotedAuthor] : followers,
      [...rendered.mentionedUserIds, ...rendered.mentionedOrgAdminIds],
    );
    // The event's thread and post are built from what this transaction wrote rather than read again.
    const threadRow = { ...existing, ...counted };
    const postRow = newPostRow(user, await organisationRef(tx, input.organisationId), {
      id: post.id,
      threadId,
      forumId: forum.id,
      body: input.body,
      bodyHtml: rendered.html,
      quotedPostId: input.quotedPostId ?? null,
      createdAt: post.createdAt,
    });
    await recordEvents(tx, [
      { room: forumRoom(forum.id), type: 'post.created', data: { thread: presentThread(threadRow), post: presentPost(postRow, 'room') } },
      ...(await notify(tx, notices)),
    ]);
    return { postId: post.id, created: true };
  });
}

/**
 * Erases a hidden or removed post's text from the stored live events, so that no catch-up or feed
 * replay brings it back. Its events were all written at or after the post was created.
 */
export async function redactPostEvents(tx: Tx, postId: string, createdAt: Date | string) {
  await tx.execute(sql`update events set data = jsonb_set(data, '{post}', (data->'post') || '{"body": null, "bodyHtml": null}'::jsonb)
    where at >= ${new Date(createdAt).toISOString()}::timestamptz - interval '1 second' and data->'post'->>'id' = ${postId}`);
}

/** Loads a post the user may see, with its thread and forum; 404 for posts that do not exist. */
export async function postContext(tx: Tx | Db, user: AuthUser | null, postId: string) {
  const post = await selectPost(tx, postId);
  if (!post) throw notFound();
  const forum = await readableForum(tx, post.forumId, user);
  const thread = (await selectThread(tx, post.threadId))!;
  return { post, forum, thread };
}

export async function editPost(db: Db, user: AuthUser, postId: string, body: string) {
  return db.transaction(async (tx) => {
    const { post, forum, thread } = await postContext(tx, user, postId);
    if (!canEditPost(user, post.authorId)) throw forbidden();
    if (post.deletedAt) throw new DomainError(409, 'error.postRemoved');
    // A locked thread or an archived forum is closed to new words, edits too (removing stays allowed).
    if (!canPostInForum(user, forum.access, forum.archivedAt !== null)) throw new DomainError(403, 'error.forumArchived');
    if (!canReplyToThread(user, forum.access, forum.archivedAt !== null, thread.locked)) throw new DomainError(403, 'error.threadLocked');
    const [current] = await tx.select({ body: posts.body, isFirst: posts.isFirst }).from(posts).where(eq(posts.id, postId)).for('update');
    if (current.body === body) return;
    const before = await renderBody(tx, current.body);
    const rendered = await renderBody(tx, body);
    await tx.insert(postRevisions).values({ postId, body: current.body, editorId: user.id });
    await tx
      .update(posts)
      .set({ body, bodyHtml: rendered.html, editedAt: sql`now()`, editCount: sql`${posts.editCount} + 1`, search: searchVector(body, current.isFirst ? thread.title : null) })
      .where(eq(posts.id, postId));
    // Only people newly mentioned by the edit are told.
    const already = new Set([...before.mentionedUserIds, ...before.mentionedOrgAdminIds]);
    const added = [...rendered.mentionedUserIds, ...rendered.mentionedOrgAdminIds].filter((id) => !already.has(id));
    const notices = await postNotifications(tx, forum, { actorId: user.id, threadId: thread.id, threadTitle: thread.title, postId }, 'reply', [], added);
    await recordEvents(tx, [
      { room: forumRoom(forum.id), type: 'post.updated', data: { post: presentPost((await selectPost(tx, postId))!, 'room') } },
      ...(await notify(tx, notices)),
    ]);
  });
}

/** The post shows as removed; replies stay. Its text and history are erased. */
export async function deletePost(db: Db, user: AuthUser, postId: string) {
  return db.transaction(async (tx) => {
    const { post, forum } = await postContext(tx, user, postId);
    if (!canDeletePost(user, post.authorId)) throw forbidden();
    if (post.deletedAt) return;
    await tx
      .update(posts)
      .set({ deletedAt: sql`now()`, body: '', bodyHtml: '', search: sql`''::tsvector` })
      .where(eq(posts.id, postId));
    await tx.delete(postRevisions).where(eq(postRevisions.postId, postId));
    await redactPostEvents(tx, postId, post.createdAt);
    if (post.authorId !== user.id && isForumStaff(user)) {
      await tx.insert(auditLog).values({ actorId: user.id, action: 'post.delete', targetType: 'post', targetId: postId, detail: { authorId: post.authorId } });
    }
    await recordEvents(tx, [{ room: forumRoom(forum.id), type: 'post.deleted', data: { post: presentPost((await selectPost(tx, postId))!, 'room') } }]);
  });
}
