import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog } from '../../server/db/schema/index';
import { message } from '../../shared/messages';
import type { Flag, Forum, Post, ThreadSummary } from '../../shared/forums';
import type { Notification } from '../../shared/notifications';
import { forumRoom, moderationRoom, type LiveEvent } from '../../shared/realtime';
import { ApiClient } from '../helpers/api-client';
import { signedInClient } from '../helpers/factories';
import { LiveClient, listen, sleep } from '../helpers/live-client';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The coordinator's moderation: hiding posts, locking, pinning and moving threads, the flag
// queue, the audit log, and what the forum and moderation rooms hear of it.

let t: TestApp;
let url: string;
const clients: LiveClient[] = [];
const live = (cookie: string | null) => {
  const client = new LiveClient(url, { cookie });
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

const suffix = () => Math.random().toString(36).slice(2, 9);
const fields = (response: { json(): unknown }) => ((response.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
/** A word the Swedish stemmer leaves alone, unique to one test. */
const uniqueWord = (stem: string) => `${stem}${suffix().replace(/[0-9]/g, 'q')}`;

async function newForum(staff: ApiClient, access: unknown = null): Promise<Forum> {
  const slug = `mod-${suffix()}`;
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

async function people() {
  const staff = await signedInClient(t.app, 'coordinator');
  const anna = await signedInClient(t.app, 'user');
  const bo = await signedInClient(t.app, 'user');
  const carl = await signedInClient(t.app, 'user');
  return { staff, anna, bo, carl };
}

const postIn = async (client: ApiClient, threadId: string, postId: string): Promise<Post> =>
  ((await client.get(`/api/threads/${threadId}`)).json().posts as Post[]).find((p) => p.id === postId)!;

async function auditRows(targetType: string, targetId: string) {
  return t.app.db.select().from(auditLog).where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId))).orderBy(asc(auditLog.id));
}

async function openFlags(staff: ApiClient, status: 'open' | 'resolved' = 'open'): Promise<Flag[]> {
  const response = await staff.get(`/api/moderation/flags?status=${status}`);
  expect(response.statusCode).toBe(200);
  return response.json().flags;
}

describe('hiding posts', () => {
  it('others see neither text nor reason; the author and staff see both; the author is told why; unhide restores it', async () => {
    const { staff, anna, bo } = await people();
    const visitor = new ApiClient(t.app);
    const forum = await newForum(staff.client);
    const { thread } = await startThread(bo.client, forum.id, 'En tråd', 'Start');
    const post = await reply(anna.client, thread.id, 'Ring mig på 070-123 45 67');
    const reason = 'Innehåller personuppgifter';
    const startedAt = Date.now();

    const hidden = await staff.client.post(`/api/posts/${post.id}/hide`, { reason });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ body: 'Ring mig på 070-123 45 67', hidden: { reason }, deleted: false });

    for (const other of [bo.client, visitor]) {
      const seen = await postIn(other, thread.id, post.id);
      expect(seen).toMatchObject({ id: post.id, body: null, bodyHtml: null, hidden: { reason: null }, deleted: false });
      expect(JSON.stringify(seen)).not.toContain('070-123');
      expect((await other.get(`/api/posts/${post.id}/revisions`)).json()).toEqual({ revisions: [] });
    }
    for (const insider of [anna.client, staff.client]) {
      expect(await postIn(insider, thread.id, post.id)).toMatchObject({ body: 'Ring mig på 070-123 45 67', hidden: { reason } });
    }
    // Nobody can react to what they cannot see.
    expect((await bo.client.put(`/api/posts/${post.id}/reactions/heart`)).statusCode).toBe(409);

    const notices = (await anna.client.get('/api/notifications')).json().notifications as Notification[];
    expect(notices.filter((n) => n.kind === 'postHidden')).toEqual([
      expect.objectContaining({ kind: 'postHidden', text: reason, postId: post.id, threadId: thread.id, threadTitle: 'En tråd', actor: { id: staff.user.id, name: 'Test coordinator' } }),
    ]);

    const restored = await staff.client.post(`/api/posts/${post.id}/unhide`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ body: 'Ring mig på 070-123 45 67', hidden: null });
    expect(await postIn(bo.client, thread.id, post.id)).toMatchObject({ body: 'Ring mig på 070-123 45 67', hidden: null });

    const rows = await auditRows('post', post.id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['post.hide', staff.user.id],
      ['post.unhide', staff.user.id],
    ]);
    expect(rows[0].detail).toMatchObject({ reason, authorId: anna.user.id, threadId: thread.id });
    for (const row of rows) {
      expect(row.at.getTime()).toBeGreaterThanOrEqual(startedAt - 5_000);
      expect(row.at.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
    }
  });

  it('needs a reason, and only staff may hide', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { post } = await startThread(anna.client, forum.id, 'Dölj mig', 'Text');
    const noReason = await staff.client.post(`/api/posts/${post.id}/hide`, { reason: 'x' });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['reason']);
    const missing = await staff.client.post(`/api/posts/${post.id}/hide`, {});
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['reason']);
    expect((await bo.client.post(`/api/posts/${post.id}/hide`, { reason: 'Jag vill inte se det' })).statusCode).toBe(403);
    expect((await anna.client.post(`/api/posts/${post.id}/unhide`)).statusCode).toBe(403);
    expect((await bo.client.get(`/api/threads/${post.threadId}`)).json().posts[0].hidden).toBeNull();
    expect(await auditRows('post', post.id)).toEqual([]);
  });

  it('a staff member removing someone else’s post is audited', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Tråd', 'Start');
    const post = await reply(anna.client, thread.id, 'Tas bort av samordnaren');
    expect((await staff.client.delete(`/api/posts/${post.id}`)).json()).toMatchObject({ deleted: true, body: null });
    expect((await auditRows('post', post.id)).map((r) => [r.action, r.actorId])).toEqual([['post.delete', staff.user.id]]);
  });
});

describe('threads: lock, pin, move', () => {
  it('locks and unlocks a thread, audited', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Låsbar', 'Hej');
    expect((await staff.client.patch(`/api/threads/${thread.id}`, { locked: true })).json()).toMatchObject({ id: thread.id, locked: true });
    const refused = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: 'Hallå?' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe(message('sv', 'error.threadLocked'));
    expect((await anna.client.patch(`/api/threads/${thread.id}`, { locked: false })).statusCode).toBe(403);
    expect((await staff.client.patch(`/api/threads/${thread.id}`, { locked: false })).json().locked).toBe(false);
    await reply(anna.client, thread.id, 'Öppet igen');
    const rows = await auditRows('thread', thread.id);
    expect(rows.map((r) => [r.action, r.actorId, (r.detail as { locked?: boolean }).locked])).toEqual([
      ['thread.update', staff.user.id, true],
      ['thread.update', staff.user.id, false],
    ]);
  });

  it('pinned threads are listed first', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const one = (await startThread(anna.client, forum.id, 'Ett', 'a')).thread;
    const two = (await startThread(anna.client, forum.id, 'Två', 'b')).thread;
    const three = (await startThread(anna.client, forum.id, 'Tre', 'c')).thread;
    const order = async () => ((await anna.client.get(`/api/forums/${forum.slug}`)).json().threads as ThreadSummary[]).map((th) => th.title);
    expect(await order()).toEqual(['Tre', 'Två', 'Ett']);

    expect((await staff.client.patch(`/api/threads/${one.id}`, { pinned: true })).json()).toMatchObject({ pinned: true });
    expect(await order()).toEqual(['Ett', 'Tre', 'Två']);
    // Activity reorders the unpinned threads only.
    await reply(anna.client, two.id, 'Nytt liv');
    expect(await order()).toEqual(['Ett', 'Två', 'Tre']);
    await staff.client.patch(`/api/threads/${three.id}`, { pinned: true });
    const listed = (await anna.client.get(`/api/forums/${forum.slug}`)).json().threads as ThreadSummary[];
    expect(listed.map((th) => [th.title, th.pinned])).toEqual([
      ['Tre', true],
      ['Ett', true],
      ['Två', false],
    ]);
    await staff.client.patch(`/api/threads/${one.id}`, { pinned: false });
    await staff.client.patch(`/api/threads/${three.id}`, { pinned: false });
    expect(await order()).toEqual(['Två', 'Tre', 'Ett']);
    expect((await auditRows('thread', one.id)).map((r) => r.action)).toEqual(['thread.update', 'thread.update']);
  });

  it('moves a thread to another forum: it is listed there, and its posts are found there', async () => {
    const { staff, anna, bo } = await people();
    const from = await newForum(staff.client);
    const to = await newForum(staff.client);
    const word = uniqueWord('flyttord');
    const { thread, post } = await startThread(anna.client, from.id, 'Flyttas', `Första inlägget om ${word}`);
    const answer = await reply(bo.client, thread.id, `Svar om ${word}`);

    const moved = await staff.client.patch(`/api/threads/${thread.id}`, { forumId: to.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: thread.id, forumId: to.id });

    const fromPage = (await bo.client.get(`/api/forums/${from.slug}`)).json();
    const toPage = (await bo.client.get(`/api/forums/${to.slug}`)).json();
    expect(fromPage.threads).toEqual([]);
    expect(fromPage.forum).toMatchObject({ threadCount: 0, postCount: 0 });
    expect(toPage.threads.map((th: ThreadSummary) => th.id)).toEqual([thread.id]);
    expect(toPage.forum).toMatchObject({ threadCount: 1, postCount: 2 });
    const page = (await bo.client.get(`/api/threads/${thread.id}`)).json();
    expect(page.forum.id).toBe(to.id);
    expect(page.posts.map((p: Post) => p.forumId)).toEqual([to.id, to.id]);

    const hits = (await bo.client.get(`/api/forums/search?q=${word}`)).json().hits as { postId: string; forum: { id: string; slug: string } }[];
    expect(hits.map((h) => h.postId).sort()).toEqual([post.id, answer.id].sort());
    expect(hits.every((h) => h.forum.id === to.id && h.forum.slug === to.slug)).toBe(true);
    expect((await bo.client.get(`/api/forums/search?q=${word}&forum=${from.id}`)).json().total).toBe(0);
    expect((await bo.client.get(`/api/forums/search?q=${word}&forum=${to.id}`)).json().total).toBe(2);

    const rows = await auditRows('thread', thread.id);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([['thread.update', staff.user.id]]);
    expect(rows[0].detail).toMatchObject({ forumId: to.id, fromForumId: from.id });

    // Into a restricted forum: those who cannot read it lose the thread too.
    const closed = await newForum(staff.client, { userIds: [anna.user.id] });
    await staff.client.patch(`/api/threads/${thread.id}`, { forumId: closed.id });
    expect((await bo.client.get(`/api/threads/${thread.id}`)).statusCode).toBe(403);
    expect((await anna.client.get(`/api/threads/${thread.id}`)).statusCode).toBe(200);
    expect((await bo.client.get(`/api/forums/search?q=${word}`)).json().total).toBe(0);
    expect((await anna.client.get(`/api/forums/search?q=${word}`)).json().total).toBe(2);

    const nowhere = await staff.client.patch(`/api/threads/${thread.id}`, { forumId: randomUUID() });
    expect(nowhere.statusCode).toBe(400);
    expect(fields(nowhere)).toEqual(['forumId']);
    expect((await anna.client.patch(`/api/threads/${thread.id}`, { forumId: to.id })).statusCode).toBe(403);
  });
});

describe('the flag queue', () => {
  it('members flag once; staff list open flags oldest first and resolve each once', async () => {
    const { staff, anna, bo, carl } = await people();
    const forum = await newForum(staff.client);
    const { thread, post } = await startThread(anna.client, forum.id, 'Anmäld tråd', 'Tveksamt innehåll');
    const other = await reply(anna.client, thread.id, 'Också tveksamt');

    const boFlag = await bo.client.post(`/api/posts/${post.id}/flags`, { reason: 'Stämmer inte' });
    expect(boFlag.statusCode).toBe(201);
    const twice = await bo.client.post(`/api/posts/${post.id}/flags`, { reason: 'Stämmer fortfarande inte' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(message('sv', 'error.alreadyFlagged'));
    const tooShort = await carl.client.post(`/api/posts/${post.id}/flags`, { reason: 'no' });
    expect(tooShort.statusCode).toBe(400);
    expect(fields(tooShort)).toEqual(['reason']);
    const carlFlag = await carl.client.post(`/api/posts/${post.id}/flags`, { reason: 'Kränkande' });
    expect(carlFlag.statusCode).toBe(201);
    const otherFlag = await bo.client.post(`/api/posts/${other.id}/flags`, { reason: 'Spam' });
    expect(otherFlag.statusCode).toBe(201);
    expect((await new ApiClient(t.app).post(`/api/posts/${post.id}/flags`, { reason: 'Besökare' })).statusCode).toBe(401);

    const ours = [boFlag.json().id, carlFlag.json().id, otherFlag.json().id];
    const open = await openFlags(staff.client);
    const listed = open.filter((f) => ours.includes(f.id));
    expect(listed.map((f) => f.id)).toEqual(ours);
    const all = open.map((f) => Date.parse(f.createdAt));
    expect([...all].sort((a, b) => a - b)).toEqual(all);
    expect(listed[0]).toMatchObject({
      post: { id: post.id, body: 'Tveksamt innehåll' },
      threadTitle: 'Anmäld tråd',
      reporter: { id: bo.user.id },
      reason: 'Stämmer inte',
      resolvedAt: null,
      resolution: null,
      resolvedBy: null,
    });
    expect((await bo.client.get('/api/moderation/flags')).statusCode).toBe(403);

    // Dismiss one; it cannot be resolved again.
    const dismissed = await staff.client.post(`/api/moderation/flags/${boFlag.json().id}/resolve`, { action: 'dismiss' });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({ id: boFlag.json().id, resolution: 'dismissed', resolvedBy: { id: staff.user.id } });
    expect(dismissed.json().resolvedAt).not.toBeNull();
    expect(await postIn(bo.client, thread.id, post.id)).toMatchObject({ hidden: null, body: 'Tveksamt innehåll' });
    const again = await staff.client.post(`/api/moderation/flags/${boFlag.json().id}/resolve`, { action: 'hide', reason: 'För sent' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(message('sv', 'error.flagResolved'));
    // Once dismissed, the same person may report the post again.
    const reFlag = await bo.client.post(`/api/posts/${post.id}/flags`, { reason: 'Nu är det värre' });
    expect(reFlag.statusCode).toBe(201);

    // Hiding needs a reason.
    const noReason = await staff.client.post(`/api/moderation/flags/${carlFlag.json().id}/resolve`, { action: 'hide' });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['reason']);
    const badAction = await staff.client.post(`/api/moderation/flags/${carlFlag.json().id}/resolve`, { action: 'ban' });
    expect(badAction.statusCode).toBe(400);
    expect(fields(badAction)).toEqual(['action']);
    expect((await openFlags(staff.client)).some((f) => f.id === carlFlag.json().id)).toBe(true);

    const hidden = await staff.client.post(`/api/moderation/flags/${carlFlag.json().id}/resolve`, { action: 'hide', reason: 'Kränkande formulering' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ resolution: 'hidden', resolvedBy: { id: staff.user.id }, post: { id: post.id, hidden: { reason: 'Kränkande formulering' } } });
    expect(await postIn(bo.client, thread.id, post.id)).toMatchObject({ body: null, hidden: { reason: null } });
    // Hiding the post also resolved Bo's new report of it; the other post's report stays open.
    const stillOpen = (await openFlags(staff.client)).filter((f) => [...ours, reFlag.json().id].includes(f.id)).map((f) => f.id);
    expect(stillOpen).toEqual([otherFlag.json().id]);
    const resolved = (await openFlags(staff.client, 'resolved')).filter((f) => [...ours, reFlag.json().id].includes(f.id));
    expect(new Map(resolved.map((f) => [f.id, f.resolution]))).toEqual(
      new Map([
        [boFlag.json().id, 'dismissed'],
        [carlFlag.json().id, 'hidden'],
        [reFlag.json().id, 'hidden'],
      ]),
    );
    expect((await staff.client.post(`/api/moderation/flags/${carlFlag.json().id}/resolve`, { action: 'dismiss' })).statusCode).toBe(409);
    expect((await staff.client.post(`/api/moderation/flags/${randomUUID()}/resolve`, { action: 'dismiss' })).statusCode).toBe(404);

    // The author was told, with the reason.
    const notices = (await anna.client.get('/api/notifications')).json().notifications as Notification[];
    expect(notices.filter((n) => n.kind === 'postHidden').map((n) => [n.postId, n.text])).toEqual([[post.id, 'Kränkande formulering']]);

    // Audit: the dismissal on the flag, the hiding on the post.
    const flagRows = await auditRows('flag', boFlag.json().id);
    expect(flagRows.map((r) => [r.action, r.actorId])).toEqual([['flag.dismiss', staff.user.id]]);
    const postRows = await auditRows('post', post.id);
    expect(postRows.map((r) => [r.action, r.actorId, (r.detail as { reason?: string }).reason])).toEqual([['post.hide', staff.user.id, 'Kränkande formulering']]);
  });

  it('hiding a post directly resolves its open flags as hidden', async () => {
    const { staff, anna, bo, carl } = await people();
    const forum = await newForum(staff.client);
    const { post } = await startThread(anna.client, forum.id, 'Tråd', 'Anmäl mig');
    const flags = [
      (await bo.client.post(`/api/posts/${post.id}/flags`, { reason: 'Olämpligt' })).json().id,
      (await carl.client.post(`/api/posts/${post.id}/flags`, { reason: 'Också olämpligt' })).json().id,
    ];
    expect((await openFlags(staff.client)).filter((f) => flags.includes(f.id))).toHaveLength(2);
    await staff.client.post(`/api/posts/${post.id}/hide`, { reason: 'Bryter mot reglerna' });
    expect((await openFlags(staff.client)).filter((f) => flags.includes(f.id))).toEqual([]);
    const resolved = (await openFlags(staff.client, 'resolved')).filter((f) => flags.includes(f.id));
    expect(resolved.map((f) => [f.resolution, f.resolvedBy?.id])).toEqual([
      ['hidden', staff.user.id],
      ['hidden', staff.user.id],
    ]);
    // A removed post cannot be reported at all.
    await anna.client.delete(`/api/posts/${post.id}`);
    expect((await bo.client.post(`/api/posts/${post.id}/flags`, { reason: 'Borta nu' })).statusCode).toBe(409);
  });
});

describe('live moderation events', () => {
  it('the forum room hears post.hidden without text or reason; the moderation room hears flags created and resolved', async () => {
    const { staff, anna, bo, carl } = await people();
    const forum = await newForum(staff.client);
    const before = (await bo.client.get(`/api/forums/${forum.slug}`)).json().cursor as number;
    const { thread, post } = await startThread(anna.client, forum.id, 'Live', 'Hemlig text som döljs');
    const second = await reply(anna.client, thread.id, 'Ett annat inlägg');
    const cursor = (await bo.client.get(`/api/threads/${thread.id}`)).json().cursor;

    const reader = live(bo.client.cookie);
    const moderator = live(staff.client.cookie);
    await Promise.all([reader.connected(), moderator.connected()]);
    expect((await reader.subscribe(forumRoom(forum.id), cursor)).ok).toBe(true);
    expect((await moderator.subscribe(moderationRoom, cursor)).ok).toBe(true);
    // Nobody but staff may listen to the moderation room.
    const outsider = await reader.subscribe(moderationRoom);
    expect(outsider.ok).toBe(false);

    const flagged = (await carl.client.post(`/api/posts/${second.id}/flags`, { reason: 'Misstänkt spam' })).json().id as string;
    await moderator.waitFor((e) => e.some((x) => x.type === 'flag.created'), 3000, 'flag.created');
    expect((moderator.ofType('flag.created') as LiveEvent<'flag.created'>[]).map((e) => e.data)).toEqual([{ flagId: flagged, postId: second.id }]);

    const reason = 'Innehåller någons adress';
    await staff.client.post(`/api/posts/${post.id}/hide`, { reason });
    await reader.waitFor((e) => e.some((x) => x.type === 'post.hidden'), 3000, 'post.hidden');
    const [event] = reader.ofType('post.hidden') as LiveEvent<'post.hidden'>[];
    expect(event.room).toBe(forumRoom(forum.id));
    expect(event.data.post).toMatchObject({ id: post.id, body: null, bodyHtml: null, hidden: { reason: null } });
    expect(JSON.stringify(event)).not.toContain('Hemlig text');
    expect(JSON.stringify(event)).not.toContain(reason);
    // Someone catching up from before the post was written does not get its text either.
    const late = live(bo.client.cookie);
    await late.connected();
    const ack = await late.subscribe(forumRoom(forum.id), before);
    expect(ack.ok && ack.events.map((e) => e.type)).toEqual(['thread.created', 'post.created', 'post.hidden']);
    expect((late.ofType('thread.created')[0] as LiveEvent<'thread.created'>).data.post).toMatchObject({ id: post.id, body: null, bodyHtml: null });
    expect((late.ofType('post.created')[0] as LiveEvent<'post.created'>).data.post).toMatchObject({ id: second.id, body: 'Ett annat inlägg' });
    expect(JSON.stringify(late.applied)).not.toContain('Hemlig text');

    await staff.client.post(`/api/moderation/flags/${flagged}/resolve`, { action: 'dismiss' });
    await moderator.waitFor((e) => e.some((x) => x.type === 'flag.resolved'), 3000, 'flag.resolved');
    expect((moderator.ofType('flag.resolved') as LiveEvent<'flag.resolved'>[]).map((e) => e.data)).toEqual([{ flagId: flagged, postId: second.id }]);

    await staff.client.post(`/api/posts/${post.id}/unhide`);
    await reader.waitFor((e) => e.some((x) => x.type === 'post.unhidden'), 3000, 'post.unhidden');
    expect((reader.ofType('post.unhidden')[0] as LiveEvent<'post.unhidden'>).data.post).toMatchObject({ id: post.id, body: 'Hemlig text som döljs', hidden: null });

    // Flag events stay in the moderation room; the forum's readers never hear of reports.
    await t.app.realtime.flushed();
    await sleep(50);
    expect(reader.applied.map((e) => e.type)).toEqual(['post.hidden', 'post.unhidden']);
    expect(moderator.applied.map((e) => e.type)).toEqual(['flag.created', 'flag.resolved']);
  });
});
