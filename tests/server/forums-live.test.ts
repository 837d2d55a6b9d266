import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { posts } from '../../server/db/schema/index';
import { message } from '../../shared/messages';
import { forumRoom, userRoom, type LiveEvent } from '../../shared/realtime';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { LiveClient, listen, sleep } from '../helpers/live-client';
import { buildTestApp, persistentTestDatabase, type TestApp } from '../helpers/test-app';

// Real socket.io-client connections against the real server and database.

let t: TestApp;
let url: string;
const clients: LiveClient[] = [];
const live = (opts: ConstructorParameters<typeof LiveClient>[1] = {}) => {
  const client = new LiveClient(url, opts);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  t = await buildTestApp();
  url = await listen(t.app);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => t.close());

async function openForum(staff: ApiClient, access: unknown = null) {
  const slug = `forum-${Math.random().toString(36).slice(2, 9)}`;
  const response = await staff.post('/api/forums', { slug, nameSv: `Forum ${slug}`, nameEn: `Forum ${slug}`, access });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; slug: string };
}

async function people() {
  const staff = await signedInClient(t.app, 'coordinator');
  const anna = await signedInClient(t.app, 'user');
  const bo = await signedInClient(t.app, 'user');
  return { staff, anna, bo };
}

const ids = (events: LiveEvent[]) => events.map((e) => e.id);

describe('live forum events', () => {
  it('two people see each other’s threads and replies live, within a second', async () => {
    const { staff, anna, bo } = await people();
    const forum = await openForum(staff.client);
    const annaLive = live({ cookie: anna.client.cookie });
    const boLive = live({ cookie: bo.client.cookie });
    await Promise.all([annaLive.connected(), boLive.connected()]);
    const page = (await bo.client.get(`/api/forums/${forum.slug}`)).json();
    expect((await annaLive.subscribe(forumRoom(forum.id), page.cursor)).ok).toBe(true);
    expect((await boLive.subscribe(forumRoom(forum.id), page.cursor)).ok).toBe(true);

    const created = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Hej från Anna', body: 'Första inlägget' });
    expect(created.statusCode).toBe(201);
    const threadId = created.json().thread.id;
    await boLive.waitFor((events) => events.some((e) => e.type === 'thread.created'), 1000, 'Anna’s thread at Bo');
    const seen = boLive.ofType('thread.created')[0] as LiveEvent<'thread.created'>;
    expect(seen.data.thread.title).toBe('Hej från Anna');
    expect(seen.data.post.bodyHtml).toContain('Första inlägget');

    const reply = await bo.client.post(`/api/threads/${threadId}/posts`, { body: 'Svar från Bo' });
    expect(reply.statusCode).toBe(201);
    await annaLive.waitFor((events) => events.some((e) => e.type === 'post.created'), 1000, 'Bo’s reply at Anna');
    const got = annaLive.ofType('post.created')[0] as LiveEvent<'post.created'>;
    expect(got.data.post.id).toBe(reply.json().id);
    expect(got.data.thread.replyCount).toBe(1);
    // The event carries the post and thread exactly as a reader loads them afterwards.
    const loaded = (await anna.client.get(`/api/threads/${threadId}`)).json();
    expect(got.data.post).toEqual(loaded.posts.find((p: { id: string }) => p.id === got.data.post.id));
    expect(got.data.thread).toEqual(loaded.thread);

    // Also for a reply on behalf of an organisation that quotes an earlier post.
    const { organisation, adminClient } = await createOrganisation(t.app);
    const quoting = await adminClient.post(`/api/threads/${threadId}/posts`, { body: 'Föreningen svarar', organisationId: organisation.id, quotedPostId: reply.json().id });
    expect(quoting.statusCode, quoting.body).toBe(201);
    await annaLive.waitFor((events) => events.filter((e) => e.type === 'post.created').length === 2, 1000, 'the organisation’s reply');
    const second = annaLive.ofType('post.created')[1] as LiveEvent<'post.created'>;
    const reloaded = (await anna.client.get(`/api/threads/${threadId}`)).json();
    expect(second.data.post).toEqual(reloaded.posts.find((p: { id: string }) => p.id === quoting.json().id));
    expect(second.data.post.organisation).toEqual({ id: organisation.id, name: organisation.name, slug: organisation.slug });
    expect(second.data.thread).toEqual(reloaded.thread);
  });

  it('a client that drops its connection gets every missed event on return, in order, once', async () => {
    const { staff, anna, bo } = await people();
    const forum = await openForum(staff.client);
    const thread = (await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Tråd', body: 'Start' })).json().thread;
    const page = (await bo.client.get(`/api/threads/${thread.id}`)).json();
    const boLive = live({ cookie: bo.client.cookie });
    await boLive.connected();
    await boLive.subscribe(forumRoom(forum.id), page.cursor);

    await anna.client.post(`/api/threads/${thread.id}/posts`, { body: 'svar 1' });
    await boLive.waitFor((e) => e.length === 1);

    // The network drops: the server sees the transport close; the client reconnects by itself.
    boLive.socket.io.engine.close();
    const replies = [];
    for (let i = 2; i <= 6; i++) replies.push((await anna.client.post(`/api/threads/${thread.id}/posts`, { body: `svar ${i}` })).json().id);
    await boLive.waitFor((e) => e.filter((x) => x.type === 'post.created').length === 6, 5000, 'all six replies');
    expect(boLive.reconnects).toBeGreaterThanOrEqual(1);
    const created = boLive.ofType('post.created') as LiveEvent<'post.created'>[];
    expect(created.map((e) => e.data.post.body)).toEqual(['svar 1', 'svar 2', 'svar 3', 'svar 4', 'svar 5', 'svar 6']);
    expect(created.slice(1).map((e) => e.data.post.id)).toEqual(replies);
    const applied = ids(boLive.applied);
    expect(new Set(applied).size).toBe(applied.length);
    expect([...applied].sort((a, b) => a - b)).toEqual(applied);
  });

  it('someone without access to a restricted forum can neither join its room nor receive its events', async () => {
    const { staff, anna, bo } = await people();
    const closed = await openForum(staff.client, { userIds: [anna.user.id] });
    const insider = live({ cookie: anna.client.cookie });
    const outsider = live({ cookie: bo.client.cookie });
    const visitor = live({ locale: 'en' });
    await Promise.all([insider.connected(), outsider.connected(), visitor.connected()]);
    expect((await insider.subscribe(forumRoom(closed.id), 0)).ok).toBe(true);
    const refused = await outsider.subscribe(forumRoom(closed.id), 0);
    expect(refused).toEqual({ ok: false, error: { status: 403, message: message('sv', 'error.forbidden') } });
    const visitorRefused = await visitor.subscribe(forumRoom(closed.id), 0);
    expect(visitorRefused).toEqual({ ok: false, error: { status: 401, message: message('en', 'error.unauthorized') } });
    // Nor may anyone listen to another person's notifications.
    expect((await outsider.subscribe(userRoom(anna.user.id))).ok).toBe(false);
    expect((await outsider.subscribe('moderation')).ok).toBe(false);

    const posted = await staff.client.post(`/api/forums/${closed.id}/threads`, { title: 'Hemligt', body: 'Bara för gruppen' });
    expect(posted.statusCode).toBe(201);
    await insider.waitFor((e) => e.some((x) => x.type === 'thread.created'));
    await t.app.realtime.flushed();
    await sleep(100);
    expect(outsider.applied).toEqual([]);
    expect(visitor.applied).toEqual([]);
    // Over HTTP, too, the forum is closed to them.
    expect((await bo.client.get(`/api/forums/${closed.id}`)).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(`/api/threads/${posted.json().thread.id}`)).statusCode).toBe(401);
  });

  it('losing access removes a person from the room at once', async () => {
    const { staff, anna } = await people();
    const forum = await openForum(staff.client);
    const annaLive = live({ cookie: anna.client.cookie });
    await annaLive.connected();
    await annaLive.subscribe(forumRoom(forum.id), 0);
    expect((await staff.client.patch(`/api/forums/${forum.id}`, { access: { roles: ['official'] } })).statusCode).toBe(200);
    await t.app.realtime.flushed();
    await staff.client.post(`/api/forums/${forum.id}/threads`, { title: 'Efter stängningen', body: 'Syns inte för Anna' });
    await t.app.realtime.flushed();
    await sleep(100);
    // Not even the news of the change reached her: she was out of the room before it was relayed.
    expect(annaLive.applied).toEqual([]);
  });

  it('signing out closes the live connection, and a removed member stops hearing a forum closed to the organisation', async () => {
    const { staff, anna } = await people();
    const annaLive = live({ cookie: anna.client.cookie });
    await annaLive.connected();
    expect((await annaLive.subscribe(userRoom(anna.user.id))).ok).toBe(true);
    const closedConnection = new Promise<string>((resolve) => annaLive.socket.once('disconnect', (reason) => resolve(reason)));
    expect((await anna.client.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await closedConnection).toBe('io server disconnect');

    const org = await createOrganisation(t.app);
    const member = await signedInClient(t.app, 'user');
    await member.client.post(`/api/organisations/${org.organisation.id}/members`);
    await org.adminClient.post(`/api/organisations/${org.organisation.id}/members/${member.user.id}/approve`);
    const group = await openForum(staff.client, { organisationIds: [org.organisation.id] });
    const memberLive = live({ cookie: member.client.cookie });
    await memberLive.connected();
    expect((await memberLive.subscribe(forumRoom(group.id), 0)).ok).toBe(true);
    expect((await org.adminClient.delete(`/api/organisations/${org.organisation.id}/members/${member.user.id}`)).statusCode).toBe(204);
    await t.app.realtime.flushed();
    await staff.client.post(`/api/forums/${group.id}/threads`, { title: 'Efter att hon gått', body: 'Inte för henne' });
    await t.app.realtime.flushed();
    await sleep(100);
    expect(memberLive.ofType('thread.created')).toEqual([]);
  });

  it('malformed subscribe payloads get an error ack and change nothing', async () => {
    const { staff, anna } = await people();
    const forum = await openForum(staff.client);
    const client = live({ cookie: anna.client.cookie, locale: 'en' });
    await client.connected();
    const bad: unknown[] = [
      null,
      'forum',
      42,
      [],
      {},
      { room: 12 },
      { room: 'forum:not-a-uuid' },
      { room: 'everything' },
      { room: forumRoom(forum.id), since: -1 },
      { room: forumRoom(forum.id), since: 'yesterday' },
      { room: forumRoom(forum.id), since: 1.5 },
      { room: forumRoom(forum.id), extra: true },
      { room: 'x'.repeat(10_000) },
    ];
    for (const payload of bad) {
      const ack = await client.emitSubscribe(payload);
      expect(ack.ok, JSON.stringify(payload)).toBe(false);
      if (!ack.ok) {
        expect(ack.error.status).toBe(400);
        expect(ack.error.message).toBe(message('en', 'error.validation'));
        expect(ack.error.errors?.length).toBeGreaterThan(0);
      }
    }
    // Without an ack callback the server just ignores it.
    (client.socket.emit as (ev: string, ...args: unknown[]) => void)('subscribe', { room: forumRoom(forum.id) });
    (client.socket.emit as (ev: string, ...args: unknown[]) => void)('no-such-event', { a: 1 });
    // The connection still works, and no malformed request joined a room.
    await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Efter skräpet', body: 'Hörs inte' });
    await t.app.realtime.flushed();
    await sleep(100);
    expect(client.applied).toEqual([]);
    expect((await client.subscribe(forumRoom(forum.id), 0)).ok).toBe(true);
    expect(client.ofType('thread.created')).toHaveLength(1);
  });

  it('concurrent retries with one idempotency key create one post', async () => {
    const { staff, anna } = await people();
    const forum = await openForum(staff.client);
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    const threadAttempts = await Promise.all(
      Array.from({ length: 8 }, () => anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'En gång', body: 'Bara en gång' }, { headers: { 'idempotency-key': key } })),
    );
    expect(threadAttempts.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const threadIds = new Set(threadAttempts.map((r) => r.json().thread.id));
    expect(threadIds.size).toBe(1);
    const [threadId] = threadIds;

    const replyKey = `reply-${Math.random().toString(36).slice(2)}`;
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => anna.client.post(`/api/threads/${threadId}/posts`, { body: 'Ett svar' }, { headers: { 'idempotency-key': replyKey } })),
    );
    expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
    // A key already spent on one post is not a retry of another request.
    const reused = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Annan', body: 'Annan' }, { headers: { 'idempotency-key': replyKey } });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().detail).toBe(message('sv', 'error.idempotencyKeyReused'));
    const [{ n }] = await t.app.db.select({ n: count() }).from(posts).where(eq(posts.threadId, threadId));
    expect(n).toBe(2);
    const page = (await anna.client.get(`/api/threads/${threadId}`)).json();
    expect(page.thread.replyCount).toBe(1);
  });
});

describe('catching up across a server restart', () => {
  it('a client gets every event it missed while the server was down, in order, once', async () => {
    const database = await persistentTestDatabase();
    let first: TestApp | null = await buildTestApp({}, database);
    let second: TestApp | null = null;
    let client: LiveClient | null = null;
    try {
      const base = await listen(first.app);
      const port = (first.app.server.address() as AddressInfo).port;
      const staff = await signedInClient(first.app, 'coordinator');
      const anna = await signedInClient(first.app, 'user');
      const forum = await openForumOn(staff.client);
      const thread = (await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Före omstart', body: 'Hej' })).json().thread;
      client = new LiveClient(base, { cookie: staff.client.cookie });
      await client.connected();
      await client.subscribe(forumRoom(forum.id), (await staff.client.get(`/api/threads/${thread.id}`)).json().cursor);
      await anna.client.post(`/api/threads/${thread.id}/posts`, { body: 'före' });
      await client.waitFor((e) => e.length === 1);

      await first.close();
      first = null;
      second = await buildTestApp({}, database);
      // Sessions live in the database, so the same cookies still work after the restart.
      const annaAgain = new ApiClient(second.app);
      annaAgain.cookie = anna.client.cookie;
      for (const body of ['under 1', 'under 2', 'under 3']) expect((await annaAgain.post(`/api/threads/${thread.id}/posts`, { body })).statusCode).toBe(201);
      await listen(second.app, port);
      await client.waitFor((e) => e.filter((x) => x.type === 'post.created').length === 4, 8000, 'the replies made during the restart').catch((err) => {
        throw new Error(`${err.message}; reconnects ${client!.reconnects}; acks ${JSON.stringify(client!.acks)}; connected ${client!.socket.connected}`);
      });
      const bodies = (client.ofType('post.created') as LiveEvent<'post.created'>[]).map((e) => e.data.post.body);
      expect(bodies).toEqual(['före', 'under 1', 'under 2', 'under 3']);
      // And live delivery continues on the new server.
      await annaAgain.post(`/api/threads/${thread.id}/posts`, { body: 'efter' });
      await client.waitFor((e) => e.filter((x) => x.type === 'post.created').length === 5, 3000, 'a live reply after the restart');
      const applied = ids(client.applied);
      expect(new Set(applied).size).toBe(applied.length);
    } finally {
      client?.close();
      await first?.close();
      await second?.close();
      await database.drop();
    }

    async function openForumOn(staff: ApiClient) {
      const slug = `omstart-${Math.random().toString(36).slice(2, 8)}`;
      return (await staff.post('/api/forums', { slug, nameSv: 'Omstart', nameEn: 'Restart' })).json() as { id: string };
    }
  }, 60_000);
});
