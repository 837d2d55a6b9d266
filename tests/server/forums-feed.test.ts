import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { eventsAfter } from '../../server/lib/events';
import type { Forum, Post, ThreadSummary } from '../../shared/forums';
import type { ApiClient } from '../helpers/api-client';
import { signedInClient } from '../helpers/factories';
import { sleep } from '../helpers/live-client';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The plain WebSocket feed at /api/feed: a read-only JSON stream of the open forums' events.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface FeedMessage {
  id?: number;
  type: string;
  forumId?: string | null;
  data?: Record<string, unknown>;
  at?: string;
  cursor?: number;
}

interface Feed {
  ws: WebSocket;
  messages: FeedMessage[];
  raw: string[];
  /** Resolves once the messages satisfy `predicate`; rejects after `ms`. */
  waitFor(predicate: (messages: FeedMessage[]) => boolean, ms?: number, what?: string): Promise<void>;
  /** The messages before `ready`, once it has come. */
  replay(): Promise<FeedMessage[]>;
  /** The messages after `ready`. */
  live(): FeedMessage[];
}

const feeds: Feed[] = [];
afterEach(() => {
  for (const feed of feeds.splice(0)) feed.ws.terminate();
});

async function openFeed(since?: number): Promise<Feed> {
  const messages: FeedMessage[] = [];
  const raw: string[] = [];
  let waiters: { predicate: (m: FeedMessage[]) => boolean; resolve: () => void }[] = [];
  const path = since === undefined ? '/api/feed' : `/api/feed?since=${since}`;
  // onInit attaches the listener before the upgrade completes, so no message is lost.
  const ws = await t.app.injectWS(path, {}, {
    onInit: (socket) =>
      socket.on('message', (data) => {
        raw.push(String(data));
        messages.push(JSON.parse(String(data)));
        waiters = waiters.filter((w) => (w.predicate(messages) ? (w.resolve(), false) : true));
      }),
  });
  const waitFor = (predicate: (m: FeedMessage[]) => boolean, ms = 3000, what = 'feed messages') => {
    if (predicate(messages)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = { predicate, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages.map((m) => [m.id, m.type]))}`));
      }, ms);
      waiters.push(waiter);
    });
  };
  const readyAt = () => messages.findIndex((m) => m.type === 'ready');
  const feed: Feed = {
    ws,
    messages,
    raw,
    waitFor,
    replay: async () => {
      await waitFor(() => readyAt() >= 0, 3000, 'ready');
      return messages.slice(0, readyAt());
    },
    live: () => (readyAt() >= 0 ? messages.slice(readyAt() + 1) : []),
  };
  feeds.push(feed);
  return feed;
}

const suffix = () => Math.random().toString(36).slice(2, 9);

async function newForum(staff: ApiClient, access: unknown = null): Promise<Forum> {
  const slug = `flode-${suffix()}`;
  const response = await staff.post('/api/forums', { slug, nameSv: `Forum ${slug}`, nameEn: `Forum ${slug}`, access });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function startThread(client: ApiClient, forumId: string, title: string, body: string) {
  const response = await client.post(`/api/forums/${forumId}/threads`, { title, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { thread: ThreadSummary; post: Post };
}

async function reply(client: ApiClient, threadId: string, body: string): Promise<Post> {
  const response = await client.post(`/api/threads/${threadId}/posts`, { body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function cursorNow(client: ApiClient): Promise<number> {
  return (await client.get('/api/forums')).json().cursor;
}

async function people() {
  const staff = await signedInClient(t.app, 'coordinator');
  const anna = await signedInClient(t.app, 'user');
  const bo = await signedInClient(t.app, 'user');
  return { staff, anna, bo };
}

const postBody = (m: FeedMessage) => (m.data as { post?: { body: string | null } } | undefined)?.post?.body;

describe('the plain WebSocket feed', () => {
  it('replays the open forums’ events since a cursor as JSON, in id order, then says ready', async () => {
    const { staff, anna, bo } = await people();
    const since = await cursorNow(anna.client);
    const forum = await newForum(staff.client);
    const { thread, post } = await startThread(anna.client, forum.id, 'Flödestråd', 'Första');
    const answer = await reply(bo.client, thread.id, 'Andra');
    await reply(anna.client, thread.id, 'Tredje');
    await bo.client.put(`/api/posts/${post.id}/reactions/heart`);
    const until = await cursorNow(anna.client);

    const feed = await openFeed(since);
    const replay = await feed.replay();
    expect(replay.map((m) => m.type)).toEqual(['forums.changed', 'thread.created', 'post.created', 'post.created', 'post.reactions']);
    for (const m of replay) {
      expect(Object.keys(m).sort()).toEqual(['at', 'data', 'forumId', 'id', 'type']);
      expect(m.forumId).toBe(forum.id);
      expect(new Date(m.at!).toISOString()).toBe(m.at);
    }
    const ids = replay.map((m) => m.id!);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBeGreaterThan(since);
    expect(ids.at(-1)).toBeLessThanOrEqual(until);
    expect(replay[0].data).toEqual({ forumId: forum.id });
    expect(replay[1].data).toMatchObject({ thread: { id: thread.id, title: 'Flödestråd' }, post: { id: post.id, body: 'Första' } });
    expect(replay.slice(2, 4).map(postBody)).toEqual(['Andra', 'Tredje']);
    expect((replay[2].data as { post: Post }).post.id).toBe(answer.id);
    expect(replay[4].data).toEqual({ postId: post.id, threadId: thread.id, reactions: [{ reaction: 'heart', count: 1, names: ['Test user'] }] });
    // The messages are the events as stored, in the same order.
    const stored = (await eventsAfter(t.app.db, since, 1000)).filter((e) => e.room === `forum:${forum.id}` || e.room === 'forums');
    expect(replay.map((m) => [m.id, m.type, m.at])).toEqual(stored.map((e) => [e.id, e.type, e.at]));

    const ready = feed.messages[replay.length];
    expect(ready).toEqual({ type: 'ready', cursor: expect.any(Number) });
    expect(ready.cursor).toBeGreaterThanOrEqual(until);

    // Then it goes on live.
    const later = await reply(bo.client, thread.id, 'Live');
    await feed.waitFor(() => feed.live().some((m) => m.type === 'post.created'), 3000, 'the live reply');
    const [liveReply] = feed.live();
    expect(liveReply).toMatchObject({ type: 'post.created', forumId: forum.id, data: { post: { id: later.id, body: 'Live' } } });
    expect(liveReply.id).toBeGreaterThan(ready.cursor!);
  });

  it('without since it sends only ready, then what happens from now on', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Före anslutningen', 'Gammalt');
    const cursor = await cursorNow(anna.client);
    const feed = await openFeed();
    expect(await feed.replay()).toEqual([]);
    expect(feed.messages[0]).toEqual({ type: 'ready', cursor });

    for (const body of ['ett', 'två', 'tre']) await reply(anna.client, thread.id, body);
    await feed.waitFor(() => feed.live().length >= 3, 3000, 'three live replies');
    await t.app.realtime.flushed();
    await sleep(50);
    expect(feed.live().map(postBody)).toEqual(['ett', 'två', 'tre']);
    const ids = feed.live().map((m) => m.id!);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('a client that reconnects with since gets what it missed, in order, once', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Återanslutning', 'Start');
    const first = await openFeed(await cursorNow(anna.client));
    await first.replay();
    await reply(bo.client, thread.id, 'svar 1');
    await first.waitFor(() => first.live().length === 1);
    const lastSeen = first.live()[0].id!;
    first.ws.terminate();

    for (let i = 2; i <= 5; i++) await reply(bo.client, thread.id, `svar ${i}`);
    const second = await openFeed(lastSeen);
    const missed = await second.replay();
    expect(missed.map(postBody)).toEqual(['svar 2', 'svar 3', 'svar 4', 'svar 5']);
    expect(missed.every((m) => m.id! > lastSeen)).toBe(true);
    await reply(bo.client, thread.id, 'svar 6');
    await second.waitFor(() => second.live().length === 1);
    await t.app.realtime.flushed();
    await sleep(50);
    const all = [...missed, ...second.live()];
    expect(all.map(postBody)).toEqual(['svar 2', 'svar 3', 'svar 4', 'svar 5', 'svar 6']);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
  });

  it('never carries a restricted forum’s events, live or replayed', async () => {
    const { staff, anna } = await people();
    const since = await cursorNow(anna.client);
    const feed = await openFeed(since);
    await feed.replay();
    const open = await newForum(staff.client);
    const closed = await newForum(staff.client, { userIds: [anna.user.id] });
    const secret = await startThread(anna.client, closed.id, 'Hemlig tråd', 'Hemlig text');
    await reply(anna.client, secret.thread.id, 'Hemligt svar');
    await anna.client.put(`/api/posts/${secret.post.id}/reactions/idea`);
    await staff.client.patch(`/api/threads/${secret.thread.id}`, { pinned: true });
    await staff.client.patch(`/api/forums/${closed.id}`, { descriptionSv: 'Ändrad' });
    // An open forum's event afterwards: once it has arrived, everything before it has been processed.
    const visible = await startThread(anna.client, open.id, 'Öppen tråd', 'Öppen text');
    await feed.waitFor(() => feed.live().some((m) => m.type === 'thread.created'), 3000, 'the open thread');

    const check = (f: Feed, messages: FeedMessage[]) => {
      expect(messages.filter((m) => m.forumId === closed.id)).toEqual([]);
      for (const text of f.raw) {
        expect(text).not.toContain(closed.id);
        expect(text).not.toContain('Hemlig');
      }
    };
    check(feed, feed.live());
    // The list did change, and the feed says so, without naming the forum.
    expect(feed.live().filter((m) => m.type === 'forums.changed').map((m) => [m.forumId, m.data])).toContainEqual([null, { forumId: null }]);
    expect(feed.live().filter((m) => m.type === 'thread.created').map((m) => (m.data as { thread: ThreadSummary }).thread.id)).toEqual([visible.thread.id]);
    // A replay of the same stretch leaves them out too.
    const replayed = await openFeed(since);
    const replay = await replayed.replay();
    check(replayed, replay);
    expect(replay.some((m) => m.type === 'thread.created' && m.forumId === open.id)).toBe(true);

    // When an open forum becomes restricted, its events stop at once.
    const { thread } = await startThread(anna.client, open.id, 'Snart stängd', 'Syns');
    await staff.client.patch(`/api/forums/${open.id}`, { access: { userIds: [anna.user.id] } });
    await reply(anna.client, thread.id, 'Efter stängningen');
    const other = await newForum(staff.client);
    await startThread(anna.client, other.id, 'Markör', 'Efter');
    await feed.waitFor(() => feed.live().some((m) => m.type === 'thread.created' && m.forumId === other.id), 3000, 'the marker thread');
    expect(feed.live().map(postBody)).not.toContain('Efter stängningen');
    expect(feed.live().some((m) => m.forumId === open.id && m.type === 'forum.updated')).toBe(false);
  });

  it('hidden and removed posts come without their text, also in a replay', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const since = await cursorNow(anna.client);
    const { thread } = await startThread(anna.client, forum.id, 'Moderering', 'Helt okej');
    const toHide = await reply(bo.client, thread.id, 'Mitt telefonnummer är 070-1234567');
    const toRemove = await reply(bo.client, thread.id, 'Ångrar att jag skrev detta');
    await bo.client.patch(`/api/posts/${toRemove.id}`, { body: 'Ångrar verkligen att jag skrev detta' });
    const feed = await openFeed(await cursorNow(anna.client));
    await feed.replay();

    await staff.client.post(`/api/posts/${toHide.id}/hide`, { reason: 'Personuppgifter i inlägget' });
    await bo.client.delete(`/api/posts/${toRemove.id}`);
    await feed.waitFor(() => feed.live().some((m) => m.type === 'post.deleted'), 3000, 'post.deleted');
    const hidden = feed.live().find((m) => m.type === 'post.hidden')!;
    expect(hidden.data).toMatchObject({ post: { id: toHide.id, body: null, bodyHtml: null, hidden: { reason: null } } });
    const deleted = feed.live().find((m) => m.type === 'post.deleted')!;
    expect(deleted.data).toMatchObject({ post: { id: toRemove.id, body: null, bodyHtml: null, deleted: true } });

    // Someone replaying from before the posts were written does not get their text either.
    const replayed = await openFeed(since);
    const replay = await replayed.replay();
    expect(replay.map((m) => m.type)).toEqual(['thread.created', 'post.created', 'post.created', 'post.updated', 'post.hidden', 'post.deleted']);
    for (const text of [...feed.raw, ...replayed.raw]) {
      expect(text).not.toContain('070-1234567');
      expect(text).not.toContain('Personuppgifter');
      expect(text).not.toContain('Ångrar');
    }
    expect(replay.map(postBody)).toEqual(['Helt okej', null, null, null, null, null]);
  });

  it('a cursor beyond the newest event (a reset database) starts from now instead of going silent', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const cursor = await cursorNow(anna.client);
    const feed = await openFeed(cursor + 10_000);
    expect(await feed.replay()).toEqual([]);
    expect(feed.messages[0]).toEqual({ type: 'ready', cursor });
    const { thread } = await startThread(anna.client, forum.id, 'Efter återställningen', 'Syns');
    await feed.waitFor(() => feed.live().length === 1, 3000, 'the new thread');
    expect((feed.live()[0].data as { thread: ThreadSummary }).thread.id).toBe(thread.id);
  });

  it('refuses a malformed since before upgrading', async () => {
    for (const since of ['abc', '-1', '1.5']) {
      await expect(t.app.injectWS(`/api/feed?since=${since}`)).rejects.toThrow(/400/);
      const response = await t.app.inject({ url: `/api/feed?since=${since}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring.since']);
    }
  });

  it('ignores whatever clients send', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Skrivskyddat', 'Hej');
    const feed = await openFeed();
    await feed.replay();
    feed.ws.send('hej');
    feed.ws.send(JSON.stringify({ subscribe: 'moderation', since: 0 }));
    feed.ws.send(Buffer.from([0, 1, 2, 255]));
    feed.ws.send('x'.repeat(4000));
    await sleep(50);
    expect(feed.messages.map((m) => m.type)).toEqual(['ready']);
    await reply(anna.client, thread.id, 'Fortfarande här');
    await feed.waitFor(() => feed.live().length === 1, 3000, 'a reply after the noise');
    expect(feed.live().map(postBody)).toEqual(['Fortfarande här']);
    expect(feed.ws.readyState).toBe(feed.ws.OPEN);

    // A message over the 4 KiB limit is not read at all: the server closes with 1009 (too big).
    const closed = new Promise<number>((resolve) => feed.ws.once('close', (code) => resolve(code)));
    feed.ws.send('x'.repeat(5000));
    expect(await closed).toBe(1009);
    // Other clients are unaffected.
    const other = await openFeed();
    await other.replay();
    await reply(anna.client, thread.id, 'Till de andra');
    await other.waitFor(() => other.live().length === 1, 3000, 'a reply at the other client');
  });
});
