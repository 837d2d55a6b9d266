import { describe, expect, it } from 'vitest';
import type { ForumPage, Post, ThreadPage, ThreadSummary } from '../../shared/forums';
import type { NotificationList } from '../../shared/notifications';
import type { EventData, EventType, LiveEvent } from '../../shared/realtime';
import { insertAt } from '../../client/src/features/forums/composer';
import { applyForumEvent, applyThreadEvent, sortThreads, upsertPost, withEarlierReplies } from '../../client/src/features/forums/live-reducers';
import { quoteText } from '../../client/src/features/forums/thread-page';
import { applyNotificationEvent } from '../../client/src/features/notifications/live';
import { threadPath, threadPathById } from '../../client/src/lib/paths';
import { withCursor } from '../../client/src/lib/realtime';

// How live events change what the forum pages show: idempotent, so that an event that both the
// loaded data and the live stream contain is harmless.

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const forumId = uuid(1);
const threadId = uuid(2);
const maja = { id: uuid(10), name: 'Maja Medlem' };
const anna = { id: uuid(11), name: 'Anna Andersson' };

function thread(overrides: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id: threadId,
    forumId,
    title: 'Lokaler i Farsta',
    author: maja,
    organisation: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    lastPostAt: '2026-05-01T10:00:00.000Z',
    replyCount: 0,
    pinned: false,
    locked: false,
    ...overrides,
  };
}

function post(n: number, overrides: Partial<Post> = {}): Post {
  return {
    id: uuid(100 + n),
    threadId,
    forumId,
    author: maja,
    organisation: null,
    body: `Inlägg ${n}`,
    bodyHtml: `<p>Inlägg ${n}</p>`,
    quotedPostId: null,
    createdAt: `2026-05-01T10:${String(n).padStart(2, '0')}:00.000Z`,
    editedAt: null,
    editCount: 0,
    deleted: false,
    hidden: null,
    reactions: [],
    ...overrides,
  };
}

const forum = {
  id: forumId,
  slug: 'lokaler',
  nameSv: 'Lokaler',
  nameEn: 'Premises',
  descriptionSv: '',
  descriptionEn: '',
  position: 1,
  archived: false,
  restricted: false,
  threadCount: 1,
  postCount: 1,
  lastPostAt: null,
  unreadCount: 0,
  following: false,
  canPost: true,
};

function threadPage(overrides: Partial<ThreadPage> = {}): ThreadPage {
  return { forum, thread: thread(), posts: [post(0)], earlierReplies: 0, myReactions: {}, following: true, lastReadAt: null, canPost: true, canModerate: false, cursor: 10, ...overrides };
}

let nextId = 11;
function event<T extends EventType>(type: T, data: EventData[T]): LiveEvent<T> {
  nextId += 1;
  return { id: nextId, room: `forum:${forumId}`, type, data, at: '2026-05-01T12:00:00.000Z' };
}

describe('a thread page, live', () => {
  it('adds a reply once, in order, and announces replies from others only', () => {
    const reply = post(1, { author: anna });
    const created = event('post.created', { thread: thread({ replyCount: 1 }), post: reply });
    const once = applyThreadEvent(threadPage(), created, { userId: maja.id });
    expect(once.data.posts.map((p) => p.id)).toEqual([post(0).id, reply.id]);
    expect(once.data.thread.replyCount).toBe(1);
    expect(once.notice).toEqual({ kind: 'reply', name: 'Anna Andersson' });
    // The same event again (data loaded after it, then replayed): no change, no second announcement.
    const twice = applyThreadEvent(once.data, created, { userId: maja.id });
    expect(twice.data.posts).toHaveLength(2);
    expect(twice.notice).toBeUndefined();
    // One's own reply is not announced to oneself.
    expect(applyThreadEvent(threadPage(), event('post.created', { thread: thread(), post: post(2) }), { userId: maja.id }).notice).toBeUndefined();
  });

  it('ignores events about other threads', () => {
    const other = post(3, { threadId: uuid(99) });
    const result = applyThreadEvent(threadPage(), event('post.created', { thread: thread({ id: uuid(99) }), post: other }), { userId: null });
    expect(result.data.posts).toHaveLength(1);
  });

  it('replaces an edited post and hides a hidden one for ordinary readers', () => {
    const page = threadPage({ posts: [post(0), post(1, { author: anna })] });
    const edited = applyThreadEvent(page, event('post.updated', { post: post(1, { author: anna, body: 'Nytt', bodyHtml: '<p>Nytt</p>', editCount: 1, editedAt: '2026-05-01T11:00:00.000Z' }) }), { userId: maja.id });
    expect(edited.data.posts[1].bodyHtml).toBe('<p>Nytt</p>');
    expect(edited.notice).toEqual({ kind: 'edited', name: 'Anna Andersson' });

    const roomView = post(1, { author: anna, body: null, bodyHtml: null, hidden: { reason: null } });
    const hidden = applyThreadEvent(edited.data, event('post.hidden', { post: roomView }), { userId: maja.id });
    expect(hidden.data.posts[1].bodyHtml).toBeNull();
    expect(hidden.refetch).toBeFalsy();
    expect(hidden.notice).toEqual({ kind: 'hidden', name: 'Anna Andersson' });
  });

  it('reloads instead of showing the room view of a hidden post to its author and to moderators', () => {
    const roomView = post(1, { author: anna, body: null, bodyHtml: null, hidden: { reason: null } });
    const page = threadPage({ posts: [post(0), post(1, { author: anna })] });
    const asAuthor = applyThreadEvent(page, event('post.hidden', { post: roomView }), { userId: anna.id });
    expect(asAuthor.refetch).toBe(true);
    expect(asAuthor.data.posts[1].bodyHtml).toBe('<p>Inlägg 1</p>');
    const asModerator = applyThreadEvent(threadPage({ posts: page.posts, canModerate: true }), event('post.hidden', { post: roomView }), { userId: uuid(12) });
    expect(asModerator.refetch).toBe(true);
  });

  it('takes reaction counts as they are (absolute), without touching one’s own reactions', () => {
    const page = threadPage({ myReactions: { [post(0).id]: ['heart'] } });
    const reactions = [{ reaction: 'heart' as const, count: 2, names: ['Anna', 'Bo'] }];
    const once = applyThreadEvent(page, event('post.reactions', { postId: post(0).id, threadId, reactions }), { userId: maja.id });
    expect(once.data.posts[0].reactions).toEqual(reactions);
    expect(once.data.myReactions).toEqual({ [post(0).id]: ['heart'] });
    expect(once.notice?.kind).toBe('reactions');
    expect(applyThreadEvent(once.data, event('post.reactions', { postId: post(0).id, threadId, reactions }), { userId: maja.id }).notice).toBeUndefined();
  });

  it('reloads when the thread is locked or moved (who may reply, which room)', () => {
    const locked = applyThreadEvent(threadPage(), event('thread.updated', { thread: thread({ locked: true }) }), { userId: maja.id });
    expect(locked.data.thread.locked).toBe(true);
    expect(locked.refetch).toBe(true);
    expect(locked.notice).toEqual({ kind: 'locked', title: 'Lokaler i Farsta' });
    const moved = applyThreadEvent(threadPage(), event('thread.moved', { thread: thread({ forumId: uuid(5) }), fromForumId: forumId, toForumId: uuid(5) }), { userId: null });
    expect(moved.refetch).toBe(true);
  });

  it('leaves changes to earlier replies not loaded yet for when they are loaded, and merges them in their place', () => {
    // Loaded: the opening post and replies 5 and 6; replies 1 to 4 are earlier and not loaded.
    const page = threadPage({ posts: [post(0), post(5), post(6)], earlierReplies: 4 });
    const olderEdit = applyThreadEvent(page, event('post.updated', { post: post(2, { body: 'Ändrat', editCount: 1 }) }), { userId: null });
    expect(olderEdit.data).toBe(page);
    expect(olderEdit.notice).toBeUndefined();
    const loadedEdit = applyThreadEvent(page, event('post.updated', { post: post(5, { author: anna, body: 'Ändrat', editCount: 1 }) }), { userId: maja.id });
    expect(loadedEdit.data.posts.map((p) => p.body)).toEqual(['Inlägg 0', 'Ändrat', 'Inlägg 6']);
    // Once every earlier reply is loaded, a change to any of them applies.
    const merged = withEarlierReplies(page, { posts: [post(3), post(4)], myReactions: { [post(3).id]: ['heart'] }, earlierReplies: 2 });
    expect(merged.posts.map((p) => p.id)).toEqual([0, 3, 4, 5, 6].map((n) => post(n).id));
    expect(merged.earlierReplies).toBe(2);
    expect(merged.myReactions[post(3).id]).toEqual(['heart']);
    const all = withEarlierReplies(merged, { posts: [post(1), post(2)], myReactions: {}, earlierReplies: 0 });
    expect(all.posts.map((p) => p.id)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => post(n).id));
    const nowApplies = applyThreadEvent(all, event('post.updated', { post: post(2, { body: 'Ändrat', editCount: 1 }) }), { userId: null });
    expect(nowApplies.data.posts[2].body).toBe('Ändrat');
  });

  it('moves the data’s cursor to each applied event', () => {
    const e = event('post.reactions', { postId: post(0).id, threadId, reactions: [] });
    expect(withCursor(threadPage({ cursor: 3 }), e, (d) => d).cursor).toBe(e.id);
  });
});

describe('a forum’s thread list, live', () => {
  const listed = (overrides: Partial<ThreadSummary> = {}) => ({ ...thread(overrides), unread: false, following: false });
  const page = (threads: ForumPage['threads'], overrides: Partial<ForumPage> = {}): ForumPage => ({ forum, threads, total: threads.length, page: 1, pageSize: 30, cursor: 10, ...overrides });

  it('puts a new thread first (after pinned ones), counts it once and announces it', () => {
    const pinned = listed({ id: uuid(20), pinned: true, lastPostAt: '2026-04-01T00:00:00.000Z' });
    const old = listed({ id: uuid(21), lastPostAt: '2026-04-02T00:00:00.000Z' });
    const fresh = thread({ id: uuid(22), title: 'Ny fråga', author: anna, lastPostAt: '2026-05-02T00:00:00.000Z' });
    const created = event('thread.created', { thread: fresh, post: post(0, { threadId: fresh.id, author: anna }) });
    const once = applyForumEvent(page([pinned, old]), created, { userId: maja.id });
    expect(once.data.threads.map((t) => t.id)).toEqual([pinned.id, fresh.id, old.id]);
    expect(once.data.threads[1].unread).toBe(true);
    expect(once.data.total).toBe(3);
    expect(once.notice).toEqual({ kind: 'newThread', title: 'Ny fråga' });
    const twice = applyForumEvent(once.data, created, { userId: maja.id });
    expect(twice.data.total).toBe(3);
    expect(twice.data.threads).toHaveLength(3);
  });

  it('moves a thread with a new reply to the top and marks it unread, unless the reply is one’s own', () => {
    const a = listed({ id: uuid(30), lastPostAt: '2026-05-01T00:00:00.000Z' });
    const b = listed({ id: uuid(31), lastPostAt: '2026-04-01T00:00:00.000Z' });
    const reply = event('post.created', { thread: thread({ id: b.id, lastPostAt: '2026-05-03T00:00:00.000Z', replyCount: 1 }), post: post(1, { threadId: b.id, author: anna }) });
    const result = applyForumEvent(page([a, b]), reply, { userId: maja.id });
    expect(result.data.threads.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(result.data.threads[0]).toMatchObject({ unread: true, replyCount: 1 });
    const mine = event('post.created', { thread: thread({ id: b.id, lastPostAt: '2026-05-03T00:00:00.000Z' }), post: post(1, { threadId: b.id, author: maja }) });
    expect(applyForumEvent(page([a, b]), mine, { userId: maja.id }).data.threads[0].unread).toBe(false);
  });

  it('reloads later pages instead of guessing, and ignores other forums', () => {
    const created = event('thread.created', { thread: thread({ id: uuid(40) }), post: post(0) });
    expect(applyForumEvent(page([], { page: 2 }), created, { userId: null }).refetch).toBe(true);
    const elsewhere = event('thread.created', { thread: thread({ id: uuid(41), forumId: uuid(9) }), post: post(0) });
    expect(applyForumEvent(page([]), elsewhere, { userId: null }).data.threads).toEqual([]);
  });

  it('sorts pinned first, then by latest activity', () => {
    const sorted = sortThreads([
      thread({ id: uuid(1), lastPostAt: '2026-01-01T00:00:00.000Z' }),
      thread({ id: uuid(2), lastPostAt: '2026-03-01T00:00:00.000Z' }),
      thread({ id: uuid(3), lastPostAt: '2025-01-01T00:00:00.000Z', pinned: true }),
    ]);
    expect(sorted.map((t) => t.id)).toEqual([uuid(3), uuid(2), uuid(1)]);
  });
});

describe('notifications, live', () => {
  const list = (): NotificationList => ({ notifications: [], unreadCount: 0, cursor: 1 });
  const notification = {
    id: uuid(50),
    kind: 'reply' as const,
    actor: anna,
    threadId,
    threadTitle: 'Lokaler i Farsta',
    postId: uuid(101),
    text: null,
    link: null,
    createdAt: '2026-05-01T12:00:00.000Z',
    readAt: null,
  };

  it('adds a notification once and takes the unread count as given', () => {
    const created = { id: 5, room: `user:${maja.id}`, type: 'notification.created' as const, data: { notification, unreadCount: 1 }, at: notification.createdAt };
    const once = applyNotificationEvent(list(), created);
    const twice = applyNotificationEvent(once.data, created);
    expect(twice.data.notifications).toHaveLength(1);
    expect(twice.data.unreadCount).toBe(1);
  });

  it('marks everything read when another tab read everything, and reloads when it read some', () => {
    const withOne: NotificationList = { notifications: [notification], unreadCount: 1, cursor: 1 };
    const allRead = applyNotificationEvent(withOne, { id: 6, room: 'user:x', type: 'notifications.read', data: { unreadCount: 0 }, at: '2026-05-01T13:00:00.000Z' });
    expect(allRead.data.notifications[0].readAt).toBe('2026-05-01T13:00:00.000Z');
    const someRead = applyNotificationEvent({ ...withOne, unreadCount: 3 }, { id: 7, room: 'user:x', type: 'notifications.read', data: { unreadCount: 2 }, at: '' });
    expect(someRead.refetch).toBe(true);
    expect(someRead.data.unreadCount).toBe(2);
  });
});

describe('composer helpers', () => {
  it('inserts a mention at the cursor with spaces around it', () => {
    expect(insertAt('Fråga till', '@[Sara](user:1)', 10, 10)).toEqual({ value: 'Fråga till @[Sara](user:1) ', caret: 27 });
    expect(insertAt('Hej  där', '@[Sara](user:1)', 4, 4).value).toBe('Hej @[Sara](user:1) där');
  });

  it('quotes every line of a post', () => {
    expect(quoteText(post(1, { body: 'Rad ett\n\nRad tre' }), 'Maja skrev:')).toBe('> Maja skrev:\n> Rad ett\n>\n> Rad tre\n\n');
  });

  it('keeps posts in time order when one arrives late', () => {
    const posts = upsertPost([post(0), post(2)], post(1));
    expect(posts.map((p) => p.body)).toEqual(['Inlägg 0', 'Inlägg 1', 'Inlägg 2']);
  });

  it('links to a thread by forum and id, and to one post', () => {
    expect(threadPath('bidrag', threadId, uuid(101))).toBe(`/forum/bidrag/${threadId}#inlagg-${uuid(101)}`);
    expect(threadPathById(threadId)).toBe(`/forum/trad/${threadId}`);
  });
});
