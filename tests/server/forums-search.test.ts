import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { posts } from '../../server/db/schema/index';
import { searchCountCap, type Forum, type Post, type SearchResult, type ThreadSummary } from '../../shared/forums';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// GET /api/forums/search: Swedish full-text search over the posts of the forums one may read.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const suffix = () => Math.random().toString(36).slice(2, 9);
const fields = (response: { json(): unknown }) => ((response.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
/** A made-up word the Swedish stemmer leaves alone, unique to one test. */
const uniqueWord = (stem: string) => `${stem}${suffix().replace(/[0-9]/g, 'q')}`;

async function newForum(staff: ApiClient, access: unknown = null): Promise<Forum> {
  const slug = `sok-${suffix()}`;
  const response = await staff.post('/api/forums', { slug, nameSv: `Forum ${slug}`, nameEn: `Forum ${slug}`, access });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function startThread(client: ApiClient, forumId: string, title: string, body: string, extra: Record<string, unknown> = {}) {
  const response = await client.post(`/api/forums/${forumId}/threads`, { title, body, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { thread: ThreadSummary; post: Post };
}

async function reply(client: ApiClient, threadId: string, body: string): Promise<Post> {
  const response = await client.post(`/api/threads/${threadId}/posts`, { body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function search(client: ApiClient, query: Record<string, string | number>): Promise<SearchResult> {
  const response = await client.get(`/api/forums/search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const postIds = (result: SearchResult) => result.hits.map((h) => h.postId);
const setCreatedAt = (postId: string, at: string) => t.app.db.update(posts).set({ createdAt: new Date(at) }).where(eq(posts.id, postId));

async function people() {
  const staff = await signedInClient(t.app, 'coordinator');
  const anna = await signedInClient(t.app, 'user');
  const bo = await signedInClient(t.app, 'user');
  return { staff, anna, bo };
}

describe('forum search', () => {
  it('stems Swedish words: "bidragen" finds "bidrag", "föreningarna" finds "förening"', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { thread, post: grant } = await startThread(anna.client, forum.id, 'Pengar', 'Vi söker ett bidrag till sommarlägret.');
    const association = await reply(anna.client, thread.id, 'Varje förening får skriva här.');
    await reply(anna.client, thread.id, 'Ett helt annat ämne om lokaler.');

    expect(postIds(await search(anna.client, { q: 'bidragen', forum: forum.id }))).toEqual([grant.id]);
    expect(postIds(await search(anna.client, { q: 'bidrag', forum: forum.id }))).toEqual([grant.id]);
    expect(postIds(await search(anna.client, { q: 'föreningarna', forum: forum.id }))).toEqual([association.id]);
    expect(postIds(await search(anna.client, { q: 'Föreningen', forum: forum.id }))).toEqual([association.id]);
    // Visitors search the open forums too.
    expect(postIds(await search(new ApiClient(t.app), { q: 'bidragen', forum: forum.id }))).toEqual([grant.id]);
    const hit = (await search(anna.client, { q: 'bidragen', forum: forum.id })).hits[0];
    expect(hit).toMatchObject({
      postId: grant.id,
      threadId: thread.id,
      threadTitle: 'Pengar',
      forum: { id: forum.id, slug: forum.slug, nameSv: forum.nameSv, nameEn: forum.nameEn },
      author: { id: anna.user.id },
      organisation: null,
      createdAt: grant.createdAt,
    });
    expect(hit.snippet).toContain('<mark>bidrag</mark>');
    // Words that are not there find nothing.
    expect((await search(anna.client, { q: 'bidragsansökningsblankett', forum: forum.id })).total).toBe(0);
  });

  it('searches thread titles (on the first post), also after a rename', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const word = uniqueWord('lokalhyra');
    const { thread, post } = await startThread(anna.client, forum.id, `Frågor om ${word}`, 'Vem vet hur det fungerar?');
    await reply(bo.client, thread.id, 'Jag vet inte.');
    const result = await search(bo.client, { q: word });
    expect(postIds(result)).toEqual([post.id]);
    expect(result.hits[0].threadTitle).toBe(`Frågor om ${word}`);

    const renamed = uniqueWord('nyrubrik');
    expect((await staff.client.patch(`/api/threads/${thread.id}`, { title: `Svar om ${renamed}` })).statusCode).toBe(200);
    expect(postIds(await search(bo.client, { q: renamed }))).toEqual([post.id]);
    expect((await search(bo.client, { q: word })).total).toBe(0);
  });

  it('filters by forum, author, organisation and Stockholm dates', async () => {
    const { staff, anna, bo } = await people();
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const one = await newForum(staff.client);
    const two = await newForum(staff.client);
    const word = uniqueWord('filterord');
    const a = await startThread(anna.client, one.id, 'Tråd ett', `Anna skriver ${word}`);
    const b = await reply(bo.client, a.thread.id, `Bo skriver ${word}`);
    const c = await startThread(adminClient, two.id, 'Tråd två', `Föreningen skriver ${word}`, { organisationId: org.id });
    const d = await reply(adminClient, c.thread.id, `Föreningens admin skriver ${word} som privatperson`);
    const all = (q: Record<string, string>) => search(bo.client, { q: word, ...q }).then((r) => postIds(r).sort());

    expect(await all({})).toEqual([a.post.id, b.id, c.post.id, d.id].sort());
    expect(await all({ forum: one.id })).toEqual([a.post.id, b.id].sort());
    expect(await all({ forum: two.id })).toEqual([c.post.id, d.id].sort());
    expect(await all({ author: anna.user.id })).toEqual([a.post.id]);
    expect(await all({ author: bo.user.id, forum: two.id })).toEqual([]);
    expect(await all({ organisation: org.id })).toEqual([c.post.id]);
    const orgHit = (await search(bo.client, { q: word, organisation: org.id })).hits[0];
    expect(orgHit.organisation).toEqual({ id: org.id, name: org.name, slug: org.slug });

    // Calendar days in Stockholm: 23:30 UTC on 9 March is 00:30 on 10 March in Stockholm (CET),
    // and 22:30 UTC on 1 July is 00:30 on 2 July (CEST).
    await setCreatedAt(a.post.id, '2024-03-09T22:30:00Z'); // 9 March, 23:30 Stockholm
    await setCreatedAt(b.id, '2024-03-09T23:30:00Z'); // 10 March, 00:30
    await setCreatedAt(c.post.id, '2024-03-10T22:59:00Z'); // 10 March, 23:59
    await setCreatedAt(d.id, '2024-07-01T22:30:00Z'); // 2 July, 00:30
    expect(await all({ from: '2024-03-10', to: '2024-03-10' })).toEqual([b.id, c.post.id].sort());
    expect(await all({ to: '2024-03-09' })).toEqual([a.post.id]);
    expect(await all({ from: '2024-03-11' })).toEqual([d.id]);
    expect(await all({ from: '2024-07-02' })).toEqual([d.id]);
    expect(await all({ from: '2024-03-01', to: '2024-07-01' })).toEqual([a.post.id, b.id, c.post.id].sort());
    expect(await all({ from: '2024-07-03' })).toEqual([]);
    expect(await all({ from: '2024-03-10', to: '2024-03-10', author: bo.user.id })).toEqual([b.id]);
  });

  it('without words, lists one person\'s or organisation\'s readable posts newest first (where a mention links)', async () => {
    const { staff, anna, bo } = await people();
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const forum = await newForum(staff.client);
    const closed = await newForum(staff.client, { roles: ['coordinator'] });
    const first = await startThread(anna.client, forum.id, 'Första', 'Annas första inlägg <b>fet</b> & "citat".');
    const second = await reply(anna.client, first.thread.id, `Annas andra inlägg. ${'Lång text. '.repeat(40)}`);
    await reply(bo.client, first.thread.id, 'Bos inlägg räknas inte.');
    const byOrg = await startThread(adminClient, forum.id, 'Föreningens tråd', 'Föreningen skriver.', { organisationId: org.id });
    const hidden = await reply(anna.client, first.thread.id, 'Ett inlägg som moderatorn döljer.');
    expect((await staff.client.post(`/api/posts/${hidden.id}/hide`, { reason: 'Fel forum' })).statusCode).toBe(200);
    await startThread(staff.client, closed.id, 'Stängt', 'Bara för samordnare.');
    await setCreatedAt(first.post.id, '2025-01-01T12:00:00Z');
    await setCreatedAt(second.id, '2025-02-01T12:00:00Z');

    const annas = await search(bo.client, { author: anna.user.id });
    expect(postIds(annas)).toEqual([second.id, first.post.id]);
    expect(annas.total).toBe(2);
    // No words to mark: the snippet is the post's opening, escaped and cut.
    expect(annas.hits[1].snippet).toBe('Annas första inlägg &lt;b&gt;fet&lt;/b&gt; &amp; &quot;citat&quot;.');
    expect(annas.hits[0].snippet.length).toBeLessThan(300);
    expect(annas.hits[0].snippet.endsWith(' …')).toBe(true);
    expect(annas.hits[0].snippet).not.toContain('<mark>');
    // "Relevance" has nothing to rank by: still newest first.
    expect(postIds(await search(bo.client, { author: anna.user.id, sort: 'relevance' }))).toEqual([second.id, first.post.id]);
    expect(postIds(await search(bo.client, { organisation: org.id }))).toEqual([byOrg.post.id]);
    // The closed forum's post shows only to those who may read it.
    expect((await search(bo.client, { author: staff.user.id })).hits.every((h) => h.forum.id !== closed.id)).toBe(true);
    expect((await search(staff.client, { author: staff.user.id })).hits.some((h) => h.forum.id === closed.id)).toBe(true);
  });

  it('sorts by relevance or by date', async () => {
    const { staff, anna, bo } = await people();
    const forum = await newForum(staff.client);
    const word = uniqueWord('sorteringsord');
    const strong = await startThread(anna.client, forum.id, `Allt om ${word}`, `${word} här, ${word} där, ${word} överallt.`);
    const weak = await reply(bo.client, strong.thread.id, `En lång text om väder, vind och vatten som i förbigående nämner ${word} en gång bland mycket annat.`);
    await setCreatedAt(strong.post.id, '2025-01-01T12:00:00Z');
    await setCreatedAt(weak.id, '2025-02-01T12:00:00Z');

    expect(postIds(await search(bo.client, { q: word }))).toEqual([strong.post.id, weak.id]);
    expect(postIds(await search(bo.client, { q: word, sort: 'relevance' }))).toEqual([strong.post.id, weak.id]);
    expect(postIds(await search(bo.client, { q: word, sort: 'newest' }))).toEqual([weak.id, strong.post.id]);
  });

  it('returns an HTML-escaped snippet with the matches marked', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const { post } = await startThread(anna.client, forum.id, 'Citat', 'Vi fick <b>bidrag</b> & stöd från "staden" <script>alert(1)</script> i år.');
    const [hit] = (await search(anna.client, { q: 'bidragen', forum: forum.id })).hits;
    expect(hit.postId).toBe(post.id);
    expect(hit.snippet).toContain('&lt;b&gt;<mark>bidrag</mark>&lt;/b&gt;');
    expect(hit.snippet).toContain('&amp; stöd');
    expect(hit.snippet).toContain('&quot;staden&quot;');
    expect(hit.snippet).toContain('&lt;script&gt;alert(1)');
    // The only tags are the marks.
    expect(hit.snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>]/);
  });

  it('never shows hidden, removed or restricted posts to those who may not read them', async () => {
    const { staff, anna, bo } = await people();
    const visitor = new ApiClient(t.app);
    const { organisation: org, adminClient } = await createOrganisation(t.app);
    const member = await signedInClient(t.app, 'user');
    await member.client.post(`/api/organisations/${org.id}/members`);
    await adminClient.post(`/api/organisations/${org.id}/members/${member.user.id}/approve`);
    const pending = await signedInClient(t.app, 'user');
    await pending.client.post(`/api/organisations/${org.id}/members`);

    const open = await newForum(staff.client);
    const closed = await newForum(staff.client, { organisationIds: [org.id] });
    const word = uniqueWord('synligord');
    const { thread, post: visible } = await startThread(anna.client, open.id, 'Öppen tråd', `Synlig text om ${word}`);
    const hidden = await reply(bo.client, thread.id, `Dold text om ${word}`);
    const removed = await reply(bo.client, thread.id, `Borttagen text om ${word}`);
    const restricted = (await startThread(member.client, closed.id, 'Stängd tråd', `Intern text om ${word}`)).post;
    expect((await staff.client.post(`/api/posts/${hidden.id}/hide`, { reason: 'Olämpligt innehåll' })).statusCode).toBe(200);
    expect((await bo.client.delete(`/api/posts/${removed.id}`)).statusCode).toBe(200);

    const found = async (client: ApiClient) => {
      const result = await search(client, { q: word });
      expect(result.total).toBe(result.hits.length);
      return postIds(result).sort();
    };
    for (const outsider of [visitor, anna.client, pending.client]) expect(await found(outsider)).toEqual([visible.id]);
    expect(await found(member.client)).toEqual([visible.id, restricted.id].sort());
    expect(await found(adminClient)).toEqual([visible.id, restricted.id].sort());
    expect(await found(staff.client)).toEqual([visible.id, restricted.id].sort());
    // Even asking for the restricted forum by id finds nothing for outsiders.
    expect(postIds(await search(anna.client, { q: word, forum: closed.id }))).toEqual([]);
    expect(postIds(await search(member.client, { q: word, forum: closed.id }))).toEqual([restricted.id]);

    // Shown again, the post can be found again.
    await staff.client.post(`/api/posts/${hidden.id}/unhide`);
    expect(await found(visitor)).toEqual([visible.id, hidden.id].sort());
    // A forum that is opened becomes searchable for everyone.
    await staff.client.patch(`/api/forums/${closed.id}`, { access: null });
    expect(await found(visitor)).toEqual([visible.id, hidden.id, restricted.id].sort());
  });

  it('pages through the hits with a total', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const word = uniqueWord('sidord');
    const { thread, post } = await startThread(anna.client, forum.id, 'Många svar', `Början ${word}`);
    const ids = [post.id];
    for (let i = 1; i < 25; i++) ids.push((await reply(anna.client, thread.id, `Svar ${i} om ${word}`)).id);

    const first = await search(anna.client, { q: word, sort: 'newest' });
    expect(first).toMatchObject({ total: 25, totalAtLeast: false, page: 1, pageSize: 20 });
    expect(first.hits).toHaveLength(20);
    const second = await search(anna.client, { q: word, sort: 'newest', page: 2 });
    expect(second).toMatchObject({ total: 25, page: 2, pageSize: 20 });
    expect(second.hits).toHaveLength(5);
    expect([...postIds(first), ...postIds(second)]).toEqual([...ids].reverse());
    const third = await search(anna.client, { q: word, sort: 'newest', page: 3 });
    expect(third.hits).toEqual([]);
    expect(third.total).toBe(25);
    // Relevance paging also covers every hit exactly once.
    const byRelevance = [...postIds(await search(anna.client, { q: word })), ...postIds(await search(anna.client, { q: word, page: 2 }))];
    expect(byRelevance.sort()).toEqual([...ids].sort());
  });

  it('says "at least 1,000" rather than counting far more matches, and is exact below that', async () => {
    const { staff, anna } = await people();
    const forum = await newForum(staff.client);
    const common = uniqueWord('vanligtord');
    const some = uniqueWord('nagraord');
    const { thread } = await startThread(anna.client, forum.id, 'Stor tråd', 'Början');
    // 12,000 posts with one word and 1,210 with another, straight into the database, then fresh
    // statistics, as autovacuum would gather them.
    await t.app.db.execute(sql`
      insert into posts (thread_id, forum_id, author_id, body, body_html, created_at, search)
      select ${thread.id}::uuid, ${forum.id}::uuid, ${anna.user.id}::uuid, w || ' ' || i, '<p>' || w || '</p>',
        now() - i * interval '1 second', to_tsvector('swedish', w)
      from generate_series(1, 13210) i, lateral (select case when i <= 12000 then ${common} else ${some} end as w) x`);
    await t.app.db.execute(sql`analyze posts`);

    const many = await search(anna.client, { q: common, sort: 'newest' });
    expect(many).toMatchObject({ total: searchCountCap, totalAtLeast: true });
    expect(many.hits).toHaveLength(20);
    const fewer = await search(anna.client, { q: some, sort: 'newest' });
    expect(fewer).toMatchObject({ total: searchCountCap, totalAtLeast: true });
    // The last page of a capped list still says exactly how many there were up to it.
    const last = await search(anna.client, { q: some, sort: 'newest', page: 61 });
    expect(last).toMatchObject({ total: 1210, totalAtLeast: false });
    expect(last.hits).toHaveLength(10);
    const author = await search(anna.client, { author: anna.user.id, forum: forum.id });
    expect(author).toMatchObject({ total: searchCountCap, totalAtLeast: true });
  });

  it('refuses bad queries with the field named', async () => {
    const { anna } = await people();
    const cases: [string, string[]][] = [
      ['q=a', ['querystring.q']],
      ['q=%20a%20', ['querystring.q']],
      ['', ['querystring.q']],
      ['forum=00000000-0000-4000-8000-000000000000', ['querystring.q']],
      [`q=${'x'.repeat(201)}`, ['querystring.q']],
      ['q=bidrag&forum=inte-ett-id', ['querystring.forum']],
      ['q=bidrag&author=123', ['querystring.author']],
      ['q=bidrag&organisation=abc', ['querystring.organisation']],
      ['q=bidrag&from=2024-13-01', ['querystring.from']],
      ['q=bidrag&to=ig%C3%A5r', ['querystring.to']],
      // PostgreSQL has no year 0: refused before it reaches the database (once a 500).
      ['q=bidrag&from=0000-06-01&to=0000-06-30', ['querystring.from', 'querystring.to']],
      ['q=bidrag&from=2026-06-02&to=2026-06-01', ['querystring.to']],
      ['q=bidrag&sort=best', ['querystring.sort']],
      ['q=bidrag&page=0', ['querystring.page']],
      ['q=bidrag&page=x', ['querystring.page']],
      ['q=bidrag&pageSize=100', ['querystring.pageSize']],
      ['q=b&sort=old', ['querystring.q', 'querystring.sort']],
    ];
    for (const [query, expected] of cases) {
      const response = await anna.client.get(`/api/forums/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(fields(response).sort(), query).toEqual(expected);
    }
    // Operators and stray punctuation are just text, not errors.
    for (const q of ['bidrag & (förening', '"bidrag', 'bidrag:* | !', 'och']) {
      expect((await anna.client.get(`/api/forums/search?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
    }
  });
});
