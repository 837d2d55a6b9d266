import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { message } from '../../shared/messages';
import type { Contact, OrganisationDetail } from '../../shared/organisations';
import { auditLog, contacts, organisations } from '../../server/db/schema/index';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, inputFrom, organisationInput, orgNumber, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// Registering, reading and keeping an organisation's profile and contact people, through the API.

let t: TestApp;
let visitor: ApiClient;
beforeAll(async () => {
  t = await buildTestApp();
  visitor = new ApiClient(t.app);
});
afterAll(() => t.close());

const DAY = 24 * 3600_000;


const get = async (ref: string, client: ApiClient = visitor): Promise<OrganisationDetail> => {
  const response = await client.get(`/api/organisations/${ref}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const totalOrganisations = async () => (await visitor.get('/api/organisations?pageSize=1')).json().total as number;

describe('registering an organisation', () => {
  it('answers 201 with the profile, and the creator becomes its admin', async () => {
    const { user, client } = await signedInClient(t.app, 'user');
    const input = organisationInput({
      name: 'Hjälpande Händer Hägersten',
      description: 'Vi hjälper grannar.',
      website: 'https://hjalpande.example',
      email: 'Info@Hjalpande.Example',
      phone: '08-123 456 78',
      sizeClass: 'from50to249',
      districts: ['hagersten-alvsjo'],
      targetGroups: ['aldre', 'anhoriga'],
      administrations: ['sdf-hagersten-alvsjo'],
      resources: ['volontarer'],
      resourceDescription: 'Tio volontärer på helger.',
    });
    const response = await client.post('/api/organisations', input);
    expect(response.statusCode).toBe(201);
    const created: OrganisationDetail = response.json();
    expect(created).toMatchObject({
      slug: 'hjalpande-hander-hagersten',
      name: 'Hjälpande Händer Hägersten',
      orgNumber: input.orgNumber,
      legalForm: 'nonProfitAssociation',
      description: 'Vi hjälper grannar.',
      website: 'https://hjalpande.example',
      email: 'info@hjalpande.example',
      phone: '08-123 456 78',
      sizeClass: 'from50to249',
      signedAgreement: false,
      signedAt: null,
      districts: ['hagersten-alvsjo'],
      administrations: ['sdf-hagersten-alvsjo'],
      resources: ['volontarer'],
      resourceDescription: 'Tio volontärer på helger.',
      contacts: [],
      viewer: { canEdit: true, canManageMembers: true, membership: { role: 'admin', status: 'active' } },
    });
    expect(created.targetGroups.sort()).toEqual(['aldre', 'anhoriga']);

    // The creator's account and the member list say the same.
    const me = (await client.get('/api/auth/me')).json();
    expect(me.user.memberships).toEqual([
      { organisationId: created.id, organisationSlug: created.slug, organisationName: created.name, role: 'admin', status: 'active' },
    ]);
    const members = (await client.get(`/api/organisations/${created.id}/members`)).json();
    expect(members.items).toEqual([expect.objectContaining({ userId: user.id, role: 'admin', status: 'active' })]);
    expect(await get(created.id, client)).toMatchObject({ viewer: { canEdit: true, membership: { role: 'admin', status: 'active' } } });
  });

  it('does not make a coordinator who registers an organisation its member', async () => {
    const { client } = await signedInClient(t.app, 'coordinator');
    const response = await client.post('/api/organisations', organisationInput());
    expect(response.statusCode).toBe(201);
    const created: OrganisationDetail = response.json();
    expect(created.viewer).toEqual({ canEdit: true, canManageMembers: true, membership: null });
    expect((await get(created.id, client)).viewer).toEqual(created.viewer);
    expect((await client.get(`/api/organisations/${created.id}/members`)).json().items).toEqual([]);
  });

  it('gives a second organisation with the same name its own slug', async () => {
    const first = await createOrganisation(t.app, { name: 'Samma Namn' });
    const second = await createOrganisation(t.app, { name: 'Samma Namn' });
    expect(first.organisation.slug).toBe('samma-namn');
    expect(second.organisation.slug).toBe('samma-namn-2');
    expect((await get('samma-namn-2')).id).toBe(second.organisation.id);
  });

  it('never gives a slug the app or the API uses for something else, or one shaped like an id', async () => {
    const { client } = await signedInClient(t.app, 'coordinator');
    const register = async (name: string) => {
      const response = await client.post('/api/organisations', organisationInput({ name }));
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as OrganisationDetail;
    };
    // "/api/organisations/overview" is the overview and "/organisationer/ny" the registration form.
    const overview = await register('Overview');
    const ny = await register('NY');
    expect(overview.slug).toBe('overview-2');
    expect(ny.slug).toBe('ny-2');
    expect((await get('overview-2')).id).toBe(overview.id);
    expect((await get('ny-2')).id).toBe(ny.id);
    // An address typed or linked with capitals finds it too (slugs are lower case).
    expect((await get('Overview-2')).id).toBe(overview.id);
    // A name that is another organisation's id does not take over that id's address.
    const named = await register(overview.id);
    expect(named.slug).toBe(`${overview.id}-2`);
    expect((await get(overview.id)).id).toBe(overview.id);
  });

  it('finds an organisation by its id even when another one has that id as its slug', async () => {
    const victim = await createOrganisation(t.app);
    const other = await createOrganisation(t.app);
    // A slug from before ids were reserved (or written by hand).
    await t.app.db.update(organisations).set({ slug: victim.organisation.id }).where(eq(organisations.id, other.organisation.id));
    for (let i = 0; i < 3; i++) expect((await get(victim.organisation.id)).id).toBe(victim.organisation.id);
    const edit = await victim.adminClient.put(`/api/organisations/${victim.organisation.id}`, { ...inputFrom(victim.organisation), description: 'Vår egen.' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ id: victim.organisation.id, description: 'Vår egen.' });
  });

  it('gives every one of many organisations of the same name its own slug (it refused the 21st)', async () => {
    const { client } = await signedInClient(t.app, 'coordinator');
    const slugs: string[] = [];
    for (let i = 0; i < 22; i++) {
      // Cyrillic letters leave nothing for a slug: every one of these starts from "organisation".
      const response = await client.post('/api/organisations', organisationInput({ name: 'Украинцы в Стокгольме' }));
      expect(response.statusCode, response.body).toBe(201);
      slugs.push(response.json().slug);
    }
    expect(new Set(slugs).size).toBe(22);
    expect(slugs.slice(0, 2)).toEqual(['organisation', 'organisation-2']);
  });

  it('cuts a long name’s slug at 60 characters without leaving a hyphen at the end', async () => {
    const { organisation } = await createOrganisation(t.app, { name: `${'a'.repeat(59)} bcd` });
    expect(organisation.slug).toBe('a'.repeat(59));
    expect(organisation.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('refuses visitors', async () => {
    const before = await totalOrganisations();
    const response = await visitor.post('/api/organisations', organisationInput());
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe(message('sv', 'error.unauthorized'));
    expect(await totalOrganisations()).toBe(before);
  });
});

describe('organisation numbers', () => {
  it('stores ten digits, with or without a hyphen or surrounding spaces, as NNNNNN-NNNN', async () => {
    const { client } = await signedInClient(t.app, 'user');
    for (const write of [(n: string) => n.replace('-', ''), (n: string) => `  ${n}  `, (n: string) => ` ${n.replace('-', '')} `]) {
      const number = orgNumber();
      const response = await client.post('/api/organisations', organisationInput({ orgNumber: write(number) }));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().orgNumber).toBe(number);
      expect((await get(response.json().slug)).orgNumber).toBe(number);
    }
  });

  it('refuses digits split by a space, other lengths and a wrong check digit', async () => {
    const { client } = await signedInClient(t.app, 'user');
    const number = orgNumber();
    const wrongCheck = number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10);
    const cases: [string, 'orgNumber.format' | 'orgNumber.checksum'][] = [
      [number.replace('-', ' '), 'orgNumber.format'],
      [number.replace('-', '').slice(0, 9), 'orgNumber.format'],
      [`${number}1`, 'orgNumber.format'],
      [wrongCheck, 'orgNumber.checksum'],
    ];
    for (const [value, key] of cases) {
      const response = await client.post('/api/organisations', organisationInput({ orgNumber: value }));
      expect(response.statusCode, value).toBe(400);
      expect(response.json().errors, value).toEqual([{ field: 'orgNumber', message: message('sv', key) }]);
    }
  });

  it('refuses a number that is already registered, however it is written, with 409', async () => {
    const number = orgNumber();
    await createOrganisation(t.app, { orgNumber: number, name: 'Först på plats' });
    const before = await totalOrganisations();
    const { client } = await signedInClient(t.app, 'user', 'en');
    for (const written of [number, number.replace('-', '')]) {
      const response = await client.post('/api/organisations', organisationInput({ orgNumber: written }));
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 409,
        detail: message('en', 'error.orgNumberTaken'),
        errors: [{ field: 'orgNumber', message: message('en', 'error.orgNumberTaken') }],
      });
    }
    expect(await totalOrganisations()).toBe(before);
    // Nor does the one who registered it lose it.
    expect((await client.get('/api/auth/me')).json().user.memberships).toEqual([]);
  });

  it('refuses to change a profile to another organisation’s number', async () => {
    const taken = await createOrganisation(t.app);
    const { organisation, adminClient } = await createOrganisation(t.app);
    const response = await adminClient.put(`/api/organisations/${organisation.id}`, { ...inputFrom(organisation), orgNumber: taken.organisation.orgNumber });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([{ field: 'orgNumber', message: message('sv', 'error.orgNumberTaken') }]);
    expect((await get(organisation.id)).orgNumber).toBe(organisation.orgNumber);
  });
});

describe('the signed agreement', () => {
  it('takes a signing date only when the agreement is signed', async () => {
    const { client } = await signedInClient(t.app, 'user');
    const before = await totalOrganisations();
    const refused = await client.post('/api/organisations', organisationInput({ signedAgreement: false, signedAt: '2024-05-01' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'signedAt', message: message('sv', 'signedAt.requiresSigned') }]);
    expect(await totalOrganisations()).toBe(before);

    const signed = await client.post('/api/organisations', organisationInput({ signedAgreement: true, signedAt: '2024-05-01' }));
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({ signedAgreement: true, signedAt: '2024-05-01' });

    // Signed without a date is fine; an empty date counts as none.
    const undated = await client.post('/api/organisations', organisationInput({ signedAgreement: true, signedAt: '' }));
    expect(undated.statusCode).toBe(201);
    expect(undated.json()).toMatchObject({ signedAgreement: true, signedAt: null });
  });

  it('forgets the date when the agreement is no longer signed', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app, { signedAgreement: true, signedAt: '2023-11-15' });
    expect(organisation.signedAt).toBe('2023-11-15');
    const { signedAt, ...rest } = inputFrom(organisation);
    expect(signedAt).toBe('2023-11-15');
    const response = await adminClient.put(`/api/organisations/${organisation.id}`, { ...rest, signedAgreement: false });
    expect(response.statusCode).toBe(200);
    expect(await get(organisation.id)).toMatchObject({ signedAgreement: false, signedAt: null });
  });
});

describe('reference values on a profile', () => {
  it('names the field holding an unknown value, and registers nothing', async () => {
    const { client } = await signedInClient(t.app, 'user');
    const before = await totalOrganisations();
    const unknownDistrict = await client.post('/api/organisations', organisationInput({ districts: ['sodermalm', 'atlantis'] }));
    expect(unknownDistrict.statusCode).toBe(400);
    expect(unknownDistrict.json().errors).toEqual([{ field: 'districts', message: message('sv', 'error.unknownReference', { field: 'districts' }) }]);

    // A target group's slug is not a resource; every offending field is named once.
    const wrongKind = await client.post('/api/organisations', organisationInput({ resources: ['aldre', 'barn-och-unga'], administrations: ['sodermalm'] }));
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors).toEqual([
      { field: 'administrations', message: message('sv', 'error.unknownReference', { field: 'administrations' }) },
      { field: 'resources', message: message('sv', 'error.unknownReference', { field: 'resources' }) },
    ]);
    expect(await totalOrganisations()).toBe(before);
  });

  it('refuses an unknown value on edit and keeps the old values', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app, { targetGroups: ['aldre'] });
    const response = await adminClient.put(`/api/organisations/${organisation.id}`, { ...inputFrom(organisation), targetGroups: ['aldre', 'marsianer'], name: 'Nytt namn' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'targetGroups', message: message('sv', 'error.unknownReference', { field: 'targetGroups' }) }]);
    expect(await get(organisation.id)).toMatchObject({ name: organisation.name, targetGroups: ['aldre'] });
  });
});

describe('reading a profile', () => {
  it('finds the same profile by id and by slug, and 404s for unknown ones', async () => {
    const { organisation } = await createOrganisation(t.app, { name: 'Uppslagsföreningen' });
    const byId = await get(organisation.id);
    const bySlug = await get('uppslagsforeningen');
    expect(bySlug).toEqual(byId);
    expect(byId).toMatchObject({ id: organisation.id, name: 'Uppslagsföreningen', viewer: { canEdit: false, canManageMembers: false, membership: null } });
    for (const ref of ['finns-inte', '00000000-0000-4000-8000-000000000000']) {
      const missing = await visitor.get(`/api/organisations/${ref}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().detail).toBe(message('sv', 'error.notFound'));
    }
  });

  it('shows contact people’s e-mail and phone to signed-in people only', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app, { email: 'kansli@forening.example', phone: '08-111 222 33' });
    const added = await adminClient.post(`/api/organisations/${organisation.id}/contacts`, { name: 'Kim Kontakt', title: 'Ordförande', email: 'kim@forening.example', phone: '070-123 45 67' });
    expect(added.statusCode).toBe(201);

    const seenByVisitor = await get(organisation.slug);
    expect(seenByVisitor.contacts).toEqual([expect.objectContaining({ name: 'Kim Kontakt', title: 'Ordförande', email: null, phone: null })]);
    expect(JSON.stringify(seenByVisitor)).not.toContain('kim@forening.example');
    expect(JSON.stringify(seenByVisitor)).not.toContain('070-123 45 67');
    // The organisation's own address is public.
    expect(seenByVisitor).toMatchObject({ email: 'kansli@forening.example', phone: '08-111 222 33' });

    const { client: stranger } = await signedInClient(t.app, 'user');
    const seenSignedIn = await get(organisation.slug, stranger);
    expect(seenSignedIn.contacts).toEqual([expect.objectContaining({ name: 'Kim Kontakt', email: 'kim@forening.example', phone: '070-123 45 67' })]);
    expect(seenSignedIn.viewer).toEqual({ canEdit: false, canManageMembers: false, membership: null });
  });
});

describe('editing a profile', () => {
  it('lets the organisation’s admin edit, and everyone sees the change', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app, { name: 'Redigeringsföreningen', districts: ['sodermalm'], resources: ['lokaler'] });
    const edited = {
      ...inputFrom(organisation),
      name: 'Redigeringsföreningen Ny',
      description: 'Ny beskrivning.',
      website: 'https://ny.example',
      legalForm: 'foundation' as const,
      sizeClass: 'from250' as const,
      signedAgreement: true,
      signedAt: '2025-01-31',
      districts: ['bromma', 'farsta'],
      resources: [],
      resourceDescription: 'Inget att låna ut just nu.',
    };
    const response = await adminClient.put(`/api/organisations/${organisation.id}`, edited);
    expect(response.statusCode).toBe(200);
    const expectedProfile = {
      id: organisation.id,
      slug: organisation.slug, // the address stays the same after a rename
      name: 'Redigeringsföreningen Ny',
      description: 'Ny beskrivning.',
      website: 'https://ny.example',
      legalForm: 'foundation',
      sizeClass: 'from250',
      signedAgreement: true,
      signedAt: '2025-01-31',
      resources: [],
      resourceDescription: 'Inget att låna ut just nu.',
    };
    expect(response.json()).toMatchObject(expectedProfile);
    const seen = await get(organisation.slug);
    expect(seen).toMatchObject(expectedProfile);
    expect(seen.districts.sort()).toEqual(['bromma', 'farsta']);
    const listed = (await visitor.get('/api/organisations?q=redigeringsforeningen%20ny')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(organisation.id);
  });

  it('lets the coordinator and an administrator edit any organisation', async () => {
    const { organisation } = await createOrganisation(t.app);
    for (const role of ['coordinator', 'admin'] as const) {
      const { client } = await signedInClient(t.app, role);
      const response = await client.put(`/api/organisations/${organisation.id}`, { ...inputFrom(organisation), name: `Ändrad av ${role}` });
      expect(response.statusCode, role).toBe(200);
      expect((await get(organisation.id)).name).toBe(`Ändrad av ${role}`);
    }
  });

  it('refuses others and leaves the profile unchanged', async () => {
    const { organisation } = await createOrganisation(t.app, { name: 'Orörda föreningen' });
    const { adminClient: otherAdmin } = await createOrganisation(t.app);
    const attempts: [ApiClient, number][] = [
      [visitor, 401],
      [(await signedInClient(t.app, 'user')).client, 403],
      [(await signedInClient(t.app, 'official')).client, 403],
      [otherAdmin, 403],
    ];
    for (const [client, status] of attempts) {
      const response = await client.put(`/api/organisations/${organisation.id}`, { ...inputFrom(organisation), name: 'Kapad' });
      expect(response.statusCode).toBe(status);
    }
    expect((await get(organisation.id)).name).toBe('Orörda föreningen');
  });

  it('saves a profile sent back unchanged without touching it: same updated time, no audit entry', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app, { website: 'https://oforandrad.example', signedAgreement: true, signedAt: '2024-03-01' });
    const audits = async () => (await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, organisation.id))).length;
    const before = await audits();
    const response = await adminClient.put(`/api/organisations/${organisation.id}`, inputFrom(organisation));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(organisation);
    expect(await audits()).toBe(before);
    // A real change still counts.
    const changed = await adminClient.put(`/api/organisations/${organisation.id}`, { ...inputFrom(organisation), districts: ['farsta'] });
    expect(changed.json().districts).toEqual(['farsta']);
    expect(Date.parse(changed.json().updatedAt)).toBeGreaterThan(Date.parse(organisation.updatedAt));
    expect(await audits()).toBe(before + 1);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const { client } = await signedInClient(t.app, 'coordinator');
    const response = await client.put('/api/organisations/00000000-0000-4000-8000-000000000000', organisationInput());
    expect(response.statusCode).toBe(404);
  });
});

describe('contact people', () => {
  it('adds, updates and removes contact people', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const base = `/api/organisations/${organisation.id}/contacts`;

    const added = await adminClient.post(base, { name: 'Alva Andersson', title: 'Ordförande', email: 'Alva@Forening.Example', phone: '08-765 432 10' });
    expect(added.statusCode).toBe(201);
    const alva: Contact = added.json();
    expect(alva).toMatchObject({ name: 'Alva Andersson', title: 'Ordförande', email: 'alva@forening.example', phone: '08-765 432 10', needsConfirmation: false });
    expect(Math.abs(Date.parse(alva.lastConfirmedAt) - Date.now())).toBeLessThan(60_000);
    const bo: Contact = (await adminClient.post(base, { name: 'Bo Berg' })).json();
    expect(bo).toMatchObject({ name: 'Bo Berg', title: '', email: null, phone: null });
    expect((await get(organisation.id, adminClient)).contacts.map((c) => c.name)).toEqual(['Alva Andersson', 'Bo Berg']);

    const updated = await adminClient.put(`${base}/${alva.id}`, { name: 'Alva Andersson', title: 'Kassör', phone: '08-111 111 11' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: alva.id, title: 'Kassör', email: null, phone: '08-111 111 11' });
    expect((await get(organisation.id, adminClient)).contacts.find((c) => c.id === alva.id)).toMatchObject({ title: 'Kassör', email: null, phone: '08-111 111 11' });

    const removed = await adminClient.delete(`${base}/${bo.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await get(organisation.id, adminClient)).contacts.map((c) => c.name)).toEqual(['Alva Andersson']);
    const again = await adminClient.delete(`${base}/${bo.id}`);
    expect(again.statusCode).toBe(404);
    expect((await adminClient.put(`${base}/${bo.id}`, { name: 'Bo Berg' })).statusCode).toBe(404);
  });

  it('keeps each organisation’s contact people its own', async () => {
    const mine = await createOrganisation(t.app);
    const theirs = await createOrganisation(t.app);
    const their: Contact = (await theirs.adminClient.post(`/api/organisations/${theirs.organisation.id}/contacts`, { name: 'Deras Kontakt' })).json();
    // Through my organisation's address, their contact does not exist…
    const base = `/api/organisations/${mine.organisation.id}/contacts/${their.id}`;
    expect((await mine.adminClient.put(base, { name: 'Kapad' })).statusCode).toBe(404);
    expect((await mine.adminClient.post(`${base}/confirm`)).statusCode).toBe(404);
    expect((await mine.adminClient.delete(base)).statusCode).toBe(404);
    // …and through theirs I may not touch it.
    expect((await mine.adminClient.delete(`/api/organisations/${theirs.organisation.id}/contacts/${their.id}`)).statusCode).toBe(403);
    expect((await get(theirs.organisation.id)).contacts).toEqual([expect.objectContaining({ id: their.id, name: 'Deras Kontakt' })]);
  });

  it('flags contact people not confirmed for more than a year, and one click confirms them again', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const base = `/api/organisations/${organisation.id}/contacts`;
    const old: Contact = (await adminClient.post(base, { name: 'Gammal Kontakt' })).json();
    const elevenMonths: Contact = (await adminClient.post(base, { name: 'Nästan Gammal' })).json();
    const edited: Contact = (await adminClient.post(base, { name: 'Redigerad Kontakt' })).json();
    const age = async (id: string, days: number) =>
      t.app.db.update(contacts).set({ lastConfirmedAt: new Date(Date.now() - days * DAY) }).where(eq(contacts.id, id));
    await age(old.id, 400);
    await age(elevenMonths.id, 330);
    await age(edited.id, 366);

    const flags = async (client: ApiClient) => Object.fromEntries((await get(organisation.id, client)).contacts.map((c) => [c.name, c.needsConfirmation]));
    expect(await flags(adminClient)).toEqual({ 'Gammal Kontakt': true, 'Nästan Gammal': false, 'Redigerad Kontakt': true });
    expect(await flags(visitor)).toEqual({ 'Gammal Kontakt': true, 'Nästan Gammal': false, 'Redigerad Kontakt': true });

    const confirmed = await adminClient.post(`${base}/${old.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ id: old.id, name: 'Gammal Kontakt', needsConfirmation: false });
    expect(Math.abs(Date.parse(confirmed.json().lastConfirmedAt) - Date.now())).toBeLessThan(60_000);

    // Saving a contact counts as confirming it too.
    expect((await adminClient.put(`${base}/${edited.id}`, { name: 'Redigerad Kontakt', title: 'Sekreterare' })).json().needsConfirmation).toBe(false);
    expect(await flags(adminClient)).toEqual({ 'Gammal Kontakt': false, 'Nästan Gammal': false, 'Redigerad Kontakt': false });
  });

  it('confirms a contact once: a second click the same day changes nothing and is not audited again', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const base = `/api/organisations/${organisation.id}/contacts`;
    const contact: Contact = (await adminClient.post(base, { name: 'Dubbel Klick' })).json();
    await t.app.db.update(contacts).set({ lastConfirmedAt: new Date(Date.now() - 400 * DAY) }).where(eq(contacts.id, contact.id));
    const confirms = async () => (await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, organisation.id))).filter((a) => a.action === 'contact.confirm').length;

    const first = await adminClient.post(`${base}/${contact.id}/confirm`);
    expect(first.json()).toMatchObject({ needsConfirmation: false });
    const second = await adminClient.post(`${base}/${contact.id}/confirm`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await confirms()).toBe(1);
    // Saving it unchanged right after is no news either; a change is.
    expect((await adminClient.put(`${base}/${contact.id}`, { name: 'Dubbel Klick' })).json()).toEqual(first.json());
    expect((await adminClient.put(`${base}/${contact.id}`, { name: 'Dubbel Klick', title: 'Kassör' })).json()).toMatchObject({ title: 'Kassör' });
    expect((await t.app.db.select().from(auditLog).where(eq(auditLog.targetId, organisation.id)).orderBy(auditLog.id)).map((a) => a.action).filter((a) => a.startsWith('contact.'))).toEqual([
      'contact.create',
      'contact.confirm',
      'contact.update',
    ]);
  });

  it('lets the coordinator keep contacts, but not a member or a stranger', async () => {
    const { organisation, adminClient } = await createOrganisation(t.app);
    const base = `/api/organisations/${organisation.id}/contacts`;
    const contact: Contact = (await adminClient.post(base, { name: 'Kvar Kontakt' })).json();
    await t.app.db.update(contacts).set({ lastConfirmedAt: new Date(Date.now() - 500 * DAY) }).where(eq(contacts.id, contact.id));

    const { client: stranger } = await signedInClient(t.app, 'user');
    expect((await stranger.post(`${base}/${contact.id}/confirm`)).statusCode).toBe(403);
    expect((await stranger.post(base, { name: 'Inkräktare' })).statusCode).toBe(403);
    expect((await visitor.post(base, { name: 'Inkräktare' })).statusCode).toBe(401);
    expect((await get(organisation.id)).contacts).toEqual([expect.objectContaining({ name: 'Kvar Kontakt', needsConfirmation: true })]);

    const { client: coordinator } = await signedInClient(t.app, 'coordinator');
    expect((await coordinator.post(`${base}/${contact.id}/confirm`)).statusCode).toBe(200);
    expect((await coordinator.post(base, { name: 'Samordnarens Kontakt' })).statusCode).toBe(201);
    expect((await get(organisation.id)).contacts.map((c) => [c.name, c.needsConfirmation])).toEqual([
      ['Kvar Kontakt', false],
      ['Samordnarens Kontakt', false],
    ]);
  });
});
