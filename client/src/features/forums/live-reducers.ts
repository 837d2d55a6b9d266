import type { EarlierReplies, ForumPage, Post, ThreadPage, ThreadSummary } from '../../../../shared/forums';
import type { EventData, LiveEvent } from '../../../../shared/realtime';

// How live events change what a page shows. Pure and idempotent: an event applied twice (once in
// data loaded after it, once live) leaves the same result, because events carry whole objects and
// absolute counts, and lists are updated by id.

export interface Viewer {
  userId: string | null;
}

/** What a screen reader should hear about a change; the page turns it into words. */
export type LiveNotice =
  | { kind: 'newThread'; title: string }
  | { kind: 'reply'; name: string | null }
  | { kind: 'edited'; name: string | null }
  | { kind: 'removed'; name: string | null }
  | { kind: 'hidden'; name: string | null }
  | { kind: 'unhidden'; name: string | null }
  | { kind: 'reactions'; name: string | null }
  | { kind: 'locked' | 'unlocked' | 'pinned' | 'unpinned' | 'moved' | 'renamed'; title: string };

export interface LiveResult<T> {
  data: T;
  notice?: LiveNotice;
  /** The event cannot be applied from its data alone (a move, a privileged view): reload. */
  refetch?: boolean;
}

function is<T extends LiveEvent['type']>(event: LiveEvent, type: T): event is LiveEvent<T> {
  return event.type === type;
}

const byTime = (a: Post, b: Post) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Adds or replaces a post, keeping the thread's order (oldest first). */
export function upsertPost(posts: Post[], post: Post): Post[] {
  const index = posts.findIndex((p) => p.id === post.id);
  if (index === -1) return [...posts, post].sort(byTime);
  const next = posts.slice();
  next[index] = post;
  return next;
}

function sameReactions(a: Post['reactions'], b: Post['reactions']) {
  const key = (list: Post['reactions']) =>
    list
      .filter((r) => r.count > 0)
      .map((r) => `${r.reaction}:${r.count}:${r.names.join('|')}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** Whether the post falls among the earlier replies the page has not loaded. */
export function isBeforeLoadedReplies(page: ThreadPage, post: Post): boolean {
  const firstReply = page.posts[1];
  return page.earlierReplies > 0 && !!firstReply && byTime(post, firstReply) < 0;
}

/** Adds a page of earlier replies after the opening post. */
export function withEarlierReplies(page: ThreadPage, earlier: EarlierReplies): ThreadPage {
  return {
    ...page,
    posts: earlier.posts.reduce((list, post) => upsertPost(list, post), page.posts),
    myReactions: { ...earlier.myReactions, ...page.myReactions },
    earlierReplies: earlier.earlierReplies,
  };
}

/** A thread page (one thread's posts) and the events of its forum's room. */
export function applyThreadEvent(page: ThreadPage, event: LiveEvent, viewer: Viewer): LiveResult<ThreadPage> {
  const threadId = page.thread.id;
  const existing = (postId: string) => page.posts.find((p) => p.id === postId);
  // The room gets the same view of a post for everyone: a hidden post without its text. Its author
  // and the moderators see more, so for them such a post is reloaded rather than replaced.
  const privileged = (post: Post) => page.canModerate || (!!viewer.userId && post.author?.id === viewer.userId);
  const name = (post: Post) => post.author?.name ?? null;
  const byOther = (post: Post) => !viewer.userId || post.author?.id !== viewer.userId;

  if (is(event, 'post.created')) {
    const { post, thread } = event.data;
    if (post.threadId !== threadId) return { data: page };
    const isNew = !existing(post.id);
    return {
      data: { ...page, thread: { ...page.thread, ...thread }, posts: upsertPost(page.posts, post) },
      notice: isNew && byOther(post) ? { kind: 'reply', name: name(post) } : undefined,
    };
  }
  if (is(event, 'post.updated') || is(event, 'post.deleted') || is(event, 'post.hidden') || is(event, 'post.unhidden')) {
    const { post } = event.data as EventData['post.updated'];
    if (post.threadId !== threadId) return { data: page };
    const before = existing(post.id);
    // A reply among the earlier ones not loaded yet: it arrives with them, in its place, when asked for.
    if (!before && isBeforeLoadedReplies(page, post)) return { data: page };
    const notice: LiveNotice | undefined = (() => {
      if (event.type === 'post.updated') return before && before.editCount !== post.editCount && byOther(post) ? { kind: 'edited', name: name(post) } : undefined;
      if (event.type === 'post.deleted') return before && !before.deleted ? { kind: 'removed', name: name(post) } : undefined;
      if (event.type === 'post.hidden') return before && !before.hidden ? { kind: 'hidden', name: name(post) } : undefined;
      return before && before.hidden ? { kind: 'unhidden', name: name(post) } : undefined;
    })();
    if (post.hidden && privileged(post) && event.type !== 'post.deleted') {
      return { data: page, notice, refetch: true };
    }
    // Keep what only this viewer knows (their own reactions live elsewhere; nothing else yet).
    return { data: { ...page, posts: upsertPost(page.posts, post) }, notice };
  }
  if (is(event, 'post.reactions')) {
    const { postId, reactions } = event.data;
    const before = existing(postId);
    if (!before) return { data: page };
    if (sameReactions(before.reactions, reactions)) return { data: page };
    return {
      data: { ...page, posts: page.posts.map((p) => (p.id === postId ? { ...p, reactions } : p)) },
      notice: { kind: 'reactions', name: name(before) },
    };
  }
  if (is(event, 'thread.updated')) {
    const { thread } = event.data;
    if (thread.id !== threadId) return { data: page };
    // Whether one may reply changes with the lock; only the server knows for this viewer.
    return { data: { ...page, thread }, notice: threadChangeNotice(page.thread, thread), refetch: page.thread.locked !== thread.locked };
  }
  if (is(event, 'thread.moved')) {
    const { thread } = event.data;
    if (thread.id !== threadId) return { data: page };
    return { data: { ...page, thread }, notice: { kind: 'moved', title: thread.title }, refetch: true };
  }
  if (is(event, 'forum.updated')) {
    const { forum } = event.data;
    if (forum.id !== page.forum.id) return { data: page };
    return { data: { ...page, forum: { ...page.forum, ...forum } } };
  }
  return { data: page };
}

function threadChangeNotice(before: ThreadSummary, after: ThreadSummary): LiveNotice | undefined {
  if (before.locked !== after.locked) return { kind: after.locked ? 'locked' : 'unlocked', title: after.title };
  if (before.pinned !== after.pinned) return { kind: after.pinned ? 'pinned' : 'unpinned', title: after.title };
  if (before.title !== after.title) return { kind: 'renamed', title: after.title };
  return undefined;
}

type ListedThread = ForumPage['threads'][number];

/** Pinned first, then latest activity: the order the server lists threads in. */
export function sortThreads<T extends ThreadSummary>(threads: T[]): T[] {
  return threads
    .slice()
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.lastPostAt.localeCompare(a.lastPostAt) || b.id.localeCompare(a.id));
}

/** A forum's thread list and the events of its room. Later pages reload instead (threads move between pages). */
export function applyForumEvent(page: ForumPage, event: LiveEvent, viewer: Viewer): LiveResult<ForumPage> {
  const forumId = page.forum.id;
  const mine = (thread: ThreadSummary, post?: Post) => !!viewer.userId && (post?.author?.id ?? thread.author?.id) === viewer.userId;

  if (is(event, 'forum.updated')) {
    return event.data.forum.id === forumId ? { data: { ...page, forum: { ...page.forum, ...event.data.forum } } } : { data: page };
  }
  if (is(event, 'thread.moved')) {
    const { fromForumId, toForumId } = event.data;
    return fromForumId === forumId || toForumId === forumId ? { data: page, refetch: true } : { data: page };
  }
  if (is(event, 'thread.created') || is(event, 'post.created') || is(event, 'thread.updated')) {
    const { thread } = event.data as EventData['thread.updated'];
    const post = 'post' in event.data ? (event.data as EventData['post.created']).post : undefined;
    if (thread.forumId !== forumId) return { data: page };
    const index = page.threads.findIndex((t) => t.id === thread.id);
    if (page.page > 1) return { data: page, refetch: event.type !== 'thread.updated' || index !== -1 };
    let threads: ListedThread[];
    let total = page.total;
    let notice: LiveNotice | undefined;
    if (index === -1) {
      if (event.type === 'thread.updated') return { data: page };
      threads = [...page.threads, { ...thread, unread: !mine(thread, post), following: mine(thread, post) }];
      if (event.type === 'thread.created') {
        total += 1;
        if (!mine(thread, post)) notice = { kind: 'newThread', title: thread.title };
      }
    } else {
      const before = page.threads[index];
      const unread = event.type === 'thread.updated' ? before.unread : post && mine(thread, post) ? before.unread : true;
      threads = page.threads.slice();
      threads[index] = { ...before, ...thread, unread };
    }
    threads = sortThreads(threads);
    if (threads.length > page.pageSize) threads = threads.slice(0, page.pageSize);
    return { data: { ...page, threads, total }, notice };
  }
  return { data: page };
}
