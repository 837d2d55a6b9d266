import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { message } from '../../shared/messages';
import { reactionNamesShown, threadReplyPageSize, type Forum, type Post, type ThreadSummary } from '../../shared/forums';
import { and, asc, eq, sql } from 'drizzle-orm';
import { posts, users } from '../../server/db/schema/index';
import type { Notification } from '../../shared/notifications';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The topic forums through HTTP: the coordinator's forum admin, threads and replies, Markdown,
// quoting, mentions, reactions, edits, removal, following, unread counts, posting for an
// organisation, locked threads and the posting limits.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Person = Awaited<ReturnType<typeof signedInClient>>;

const suffix = () => Math.random().toString(36).slice(2, 9);
const fields = (response: { json(): unknown }) => ((response.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

async function newForum(staff: ApiClient, access: unknown = null): Promise<Forum> {
  const slug = `forum-${suffix()}`;
  const response = await staff.post('/api/forums', { slug, nameSv: `Forum ${slug}`, nameEn: `Forum ${slug}`, access });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function startThread(client: ApiClient, forumId: string, title: string, body: string, extra: Record<string, unknown> = {}) {
  const response = await client.post(`/api/forums/${forumId}/threads`, { title, body, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { thread: ThreadSummary; post: Post };
}

async function reply(client: ApiClient, threadId: string, body: string, extra: Record<string, unknown> = {}): Promise<Post> {
  const response = await client.post(`/api/threads/${threadId}/posts`, { body, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function notificationsOf(client: ApiClient): Promise<Notification[]> {
  const response = await client.get('/api/notifications');
  expect(response.statusCode).toBe(200);
  return response.json().notifications;
}

async function people() {
  const staff = await signedInClient(t.app, 'coordinator');
  const anna = await signedInClient(t.app, 'user');
  const bo = await signedInClient(t.app, 'user');
  return { staff, anna, bo };
}

/** A person who asked to join and was approved (active), or only asked (pending). */
async function memberOf(org: { id: string }, orgAdmin: ApiClient, status: 'active' | 'pending' = 'active'): Promise<Person> {
  const person = await signedInClient(t.app, 'user');
  expect((await person.client.post(`/api/organisations/${org.id}/members`)).statusCode).toBeLessThan(300);
  if (status === 'active') expect((await orgAdmin.post(`/api/organisations/${org.id}/members/${person.user.id}/approve`)).statusCode).toBeLessThan(300);
  return person;
}

async function forumInList(client: ApiClient, forumId: string): Promise<Forum | undefined> {
  return ((await client.get('/api/forums')).json().forums as Forum[]).find((f) => f.id === forumId);
}

describe('the coordinator’s forum admin', () => {
  it('creates a forum; a second forum with the same slug is a 409 on the slug', async () => {
    const { staff, anna } = await people();
    const slug = `lokaler-${suffix()}`;
    const created = await staff.client.post('/api/forums', { slug, nameSv: 'Lokaler', nameEn: 'Premises', descriptionSv: 'Om lokaler', descriptionEn: 'About premises' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug, nameSv: 'Lokaler', nameEn: 'Premises', descriptionSv: 'Om lokaler', archived: false, restricted: false, threadCount: 0, postCount: 0, canPost: true });
    expect(await forumInList(anna.client, created.json().id)).toMatchObject({ slug, nameSv: 'Lokaler' });
    expect(await forumInList(new ApiClient(t.app), created.json().id)).toMatchObject({ slug, unreadCount: null, canPost: false });

    const again = await staff.client.post('/api/forums', { slug, nameSv: 'Lokaler igen', nameEn: 'Premises again' });
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['slug']);
    expect(again.json().detail).toBe(message('sv', 'error.slugTaken'));
    // Ordinary people cannot create forums at all.
    expect((await anna.client.post('/api/forums', { slug: `x-${suffix()}`, nameSv: 'Mitt', nameEn: 'Mine' })).statusCode).toBe(403);
  });

  it('renames a forum', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const renamed = await staff.client.patch(`/api/forums/${forum.id}`, { nameSv: 'Nytt namn', nameEn: 'New name', descriptionSv: 'Beskrivning' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: forum.id, slug: forum.slug, nameSv: 'Nytt namn', nameEn: 'New name', descriptionSv: 'Beskrivning' });
    expect((await anna.client.get(`/api/forums/${forum.slug}`)).json().forum).toMatchObject({ nameSv: 'Nytt namn', nameEn: 'New name' });
    const tooShort = await staff.client.patch(`/api/forums/${forum.id}`, { nameSv: 'x' });
    expect(tooShort.statusCode).toBe(400);
    expect(fields(tooShort)).toEqual(['nameSv']);
  });

  it('reorders all forums; a list that misses, repeats or invents a forum is a 400 on ids', async () => {
    const { staff, anna } = await people();
    await newForum(staff.client);
    await newForum(staff.client);
    await newForum(staff.client, { roles: ['official'] });
    const before = (await staff.client.get('/api/forums')).json().forums as Forum[];
    expect(before.length).toBeGreaterThanOrEqual(3);
    const ids = before.map((f) => f.id).reverse();

    const ordered = await staff.client.put('/api/forums/order', { ids });
    expect(ordered.statusCode).toBe(200);
    const positions = new Map((ordered.json().forums as Forum[]).map((f) => [f.id, f.position]));
    expect(ids.map((id) => positions.get(id))).toEqual(ids.map((_, i) => i + 1));
    // The list follows the new order (archived forums come last, but there are none here).
    const listed = ((await staff.client.get('/api/forums')).json().forums as Forum[]).filter((f) => !f.archived).map((f) => f.id);
    expect(listed).toEqual(ids.filter((id) => listed.includes(id)));
    // Others see the same order, without the forum they may not read.
    const annasList = ((await anna.client.get('/api/forums')).json().forums as Forum[]).map((f) => f.id);
    expect(annasList).toEqual(ids.filter((id) => annasList.includes(id)));
    expect(annasList.length).toBe(ids.length - 1);

    const bad = [
      ids.slice(1),
      [...ids.slice(1), ids[1]],
      [...ids.slice(1), randomUUID()],
      [...ids, ids[0]],
    ];
    for (const list of bad) {
      const refused = await staff.client.put('/api/forums/order', { ids: list });
      expect(refused.statusCode, JSON.stringify(list)).toBe(400);
      expect(fields(refused)).toEqual(['ids']);
    }
    const empty = await staff.client.put('/api/forums/order', { ids: [] });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual(['ids']);
    // Refused orders changed nothing.
    const after = new Map(((await staff.client.get('/api/forums')).json().forums as Forum[]).map((f) => [f.id, f.position]));
    expect(ids.map((id) => after.get(id))).toEqual(ids.map((_, i) => i + 1));
    expect((await anna.client.put('/api/forums/order', { ids })).statusCode).toBe(403);
  });

  it('archives a forum: people may no longer post there, staff still may', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Före arkiveringen', 'Hej');
    const archived = await staff.client.patch(`/api/forums/${forum.id}`, { archived: true });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, canPost: true });

    const listed = (await anna.client.get('/api/forums')).json().forums as Forum[];
    expect(listed.find((f) => f.id === forum.id)).toMatchObject({ archived: true, canPost: false });
    // Archived forums come last in the list.
    expect(listed.findIndex((f) => f.archived)).toBeGreaterThan(listed.findLastIndex((f) => !f.archived));
    expect((await anna.client.get(`/api/threads/${thread.id}`)).json().canPost).toBe(false);

    const newThread = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Efter arkiveringen', body: 'Går inte' });
    expect(newThread.statusCode).toBe(403);
    expect(newThread.json().detail).toBe(message('sv', 'error.forumArchived'));
    const newReply = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: 'Går inte heller' });
    expect(newReply.statusCode).toBe(403);
    expect(newReply.json().detail).toBe(message('sv', 'error.forumArchived'));

    await startThread(staff.client, forum.id, 'Från samordnaren', 'Staff får skriva');
    await reply(staff.client, thread.id, 'Och svara');

    // Taking it out of the archive opens it again.
    expect((await staff.client.patch(`/api/forums/${forum.id}`, { archived: false })).json().archived).toBe(false);
    await reply(anna.client, thread.id, 'Nu går det igen');
  });

  it('restricts a forum to roles, organisations and people; unknown ids are a 400 on the field', async () => {
    const { staff, anna, bo } = await people();
    const visitor = new ApiClient(t.app);
    const official = await signedInClient(t.app, 'official');
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const member = await memberOf(org, adminClient);
    const pending = await memberOf(org, adminClient, 'pending');

    const byRole = await newForum(staff.client, { roles: ['official'] });
    expect(byRole).toMatchObject({ restricted: true, access: { roles: ['official'], organisationIds: [], userIds: [] } });
    const byOrg = await newForum(staff.client, { organisationIds: [org.id] });
    const byPerson = await newForum(staff.client, { userIds: [anna.user.id] });

    const status = async (client: ApiClient, forum: Forum) => (await client.get(`/api/forums/${forum.slug}`)).statusCode;
    expect(await status(official.client, byRole)).toBe(200);
    expect(await status(anna.client, byRole)).toBe(403);
    expect(await status(visitor, byRole)).toBe(401);
    expect(await status(member.client, byOrg)).toBe(200);
    expect(await status(adminClient, byOrg)).toBe(200);
    expect(await status(pending.client, byOrg)).toBe(403);
    expect(await status(bo.client, byOrg)).toBe(403);
    expect(await status(anna.client, byPerson)).toBe(200);
    expect(await status(bo.client, byPerson)).toBe(403);
    expect(await status(staff.client, byPerson)).toBe(200);

    // Only staff see who the forum is for.
    const seenByReader = (await official.client.get(`/api/forums/${byRole.slug}`)).json().forum;
    expect(seenByReader.restricted).toBe(true);
    expect(seenByReader.access).toBeUndefined();
    // The list shows each person only what they may read.
    expect(await forumInList(bo.client, byOrg.id)).toBeUndefined();
    expect(await forumInList(member.client, byOrg.id)).toMatchObject({ restricted: true, canPost: true });
    expect(await forumInList(visitor, byRole.id)).toBeUndefined();
    // Outsiders cannot post there either.
    expect((await bo.client.post(`/api/forums/${byPerson.id}/threads`, { title: 'Släpp in mig', body: 'Snälla' })).statusCode).toBe(403);
    await startThread(anna.client, byPerson.id, 'Bara för mig', 'Hej');

    // Unknown organisations and people are named on their field, when creating and when changing.
    const unknownOrg = await staff.client.post('/api/forums', { slug: `x-${suffix()}`, nameSv: 'Okänd', nameEn: 'Unknown', access: { organisationIds: [randomUUID()] } });
    expect(unknownOrg.statusCode).toBe(400);
    expect(fields(unknownOrg)).toEqual(['access.organisationIds']);
    const unknownOrgUpdate = await staff.client.patch(`/api/forums/${byPerson.id}`, { access: { organisationIds: [org.id, randomUUID()] } });
    expect(unknownOrgUpdate.statusCode).toBe(400);
    expect(fields(unknownOrgUpdate)).toEqual(['access.organisationIds']);
    const unknownUser = await staff.client.patch(`/api/forums/${byPerson.id}`, { access: { userIds: [randomUUID()] } });
    expect(unknownUser.statusCode).toBe(400);
    expect(fields(unknownUser)).toEqual(['access.userIds']);
    const badId = await staff.client.patch(`/api/forums/${byPerson.id}`, { access: { organisationIds: ['inte-ett-id'] } });
    expect(badId.statusCode).toBe(400);
    expect(fields(badId)).toEqual(['access.organisationIds.0']);
    // A refused change left the access as it was.
    expect(await status(anna.client, byPerson)).toBe(200);

    // Restricting an open forum closes it; opening it again lets everyone back in.
    const open = await newForum(staff.client);
    expect(await status(bo.client, open)).toBe(200);
    expect((await staff.client.patch(`/api/forums/${open.id}`, { access: { userIds: [anna.user.id] } })).json()).toMatchObject({ restricted: true });
    expect(await status(bo.client, open)).toBe(403);
    expect(await status(anna.client, open)).toBe(200);
    expect((await staff.client.patch(`/api/forums/${open.id}`, { access: null })).json()).toMatchObject({ restricted: false, access: null });
    expect(await status(bo.client, open)).toBe(200);
    expect(await status(visitor, open)).toBe(200);
  });
});

describe('threads and replies', () => {
  it('renders Markdown safely: no scripts, no script links, no raw HTML, no images; links get rel', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const body = [
      '<script>alert(1)</script>',
      '',
      '[x](javascript:alert(1))',
      '',
      '<img src=x onerror=alert(1)>',
      '',
      '![spårpixel](https://example.com/pixel.png)',
      '',
      '[Stadens webb](https://start.stockholm/)',
      '',
      '**fetstil** och _kursiv_',
    ].join('\n');
    const { thread, post } = await startThread(anna.client, forum.id, 'Markdown', body);
    for (const html of [post.bodyHtml!, (await bo.client.get(`/api/threads/${thread.id}`)).json().posts[0].bodyHtml as string]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toMatch(/href\s*=\s*"?\s*javascript:/i);
      expect(html).toContain('[x](javascript:alert(1))');
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('<a href="https://start.stockholm/" rel="nofollow noopener noreferrer ugc">Stadens webb</a>');
      // Every link (also the image turned into a link) is marked as user content.
      for (const anchor of html.match(/<a [^>]*>/g) ?? []) expect(anchor).toContain('rel="nofollow noopener noreferrer ugc"');
      expect(html).toContain('<strong>fetstil</strong>');
      expect(html).toContain('<em>kursiv</em>');
    }
    // The Markdown source comes back as written.
    expect(post.body).toBe(body);

    // Replies and edits are rendered the same way.
    const answer = await reply(bo.client, thread.id, 'Se <script>x()</script> och [här](javascript:void(0)) och https://example.org/sida');
    expect(answer.bodyHtml).not.toMatch(/<script|href="javascript/i);
    expect(answer.bodyHtml).toContain('<a href="https://example.org/sida" rel="nofollow noopener noreferrer ugc">');
    const edited = await bo.client.patch(`/api/posts/${answer.id}`, { body: '<iframe src="https://evil.example"></iframe> [a](vbscript:msgbox(1))' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().bodyHtml).not.toMatch(/<iframe|href="vbscript/i);
    expect(edited.json().bodyHtml).toContain('&lt;iframe');
  });

  it('quotes a post of the same thread; quoting one from another thread is a 400 on quotedPostId', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { thread, post: first } = await startThread(anna.client, forum.id, 'Citat', 'Det här är värt att citera');
    const other = await startThread(anna.client, forum.id, 'En annan tråd', 'Annat');
    const quoting = await reply(bo.client, thread.id, '> Det här är värt att citera\n\nHåller med', { quotedPostId: first.id });
    expect(quoting.quotedPostId).toBe(first.id);
    expect(quoting.bodyHtml).toContain('<blockquote>');
    const page = (await anna.client.get(`/api/threads/${thread.id}`)).json();
    expect(page.posts.map((p: Post) => p.quotedPostId)).toEqual([null, first.id]);

    const elsewhere = await bo.client.post(`/api/threads/${thread.id}/posts`, { body: 'Fel tråd', quotedPostId: other.post.id });
    expect(elsewhere.statusCode).toBe(400);
    expect(fields(elsewhere)).toEqual(['quotedPostId']);
    const unknown = await bo.client.post(`/api/threads/${thread.id}/posts`, { body: 'Finns inte', quotedPostId: randomUUID() });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['quotedPostId']);
    const notAnId = await bo.client.post(`/api/threads/${thread.id}/posts`, { body: 'Inget id', quotedPostId: 'abc' });
    expect(notAnId.statusCode).toBe(400);
    expect(fields(notAnId)).toEqual(['quotedPostId']);
    // Nothing was added by the refused replies.
    expect((await anna.client.get(`/api/threads/${thread.id}`)).json().posts).toHaveLength(2);
  });

  it('@mentions link to the person and the organisation and notify them (organisations through their active admins)', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const plainMember = await memberOf(org, adminClient);
    const nobody = randomUUID();
    const body = `Hej @[Bo](user:${bo.user.id}), se @[Föreningen](org:${org.id}) och @[Okänd](user:${nobody})`;
    const { thread, post } = await startThread(anna.client, forum.id, 'Vi behöver hjälp', body);

    expect(post.bodyHtml).toContain(`<a href="/forum/sok?author=${bo.user.id}" class="mention">Bo</a>`);
    expect(post.bodyHtml).toContain(`<a href="/organisationer/${org.slug}" class="mention">Föreningen</a>`);
    expect(post.bodyHtml).toContain('<span class="mention mention-unknown">Okänd</span>');
    expect(post.bodyHtml).not.toContain(nobody);

    const boNotices = await notificationsOf(bo.client);
    expect(boNotices).toHaveLength(1);
    expect(boNotices[0]).toMatchObject({ kind: 'mention', threadId: thread.id, threadTitle: 'Vi behöver hjälp', postId: post.id, actor: { id: anna.user.id }, readAt: null });
    expect((await bo.client.get('/api/notifications')).json().unreadCount).toBe(1);
    const adminNotices = await notificationsOf(adminClient);
    expect(adminNotices.filter((n) => n.postId === post.id).map((n) => n.kind)).toEqual(['mention']);
    // A member who is not an admin is not told on the organisation's behalf; the author is never told.
    expect(await notificationsOf(plainMember.client)).toEqual([]);
    expect(await notificationsOf(anna.client)).toEqual([]);

    // A mention outranks a reply: a follower who is also mentioned gets one notification.
    const mentionReply = await reply(anna.client, thread.id, `@[Bo](user:${bo.user.id}) svarar du?`);
    await bo.client.put(`/api/threads/${thread.id}/follow`);
    const again = await reply(anna.client, thread.id, `Påminnelse @[Bo](user:${bo.user.id})`);
    const forAgain = (await notificationsOf(bo.client)).filter((n) => n.postId === again.id);
    expect(forAgain.map((n) => n.kind)).toEqual(['mention']);
    expect((await notificationsOf(bo.client)).filter((n) => n.postId === mentionReply.id).map((n) => n.kind)).toEqual(['mention']);

    // Editing a post tells only the people it newly mentions.
    const carl = await signedInClient(t.app, 'user');
    await anna.client.patch(`/api/posts/${again.id}`, { body: `Påminnelse @[Bo](user:${bo.user.id}) och @[Carl](user:${carl.user.id})` });
    expect((await notificationsOf(carl.client)).map((n) => [n.kind, n.postId])).toEqual([['mention', again.id]]);
    expect((await notificationsOf(bo.client)).filter((n) => n.postId === again.id)).toHaveLength(1);
  });

  it('does not notify people mentioned in a restricted forum they cannot read', async () => {
    const { staff, anna, bo } = await people();
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const insider = await signedInClient(t.app, 'user');
    const forum = await newForum(staff.client, { userIds: [anna.user.id, insider.user.id] });
    const { post } = await startThread(
      anna.client,
      forum.id,
      'Internt',
      `@[Bo](user:${bo.user.id}) @[Föreningen](org:${org.id}) @[Insider](user:${insider.user.id}) @[Samordnaren](user:${staff.user.id})`,
    );
    expect(await notificationsOf(bo.client)).toEqual([]);
    expect((await notificationsOf(adminClient)).filter((n) => n.postId === post.id)).toEqual([]);
    // Those who can read it are told.
    expect((await notificationsOf(insider.client)).map((n) => [n.kind, n.postId])).toEqual([['mention', post.id]]);
    expect((await notificationsOf(staff.client)).map((n) => [n.kind, n.postId])).toEqual([['mention', post.id]]);

    // Following does not help either: someone who followed it while it was open hears nothing once it is closed.
    const wasOpen = await newForum(staff.client);
    const { thread } = await startThread(anna.client, wasOpen.id, 'Öppen först', 'Hej');
    expect((await bo.client.put(`/api/threads/${thread.id}/follow`)).statusCode).toBe(204);
    expect((await bo.client.put(`/api/forums/${wasOpen.id}/follow`)).statusCode).toBe(204);
    await staff.client.patch(`/api/forums/${wasOpen.id}`, { access: { userIds: [anna.user.id] } });
    await reply(anna.client, thread.id, 'Nu stängd');
    await startThread(anna.client, wasOpen.id, 'Ny tråd i stängt forum', 'Hemligt');
    expect(await notificationsOf(bo.client)).toEqual([]);
  });

  it('reactions: counts and mine, idempotent repeats, taken back', async () => {
    const { staff, anna, bo } = await people();
    const carl = await signedInClient(t.app, 'user');
    const forum = await newForum(staff.client);
    const { thread, post } = await startThread(anna.client, forum.id, 'Reaktioner', 'Gilla mig');
    const url = (reaction: string) => `/api/posts/${post.id}/reactions/${reaction}`;
    await t.app.db.update(users).set({ name: 'Bo Berg' }).where(eq(users.id, bo.user.id));
    await t.app.db.update(users).set({ name: 'Carl Ek' }).where(eq(users.id, carl.user.id));

    const first = await bo.client.put(url('thumbsUp'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ postId: post.id, reactions: [{ reaction: 'thumbsUp', count: 1, names: ['Bo Berg'] }], mine: ['thumbsUp'] });
    const repeat = await bo.client.put(url('thumbsUp'));
    expect(repeat.json()).toEqual(first.json());

    await carl.client.put(url('thumbsUp'));
    const carlHeart = await carl.client.put(url('heart'));
    // Counts come in the fixed order of the reaction set, with who reacted, earliest first.
    expect(carlHeart.json().reactions).toEqual([
      { reaction: 'thumbsUp', count: 2, names: ['Bo Berg', 'Carl Ek'] },
      { reaction: 'heart', count: 1, names: ['Carl Ek'] },
    ]);
    expect([...carlHeart.json().mine].sort()).toEqual(['heart', 'thumbsUp']);
    // Taking the last reaction of a kind away drops it from the counts.
    expect((await carl.client.delete(url('heart'))).json().reactions).toEqual([{ reaction: 'thumbsUp', count: 2, names: ['Bo Berg', 'Carl Ek'] }]);
    await carl.client.put(url('heart'));

    const page = (await carl.client.get(`/api/threads/${thread.id}`)).json();
    expect(page.posts[0].reactions).toEqual(carlHeart.json().reactions);
    expect([...page.myReactions[post.id]].sort()).toEqual(['heart', 'thumbsUp']);
    expect((await anna.client.get(`/api/threads/${thread.id}`)).json().myReactions).toEqual({});

    const takenBack = await bo.client.delete(url('thumbsUp'));
    expect(takenBack.json()).toEqual({
      postId: post.id,
      reactions: [
        { reaction: 'thumbsUp', count: 1, names: ['Carl Ek'] },
        { reaction: 'heart', count: 1, names: ['Carl Ek'] },
      ],
      mine: [],
    });
    expect((await bo.client.delete(url('thumbsUp'))).json()).toEqual(takenBack.json());

    // Beyond the first ten, only the count grows.
    const crowd = await Promise.all(Array.from({ length: reactionNamesShown + 2 }, () => signedInClient(t.app, 'user')));
    for (const [i, person] of crowd.entries()) {
      await t.app.db.update(users).set({ name: `Person ${String(i + 1).padStart(2, '0')}` }).where(eq(users.id, person.user.id));
      await person.client.put(url('idea'));
    }
    const idea = (await anna.client.get(`/api/threads/${thread.id}`)).json().posts[0].reactions.find((r: { reaction: string }) => r.reaction === 'idea');
    expect(idea).toEqual({ reaction: 'idea', count: reactionNamesShown + 2, names: Array.from({ length: reactionNamesShown }, (_, i) => `Person ${String(i + 1).padStart(2, '0')}`) });

    const unknown = await bo.client.put(url('angry'));
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['params.reaction']);
    expect((await new ApiClient(t.app).put(url('heart'))).statusCode).toBe(401);
  });

  it('edits keep visible history; only the author may edit', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { thread, post } = await startThread(anna.client, forum.id, 'Redigering', 'Version ett');
    expect(post).toMatchObject({ editCount: 0, editedAt: null });
    expect((await bo.client.get(`/api/posts/${post.id}/revisions`)).json()).toEqual({ revisions: [] });

    const second = await anna.client.patch(`/api/posts/${post.id}`, { body: 'Version två' });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ body: 'Version två', editCount: 1 });
    expect(Date.parse(second.json().editedAt)).toBeGreaterThanOrEqual(Date.parse(post.createdAt));
    const third = await anna.client.patch(`/api/posts/${post.id}`, { body: 'Version tre' });
    expect(third.json()).toMatchObject({ body: 'Version tre', editCount: 2 });
    // Saving the same text again is not an edit.
    expect((await anna.client.patch(`/api/posts/${post.id}`, { body: 'Version tre' })).json()).toMatchObject({ editCount: 2, editedAt: third.json().editedAt });

    const history = (await new ApiClient(t.app).get(`/api/posts/${post.id}/revisions`)).json().revisions;
    expect(history.map((r: { body: string }) => r.body)).toEqual(['Version ett', 'Version två']);
    expect(history.every((r: { editor: { id: string } }) => r.editor.id === anna.user.id)).toBe(true);
    const seen = (await bo.client.get(`/api/threads/${thread.id}`)).json().posts[0];
    expect(seen).toMatchObject({ body: 'Version tre', editCount: 2, editedAt: third.json().editedAt });

    for (const other of [bo.client, staff.client]) {
      const refused = await other.patch(`/api/posts/${post.id}`, { body: 'Någon annans ord' });
      expect(refused.statusCode).toBe(403);
    }
    expect((await bo.client.get(`/api/threads/${thread.id}`)).json().posts[0].body).toBe('Version tre');
  });

  it('removal by the author shows the post as removed, keeps the replies, and takes it out of search', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const word = `raderingsord${suffix().replace(/[0-9]/g, 'x')}`;
    const { thread, post } = await startThread(anna.client, forum.id, 'Snart borta', `Texten nämner ${word} en gång`);
    await anna.client.patch(`/api/posts/${post.id}`, { body: `Texten nämner ${word} två gånger, ${word}` });
    const answer = await reply(bo.client, thread.id, 'Ett svar som ska stå kvar');
    const search = async () => (await bo.client.get(`/api/forums/search?q=${word}`)).json().hits.map((h: { postId: string }) => h.postId);
    expect(await search()).toEqual([post.id]);

    expect((await bo.client.delete(`/api/posts/${post.id}`)).statusCode).toBe(403);
    const removed = await anna.client.delete(`/api/posts/${post.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ id: post.id, body: null, bodyHtml: null, deleted: true });

    const page = (await bo.client.get(`/api/threads/${thread.id}`)).json();
    expect(page.posts).toHaveLength(2);
    expect(page.posts[0]).toMatchObject({ id: post.id, body: null, bodyHtml: null, deleted: true, author: { id: anna.user.id } });
    expect(page.posts[1]).toMatchObject({ id: answer.id, body: 'Ett svar som ska stå kvar', deleted: false });
    // Even the author and staff no longer see the text; its history is gone as well.
    expect((await anna.client.get(`/api/threads/${thread.id}`)).json().posts[0].body).toBeNull();
    expect((await staff.client.get(`/api/threads/${thread.id}`)).json().posts[0].body).toBeNull();
    expect((await anna.client.get(`/api/posts/${post.id}/revisions`)).json()).toEqual({ revisions: [] });
    expect(await search()).toEqual([]);
    expect((await staff.client.get(`/api/forums/search?q=${word}`)).json().total).toBe(0);
    // Removing it again changes nothing.
    expect((await anna.client.delete(`/api/posts/${post.id}`)).json()).toMatchObject({ deleted: true });
    // A removed post can no longer be edited or reacted to.
    expect((await anna.client.patch(`/api/posts/${post.id}`, { body: 'Tillbaka?' })).statusCode).toBe(409);
    expect((await bo.client.put(`/api/posts/${post.id}/reactions/heart`)).statusCode).toBe(409);
  });

  it('following a thread tells about replies; following a forum tells about new threads; never about one’s own', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Följ mig', 'Start');

    expect((await bo.client.put(`/api/threads/${thread.id}/follow`)).statusCode).toBe(204);
    expect((await bo.client.put(`/api/threads/${thread.id}/follow`)).statusCode).toBe(204);
    expect((await bo.client.get(`/api/threads/${thread.id}`)).json().following).toBe(true);
    const r1 = await reply(anna.client, thread.id, 'Första svaret');
    expect((await notificationsOf(bo.client)).map((n) => [n.kind, n.postId, n.actor?.id])).toEqual([['reply', r1.id, anna.user.id]]);
    // Anna, who started the thread, follows it: she hears about Bo's reply, not about her own.
    expect(await notificationsOf(anna.client)).toEqual([]);
    const r2 = await reply(bo.client, thread.id, 'Bo svarar');
    expect((await notificationsOf(anna.client)).map((n) => [n.kind, n.postId])).toEqual([['reply', r2.id]]);
    expect((await notificationsOf(bo.client)).map((n) => n.postId)).toEqual([r1.id]);

    expect((await bo.client.delete(`/api/threads/${thread.id}/follow`)).statusCode).toBe(204);
    expect((await bo.client.get(`/api/threads/${thread.id}`)).json().following).toBe(false);
    await reply(anna.client, thread.id, 'Bo hör inte det här');
    expect((await notificationsOf(bo.client)).map((n) => n.postId)).toEqual([r1.id]);

    // Forums: new threads.
    expect((await bo.client.put(`/api/forums/${forum.id}/follow`)).statusCode).toBe(204);
    expect((await forumInList(bo.client, forum.id))?.following).toBe(true);
    const created = await startThread(anna.client, forum.id, 'Ny tråd', 'Hej');
    const newThreadNotices = (await notificationsOf(bo.client)).filter((n) => n.kind === 'newThread');
    expect(newThreadNotices.map((n) => [n.threadId, n.threadTitle, n.postId])).toEqual([[created.thread.id, 'Ny tråd', created.post.id]]);
    // Bo's own thread tells Bo nothing (but Anna is not following the forum, so she hears nothing either).
    await startThread(bo.client, forum.id, 'Bos egen tråd', 'Hej');
    expect((await notificationsOf(bo.client)).filter((n) => n.kind === 'newThread')).toHaveLength(1);
    expect((await notificationsOf(anna.client)).filter((n) => n.kind === 'newThread')).toEqual([]);

    expect((await bo.client.delete(`/api/forums/${forum.id}/follow`)).statusCode).toBe(204);
    expect((await forumInList(bo.client, forum.id))?.following).toBe(false);
    await startThread(anna.client, forum.id, 'Ännu en tråd', 'Hej');
    expect((await notificationsOf(bo.client)).filter((n) => n.kind === 'newThread')).toHaveLength(1);

    // Reading notifications clears the unread count.
    expect((await bo.client.get('/api/notifications')).json().unreadCount).toBeGreaterThan(0);
    expect((await bo.client.post('/api/notifications/read', {})).json()).toEqual({ unreadCount: 0 });
    expect((await notificationsOf(bo.client)).every((n) => n.readAt !== null)).toBe(true);
  });

  it('unread counts per forum and per thread, cleared by reading and by one’s own post; lastReadAt on the thread page', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    expect((await forumInList(bo.client, forum.id))?.unreadCount).toBe(0);

    const one = await startThread(anna.client, forum.id, 'Tråd ett', 'Hej');
    const two = await startThread(anna.client, forum.id, 'Tråd två', 'Hej igen');
    expect((await forumInList(bo.client, forum.id))?.unreadCount).toBe(2);
    // The author has read her own threads.
    expect((await forumInList(anna.client, forum.id))?.unreadCount).toBe(0);
    expect((await forumInList(new ApiClient(t.app), forum.id))?.unreadCount).toBeNull();
    const unreadFlags = async () =>
      Object.fromEntries(((await bo.client.get(`/api/forums/${forum.slug}`)).json().threads as { id: string; unread: boolean }[]).map((th) => [th.id, th.unread]));
    expect(await unreadFlags()).toEqual({ [one.thread.id]: true, [two.thread.id]: true });

    expect((await bo.client.get(`/api/threads/${one.thread.id}`)).json().lastReadAt).toBeNull();
    expect((await bo.client.post(`/api/threads/${one.thread.id}/read`)).statusCode).toBe(204);
    expect((await forumInList(bo.client, forum.id))?.unreadCount).toBe(1);
    expect(await unreadFlags()).toEqual({ [one.thread.id]: false, [two.thread.id]: true });
    const lastReadAt = (await bo.client.get(`/api/threads/${one.thread.id}`)).json().lastReadAt;
    expect(Date.parse(lastReadAt)).toBeGreaterThanOrEqual(Date.parse(one.post.createdAt));

    // A new reply makes it unread again; posts after lastReadAt are the new ones.
    const newer = await reply(anna.client, one.thread.id, 'Nytt sedan sist');
    expect((await forumInList(bo.client, forum.id))?.unreadCount).toBe(2);
    expect(await unreadFlags()).toEqual({ [one.thread.id]: true, [two.thread.id]: true });
    const page = (await bo.client.get(`/api/threads/${one.thread.id}`)).json();
    expect(page.lastReadAt).toBe(lastReadAt);
    expect(page.posts.filter((p: Post) => Date.parse(p.createdAt) > Date.parse(page.lastReadAt)).map((p: Post) => p.id)).toEqual([newer.id]);

    // One's own reply marks the thread read.
    await reply(bo.client, two.thread.id, 'Jag har läst');
    expect((await forumInList(bo.client, forum.id))?.unreadCount).toBe(1);
    expect(await unreadFlags()).toEqual({ [one.thread.id]: true, [two.thread.id]: false });
    expect((await bo.client.get(`/api/threads/${two.thread.id}`)).json().lastReadAt).not.toBeNull();
    await bo.client.post(`/api/threads/${one.thread.id}/read`);
    expect((await forumInList(bo.client, forum.id))?.unreadCount).toBe(0);
    expect(Date.parse((await bo.client.get(`/api/threads/${one.thread.id}`)).json().lastReadAt)).toBeGreaterThan(Date.parse(lastReadAt));
  });

  it('posts on behalf of an organisation only for its active members (otherwise a 400 on organisationId)', async () => {
    const { staff, bo } = await people();
    const forum = await newForum(staff.client);
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const member = await memberOf(org, adminClient);
    const pending = await memberOf(org, adminClient, 'pending');

    const { thread, post } = await startThread(member.client, forum.id, 'För föreningen', 'Vi bjuder in', { organisationId: org.id });
    expect(thread.organisation).toEqual({ id: org.id, name: org.name, slug: org.slug });
    expect(post.organisation).toEqual({ id: org.id, name: org.name, slug: org.slug });
    expect(post.author?.id).toBe(member.user.id);
    const answer = await reply(adminClient, thread.id, 'Admin svarar för föreningen', { organisationId: org.id });
    expect(answer.organisation?.id).toBe(org.id);
    const personal = await reply(member.client, thread.id, 'Och jag som privatperson');
    expect(personal.organisation).toBeNull();

    for (const [client, organisationId] of [
      [pending.client, org.id],
      [bo.client, org.id],
      [bo.client, randomUUID()],
    ] as const) {
      const asThread = await client.post(`/api/forums/${forum.id}/threads`, { title: 'Låtsas', body: 'Inte medlem', organisationId });
      expect(asThread.statusCode).toBe(400);
      expect(fields(asThread)).toEqual(['organisationId']);
      const asReply = await client.post(`/api/threads/${thread.id}/posts`, { body: 'Inte medlem', organisationId });
      expect(asReply.statusCode).toBe(400);
      expect(fields(asReply)).toEqual(['organisationId']);
    }
    expect((await bo.client.get(`/api/threads/${thread.id}`)).json().posts).toHaveLength(3);
  });

  it('a locked thread refuses replies, except from staff', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { thread } = await startThread(anna.client, forum.id, 'Snart låst', 'Hej');
    expect((await staff.client.patch(`/api/threads/${thread.id}`, { locked: true })).json()).toMatchObject({ locked: true });
    expect((await bo.client.get(`/api/threads/${thread.id}`)).json()).toMatchObject({ canPost: false, thread: { locked: true } });
    for (const client of [anna.client, bo.client]) {
      const refused = await client.post(`/api/threads/${thread.id}/posts`, { body: 'Får jag?' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toBe(message('sv', 'error.threadLocked'));
    }
    await reply(staff.client, thread.id, 'Samordnaren får');
    expect((await staff.client.get(`/api/threads/${thread.id}`)).json().canPost).toBe(true);
    // Other threads of the forum are unaffected, and unlocking opens it again.
    await startThread(bo.client, forum.id, 'Annan tråd', 'Går bra');
    await staff.client.patch(`/api/threads/${thread.id}`, { locked: false });
    await reply(bo.client, thread.id, 'Nu går det');
  });

  it('a long thread opens with its first post and latest replies; earlier replies come a page at a time, each once', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const { thread, post: opening } = await startThread(anna.client, forum.id, 'Lång tråd', 'Första inlägget');
    // 149 replies straight into the database (the posting limits would take a day), some sharing
    // one timestamp to the microsecond so that only the id tells their order; 1 more through HTTP.
    const [row] = await t.app.db.select({ forumId: posts.forumId }).from(posts).where(eq(posts.id, opening.id));
    await t.app.db.insert(posts).values(
      Array.from({ length: 149 }, (_, i) => ({
        threadId: thread.id,
        forumId: row.forumId,
        authorId: bo.user.id,
        body: `Svar ${i + 1}`,
        bodyHtml: `<p>Svar ${i + 1}</p>`,
        createdAt: sql`timestamptz '2025-01-01 12:00:00.123456+00' + ${Math.floor(i / 3)} * interval '1 minute'`,
        search: sql`to_tsvector('swedish', ${`Svar ${i + 1}`})`,
      })),
    );
    const last = await reply(anna.client, thread.id, 'Senaste svaret');

    const page = (await anna.client.get(`/api/threads/${thread.id}`)).json();
    expect(page.posts).toHaveLength(1 + threadReplyPageSize);
    expect(page.posts[0].id).toBe(opening.id);
    expect(page.posts.at(-1).id).toBe(last.id);
    expect(page.earlierReplies).toBe(150 - threadReplyPageSize);
    const shown: string[] = page.posts.slice(1).map((p: Post) => p.id);

    const earlier = await anna.client.get(`/api/threads/${thread.id}/posts?before=${shown[0]}`);
    expect(earlier.statusCode, earlier.body).toBe(200);
    expect(earlier.json().posts).toHaveLength(50);
    expect(earlier.json().earlierReplies).toBe(0);
    const all = [...earlier.json().posts.map((p: Post) => p.id), ...shown];
    // Every reply exactly once, in the stored order (time, then id).
    const stored = await t.app.db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.threadId, thread.id), eq(posts.isFirst, false)))
      .orderBy(asc(posts.createdAt), asc(posts.id));
    expect(all).toEqual(stored.map((r) => r.id));
    expect(['Svar 1', 'Svar 2', 'Svar 3']).toContain(earlier.json().posts[0].body);
    // Before the first reply, or the opening post, there is nothing.
    expect((await anna.client.get(`/api/threads/${thread.id}/posts?before=${all[0]}`)).json()).toMatchObject({ posts: [], earlierReplies: 0 });
    expect((await anna.client.get(`/api/threads/${thread.id}/posts?before=${opening.id}`)).json()).toMatchObject({ posts: [], earlierReplies: 0 });
    // A post of another thread, an unknown id or no id at all.
    const other = await startThread(anna.client, forum.id, 'Annan tråd', 'Annat');
    expect((await anna.client.get(`/api/threads/${thread.id}/posts?before=${other.post.id}`)).statusCode).toBe(404);
    expect((await anna.client.get(`/api/threads/${thread.id}/posts?before=${randomUUID()}`)).statusCode).toBe(404);
    const missing = await anna.client.get(`/api/threads/${thread.id}/posts`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring.before']);
    // A restricted forum's replies stay with its readers.
    const closed = await newForum(staff.client, { roles: ['coordinator'] });
    const secret = await startThread(staff.client, closed.id, 'Hemlig', 'Hemligt');
    const secretReply = await reply(staff.client, secret.thread.id, 'Hemligt svar');
    expect((await bo.client.get(`/api/threads/${secret.thread.id}`)).statusCode).toBe(403);
    expect((await bo.client.get(`/api/threads/${secret.thread.id}/posts?before=${secretReply.id}`)).statusCode).toBe(403);
    expect((await staff.client.get(`/api/threads/${secret.thread.id}/posts?before=${secretReply.id}`)).statusCode).toBe(200);
  });

  it('refuses over-long bodies and too-short titles on their fields', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread, post } = await startThread(anna.client, forum.id, 'Tre', 'x'.repeat(20_000));
    expect(post.body).toHaveLength(20_000);

    const longThread = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Lång', body: 'x'.repeat(20_001) });
    expect(longThread.statusCode).toBe(400);
    expect(fields(longThread)).toEqual(['body']);
    const longReply = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: 'å'.repeat(20_001) });
    expect(longReply.statusCode).toBe(400);
    expect(fields(longReply)).toEqual(['body']);
    const longEdit = await anna.client.patch(`/api/posts/${post.id}`, { body: 'x'.repeat(20_001) });
    expect(longEdit.statusCode).toBe(400);
    expect(fields(longEdit)).toEqual(['body']);
    for (const title of ['ab', '  ab  ', '']) {
      const short = await anna.client.post(`/api/forums/${forum.id}/threads`, { title, body: 'Text' });
      expect(short.statusCode, JSON.stringify(title)).toBe(400);
      expect(fields(short)).toEqual(['title']);
    }
    const empty = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual(['body']);
    const renamed = await staff.client.patch(`/api/threads/${thread.id}`, { title: 'no' });
    expect(renamed.statusCode).toBe(400);
    expect(fields(renamed)).toEqual(['title']);
    // Nothing was stored by the refused requests.
    expect((await anna.client.get(`/api/forums/${forum.slug}`)).json().total).toBe(1);
    expect((await anna.client.get(`/api/threads/${thread.id}`)).json().posts).toHaveLength(1);
  });
});

describe('posting limits', () => {
  let limited: TestApp;
  let capped: TestApp;
  beforeAll(async () => {
    [limited, capped] = await Promise.all([buildTestApp({ FORUM_POST_INTERVAL_SECONDS: '5' }), buildTestApp({ FORUM_DAILY_POST_CAP: '3' })]);
  });
  afterAll(async () => {
    await Promise.all([limited?.close(), capped?.close()]);
  });

  async function forumOn(app: TestApp) {
    const staff = await signedInClient(app.app, 'coordinator');
    const response = await staff.client.post('/api/forums', { slug: `grans-${suffix()}`, nameSv: 'Gränser', nameEn: 'Limits' });
    expect(response.statusCode).toBe(201);
    return response.json() as Forum;
  }

  it('a second post within the interval is a 429 with Retry-After; a retry with the same Idempotency-Key is not refused', async () => {
    const forum = await forumOn(limited);
    const anna = await signedInClient(limited.app, 'user');
    const bo = await signedInClient(limited.app, 'user', 'en');
    const key = `first-${suffix()}`;
    const first = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Först', body: 'Hej' }, { headers: { 'idempotency-key': key } });
    expect(first.statusCode).toBe(201);
    const threadId = first.json().thread.id;

    const tooSoon = await anna.client.post(`/api/threads/${threadId}/posts`, { body: 'Så snabbt' });
    expect(tooSoon.statusCode).toBe(429);
    const seconds = Number(tooSoon.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(5);
    expect(tooSoon.json().detail).toBe(message('sv', 'error.postTooSoon', { seconds }));
    expect(tooSoon.json().detail).toContain(`${seconds} sekunder`);
    const anotherThread = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Andra', body: 'Hej' });
    expect(anotherThread.statusCode).toBe(429);
    expect(Number(anotherThread.headers['retry-after'])).toBeLessThanOrEqual(5);

    // The retry of the first request returns the first result instead of a 429.
    const retry = await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Först', body: 'Hej' }, { headers: { 'idempotency-key': key } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().thread.id).toBe(threadId);
    expect(retry.json().post.id).toBe(first.json().post.id);

    // The limit is per person.
    const boKey = `bo-${suffix()}`;
    const boReply = await bo.client.post(`/api/threads/${threadId}/posts`, { body: 'Hej Anna' }, { headers: { 'idempotency-key': boKey } });
    expect(boReply.statusCode).toBe(201);
    const boAgain = await bo.client.post(`/api/threads/${threadId}/posts`, { body: 'Igen' });
    expect(boAgain.statusCode).toBe(429);
    expect(boAgain.json().detail).toBe(message('en', 'error.postTooSoon', { seconds: Number(boAgain.headers['retry-after']) }));
    const boRetry = await bo.client.post(`/api/threads/${threadId}/posts`, { body: 'Hej Anna' }, { headers: { 'idempotency-key': boKey } });
    expect(boRetry.statusCode).toBe(200);
    expect(boRetry.json().id).toBe(boReply.json().id);

    const page = (await anna.client.get(`/api/threads/${threadId}`)).json();
    expect(page.posts).toHaveLength(2);
    expect((await anna.client.get(`/api/forums/${forum.id}`)).json().total).toBe(1);
  });

  it('the post after the daily cap is a 429', async () => {
    const forum = await forumOn(capped);
    const anna = await signedInClient(capped.app, 'user');
    const { thread } = (await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Ett', body: '1' })).json();
    expect((await anna.client.post(`/api/threads/${thread.id}/posts`, { body: '2' })).statusCode).toBe(201);
    const thirdKey = `third-${suffix()}`;
    const third = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: '3' }, { headers: { 'idempotency-key': thirdKey } });
    expect(third.statusCode).toBe(201);

    const fourth = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: '4' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().detail).toBe(message('sv', 'error.dailyPostCap', { cap: 3, hours: 24 }));
    const retryAfter = Number(fourth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect((await anna.client.post(`/api/forums/${forum.id}/threads`, { title: 'Fyra', body: '4' })).statusCode).toBe(429);

    // A retry of the third post is answered with it, not refused.
    const retry = await anna.client.post(`/api/threads/${thread.id}/posts`, { body: '3' }, { headers: { 'idempotency-key': thirdKey } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(third.json().id);
    // Someone else may still post.
    const bo = await signedInClient(capped.app, 'user');
    expect((await bo.client.post(`/api/threads/${thread.id}/posts`, { body: 'Bo' })).statusCode).toBe(201);
    expect((await anna.client.get(`/api/threads/${thread.id}`)).json().posts).toHaveLength(4);
  });
});
