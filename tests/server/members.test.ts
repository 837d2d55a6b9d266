import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { message } from '../../shared/messages';
import { auditLog, events as eventsTable, memberships } from '../../server/db/schema/index';
import type { Member, OrganisationDetail, OrganisationInput } from '../../shared/organisations';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, organisationInput, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// Joining an organisation, its admins approving and promoting, and the rule that an organisation
// always keeps at least one admin, even when two admins act at the same moment.

let t: TestApp;
let visitor: ApiClient;
beforeAll(async () => {
  t = await buildTestApp();
  visitor = new ApiClient(t.app);
});
afterAll(() => t.close());

const members = (id: string) => `/api/organisations/${id}/members`;

const asInput = (o: OrganisationDetail): OrganisationInput =>
  organisationInput({ name: o.name, orgNumber: o.orgNumber, legalForm: o.legalForm, sizeClass: o.sizeClass, districts: o.districts, targetGroups: o.targetGroups, administrations: o.administrations, resources: o.resources });

async function memberList(client: ApiClient, organisationId: string): Promise<Member[]> {
  const response = await client.get(members(organisationId));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function myMemberships(client: ApiClient) {
  return (await client.get('/api/auth/me')).json().user.memberships as { organisationId: string; role: string; status: string }[];
}

const adminsOf = async (client: ApiClient, organisationId: string) =>
  (await memberList(client, organisationId)).filter((m) => m.role === 'admin' && m.status === 'active').map((m) => m.userId);

/** An organisation with its creator as admin and one more person, approved and promoted to admin. */
async function twoAdmins() {
  const { organisation, admin, adminClient } = await createOrganisation(t.app);
  const second = await signedInClient(t.app, 'user');
  expect((await second.client.post(members(organisation.id))).statusCode).toBe(201);
  expect((await adminClient.post(`${members(organisation.id)}/${second.user.id}/approve`)).statusCode).toBe(200);
  expect((await adminClient.patch(`${members(organisation.id)}/${second.user.id}`, { role: 'admin' })).statusCode).toBe(200);
  return { organisationId: organisation.id as string, a: { id: admin.id, client: adminClient }, b: { id: second.user.id, client: second.client } };
}

describe('joining', () => {
  it('makes a join request pending until an admin approves it', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');

    const asked = await client.post(members(organisation.id));
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ userId: user.id, name: 'Test user', email: user.email, role: 'member', status: 'pending' });
    expect(await myMemberships(client)).toEqual([expect.objectContaining({ organisationId: organisation.id, role: 'member', status: 'pending' })]);
    expect((await client.get(`/api/organisations/${organisation.id}`)).json().viewer).toEqual({
      canEdit: false,
      canManageMembers: false,
      membership: { role: 'member', status: 'pending' },
    });

    // Asking again is a conflict, in the caller's language.
    const twice = await client.post(members(organisation.id));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(message('sv', 'error.alreadyMember'));
    client.locale = 'en';
    expect((await client.post(members(organisation.id))).json().detail).toBe(message('en', 'error.alreadyMember'));

    // A pending person cannot approve themselves.
    expect((await client.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(403);

    const approved = await adminClient.post(`${members(organisation.id)}/${user.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ userId: user.id, role: 'member', status: 'active' });
    expect(await myMemberships(client)).toEqual([expect.objectContaining({ organisationId: organisation.id, role: 'member', status: 'active' })]);

    // Being a member does not make one an editor.
    expect((await client.get(`/api/organisations/${organisation.id}`)).json().viewer).toEqual({
      canEdit: false,
      canManageMembers: false,
      membership: { role: 'member', status: 'active' },
    });
    expect((await client.put(`/api/organisations/${organisation.id}`, asInput(organisation))).statusCode).toBe(403);
    expect((await client.post(members(organisation.id))).statusCode).toBe(409);
  });

  it('refuses an admin asking to join their own organisation, and visitors', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const own = await adminClient.post(members(organisation.id));
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toBe(message('sv', 'error.alreadyMember'));
    expect((await visitor.post(members(organisation.id))).statusCode).toBe(401);
    expect((await (await signedInClient(t.app)).client.post(members('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });

  it('lets only an admin of that organisation (or staff) approve', async () => {
    const { organisation } = await createOrganisation(t.app);
    const { adminClient: otherAdmin } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');
    await client.post(members(organisation.id));
    expect((await otherAdmin.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(403);
    expect((await (await signedInClient(t.app, 'official')).client.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(403);
    expect((await myMemberships(client))[0].status).toBe('pending');
    const { client: coordinator } = await signedInClient(t.app, 'coordinator');
    expect((await coordinator.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(200);
    expect((await myMemberships(client))[0].status).toBe('active');
  });

  it('records one decision when a request is approved twice, or by two admins: the first approver’s', async () => {
    const { organisation, admin, adminClient } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');
    await client.post(members(organisation.id));
    const events = async () => (await t.app.db.select().from(eventsTable).where(eq(eventsTable.room, `user:${user.id}`))).length;
    const eventsBefore = await events();
    expect((await adminClient.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(200);
    const { client: coordinator } = await signedInClient(t.app, 'coordinator');
    const again = await coordinator.post(`${members(organisation.id)}/${user.id}/approve`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ userId: user.id, status: 'active', role: 'member' });
    const [row] = await t.app.db.select().from(memberships).where(and(eq(memberships.organisationId, organisation.id), eq(memberships.userId, user.id)));
    expect(row.decidedBy).toBe(admin.id);
    const approvals = await t.app.db.select().from(auditLog).where(and(eq(auditLog.targetId, organisation.id), eq(auditLog.action, 'membership.approve')));
    expect(approvals).toHaveLength(1);
    // One account.changed for the approval; none for the repeat, nor for a role the person has.
    expect((await adminClient.patch(`${members(organisation.id)}/${user.id}`, { role: 'member' })).statusCode).toBe(200);
    expect(await events()).toBe(eventsBefore + 1);
  });

  it('answers 404 when approving or promoting someone who never asked', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const { user } = await signedInClient(t.app, 'user');
    expect((await adminClient.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(404);
    expect((await adminClient.patch(`${members(organisation.id)}/${user.id}`, { role: 'admin' })).statusCode).toBe(404);
    expect((await adminClient.delete(`${members(organisation.id)}/${user.id}`)).statusCode).toBe(404);
    expect(await myMemberships((await signedInClient(t.app)).client)).toEqual([]);
  });
});

describe('the member list', () => {
  it('shows requests first, then members, with names, e-mails, roles and statuses', async () => {
    const { organisation, admin, adminClient } = await createOrganisation(t.app);
    const joiner = await signedInClient(t.app, 'user');
    const asker = await signedInClient(t.app, 'user');
    await joiner.client.post(members(organisation.id));
    await adminClient.post(`${members(organisation.id)}/${joiner.user.id}/approve`);
    await asker.client.post(members(organisation.id));

    const list = await memberList(adminClient, organisation.id);
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ userId: asker.user.id, email: asker.user.email, role: 'member', status: 'pending' });
    expect(list.slice(1).map((m) => [m.userId, m.role, m.status]).sort()).toEqual(
      [
        [admin.id, 'admin', 'active'],
        [joiner.user.id, 'member', 'active'],
      ].sort(),
    );
    for (const m of list) expect(Number.isNaN(Date.parse(m.requestedAt))).toBe(false);
  });

  it('is for the organisation’s admins and staff only', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const member = await signedInClient(t.app, 'user');
    await member.client.post(members(organisation.id));
    await adminClient.post(`${members(organisation.id)}/${member.user.id}/approve`);
    const { adminClient: otherAdmin } = await createOrganisation(t.app);

    expect((await visitor.get(members(organisation.id))).statusCode).toBe(401);
    const refused = await member.client.get(members(organisation.id));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe(message('sv', 'error.forbidden'));
    expect((await otherAdmin.get(members(organisation.id))).statusCode).toBe(403);
    expect((await (await signedInClient(t.app, 'official')).client.get(members(organisation.id))).statusCode).toBe(403);
    for (const role of ['coordinator', 'admin'] as const) {
      expect(await memberList((await signedInClient(t.app, role)).client, organisation.id)).toHaveLength(2);
    }
  });
});

describe('admins', () => {
  it('refuses to change the role of someone who has only asked to join', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');
    await client.post(members(organisation.id));
    const promoted = await adminClient.patch(`${members(organisation.id)}/${user.id}`, { role: 'admin' });
    expect(promoted.statusCode).toBe(409);
    expect(promoted.json().detail).toMatch(/Godkänn ansökan/);
    expect(await myMemberships(client)).toEqual([expect.objectContaining({ organisationId: organisation.id, role: 'member', status: 'pending' })]);
  });

  it('promotes a member to admin, who may then edit, and demotes them again', async () => {
    const { organisation, admin, adminClient } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');
    await client.post(members(organisation.id));
    await adminClient.post(`${members(organisation.id)}/${user.id}/approve`);

    const promoted = await adminClient.patch(`${members(organisation.id)}/${user.id}`, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ userId: user.id, role: 'admin', status: 'active' });
    expect((await client.get(`/api/organisations/${organisation.id}`)).json().viewer).toMatchObject({ canEdit: true, canManageMembers: true });
    const edited = await client.put(`/api/organisations/${organisation.id}`, { ...asInput(organisation), name: 'Ändrad av nya admin' });
    expect(edited.statusCode).toBe(200);
    expect((await visitor.get(`/api/organisations/${organisation.id}`)).json().name).toBe('Ändrad av nya admin');
    expect((await adminsOf(client, organisation.id)).sort()).toEqual([admin.id, user.id].sort());

    // The new admin may demote the one who promoted them.
    const demoted = await client.patch(`${members(organisation.id)}/${admin.id}`, { role: 'member' });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json()).toMatchObject({ userId: admin.id, role: 'member', status: 'active' });
    expect((await adminClient.put(`/api/organisations/${organisation.id}`, asInput(organisation))).statusCode).toBe(403);
    expect(await adminsOf(client, organisation.id)).toEqual([user.id]);
  });

  it('never lets the last admin be demoted or removed, by anyone', async () => {
    const { organisation, admin, adminClient } = await createOrganisation(t.app);
    const member = await signedInClient(t.app, 'user');
    await member.client.post(members(organisation.id));
    await adminClient.post(`${members(organisation.id)}/${member.user.id}/approve`);
    const { client: coordinator } = await signedInClient(t.app, 'coordinator');

    for (const client of [adminClient, coordinator]) {
      const demote = await client.patch(`${members(organisation.id)}/${admin.id}`, { role: 'member' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().detail).toBe(message('sv', 'error.lastAdmin'));
      const remove = await client.delete(`${members(organisation.id)}/${admin.id}`);
      expect(remove.statusCode).toBe(409);
      expect(remove.json().detail).toBe(message('sv', 'error.lastAdmin'));
    }
    adminClient.locale = 'en';
    expect((await adminClient.delete(`${members(organisation.id)}/${admin.id}`)).json().detail).toBe(message('en', 'error.lastAdmin'));
    // Making the last admin an admin again changes nothing and is fine.
    expect((await adminClient.patch(`${members(organisation.id)}/${admin.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect(await adminsOf(adminClient, organisation.id)).toEqual([admin.id]);
    expect((await adminClient.put(`/api/organisations/${organisation.id}`, asInput(organisation))).statusCode).toBe(200);
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const { organisationId, a, b } = await twoAdmins();
      const results = await Promise.all([
        a.client.patch(`${members(organisationId)}/${b.id}`, { role: 'member' }),
        b.client.patch(`${members(organisationId)}/${a.id}`, { role: 'member' }),
      ]);
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200), `round ${round}: ${statuses}`).toHaveLength(1);
      // The other one either lost the race at the last-admin check or was no longer an admin when it began.
      const loser = results.find((r) => r.statusCode !== 200)!;
      expect([403, 409]).toContain(loser.statusCode);
      if (loser.statusCode === 409) expect(loser.json().detail).toBe(message('sv', 'error.lastAdmin'));
      const { client: coordinator } = await signedInClient(t.app, 'coordinator');
      const admins = await adminsOf(coordinator, organisationId);
      expect(admins).toHaveLength(1);
      // The survivor is the one whose demotion did not happen.
      expect(admins[0]).toBe(statuses[0] === 200 ? a.id : b.id);
    }
  });

  it('keeps one admin when two admins remove each other, or both leave, at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const { organisationId, a, b } = await twoAdmins();
      const bothLeave = round % 2 === 1;
      const results = await Promise.all([
        a.client.delete(`${members(organisationId)}/${bothLeave ? a.id : b.id}`),
        b.client.delete(`${members(organisationId)}/${bothLeave ? b.id : a.id}`),
      ]);
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 204), `round ${round}: ${statuses}`).toHaveLength(1);
      const loser = results.find((r) => r.statusCode !== 204)!;
      expect(bothLeave ? [409] : [403, 409]).toContain(loser.statusCode);
      const { client: coordinator } = await signedInClient(t.app, 'coordinator');
      const list = await memberList(coordinator, organisationId);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ role: 'admin', status: 'active' });
    }
  });
});

describe('leaving and being removed', () => {
  it('lets a member leave, and ask again later', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');
    await client.post(members(organisation.id));
    await adminClient.post(`${members(organisation.id)}/${user.id}/approve`);

    expect((await client.delete(`${members(organisation.id)}/${user.id}`)).statusCode).toBe(204);
    expect(await myMemberships(client)).toEqual([]);
    expect((await memberList(adminClient, organisation.id)).map((m) => m.userId)).not.toContain(user.id);
    expect((await client.get(`/api/organisations/${organisation.id}`)).json().viewer.membership).toBeNull();

    const again = await client.post(members(organisation.id));
    expect(again.statusCode).toBe(201);
    expect(again.json().status).toBe('pending');
  });

  it('lets a member remove only themselves, not others', async () => {
    const { organisation, admin, adminClient } = await createOrganisation(t.app);
    const one = await signedInClient(t.app, 'user');
    const two = await signedInClient(t.app, 'user');
    for (const m of [one, two]) {
      await m.client.post(members(organisation.id));
      await adminClient.post(`${members(organisation.id)}/${m.user.id}/approve`);
    }
    expect((await one.client.delete(`${members(organisation.id)}/${two.user.id}`)).statusCode).toBe(403);
    expect((await one.client.delete(`${members(organisation.id)}/${admin.id}`)).statusCode).toBe(403);
    expect((await one.client.patch(`${members(organisation.id)}/${one.user.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect(await memberList(adminClient, organisation.id)).toHaveLength(3);
  });

  it('takes access away from a removed admin at once', async () => {
    const { organisationId, a, b } = await twoAdmins();
    const organisation = (await visitor.get(`/api/organisations/${organisationId}`)).json();
    expect((await b.client.put(`/api/organisations/${organisationId}`, asInput(organisation))).statusCode).toBe(200);

    expect((await a.client.delete(`${members(organisationId)}/${b.id}`)).statusCode).toBe(204);
    expect((await b.client.put(`/api/organisations/${organisationId}`, { ...asInput(organisation), name: 'Efter borttagning' })).statusCode).toBe(403);
    expect((await b.client.get(members(organisationId))).statusCode).toBe(403);
    expect((await b.client.post(`/api/organisations/${organisationId}/contacts`, { name: 'Smyg Kontakt' })).statusCode).toBe(403);
    const seen = (await b.client.get(`/api/organisations/${organisationId}`)).json();
    expect(seen).toMatchObject({ name: organisation.name, contacts: [], viewer: { canEdit: false, canManageMembers: false, membership: null } });
    expect(await myMemberships(b.client)).toEqual([]);
  });

  it('takes access away from a demoted admin at once', async () => {
    const { organisationId, a, b } = await twoAdmins();
    expect((await a.client.patch(`${members(organisationId)}/${b.id}`, { role: 'member' })).statusCode).toBe(200);
    expect((await b.client.post(`/api/organisations/${organisationId}/contacts`, { name: 'Smyg Kontakt' })).statusCode).toBe(403);
    expect((await b.client.get(members(organisationId))).statusCode).toBe(403);
    expect(await myMemberships(b.client)).toEqual([expect.objectContaining({ organisationId, role: 'member', status: 'active' })]);
  });

  it('declines a request: the person is not a member and may ask again', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const { user, client } = await signedInClient(t.app, 'user');
    await client.post(members(organisation.id));
    expect((await adminClient.delete(`${members(organisation.id)}/${user.id}`)).statusCode).toBe(204);
    expect(await myMemberships(client)).toEqual([]);
    expect((await memberList(adminClient, organisation.id)).map((m) => m.userId)).not.toContain(user.id);
    // Approving the declined request is no longer possible.
    expect((await adminClient.post(`${members(organisation.id)}/${user.id}/approve`)).statusCode).toBe(404);
    expect((await client.post(members(organisation.id))).statusCode).toBe(201);
  });
});
