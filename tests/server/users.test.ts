import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { message } from '../../shared/messages';
import { users } from '../../server/db/schema/index';
import type { ReferenceItem } from '../../shared/reference';
import type { UserSummary } from '../../shared/users';
import { ApiClient } from '../helpers/api-client';
import { createUser, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The administrator finds accounts and sets their system role; the change holds from the person's
// very next request, without signing in again.

let t: TestApp;
let admin: ApiClient;
let reference: ReferenceItem[];
beforeAll(async () => {
  t = await buildTestApp();
  admin = (await signedInClient(t.app, 'admin')).client;
  reference = (await new ApiClient(t.app).get('/api/reference')).json().items;
});
afterAll(() => t.close());

const referenceId = (slug: string) => reference.find((i) => i.slug === slug)!.id;

async function listUsers(q?: string): Promise<UserSummary[]> {
  const response = await admin.get(`/api/users${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

const me = async (client: ApiClient) => (await client.get('/api/auth/me')).json().user;

describe('finding accounts', () => {
  it('lists accounts by name, and finds them by part of the name or e-mail, whatever the case', async () => {
    const orjan = await createUser(t.app, 'user', { name: 'Örjan Sökbarsson' });
    const greta = await createUser(t.app, 'coordinator', { name: 'Greta Sökbarsson' });
    const other = await createUser(t.app, 'user', { name: 'Helt Annan' });

    const all = await listUsers();
    expect(all.map((u) => u.id)).toEqual(expect.arrayContaining([orjan.id, greta.id, other.id]));
    expect(all.find((u) => u.id === greta.id)).toMatchObject({ name: 'Greta Sökbarsson', email: greta.email, role: 'coordinator', administrationId: null });
    expect(JSON.stringify(all)).not.toMatch(/argon2|passwordHash/i);

    expect((await listUsers('sökbarsson')).map((u) => u.name)).toEqual(['Greta Sökbarsson', 'Örjan Sökbarsson']);
    expect((await listUsers('ÖRJAN')).map((u) => u.id)).toEqual([orjan.id]);
    expect((await listUsers(other.email.split('@')[0].toUpperCase())).map((u) => u.id)).toEqual([other.id]);
    expect(await listUsers('ingen-sådan-person')).toEqual([]);
    // Wildcards are plain text.
    expect(await listUsers('%')).toEqual([]);
  });

  it('is for administrators only', async () => {
    expect((await new ApiClient(t.app).get('/api/users')).statusCode).toBe(401);
    for (const role of ['user', 'official', 'coordinator'] as const) {
      const response = await (await signedInClient(t.app, role)).client.get('/api/users');
      expect(response.statusCode, role).toBe(403);
      expect(response.json().detail).toBe(message('sv', 'error.forbidden'));
    }
  });
});

describe('setting a system role', () => {
  it('makes someone a city official of an administration, from their next request on', async () => {
    const { user, client } = await signedInClient(t.app, 'user');
    expect(await me(client)).toMatchObject({ role: 'user', administrationId: null });

    const social = referenceId('socialforvaltningen');
    const response = await admin.patch(`/api/users/${user.id}/role`, { role: 'official', administrationId: social });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, email: user.email, role: 'official', administrationId: social });
    expect(await me(client)).toMatchObject({ role: 'official', administrationId: social });
    expect((await listUsers(user.email)).map((u) => [u.role, u.administrationId])).toEqual([['official', social]]);

    // Moving to another administration.
    const elderly = referenceId('aldreforvaltningen');
    expect((await admin.patch(`/api/users/${user.id}/role`, { role: 'official', administrationId: elderly })).json().administrationId).toBe(elderly);
    expect((await me(client)).administrationId).toBe(elderly);

    // No longer an official: no administration either.
    const back = await admin.patch(`/api/users/${user.id}/role`, { role: 'user', administrationId: elderly });
    expect(back.json()).toMatchObject({ role: 'user', administrationId: null });
    expect(await me(client)).toMatchObject({ role: 'user', administrationId: null });
  });

  it('refuses an official without an administration, and changes nothing', async () => {
    const { user, client } = await signedInClient(t.app, 'user');
    for (const body of [{ role: 'official' }, { role: 'official', administrationId: null }]) {
      const response = await admin.patch(`/api/users/${user.id}/role`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ field: 'administrationId', message: message('sv', 'official.administrationRequired') }]);
    }
    admin.locale = 'en';
    const english = await admin.patch(`/api/users/${user.id}/role`, { role: 'official' });
    admin.locale = 'sv';
    expect(english.json().errors).toEqual([{ field: 'administrationId', message: message('en', 'official.administrationRequired') }]);
    expect((await me(client)).role).toBe('user');
  });

  it('refuses an administration that is not one', async () => {
    const { user, client } = await signedInClient(t.app, 'user');
    for (const administrationId of [referenceId('sodermalm'), '00000000-0000-4000-8000-000000000000']) {
      const response = await admin.patch(`/api/users/${user.id}/role`, { role: 'official', administrationId });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        { field: 'administrationId', message: message('sv', 'error.unknownReference', { field: 'administrationId' }) },
      ]);
    }
    expect(await me(client)).toMatchObject({ role: 'user', administrationId: null });
  });

  it('gives and takes away the coordinator’s powers at once', async () => {
    const { user, client } = await signedInClient(t.app, 'user');
    const newValue = () => ({ kind: 'resource', slug: `roll-${Math.random().toString(36).slice(2, 8)}`, nameSv: 'Roll', nameEn: 'Role' });
    expect((await client.post('/api/reference', newValue())).statusCode).toBe(403);

    expect((await admin.patch(`/api/users/${user.id}/role`, { role: 'coordinator' })).json().role).toBe('coordinator');
    expect((await client.post('/api/reference', newValue())).statusCode).toBe(201);

    expect((await admin.patch(`/api/users/${user.id}/role`, { role: 'user' })).json().role).toBe('user');
    expect((await client.post('/api/reference', newValue())).statusCode).toBe(403);
  });

  it('makes another administrator, who may then set roles too', async () => {
    const { user, client } = await signedInClient(t.app, 'user');
    const target = await createUser(t.app, 'user');
    expect((await client.patch(`/api/users/${target.id}/role`, { role: 'coordinator' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/users/${user.id}/role`, { role: 'admin' })).statusCode).toBe(200);
    expect((await client.patch(`/api/users/${target.id}/role`, { role: 'coordinator' })).statusCode).toBe(200);
    expect((await listUsers(target.email))[0].role).toBe('coordinator');
  });

  it('never leaves Mötesplatsen without an administrator, also when two demote each other at once', async () => {
    // A fresh database of its own: this file's other administrators would otherwise be there too.
    const own = await buildTestApp();
    try {
      const first = await signedInClient(own.app, 'admin');
      const alone = await first.client.patch(`/api/users/${first.user.id}/role`, { role: 'user' });
      expect(alone.statusCode).toBe(409);
      expect(alone.json()).toMatchObject({ detail: message('sv', 'error.lastSystemAdmin'), errors: [{ field: 'role', message: message('sv', 'error.lastSystemAdmin') }] });
      expect((await me(first.client)).role).toBe('admin');

      const second = await signedInClient(own.app, 'admin');
      const [a, b] = await Promise.all([
        first.client.patch(`/api/users/${second.user.id}/role`, { role: 'coordinator' }),
        second.client.patch(`/api/users/${first.user.id}/role`, { role: 'coordinator' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409].sort());
      const roles = [(await me(first.client)).role, (await me(second.client)).role];
      expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    } finally {
      await own.close();
    }
  });

  it('lets an official keep an archived administration but not be given one anew', async () => {
    const coordinator = (await signedInClient(t.app, 'coordinator')).client;
    const created = await coordinator.post('/api/reference', { kind: 'administration', slug: `stangd-${Math.random().toString(36).slice(2, 8)}`, nameSv: 'Stängd', nameEn: 'Closed' });
    const closed = created.json().id as string;
    const keeper = await signedInClient(t.app, 'user');
    expect((await admin.patch(`/api/users/${keeper.user.id}/role`, { role: 'official', administrationId: closed })).statusCode).toBe(200);
    expect((await coordinator.patch(`/api/reference/${closed}`, { archived: true })).statusCode).toBe(200);

    const newcomer = await signedInClient(t.app, 'user');
    const refused = await admin.patch(`/api/users/${newcomer.user.id}/role`, { role: 'official', administrationId: closed });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'administrationId', message: message('sv', 'error.unknownReference', { field: 'administrationId' }) }]);
    expect(await me(newcomer.client)).toMatchObject({ role: 'user', administrationId: null });
    // The one who has it keeps it, also when saved again.
    expect((await admin.patch(`/api/users/${keeper.user.id}/role`, { role: 'official', administrationId: closed })).statusCode).toBe(200);
    expect(await me(keeper.client)).toMatchObject({ role: 'official', administrationId: closed });
  });

  it('lists people of the same name in a stable order', async () => {
    for (let i = 0; i < 3; i++) await createUser(t.app, 'user', { name: 'Samma Namnsson' });
    const order = async () => (await listUsers('Samma Namnsson')).map((u) => u.email);
    const first = await order();
    expect(first).toEqual([...first].sort());
    // An update writes a new row version, which moved the person within the list.
    await t.app.db.update(users).set({ name: 'Samma Namnsson' }).where(eq(users.email, first[0]));
    expect(await order()).toEqual(first);
  });

  it('answers 404 for an unknown account and 400 for an unknown role', async () => {
    const missing = await admin.patch('/api/users/00000000-0000-4000-8000-000000000000/role', { role: 'coordinator' });
    expect(missing.statusCode).toBe(404);
    const { user, client } = await signedInClient(t.app, 'user');
    const unknownRole = await admin.patch(`/api/users/${user.id}/role`, { role: 'superuser' });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().errors).toEqual([{ field: 'role', message: message('sv', 'field.invalidOption') }]);
    expect((await me(client)).role).toBe('user');
  });
});
