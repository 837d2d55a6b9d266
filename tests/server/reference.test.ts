import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { message } from '../../shared/messages';
import { auditLog } from '../../server/db/schema/index';
import type { Overview } from '../../shared/organisations';
import type { ReferenceItem } from '../../shared/reference';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, organisationInput, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The coordinator keeps districts, administrations, target groups and resource kinds. Values in use
// are archived rather than deleted, so that existing profiles keep their meaning.

let t: TestApp;
let visitor: ApiClient;
let coordinator: ApiClient;
beforeAll(async () => {
  t = await buildTestApp();
  visitor = new ApiClient(t.app);
  coordinator = (await signedInClient(t.app, 'coordinator')).client;
});
afterAll(() => t.close());

const referenceList = async (): Promise<ReferenceItem[]> => {
  const response = await visitor.get('/api/reference');
  expect(response.statusCode).toBe(200);
  return response.json().items;
};
const find = async (id: string) => (await referenceList()).find((i) => i.id === id);
const overview = async (): Promise<Overview> => (await visitor.get('/api/organisations/overview')).json();

let counter = 0;
const uniqueSlug = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

async function create(client: ApiClient, input: Record<string, unknown>): Promise<ReferenceItem> {
  const response = await client.post('/api/reference', input);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('reading reference data', () => {
  it('gives everyone Stockholm’s districts, the administrations, target groups and resource kinds', async () => {
    const items = await referenceList();
    const ofKind = (kind: string) => items.filter((i) => i.kind === kind);
    expect(ofKind('district')).toHaveLength(13);
    expect(ofKind('administration')).toHaveLength(20);
    expect(ofKind('targetGroup')).toHaveLength(12);
    expect(ofKind('resource')).toHaveLength(9);
    expect(items.find((i) => i.kind === 'district' && i.slug === 'enskede-arsta-vantor')).toMatchObject({ nameSv: 'Enskede-Årsta-Vantör', archived: false });
    expect(items.find((i) => i.slug === 'socialforvaltningen')).toMatchObject({ kind: 'administration', nameSv: 'Socialförvaltningen', nameEn: 'Social Services Administration' });
    expect(items.every((i) => !i.archived)).toBe(true);
  });
});

describe('keeping reference data', () => {
  it('lets the coordinator add a value that organisations can then use', async () => {
    const slug = uniqueSlug('unga-vuxna');
    const created = await create(coordinator, { kind: 'targetGroup', slug, nameSv: 'Unga vuxna', nameEn: 'Young adults', sortOrder: 5 });
    expect(created).toMatchObject({ kind: 'targetGroup', slug, nameSv: 'Unga vuxna', nameEn: 'Young adults', sortOrder: 5, archived: false });
    expect(await find(created.id)).toEqual(created);

    const { organisation } = await createOrganisation(t.app, { targetGroups: [slug] });
    expect(organisation.targetGroups).toEqual([slug]);
    expect((await overview()).byTargetGroup).toContainEqual({ slug, count: 1 });
    expect((await visitor.get(`/api/organisations?targetGroup=${slug}`)).json().items.map((i: { id: string }) => i.id)).toEqual([organisation.id]);
  });

  it('lets an administrator do the same, but not other roles', async () => {
    const { client: admin } = await signedInClient(t.app, 'admin');
    await create(admin, { kind: 'resource', slug: uniqueSlug('cyklar'), nameSv: 'Cyklar', nameEn: 'Bicycles' });
    const before = (await referenceList()).length;
    for (const [client, status] of [
      [visitor, 401],
      [(await signedInClient(t.app, 'user')).client, 403],
      [(await signedInClient(t.app, 'official')).client, 403],
      [(await createOrganisation(t.app)).adminClient, 403],
    ] as const) {
      const response = await client.post('/api/reference', { kind: 'resource', slug: uniqueSlug('otillaten'), nameSv: 'Otillåten', nameEn: 'Not allowed' });
      expect(response.statusCode).toBe(status);
    }
    expect((await referenceList()).length).toBe(before);
  });

  it('renames a value; organisations using it keep it', async () => {
    const slug = uniqueSlug('sportlov');
    const item = await create(coordinator, { kind: 'resource', slug, nameSv: 'Sportlovsaktiviteter', nameEn: 'Winter-break activities' });
    const { organisation } = await createOrganisation(t.app, { resources: [slug] });

    const renamed = await coordinator.patch(`/api/reference/${item.id}`, { nameSv: 'Lovaktiviteter', nameEn: 'School-holiday activities', sortOrder: 2 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ ...item, nameSv: 'Lovaktiviteter', nameEn: 'School-holiday activities', sortOrder: 2 });
    expect(await find(item.id)).toEqual(renamed.json());
    expect((await visitor.get(`/api/organisations/${organisation.id}`)).json().resources).toEqual([slug]);

    // Only the fields sent change.
    const partly = await coordinator.patch(`/api/reference/${item.id}`, { nameEn: 'Holiday activities' });
    expect(partly.json()).toMatchObject({ nameSv: 'Lovaktiviteter', nameEn: 'Holiday activities', sortOrder: 2, slug });
    // The slug and kind are fixed.
    const slugChange = await coordinator.patch(`/api/reference/${item.id}`, { slug: 'nytt-kortnamn' });
    expect(slugChange.statusCode).toBe(400);
    expect((await find(item.id))!.slug).toBe(slug);

    expect((await coordinator.patch('/api/reference/00000000-0000-4000-8000-000000000000', { nameSv: 'Finns inte' })).statusCode).toBe(404);
  });

  it('audits what a change changed, and nothing for a change that changes nothing', async () => {
    const item = await create(coordinator, { kind: 'targetGroup', slug: uniqueSlug('samma'), nameSv: 'Samma', nameEn: 'Same' });
    const audit = async () =>
      (await t.app.db.select().from(auditLog).where(and(eq(auditLog.targetId, item.id), eq(auditLog.action, 'reference.update')))).map((a) => a.detail);
    for (const body of [{}, { nameSv: 'Samma' }, { nameSv: ' Samma ', nameEn: 'Same', sortOrder: 0, archived: false }]) {
      const response = await coordinator.patch(`/api/reference/${item.id}`, body);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(item);
    }
    expect(await audit()).toEqual([]);
    expect((await coordinator.patch(`/api/reference/${item.id}`, { nameSv: 'Samma', nameEn: 'Equal' })).json()).toEqual({ ...item, nameEn: 'Equal' });
    expect(await audit()).toEqual([{ nameEn: 'Equal' }]);
  });

  it('archives a value: still listed (marked archived) and on existing profiles, but no longer counted in the overview', async () => {
    const slug = uniqueSlug('kolonilotter');
    const item = await create(coordinator, { kind: 'resource', slug, nameSv: 'Kolonilotter', nameEn: 'Allotments' });
    const { organisation, adminClient } = await createOrganisation(t.app, { name: 'Koloniföreningen', resources: [slug, 'lokaler'] });
    expect((await overview()).byResource).toContainEqual({ slug, count: 1 });

    const archived = await coordinator.patch(`/api/reference/${item.id}`, { archived: true });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ id: item.id, archived: true });
    // The public list keeps it, marked, so that profiles using it can still show its name.
    expect(await find(item.id)).toMatchObject({ slug, nameSv: 'Kolonilotter', archived: true });
    expect((await overview()).byResource.map((r) => r.slug)).not.toContain(slug);

    const profile = (await visitor.get(`/api/organisations/${organisation.id}`)).json();
    expect(profile.resources.sort()).toEqual(['lokaler', slug].sort());
    expect((await visitor.get(`/api/organisations?resource=${slug}`)).json().items.map((i: { id: string }) => i.id)).toEqual([organisation.id]);
    // The organisation can still save its profile with the archived value on it.
    const saved = await adminClient.put(
      `/api/organisations/${organisation.id}`,
      organisationInput({ name: 'Koloniföreningen', orgNumber: organisation.orgNumber, resources: profile.resources, districts: profile.districts, targetGroups: profile.targetGroups, administrations: profile.administrations }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().resources.sort()).toEqual(['lokaler', slug].sort());
    // Nobody can choose the archived value anew, on a new profile or on one without it.
    const other = await createOrganisation(t.app, { name: 'Annan förening', resources: ['lokaler'] });
    const chosen = await other.adminClient.put(
      `/api/organisations/${other.organisation.id}`,
      organisationInput({ name: 'Annan förening', orgNumber: other.organisation.orgNumber, resources: ['lokaler', slug] }),
    );
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().errors).toEqual([expect.objectContaining({ field: 'resources' })]);
    expect((await visitor.get(`/api/organisations/${other.organisation.id}`)).json().resources).toEqual(['lokaler']);
    const created = await adminClient.post('/api/organisations', organisationInput({ name: 'Ny koloniförening', resources: [slug] }));
    expect(created.statusCode).toBe(400);
    expect(created.json().errors).toEqual([expect.objectContaining({ field: 'resources' })]);

    // Restoring brings it back into the overview.
    expect((await coordinator.patch(`/api/reference/${item.id}`, { archived: false })).json().archived).toBe(false);
    expect((await overview()).byResource).toContainEqual({ slug, count: 1 });
  });

  it('refuses to delete a value in use, and deletes nothing', async () => {
    const slug = uniqueSlug('stadsdel');
    const item = await create(coordinator, { kind: 'district', slug, nameSv: 'Ny stadsdel', nameEn: 'New district' });
    const { organisation } = await createOrganisation(t.app, { districts: [slug, 'bromma'] });

    const refused = await coordinator.delete(`/api/reference/${item.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(message('sv', 'error.referenceInUse'));
    coordinator.locale = 'en';
    expect((await coordinator.delete(`/api/reference/${item.id}`)).json().detail).toBe(message('en', 'error.referenceInUse'));
    coordinator.locale = 'sv';

    expect(await find(item.id)).toEqual(item);
    expect((await visitor.get(`/api/organisations/${organisation.id}`)).json().districts.sort()).toEqual(['bromma', slug].sort());
    expect((await overview()).byDistrict).toContainEqual({ slug, count: 1 });
  });

  it('deletes an unused value, also one that is no longer used', async () => {
    const unused = await create(coordinator, { kind: 'administration', slug: uniqueSlug('ny-forvaltning'), nameSv: 'Ny förvaltning', nameEn: 'New administration' });
    const deleted = await coordinator.delete(`/api/reference/${unused.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(await find(unused.id)).toBeUndefined();
    expect((await coordinator.delete(`/api/reference/${unused.id}`)).statusCode).toBe(404);
    // An organisation can no longer pick it.
    const { client } = await signedInClient(t.app, 'user');
    const response = await client.post('/api/organisations', organisationInput({ administrations: [unused.slug] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'administrations', message: message('sv', 'error.unknownReference', { field: 'administrations' }) }]);

    // Once the last organisation stops using a value, it can go.
    const slug = uniqueSlug('tillfallig');
    const item = await create(coordinator, { kind: 'targetGroup', slug, nameSv: 'Tillfällig', nameEn: 'Temporary' });
    const { organisation, adminClient } = await createOrganisation(t.app, { targetGroups: [slug] });
    expect((await coordinator.delete(`/api/reference/${item.id}`)).statusCode).toBe(409);
    const edited = await adminClient.put(`/api/organisations/${organisation.id}`, organisationInput({ name: organisation.name, orgNumber: organisation.orgNumber, targetGroups: ['aldre'] }));
    expect(edited.statusCode).toBe(200);
    expect((await coordinator.delete(`/api/reference/${item.id}`)).statusCode).toBe(204);
    expect(await find(item.id)).toBeUndefined();
  });

  it('refuses a slug already used for the same kind, but allows it for another kind', async () => {
    const slug = uniqueSlug('dubblett');
    await create(coordinator, { kind: 'resource', slug, nameSv: 'Först', nameEn: 'First' });
    const before = (await referenceList()).length;
    const duplicate = await coordinator.post('/api/reference', { kind: 'resource', slug, nameSv: 'Andra', nameEn: 'Second' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      detail: message('sv', 'error.slugTaken'),
      errors: [{ field: 'slug', message: message('sv', 'error.slugTaken') }],
    });
    // A seeded value's slug too.
    expect((await coordinator.post('/api/reference', { kind: 'district', slug: 'sodermalm', nameSv: 'Söder', nameEn: 'Söder' })).statusCode).toBe(409);
    expect((await referenceList()).length).toBe(before);
    expect((await referenceList()).filter((i) => i.slug === slug).map((i) => i.nameSv)).toEqual(['Först']);

    // The same short name for a target group is another value.
    const other = await create(coordinator, { kind: 'targetGroup', slug, nameSv: 'Målgrupp', nameEn: 'Target group' });
    expect(other.kind).toBe('targetGroup');
  });
});
