import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { organisationInput, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// Every forum, thread, post, moderation, notification and feed route × every role.
// tests/server/access.test.ts covers the other routes; together they cover the OpenAPI document.

const roles = ['visitor', 'user', 'member', 'orgAdmin', 'otherOrgAdmin', 'official', 'coordinator', 'admin'] as const;
type Role = (typeof roles)[number];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface World {
  as: Record<Role, ApiClient>;
  ids: Record<Role, string | null>;
  openForum: { id: string; slug: string };
  closedForum: { id: string; slug: string };
  threadId: string;
  /** A reply written by `member`. */
  postId: string;
  flagId: string;
}

async function world(): Promise<World> {
  const app = t.app;
  const as = {} as Record<Role, ApiClient>;
  const ids = {} as Record<Role, string | null>;
  as.visitor = new ApiClient(app);
  ids.visitor = null;
  for (const role of ['user', 'member', 'orgAdmin', 'otherOrgAdmin'] as const) {
    const s = await signedInClient(app, 'user');
    as[role] = s.client;
    ids[role] = s.user.id;
  }
  for (const role of ['official', 'coordinator', 'admin'] as const) {
    const s = await signedInClient(app, role);
    as[role] = s.client;
    ids[role] = s.user.id;
  }
  const orgA = (await as.orgAdmin.post('/api/organisations', organisationInput())).json();
  await as.otherOrgAdmin.post('/api/organisations', organisationInput());
  await as.member.post(`/api/organisations/${orgA.id}/members`);
  await as.orgAdmin.post(`/api/organisations/${orgA.id}/members/${ids.member}/approve`);
  const suffix = Math.random().toString(36).slice(2, 8);
  const openForum = (await as.coordinator.post('/api/forums', { slug: `oppet-${suffix}`, nameSv: 'Öppet', nameEn: 'Open' })).json();
  const closedForum = (await as.coordinator.post('/api/forums', { slug: `slutet-${suffix}`, nameSv: 'Slutet', nameEn: 'Closed', access: { organisationIds: [orgA.id] } })).json();
  const thread = (await as.orgAdmin.post(`/api/forums/${openForum.id}/threads`, { title: 'En tråd', body: 'Om bidrag' })).json().thread;
  const post = (await as.member.post(`/api/threads/${thread.id}/posts`, { body: 'Ett svar om bidragen' })).json();
  const flag = (await as.orgAdmin.post(`/api/posts/${post.id}/flags`, { reason: 'Stämmer inte' })).json();
  return { as, ids, openForum, closedForum, threadId: thread.id, postId: post.id, flagId: flag.id };
}

type Call = (w: World, client: ApiClient, role: Role) => Promise<{ statusCode: number }>;
interface Case {
  route: string;
  call: Call;
  expect: Record<Role, number>;
  mutates?: boolean;
}

const everyone = (status: number) => Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
const signedIn = (status: number) => ({ ...everyone(status), visitor: 401 });
const only = (allowed: Role[], status: number) =>
  Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? status : r === 'visitor' ? 401 : 403])) as Record<Role, number>;
const staff = (status: number) => only(['coordinator', 'admin'], status);
/** Readers of the closed forum: its organisation's members and staff. */
const closedReaders = (status: number) => only(['member', 'orgAdmin', 'coordinator', 'admin'], status);

const cases: Case[] = [
  { route: 'GET /api/forums/', call: (_w, c) => c.get('/api/forums'), expect: everyone(200) },
  { route: 'POST /api/forums/', call: (_w, c) => c.post('/api/forums', { slug: `nytt-${Math.random().toString(36).slice(2, 8)}`, nameSv: 'Nytt', nameEn: 'New' }), expect: staff(201) },
  {
    route: 'PUT /api/forums/order',
    call: async (w, c) => {
      const all = (await w.as.admin.get('/api/forums')).json().forums as { id: string }[];
      return c.put('/api/forums/order', { ids: all.map((f) => f.id).reverse() });
    },
    expect: staff(200),
  },
  { route: 'GET /api/forums/search', call: (_w, c) => c.get('/api/forums/search?q=bidrag'), expect: everyone(200) },
  { route: 'GET /api/forums/mentionables', call: (_w, c) => c.get('/api/forums/mentionables?q=Test'), expect: signedIn(200) },
  { route: 'GET /api/forums/:ref', call: (w, c) => c.get(`/api/forums/${w.closedForum.slug}`), expect: closedReaders(200) },
  { route: 'PATCH /api/forums/:id', call: (w, c) => c.patch(`/api/forums/${w.openForum.id}`, { descriptionEn: 'Changed' }), expect: staff(200) },
  { route: 'PUT /api/forums/:id/follow', call: (w, c) => c.put(`/api/forums/${w.closedForum.id}/follow`), expect: { ...closedReaders(204) } },
  { route: 'DELETE /api/forums/:id/follow', call: (w, c) => c.delete(`/api/forums/${w.openForum.id}/follow`), expect: signedIn(204) },
  { route: 'POST /api/forums/:id/threads', call: (w, c) => c.post(`/api/forums/${w.closedForum.id}/threads`, { title: 'Ny tråd', body: 'Text' }), expect: closedReaders(201) },
  { route: 'GET /api/threads/:id', call: (w, c) => c.get(`/api/threads/${w.threadId}`), expect: everyone(200) },
  { route: 'GET /api/threads/:id/posts', call: (w, c) => c.get(`/api/threads/${w.threadId}/posts?before=${w.postId}`), expect: everyone(200) },
  { route: 'PATCH /api/threads/:id', call: (w, c) => c.patch(`/api/threads/${w.threadId}`, { pinned: true }), expect: staff(200) },
  { route: 'POST /api/threads/:id/posts', call: (w, c) => c.post(`/api/threads/${w.threadId}/posts`, { body: 'Svar' }), expect: signedIn(201) },
  { route: 'PUT /api/threads/:id/follow', call: (w, c) => c.put(`/api/threads/${w.threadId}/follow`), expect: signedIn(204) },
  { route: 'DELETE /api/threads/:id/follow', call: (w, c) => c.delete(`/api/threads/${w.threadId}/follow`), expect: signedIn(204) },
  { route: 'POST /api/threads/:id/read', call: (w, c) => c.post(`/api/threads/${w.threadId}/read`), expect: signedIn(204) },
  // Only the author edits; nobody else, not even staff (they hide instead).
  { route: 'PATCH /api/posts/:id', call: (w, c) => c.patch(`/api/posts/${w.postId}`, { body: 'Ändrat' }), expect: only(['member'], 200) },
  { route: 'DELETE /api/posts/:id', call: (w, c) => c.delete(`/api/posts/${w.postId}`), mutates: true, expect: only(['member', 'coordinator', 'admin'], 200) },
  { route: 'GET /api/posts/:id/revisions', call: (w, c) => c.get(`/api/posts/${w.postId}/revisions`), expect: everyone(200) },
  { route: 'PUT /api/posts/:id/reactions/:reaction', call: (w, c) => c.put(`/api/posts/${w.postId}/reactions/thanks`), expect: signedIn(200) },
  { route: 'DELETE /api/posts/:id/reactions/:reaction', call: (w, c) => c.delete(`/api/posts/${w.postId}/reactions/thanks`), expect: signedIn(200) },
  // orgAdmin already reported this post in the world; a second report from the same person is a conflict.
  { route: 'POST /api/posts/:id/flags', call: (w, c) => c.post(`/api/posts/${w.postId}/flags`, { reason: 'Fel fakta' }), expect: { ...signedIn(201), orgAdmin: 409 } },
  { route: 'POST /api/posts/:id/hide', call: (w, c) => c.post(`/api/posts/${w.postId}/hide`, { reason: 'Personuppgifter' }), expect: staff(200) },
  { route: 'POST /api/posts/:id/unhide', call: (w, c) => c.post(`/api/posts/${w.postId}/unhide`), expect: staff(200) },
  { route: 'GET /api/moderation/flags', call: (_w, c) => c.get('/api/moderation/flags'), expect: staff(200) },
  { route: 'POST /api/moderation/flags/:id/resolve', call: (w, c) => c.post(`/api/moderation/flags/${w.flagId}/resolve`, { action: 'dismiss' }), mutates: true, expect: staff(200) },
  { route: 'GET /api/notifications/', call: (_w, c) => c.get('/api/notifications'), expect: signedIn(200) },
  { route: 'POST /api/notifications/read', call: (_w, c) => c.post('/api/notifications/read', {}), expect: signedIn(200) },
  {
    // The plain WebSocket feed is public: every role gets the upgrade and a ready message.
    route: 'GET /api/feed/',
    call: async (_w, c) => {
      let resolveFirst: (text: string) => void = () => {};
      const first = new Promise<string>((resolve) => (resolveFirst = resolve));
      const ws = await t.app.injectWS('/api/feed', { headers: c.cookie ? { cookie: c.cookie } : {} }, { onInit: (socket) => socket.once('message', (data) => resolveFirst(String(data))) });
      const message = await first;
      ws.terminate();
      return { statusCode: JSON.parse(message).type === 'ready' ? 101 : 500 };
    },
    expect: everyone(101),
  },
];

describe('forums: role × route', () => {
  it('covers every forum route in the API', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const prefixes = ['/api/forums', '/api/threads', '/api/posts', '/api/moderation', '/api/notifications', '/api/feed'];
    const documented = Object.entries(doc.paths)
      .filter(([path]) => prefixes.some((p) => path.startsWith(p)))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    // @fastify/websocket keeps WebSocket routes out of OpenAPI; the feed is documented in the README.
    expect(cases.map((c) => c.route).sort()).toEqual([...documented, 'GET /api/feed/'].sort());
  });

  for (const c of cases) {
    it(`${c.route}`, async () => {
      const w = await world();
      const seen: Record<string, number> = {};
      for (const role of roles) {
        const own = c.mutates && role !== roles[0] ? await world() : w;
        seen[role] = (await c.call(own, own.as[role], role)).statusCode;
      }
      expect(seen).toEqual(c.expect);
    });
  }

  it('lists a restricted forum only to those who may read it', async () => {
    const w = await world();
    for (const role of roles) {
      const listed = ((await w.as[role].get('/api/forums')).json().forums as { id: string }[]).some((f) => f.id === w.closedForum.id);
      expect(listed, role).toBe(closedReaders(200)[role] === 200);
    }
  });

  it('shows staff, and only staff, who is on a restricted forum’s access list, by name', async () => {
    const w = await world();
    const staffView = (await w.as.coordinator.get(`/api/forums/${w.closedForum.id}`)).json().forum;
    expect(staffView.accessNames.organisations).toHaveLength(1);
    expect(staffView.accessNames.organisations[0].name).toMatch(/^Testföreningen /);
    const memberView = (await w.as.member.get(`/api/forums/${w.closedForum.id}`)).json().forum;
    expect(memberView.access).toBeUndefined();
    expect(memberView.accessNames).toBeUndefined();
  });
});
