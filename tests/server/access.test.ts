import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { referenceItems } from '../../server/db/schema/index';
import { ApiClient } from '../helpers/api-client';
import { createUser, organisationInput, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// Every route × every role: allowed (the route's success status) or refused (401 visitor, 403 others).
// The list is checked against the OpenAPI document so that a new route cannot go untested.

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
  orgA: { id: string; slug: string; contactId: string };
  pendingUserId: string;
  unusedReferenceId: string;
}

/** A fresh little world per case, so that one role's change cannot decide another's outcome. */
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
  const created = await as.orgAdmin.post('/api/organisations', organisationInput());
  const orgA = created.json();
  await as.otherOrgAdmin.post('/api/organisations', organisationInput());
  await as.member.post(`/api/organisations/${orgA.id}/members`);
  await as.orgAdmin.post(`/api/organisations/${orgA.id}/members/${ids.member}/approve`);
  const contact = await as.orgAdmin.post(`/api/organisations/${orgA.id}/contacts`, { name: 'Kim Kontakt' });
  const pending = await signedInClient(app, 'user');
  await pending.client.post(`/api/organisations/${orgA.id}/members`);
  const unused = await as.coordinator.post('/api/reference', { kind: 'resource', slug: `oanvand-${Math.random().toString(36).slice(2, 8)}`, nameSv: 'Oanvänd', nameEn: 'Unused' });
  return { as, ids, orgA: { id: orgA.id, slug: orgA.slug, contactId: contact.json().id }, pendingUserId: pending.user.id, unusedReferenceId: unused.json().id };
}

type Call = (w: World, client: ApiClient, role: Role) => Promise<{ statusCode: number }>;
interface Case {
  route: string;
  call: Call;
  expect: Record<Role, number>;
  /** The call changes state that another role's call would see: give each role its own world. */
  mutates?: boolean;
}

const everyone = (status: number) => Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
const signedIn = (status: number) => ({ ...everyone(status), visitor: 401 });
const only = (allowed: Role[], status: number) =>
  Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? status : r === 'visitor' ? 401 : 403])) as Record<Role, number>;
const orgEditors = (status: number) => only(['orgAdmin', 'coordinator', 'admin'], status);
const staff = (status: number) => only(['coordinator', 'admin'], status);

const cases: Case[] = [
  { route: 'GET /api/health/', call: (_w, c) => c.get('/api/health'), expect: everyone(200) },
  { route: 'GET /api/auth/me', call: (_w, c) => c.get('/api/auth/me'), expect: everyone(200) },
  { route: 'PATCH /api/auth/me', call: (_w, c) => c.patch('/api/auth/me', { locale: 'en' }), expect: signedIn(200) },
  {
    route: 'POST /api/auth/signup',
    call: (_w, c) => c.post('/api/auth/signup', { name: 'Ny Person', email: `ny-${Math.random().toString(36).slice(2)}@test.example`, password: 'Ett-nytt-lösenord-9' }),
    expect: everyone(202),
  },
  {
    route: 'POST /api/auth/login',
    call: async (_w, c) => {
      const u = await createUser(t.app, 'user');
      return c.post('/api/auth/login', { email: u.email, password: u.password });
    },
    expect: everyone(200),
  },
  { route: 'POST /api/auth/logout', call: (_w, c) => c.post('/api/auth/logout'), mutates: true, expect: everyone(204) },
  {
    route: 'POST /api/auth/password',
    call: (_w, c) => c.post('/api/auth/password', { currentPassword: 'Ett-bra-testlösenord-42', newPassword: 'Ett-annat-lösenord-77' }),
    mutates: true, expect: signedIn(204),
  },
  { route: 'POST /api/auth/password-reset', call: (_w, c) => c.post('/api/auth/password-reset', { email: `vem-${Math.random().toString(36).slice(2)}@test.example` }), expect: everyone(202) },
  // Public, so every role reaches validation: an unknown token is a 400 for all.
  { route: 'POST /api/auth/password-reset/confirm', call: (_w, c) => c.post('/api/auth/password-reset/confirm', { token: 'x'.repeat(32), password: 'Ett-nytt-lösenord-9' }), expect: everyone(400) },
  { route: 'GET /api/reference/', call: (_w, c) => c.get('/api/reference'), expect: everyone(200) },
  {
    route: 'POST /api/reference/',
    call: (_w, c) => c.post('/api/reference', { kind: 'targetGroup', slug: `ny-${Math.random().toString(36).slice(2, 8)}`, nameSv: 'Ny', nameEn: 'New' }),
    expect: staff(201),
  },
  { route: 'PATCH /api/reference/:id', call: (w, c) => c.patch(`/api/reference/${w.unusedReferenceId}`, { nameEn: 'Renamed' }), expect: staff(200) },
  { route: 'DELETE /api/reference/:id', call: (w, c) => c.delete(`/api/reference/${w.unusedReferenceId}`), mutates: true, expect: staff(204) },
  { route: 'GET /api/organisations/', call: (_w, c) => c.get('/api/organisations'), expect: everyone(200) },
  { route: 'GET /api/organisations/overview', call: (_w, c) => c.get('/api/organisations/overview'), expect: everyone(200) },
  { route: 'GET /api/organisations/:ref', call: (w, c) => c.get(`/api/organisations/${w.orgA.slug}`), expect: everyone(200) },
  { route: 'POST /api/organisations/', call: (_w, c) => c.post('/api/organisations', organisationInput()), expect: signedIn(201) },
  { route: 'PUT /api/organisations/:id', call: (w, c) => c.put(`/api/organisations/${w.orgA.id}`, organisationInput({ name: 'Nytt namn' })), mutates: true, expect: orgEditors(200) },
  { route: 'POST /api/organisations/:id/contacts', call: (w, c) => c.post(`/api/organisations/${w.orgA.id}/contacts`, { name: 'Ny Kontakt' }), expect: orgEditors(201) },
  {
    route: 'PUT /api/organisations/:id/contacts/:contactId',
    call: (w, c) => c.put(`/api/organisations/${w.orgA.id}/contacts/${w.orgA.contactId}`, { name: 'Kim Kontakt', title: 'Ordförande' }),
    expect: orgEditors(200),
  },
  { route: 'POST /api/organisations/:id/contacts/:contactId/confirm', call: (w, c) => c.post(`/api/organisations/${w.orgA.id}/contacts/${w.orgA.contactId}/confirm`), expect: orgEditors(200) },
  { route: 'DELETE /api/organisations/:id/contacts/:contactId', call: (w, c) => c.delete(`/api/organisations/${w.orgA.id}/contacts/${w.orgA.contactId}`), mutates: true, expect: orgEditors(204) },
  { route: 'GET /api/organisations/:id/members', call: (w, c) => c.get(`/api/organisations/${w.orgA.id}/members`), expect: orgEditors(200) },
  // Anyone signed in may ask to join; those already in the organisation get a conflict.
  { route: 'POST /api/organisations/:id/members', call: (w, c) => c.post(`/api/organisations/${w.orgA.id}/members`), mutates: true, expect: { ...signedIn(201), member: 409, orgAdmin: 409 } },
  { route: 'POST /api/organisations/:id/members/:userId/approve', call: (w, c) => c.post(`/api/organisations/${w.orgA.id}/members/${w.pendingUserId}/approve`), mutates: true, expect: orgEditors(200) },
  { route: 'PATCH /api/organisations/:id/members/:userId', call: (w, c) => c.patch(`/api/organisations/${w.orgA.id}/members/${w.ids.member}`, { role: 'admin' }), mutates: true, expect: orgEditors(200) },
  // Declining someone else's request is for the organisation's managers; leaving is for oneself (below).
  { route: 'DELETE /api/organisations/:id/members/:userId', call: (w, c) => c.delete(`/api/organisations/${w.orgA.id}/members/${w.pendingUserId}`), mutates: true, expect: orgEditors(204) },
  { route: 'GET /api/users/', call: (_w, c) => c.get('/api/users'), expect: only(['admin'], 200) },
  {
    route: 'PATCH /api/users/:id/role',
    call: async (_w, c) => {
      const target = await createUser(t.app, 'user');
      return c.patch(`/api/users/${target.id}/role`, { role: 'coordinator' });
    },
    expect: only(['admin'], 200),
  },
];

describe('role × route', () => {
  it('covers every route in the API', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    // Later features have their own matrices: forums-access, premises-access and grants-access.test.ts.
    const forumPrefixes = ['/api/forums', '/api/threads', '/api/posts', '/api/moderation', '/api/notifications', '/api/feed', '/api/premises', '/api/bookings', '/api/grants'];
    const mine = documented.filter((route) => !forumPrefixes.some((prefix) => route.split(' ')[1].startsWith(prefix)));
    expect(cases.map((c) => c.route).sort()).toEqual(mine.sort());
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

  it('applies the same rules to HEAD requests as to GET', async () => {
    const w = await world();
    for (const role of roles) {
      const head = await w.as[role].request('GET', '/api/users', undefined, { method: 'HEAD' } as never);
      expect(head.statusCode, role).toBe(only(['admin'], 200)[role]);
    }
  });

  it('lets a member leave an organisation on their own', async () => {
    const w = await world();
    const response = await w.as.member.delete(`/api/organisations/${w.orgA.id}/members/${w.ids.member}`);
    expect(response.statusCode).toBe(204);
    const me = (await w.as.member.get('/api/auth/me')).json();
    expect(me.user.memberships).toEqual([]);
  });

  it('refuses an official who is not an admin to change roles even for their own administration', async () => {
    const { client } = await signedInClient(t.app, 'official');
    const [social] = await t.app.db.select().from(referenceItems).where(eq(referenceItems.slug, 'socialforvaltningen'));
    const target = await createUser(t.app, 'user');
    const response = await client.patch(`/api/users/${target.id}/role`, { role: 'official', administrationId: social.id });
    expect(response.statusCode).toBe(403);
  });
});
