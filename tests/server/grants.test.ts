import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { GrantCallDetail, GrantCallList } from '../../shared/grants';
import { message } from '../../shared/messages';
import type { Notification } from '../../shared/notifications';
import { auditLog, grantDocuments } from '../../server/db/schema/index';
import { sendGrantReminders } from '../../server/features/grants/reminders';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { LiveClient, listen } from '../helpers/live-client';
import { buildTestApp, ORIGIN, type TestApp } from '../helpers/test-app';
import { callInput, docxBytes, exeBytes, htmlBytes, jpegBytes, memberOf, odtBytes, pdfBytes, plainZipBytes, pngBytes, stockholmDate, upload } from './grants-fixtures';

let t: TestApp;
let url: string;
const sockets: LiveClient[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  url = await listen(t.app);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => t.close());

const visitor = () => new ApiClient(t.app);

async function addCall(client: ApiClient, overrides: Parameters<typeof callInput>[0] = {}): Promise<GrantCallDetail> {
  const response = await client.post('/api/grants/calls', callInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function list(client: ApiClient, query = ''): Promise<GrantCallList> {
  const response = await client.get(`/api/grants/calls?pageSize=100${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The ids of `mine` in the order the list gives them (other tests' calls are left out). */
async function order(client: ApiClient, mine: string[], query = '') {
  return (await list(client, query)).items.map((c) => c.id).filter((id) => mine.includes(id));
}

async function detail(client: ApiClient, id: string): Promise<GrantCallDetail> {
  const response = await client.get(`/api/grants/calls/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function notificationsOf(client: ApiClient): Promise<Notification[]> {
  const response = await client.get('/api/notifications');
  expect(response.statusCode).toBe(200);
  return response.json().notifications;
}

async function auditActions(targetId: string) {
  return (await t.app.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, targetId))).map((r) => r.action);
}

describe('grant calls', () => {
  it('adds a call with several deadlines; the page shows them in order with the next one, to visitors too', async () => {
    const { adminClient, admin } = await createOrganisation(t.app);
    const created = await addCall(adminClient, {
      title: 'Idéburet stöd till sommarlovsaktiviteter',
      deadlines: [
        { date: stockholmDate(60), note: 'Steg 2: fullständig ansökan' },
        { date: stockholmDate(-10), note: 'Intresseanmälan' },
        { date: stockholmDate(20), note: 'Steg 1' },
      ],
      targetGroups: ['barn-och-unga', 'nyanlanda'],
    });
    expect(created.call.deadlines.map((d) => [d.date, d.note, d.past])).toEqual([
      [stockholmDate(-10), 'Intresseanmälan', true],
      [stockholmDate(20), 'Steg 1', false],
      [stockholmDate(60), 'Steg 2: fullständig ansökan', false],
    ]);
    expect(created.call.nextDeadline).toBe(stockholmDate(20));
    expect(created.call.targetGroups.map((g) => g.slug).sort()).toEqual(['barn-och-unga', 'nyanlanda']);
    expect(created.call).toMatchObject({ funderKind: 'foundation', funderName: 'Stiftelsen Stockholms Framtid', amountMin: 50_000, amountMax: 300_000, createdById: admin.id, archived: false });
    // The one who added it follows it (and is reminded) without asking.
    expect(created.viewer).toMatchObject({ following: true, canEdit: true, canAddDocuments: true });

    const seen = await detail(visitor(), created.call.id);
    expect(seen.call).toEqual(created.call);
    expect(seen.viewer).toEqual({ following: false, canEdit: false, canAddDocuments: false, organisationIds: [] });
    expect(seen.cursor).toBeGreaterThan(0);
  });

  it('names a city administration as the funder when no other name is given', async () => {
    const official = await signedInClient(t.app, 'official');
    const created = await addCall(official.client, { funderKind: 'cityAdministration', administration: 'socialforvaltningen', funderName: '' });
    expect(created.call.administration).toEqual({ slug: 'socialforvaltningen', nameSv: 'Socialförvaltningen', nameEn: 'Social Services Administration' });
    expect(created.call.funderName).toBe('Socialförvaltningen');
  });

  it('lists open calls by their next deadline, then (with includePast) those whose deadlines have passed', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const late = await addCall(adminClient, { deadlines: [{ date: stockholmDate(90) }] });
    const soon = await addCall(adminClient, { deadlines: [{ date: stockholmDate(-5) }, { date: stockholmDate(3) }] });
    const middle = await addCall(adminClient, { deadlines: [{ date: stockholmDate(45) }, { date: stockholmDate(10) }] });
    const today = await addCall(adminClient, { deadlines: [{ date: stockholmDate(0) }] });
    const passed = await addCall(adminClient, { deadlines: [{ date: stockholmDate(-3) }] });
    const longPassed = await addCall(adminClient, { deadlines: [{ date: stockholmDate(-300) }] });
    const mine = [late, soon, middle, today, passed, longPassed].map((c) => c.call.id);

    expect(await order(visitor(), mine)).toEqual([today, soon, middle, late].map((c) => c.call.id));
    expect(await order(visitor(), mine, '&includePast=true')).toEqual([today, soon, middle, late, passed, longPassed].map((c) => c.call.id));
    const page = await list(visitor());
    expect(page.items.find((c) => c.id === middle.call.id)).toMatchObject({ nextDeadline: stockholmDate(10), knowHowCount: 0, openHelpRequestCount: 0, following: false });
    expect(page.cursor).toBeGreaterThan(0);

    // Paging keeps the order and the total.
    const first = await visitor().get('/api/grants/calls?pageSize=2&page=1');
    const second = await visitor().get('/api/grants/calls?pageSize=2&page=2');
    const all = await list(visitor());
    expect([...first.json().items, ...second.json().items].map((c: { id: string }) => c.id)).toEqual(all.items.slice(0, 4).map((c) => c.id));
    expect(first.json().total).toBe(all.total);
    expect((await visitor().get('/api/grants/calls?pageSize=2&page=999')).json()).toMatchObject({ items: [], total: all.total });
  });

  it('filters by funder kind, target group, deadline range, text and followed calls', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const eu = await addCall(adminClient, { funderKind: 'eu', funderName: 'Europeiska socialfonden', title: 'ESF+ Delaktighet i arbetslivet', targetGroups: ['arbetssokande'], deadlines: [{ date: stockholmDate(40) }] });
    const state = await addCall(adminClient, { funderKind: 'state', funderName: 'Myndigheten för ungdoms- och civilsamhällesfrågor', title: 'Organisationsbidrag för ungdomsorganisationer', targetGroups: ['barn-och-unga'], deadlines: [{ date: stockholmDate(12) }] });
    const foundation = await addCall(adminClient, { funderKind: 'foundation', funderName: 'Allmänna arvsfonden', title: 'Treårigt projektstöd mot ensamhet', targetGroups: ['aldre', 'anhoriga'], deadlines: [{ date: stockholmDate(25) }, { date: stockholmDate(70) }] });
    const mine = [eu, state, foundation].map((c) => c.call.id);

    expect(await order(visitor(), mine, '&funderKind=eu')).toEqual([eu.call.id]);
    expect(await order(visitor(), mine, '&funderKind=foundation')).toEqual([foundation.call.id]);
    expect(await order(visitor(), mine, '&targetGroup=aldre')).toEqual([foundation.call.id]);
    expect(await order(visitor(), mine, '&targetGroup=barn-och-unga')).toEqual([state.call.id]);
    // A deadline in the range counts; the call is placed by its deadline in the range.
    expect(await order(visitor(), mine, `&deadlineFrom=${stockholmDate(20)}&deadlineTo=${stockholmDate(45)}`)).toEqual([foundation.call.id, eu.call.id]);
    expect(await order(visitor(), mine, `&deadlineFrom=${stockholmDate(50)}`)).toEqual([foundation.call.id]);
    expect(await order(visitor(), mine, `&deadlineTo=${stockholmDate(12)}`)).toEqual([state.call.id]);
    // Text: a word of the title, a misspelt one (trigram similarity), the funder's name.
    expect(await order(visitor(), mine, '&q=ensamhet')).toEqual([foundation.call.id]);
    expect(await order(visitor(), mine, `&q=${encodeURIComponent('ungdomsorganisationr')}`)).toEqual([state.call.id]);
    expect(await order(visitor(), mine, `&q=${encodeURIComponent('arvsfonden')}`)).toEqual([foundation.call.id]);
    expect(await order(visitor(), mine, '&q=zzzyxq')).toEqual([]);
    // Filters combine.
    expect(await order(visitor(), mine, '&funderKind=eu&targetGroup=aldre')).toEqual([]);

    const follower = await signedInClient(t.app, 'user');
    expect((await follower.client.put(`/api/grants/calls/${state.call.id}/follow`)).statusCode).toBe(204);
    expect(await order(follower.client, mine, '&following=true')).toEqual([state.call.id]);
    expect(await order(visitor(), mine, '&following=true')).toEqual([]);
  });

  it('follows and unfollows a call; an unknown call is a 404 and an archived one cannot be followed', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const call = await addCall(adminClient);
    const person = await signedInClient(t.app, 'user');
    expect((await person.client.put(`/api/grants/calls/${call.call.id}/follow`)).statusCode).toBe(204);
    expect((await person.client.put(`/api/grants/calls/${call.call.id}/follow`)).statusCode).toBe(204);
    expect((await detail(person.client, call.call.id)).viewer.following).toBe(true);
    expect((await list(person.client)).items.find((c) => c.id === call.call.id)?.following).toBe(true);
    expect((await person.client.delete(`/api/grants/calls/${call.call.id}/follow`)).statusCode).toBe(204);
    expect((await detail(person.client, call.call.id)).viewer.following).toBe(false);

    const unknown = await person.client.put('/api/grants/calls/00000000-0000-4000-8000-000000000000/follow');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(message('sv', 'error.notFound'));
    expect((await adminClient.patch(`/api/grants/calls/${call.call.id}`, { archived: true })).statusCode).toBe(200);
    const archived = await person.client.put(`/api/grants/calls/${call.call.id}/follow`);
    expect(archived.statusCode).toBe(409);
    expect(archived.json().detail).toBe(message('sv', 'error.grantArchived'));
  });

  it('edits a call keeping the deadlines that stay; archiving hides it from the list, is audited, and can be undone', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const call = await addCall(adminClient, { deadlines: [{ date: stockholmDate(15) }, { date: stockholmDate(30) }] });
    const kept = call.call.deadlines.find((d) => d.date === stockholmDate(30))!;
    const edited = await adminClient.put(`/api/grants/calls/${call.call.id}`, callInput({ title: 'Nytt namn på utlysningen', deadlines: [{ date: stockholmDate(30), note: 'Flyttad' }, { date: stockholmDate(50) }] }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().call.title).toBe('Nytt namn på utlysningen');
    expect(edited.json().call.deadlines.map((d: { id: string; date: string; note: string }) => [d.date, d.note])).toEqual([[stockholmDate(30), 'Flyttad'], [stockholmDate(50), '']]);
    expect(edited.json().call.deadlines[0].id).toBe(kept.id);

    const coordinator = await signedInClient(t.app, 'coordinator');
    expect((await coordinator.client.patch(`/api/grants/calls/${call.call.id}`, { archived: true })).statusCode).toBe(200);
    expect(await order(visitor(), [call.call.id], '&includePast=true')).toEqual([]);
    expect((await detail(visitor(), call.call.id)).call.archived).toBe(true);
    expect((await adminClient.put(`/api/grants/calls/${call.call.id}`, callInput())).statusCode).toBe(409);
    expect((await coordinator.client.patch(`/api/grants/calls/${call.call.id}`, { archived: false })).statusCode).toBe(200);
    expect(await order(visitor(), [call.call.id])).toEqual([call.call.id]);
    expect(await auditActions(call.call.id)).toEqual(expect.arrayContaining(['grant.archive', 'grant.restore']));
  });
});

describe('deadline reminders', () => {
  const remind = (today?: string) => sendGrantReminders(t.app.db, today ? { today } : {});

  it('reminds followers 7 days and 1 day before a deadline, exactly once, even when the job runs twice at once', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const deadline = stockholmDate(100);
    const call = await addCall(adminClient, { title: 'Påminnelseprovet', deadlines: [{ date: deadline }] });
    const follower = await signedInClient(t.app, 'user');
    const bystander = await signedInClient(t.app, 'user');
    await follower.client.put(`/api/grants/calls/${call.call.id}/follow`);
    const day = (n: number) => stockholmDate(100 - n);

    expect(await remind(day(8))).toBe(0);
    // Two nodes (or a rerun) at the same moment: two reminders in all (follower and creator), not four.
    expect((await Promise.all([remind(day(7)), remind(day(7))])).reduce((a, b) => a + b)).toBe(2);
    expect(await Promise.all([remind(day(7)), remind(day(6)), remind(day(2))])).toEqual([0, 0, 0]);
    // Unfollowing and following again does not send it again.
    await follower.client.delete(`/api/grants/calls/${call.call.id}/follow`);
    await follower.client.put(`/api/grants/calls/${call.call.id}/follow`);
    expect(await remind(day(5))).toBe(0);
    expect((await Promise.all([remind(day(1)), remind(day(1))])).reduce((a, b) => a + b)).toBe(2);
    expect(await remind(day(0))).toBe(0);
    expect(await remind(day(-1))).toBe(0);

    const seen = (await notificationsOf(follower.client)).filter((n) => n.link === `/bidrag/${call.call.id}`);
    expect(seen.map((n) => n.kind).sort()).toEqual(['grantDeadlineDay', 'grantDeadlineWeek']);
    for (const n of seen) expect(n).toMatchObject({ text: `Påminnelseprovet — ${deadline}`, actor: null, readAt: null });
    expect((await notificationsOf(adminClient)).filter((n) => n.link === `/bidrag/${call.call.id}`)).toHaveLength(2);
    expect(await notificationsOf(bystander.client)).toEqual([]);
  });

  it('reminds nobody who unfollowed, and not again after an edit that keeps the date (a new note, another deadline added)', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const call = await addCall(adminClient, { title: 'Avföljd', deadlines: [{ date: stockholmDate(200) }] });
    const stays = await signedInClient(t.app, 'user');
    const leaves = await signedInClient(t.app, 'user');
    for (const p of [stays, leaves]) await p.client.put(`/api/grants/calls/${call.call.id}/follow`);
    await leaves.client.delete(`/api/grants/calls/${call.call.id}/follow`);
    expect(await remind(stockholmDate(193))).toBe(2);
    const edited = await adminClient.put(`/api/grants/calls/${call.call.id}`, callInput({ title: 'Avföljd', deadlines: [{ date: stockholmDate(200), note: 'Flyttad tid' }, { date: stockholmDate(260) }] }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await remind(stockholmDate(194))).toBe(0);
    const kinds = async (c: ApiClient) => (await notificationsOf(c)).filter((n) => n.link === `/bidrag/${call.call.id}`).map((n) => n.kind);
    expect(await kinds(stays.client)).toEqual(['grantDeadlineWeek']);
    expect(await kinds(leaves.client)).toEqual([]);
  });

  it('uses today in Stockholm when run by the schedule, and sends nothing for archived calls', async () => {
    const { adminClient } = await createOrganisation(t.app);
    const due = await addCall(adminClient, { title: 'Om en vecka', deadlines: [{ date: stockholmDate(7) }] });
    const archived = await addCall(adminClient, { title: 'Arkiverad', deadlines: [{ date: stockholmDate(7) }] });
    await adminClient.patch(`/api/grants/calls/${archived.call.id}`, { archived: true });
    await remind();
    const mine = (await notificationsOf(adminClient)).filter((n) => n.kind.startsWith('grantDeadline'));
    expect(mine.map((n) => [n.kind, n.link])).toEqual([['grantDeadlineWeek', `/bidrag/${due.call.id}`]]);
  });
});

describe('know-how, asks for help and partners', () => {
  async function twoOrganisations() {
    const knowing = await createOrganisation(t.app, { name: `Kunniga föreningen ${Math.random().toString(36).slice(2, 6)}` });
    const asking = await createOrganisation(t.app, { name: `Frågande föreningen ${Math.random().toString(36).slice(2, 6)}` });
    const knowingMember = await memberOf(t.app, knowing.organisation.id, knowing.adminClient);
    const askingMember = await memberOf(t.app, asking.organisation.id, asking.adminClient);
    const call = await addCall(knowing.adminClient, { title: 'Stöd till läxhjälp' });
    return { knowing, asking, knowingMember, askingMember, call: call.call };
  }

  it('matches those who ask with those who know: the call page, the organisation pages and notifications', async () => {
    const { knowing, asking, knowingMember, askingMember, call } = await twoOrganisations();
    const ask = await askingMember.client.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: asking.organisation.id, text: 'Vi söker för första gången. Hur skrev ni budgeten?' });
    expect(ask.statusCode, ask.body).toBe(201);
    const offer = await knowingMember.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: knowing.organisation.id, status: 'received', year: 2025, description: 'Vi fick stödet 2025 och läser gärna era utkast.' });
    expect(offer.statusCode, offer.body).toBe(201);
    expect(offer.json()).toMatchObject({ callId: call.id, organisation: { id: knowing.organisation.id }, status: 'received', year: 2025, documents: [] });

    const page = await detail(visitor(), call.id);
    expect(page.knowHow.map((k) => [k.organisation.name, k.status, k.description])).toEqual([[knowing.organisation.name, 'received', 'Vi fick stödet 2025 och läser gärna era utkast.']]);
    expect(page.helpRequests.map((h) => [h.organisation.name, h.text, h.open])).toEqual([[asking.organisation.name, 'Vi söker för första gången. Hur skrev ni budgeten?', true]]);
    expect((await list(visitor())).items.find((c) => c.id === call.id)).toMatchObject({ knowHowCount: 1, openHelpRequestCount: 1 });

    // The asker hears of the new offer; a later ask reaches those who offered.
    const askerNotices = (await notificationsOf(askingMember.client)).filter((n) => n.link === `/bidrag/${call.id}`);
    expect(askerNotices.map((n) => [n.kind, n.text])).toEqual([['grantKnowHowOffered', `Stöd till läxhjälp — ${knowing.organisation.name}`]]);
    await asking.adminClient.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: asking.organisation.id, text: 'Och hur redovisade ni efteråt?' });
    const knowerNotices = (await notificationsOf(knowingMember.client)).filter((n) => n.link === `/bidrag/${call.id}`);
    expect(knowerNotices.map((n) => n.kind)).toEqual(['grantHelpAsked']);

    const knowingPage = (await visitor().get(`/api/grants/organisations/${knowing.organisation.id}/know-how`)).json();
    expect(knowingPage.organisation).toMatchObject({ id: knowing.organisation.id, name: knowing.organisation.name });
    expect(knowingPage.knowHow.map((k: { call: { id: string; title: string; nextDeadline: string } }) => k.call)).toEqual([{ id: call.id, title: 'Stöd till läxhjälp', nextDeadline: stockholmDate(30), archived: false }]);
    expect(knowingPage.helpRequests).toEqual([]);
    const askingPage = (await visitor().get(`/api/grants/organisations/${asking.organisation.id}/know-how`)).json();
    expect(askingPage.knowHow).toEqual([]);
    expect(askingPage.helpRequests.map((h: { text: string; call: { id: string } }) => [h.text, h.call.id])).toEqual([
      ['Vi söker för första gången. Hur skrev ni budgeten?', call.id],
      ['Och hur redovisade ni efteråt?', call.id],
    ]);
    expect((await visitor().get('/api/grants/organisations/00000000-0000-4000-8000-000000000000/know-how')).statusCode).toBe(404);
  });

  it('keeps one know-how entry per organisation and call; the author and the organisation’s admins edit and remove it, removal is audited', async () => {
    const { knowing, asking, knowingMember, askingMember, call } = await twoOrganisations();
    const created = await knowingMember.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: knowing.organisation.id, status: 'applied', description: 'Vi sökte förra året men fick avslag.' });
    expect(created.statusCode).toBe(201);
    const again = await knowing.adminClient.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: knowing.organisation.id, status: 'received', description: 'Vi fick det faktiskt till slut.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'organisationId', message: message('sv', 'error.knowHowExists') }]);
    // Speaking for an organisation one is not a member of is a field error.
    const notMine = await askingMember.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: knowing.organisation.id, status: 'applied', description: 'Låtsas vara någon annan.' });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors).toEqual([{ field: 'organisationId', message: message('sv', 'error.notOrganisationMember') }]);

    const id = created.json().id;
    const edited = await knowingMember.client.patch(`/api/grants/know-how/${id}`, { status: 'received', year: 2026 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'received', year: 2026, description: 'Vi sökte förra året men fick avslag.' });
    expect((await asking.adminClient.patch(`/api/grants/know-how/${id}`, { year: 2020 })).statusCode).toBe(403);
    expect((await asking.adminClient.delete(`/api/grants/know-how/${id}`)).statusCode).toBe(403);
    expect((await knowing.adminClient.delete(`/api/grants/know-how/${id}`)).statusCode).toBe(204);
    expect((await detail(visitor(), call.id)).knowHow).toEqual([]);
    expect((await knowing.adminClient.delete(`/api/grants/know-how/${id}`)).statusCode).toBe(404);
    expect(await auditActions(id)).toEqual(['grant.knowHow.delete']);
  });

  it('closes, reopens, edits and removes asks for help', async () => {
    const { asking, askingMember, call } = await twoOrganisations();
    const ask = (await askingMember.client.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: asking.organisation.id, text: 'Behöver hjälp med effektmålen.' })).json();
    const closed = await askingMember.client.patch(`/api/grants/help-requests/${ask.id}`, { open: false });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ open: false, text: 'Behöver hjälp med effektmålen.' });
    expect((await detail(visitor(), call.id)).helpRequests).toEqual([]);
    expect((await visitor().get(`/api/grants/organisations/${asking.organisation.id}/know-how`)).json().helpRequests).toEqual([]);
    const reopened = await asking.adminClient.patch(`/api/grants/help-requests/${ask.id}`, { open: true, text: 'Behöver hjälp med effektmål och budget.' });
    expect(reopened.json()).toMatchObject({ open: true, text: 'Behöver hjälp med effektmål och budget.' });
    expect((await detail(visitor(), call.id)).helpRequests.map((h) => h.id)).toEqual([ask.id]);
    expect((await askingMember.client.delete(`/api/grants/help-requests/${ask.id}`)).statusCode).toBe(204);
    expect((await detail(visitor(), call.id)).helpRequests).toEqual([]);
    // The admin's change to a member's ask is audited, as is every removal; the author's own edits are not.
    expect(await auditActions(ask.id)).toEqual(['grant.helpRequest.update', 'grant.helpRequest.delete']);
  });

  it('posts "partners wanted", about a call or in general; closed posts leave the default list', async () => {
    const { knowing, knowingMember, call } = await twoOrganisations();
    const aboutCall = await knowingMember.client.post('/api/grants/partners', { organisationId: knowing.organisation.id, callId: call.id, title: 'Partner i Tensta sökes', text: 'Vi vill söka tillsammans med en förening i Spånga-Tensta.' });
    expect(aboutCall.statusCode, aboutCall.body).toBe(201);
    expect(aboutCall.json()).toMatchObject({ call: { id: call.id, title: 'Stöd till läxhjälp' }, open: true });
    const general = await knowingMember.client.post('/api/grants/partners', { organisationId: knowing.organisation.id, title: 'EU-projekt om språk', text: 'Vi letar efter två partner för en ESF-ansökan.' });
    expect(general.json().call).toBeNull();
    const unknownCall = await knowingMember.client.post('/api/grants/partners', { organisationId: knowing.organisation.id, callId: '00000000-0000-4000-8000-000000000000', title: 'Okänd', text: 'Om en utlysning som inte finns.' });
    expect(unknownCall.statusCode).toBe(400);
    expect(unknownCall.json().errors).toEqual([{ field: 'callId', message: message('sv', 'grants.unknownCall') }]);

    expect((await detail(visitor(), call.id)).partnerPosts.map((p) => p.id)).toEqual([aboutCall.json().id]);
    const ids = (query = '') => visitor().get(`/api/grants/partners${query}`).then((r) => r.json().items.map((p: { id: string }) => p.id));
    expect(await ids()).toEqual(expect.arrayContaining([aboutCall.json().id, general.json().id]));
    expect(await ids(`?callId=${call.id}`)).toEqual([aboutCall.json().id]);

    expect((await knowing.adminClient.patch(`/api/grants/partners/${general.json().id}`, { open: false })).json().open).toBe(false);
    expect(await ids()).not.toContain(general.json().id);
    expect(await ids('?all=true')).toContain(general.json().id);
    expect((await knowingMember.client.delete(`/api/grants/partners/${aboutCall.json().id}`)).statusCode).toBe(204);
    expect((await detail(visitor(), call.id)).partnerPosts).toEqual([]);
    expect(await auditActions(aboutCall.json().id)).toEqual(['grant.partnerPost.delete']);
  });
});

describe('archived calls, calls past their deadlines, and people who left', () => {
  async function setting(deadlines = [{ date: stockholmDate(30) }]) {
    const org = await createOrganisation(t.app);
    const member = await memberOf(t.app, org.organisation.id, org.adminClient);
    const call = (await addCall(member.client, { deadlines })).call;
    return { org, member, call, orgId: org.organisation.id };
  }

  it('on an archived call, asks and partner posts can still be closed and everything removed, and its files downloaded', async () => {
    const { org, member, call, orgId } = await setting();
    const knowHow = (await member.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: orgId, status: 'applied', description: 'Vi sökte i våras.' })).json();
    const ask = (await member.client.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: orgId, text: 'Hur gör man budgeten?' })).json();
    const partner = (await member.client.post('/api/grants/partners', { organisationId: orgId, callId: call.id, title: 'Partner sökes', text: 'Till en gemensam ansökan.' })).json();
    const file = (await upload(member.client, `/api/grants/calls/${call.id}/files`, {}, [{ fileName: 'mall.pdf', content: pdfBytes }])).json();
    expect((await member.client.patch(`/api/grants/calls/${call.id}`, { archived: true })).statusCode).toBe(200);

    const closed = await member.client.patch(`/api/grants/help-requests/${ask.id}`, { open: false });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().open).toBe(false);
    // Reopening is asking again: not on an archived call.
    const reopened = await member.client.patch(`/api/grants/help-requests/${ask.id}`, { open: true });
    expect(reopened.statusCode).toBe(409);
    expect(reopened.json().detail).toBe(message('sv', 'error.grantArchived'));
    expect((await org.adminClient.patch(`/api/grants/partners/${partner.id}`, { open: false })).json().open).toBe(false);
    expect((await org.adminClient.patch(`/api/grants/partners/${partner.id}`, { open: true })).statusCode).toBe(409);
    expect((await member.client.patch(`/api/grants/know-how/${knowHow.id}`, { year: 2025 })).statusCode).toBe(409);

    // The page stays, so its files can still be downloaded.
    const download = await visitor().get(file.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    for (const url of [`/api/grants/documents/${file.id}`, `/api/grants/know-how/${knowHow.id}`, `/api/grants/help-requests/${ask.id}`, `/api/grants/partners/${partner.id}`]) {
      expect((await member.client.delete(url)).statusCode, url).toBe(204);
    }
    expect((await member.client.delete(`/api/grants/calls/${call.id}/follow`)).statusCode).toBe(204);
    expect(await detail(visitor(), call.id)).toMatchObject({ knowHow: [], helpRequests: [], partnerPosts: [], documents: [] });
  });

  it('a call whose deadlines have all passed takes know-how, documents and followers, but no asks or partner posts until it gets a new deadline', async () => {
    const { member, call, orgId } = await setting([{ date: stockholmDate(-1) }]);
    expect(call.nextDeadline).toBeNull();
    const follower = await signedInClient(t.app, 'user');
    expect((await follower.client.put(`/api/grants/calls/${call.id}/follow`)).statusCode).toBe(204);
    const knowHow = await member.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: orgId, status: 'received', description: 'Vi fick det förra omgången.' });
    expect(knowHow.statusCode, knowHow.body).toBe(201);
    expect((await upload(member.client, `/api/grants/know-how/${knowHow.json().id}/files`, {}, [{ fileName: 'ansokan.pdf', content: pdfBytes }])).statusCode).toBe(201);
    expect((await member.client.post(`/api/grants/calls/${call.id}/links`, { title: 'Mall', url: 'https://example.se/mall' })).statusCode).toBe(201);

    const asked = await member.client.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: orgId, text: 'Hur gör man budgeten?' });
    expect(asked.statusCode).toBe(409);
    expect(asked.json().detail).toBe(message('sv', 'error.grantClosed'));
    member.client.locale = 'en';
    const partners = await member.client.post('/api/grants/partners', { organisationId: orgId, callId: call.id, title: 'Partner sökes', text: 'Till en gemensam ansökan.' });
    member.client.locale = 'sv';
    expect(partners.statusCode).toBe(409);
    expect(partners.json().detail).toBe(message('en', 'error.grantClosed'));
    // A general partner post needs no call.
    expect((await member.client.post('/api/grants/partners', { organisationId: orgId, title: 'Partner sökes', text: 'Till en gemensam ansökan.' })).statusCode).toBe(201);

    // The next round's deadline opens it again.
    expect((await member.client.put(`/api/grants/calls/${call.id}`, callInput({ deadlines: [{ date: stockholmDate(-1) }, { date: stockholmDate(0) }] }))).statusCode).toBe(200);
    expect((await member.client.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: orgId, text: 'Hur gör man budgeten?' })).statusCode).toBe(201);
  });

  it('someone who has left the organisation no longer manages its posts or hears of matches; its admins still do', async () => {
    const { org, member, call, orgId } = await setting();
    const asking = await createOrganisation(t.app);
    const knowHow = (await member.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: orgId, status: 'received', description: 'Vi fick det och hjälper gärna.' })).json();
    const ask = (await member.client.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: orgId, text: 'Hur redovisar man?' })).json();
    const file = (await upload(member.client, `/api/grants/know-how/${knowHow.id}/files`, {}, [{ fileName: 'ansokan.pdf', content: pdfBytes }])).json();
    expect((await member.client.delete(`/api/organisations/${orgId}/members/${member.user.id}`)).statusCode).toBe(204);

    // Another organisation asks, and offers its own know-how: the one who left hears of neither.
    expect((await asking.adminClient.post(`/api/grants/calls/${call.id}/help-requests`, { organisationId: asking.organisation.id, text: 'Vem kan läsa vår budget?' })).statusCode).toBe(201);
    expect((await asking.adminClient.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: asking.organisation.id, status: 'applied', description: 'Vi sökte också i fjol.' })).statusCode).toBe(201);
    expect((await notificationsOf(member.client)).filter((n) => n.link === `/bidrag/${call.id}`)).toEqual([]);

    for (const [method, url, body] of [
      ['patch', `/api/grants/know-how/${knowHow.id}`, { year: 2024 }],
      ['patch', `/api/grants/help-requests/${ask.id}`, { open: false }],
      ['delete', `/api/grants/know-how/${knowHow.id}`, undefined],
      ['delete', `/api/grants/documents/${file.id}`, undefined],
    ] as const) {
      const response = method === 'patch' ? await member.client.patch(url, body) : await member.client.delete(url);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await org.adminClient.patch(`/api/grants/help-requests/${ask.id}`, { open: false })).statusCode).toBe(200);
    expect((await org.adminClient.delete(`/api/grants/know-how/${knowHow.id}`)).statusCode).toBe(204);
  });
});

describe('shared documents', () => {
  async function setting() {
    const org = await createOrganisation(t.app);
    const member = await memberOf(t.app, org.organisation.id, org.adminClient);
    const call = (await addCall(org.adminClient)).call;
    return { org, member, call };
  }
  const documentCount = async () => Number((await t.app.db.execute<{ n: string }>(sql`select count(*) as n from grant_documents`)).rows[0].n);

  it('shares a link; only https links', async () => {
    const { member, call } = await setting();
    const link = await member.client.post(`/api/grants/calls/${call.id}/links`, { title: 'Budgetmall från stiftelsen', category: 'budget', url: 'https://stiftelsen.example.se/budgetmall.xlsx' });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json()).toMatchObject({ kind: 'link', category: 'budget', url: 'https://stiftelsen.example.se/budgetmall.xlsx', downloadUrl: null, fileName: null });
    expect((await detail(visitor(), call.id)).documents.map((d) => d.id)).toEqual([link.json().id]);
    const plain = await member.client.post(`/api/grants/calls/${call.id}/links`, { title: 'Osäker', url: 'http://stiftelsen.example.se/mall' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors).toEqual([{ field: 'url', message: message('sv', 'grants.httpsOnly') }]);
    expect((await visitor().get(`/api/grants/documents/${link.json().id}/download`)).statusCode).toBe(404);
  });

  it('accepts a PDF and serves it back as an attachment with its checked type, nosniff and an RFC 5987 name', async () => {
    const { member, call } = await setting();
    const name = 'Ansökan – exempel för Förening Å.pdf';
    const response = await upload(member.client, `/api/grants/calls/${call.id}/files`, { category: 'example' }, [{ fileName: name, contentType: 'application/octet-stream', content: pdfBytes }]);
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({ kind: 'file', title: 'Ansökan – exempel för Förening Å', category: 'example', fileName: name, contentType: 'application/pdf', size: pdfBytes.length, url: null });
    expect((await detail(visitor(), call.id)).documents.map((d) => d.id)).toEqual([document.id]);

    const download = await visitor().get(document.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Ansokan _ exempel for Forening A.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
  });

  it('shortens a very long file name without cutting a character in two, keeping its extension as written', async () => {
    const { member, call } = await setting();
    const name = `${'Å'.repeat(145)}😀😀😀.PDF`;
    const response = await upload(member.client, `/api/grants/calls/${call.id}/files`, {}, [{ fileName: name, content: pdfBytes }]);
    expect(response.statusCode, response.body).toBe(201);
    // Cut at 146 UTF-16 units, the emoji would have been half a surrogate pair, stored as U+FFFD.
    expect(response.json().fileName).toBe(`${'Å'.repeat(145)}.PDF`);
    expect(response.json().title).toBe('Å'.repeat(145));
  });

  it('accepts docx, odt, PNG, JPEG, CSV and text by their contents', async () => {
    const { member, call } = await setting();
    const cases = [
      { fileName: 'mall.docx', content: docxBytes, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { fileName: 'mall.odt', content: odtBytes, type: 'application/vnd.oasis.opendocument.text' },
      { fileName: 'logga.png', content: pngBytes, type: 'image/png' },
      { fileName: 'foto.JPG', content: jpegBytes, type: 'image/jpeg' },
      { fileName: 'budget.csv', content: Buffer.from('post;belopp\nLokalhyra;12000\nFika;800\n'), type: 'text/csv; charset=utf-8' },
      { fileName: 'anteckningar', content: Buffer.from('Kom ihåg bilagorna.\n'), type: 'text/plain; charset=utf-8' },
    ];
    for (const c of cases) {
      const response = await upload(member.client, `/api/grants/calls/${call.id}/files`, { title: c.fileName }, [{ fileName: c.fileName, content: c.content }]);
      expect(response.statusCode, `${c.fileName}: ${response.body}`).toBe(201);
      expect(response.json().contentType).toBe(c.type);
      const download = await visitor().get(response.json().downloadUrl);
      expect(download.headers['content-type']).toBe(c.type);
      expect(download.rawPayload.equals(c.content)).toBe(true);
    }
    // A name without an extension gets the one its contents call for.
    expect((await detail(visitor(), call.id)).documents.map((d) => d.fileName)).toEqual(['mall.docx', 'mall.odt', 'logga.png', 'foto.JPG', 'budget.csv', 'anteckningar.txt']);
  });

  it('refuses a renamed program or web page (415), a name claiming another type (422) and a file over 5 MB (413), storing nothing', async () => {
    const { member, call } = await setting();
    const before = await documentCount();
    const refused = [
      { fileName: 'budget.pdf', content: exeBytes, status: 415, key: 'grants.fileTypeUnsupported' as const },
      { fileName: 'program.exe', content: exeBytes, status: 415, key: 'grants.fileTypeUnsupported' as const },
      { fileName: 'mall.pdf', content: htmlBytes, status: 415, key: 'grants.fileTypeUnsupported' as const },
      { fileName: 'mall.txt', content: htmlBytes, status: 415, key: 'grants.fileTypeUnsupported' as const },
      { fileName: 'ikon.svg', content: Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), status: 415, key: 'grants.fileTypeUnsupported' as const },
      { fileName: 'mall.docx', content: plainZipBytes, status: 415, key: 'grants.fileTypeUnsupported' as const },
      { fileName: 'budget.docx', content: pdfBytes, status: 422, key: 'grants.fileTypeMismatch' as const, params: { actual: 'PDF', extension: 'docx' } },
      { fileName: 'bild.jpg', content: pngBytes, status: 422, key: 'grants.fileTypeMismatch' as const, params: { actual: 'PNG', extension: 'jpg' } },
    ];
    for (const locale of ['sv', 'en'] as const) {
      member.client.locale = locale;
      for (const c of refused) {
        const response = await upload(member.client, `/api/grants/calls/${call.id}/files`, {}, [{ fileName: c.fileName, contentType: 'application/pdf', content: c.content }]);
        expect(response.statusCode, `${c.fileName}: ${response.body}`).toBe(c.status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status: c.status, title: message(locale, 'error.validation') });
        expect(response.json().errors).toEqual([{ field: 'file', message: message(locale, c.key, c.params) }]);
      }
      const big = Buffer.concat([pdfBytes, Buffer.alloc(5 * 1024 * 1024)]);
      const tooLarge = await upload(member.client, `/api/grants/calls/${call.id}/files`, {}, [{ fileName: 'stor.pdf', content: big }]);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().errors).toEqual([{ field: 'file', message: message(locale, 'grants.fileTooLarge', { max: 5 }) }]);
    }
    member.client.locale = 'sv';
    // Exactly 5 MB is allowed.
    const justRight = Buffer.concat([pdfBytes, Buffer.alloc(5 * 1024 * 1024 - pdfBytes.length)]);
    const accepted = await upload(member.client, `/api/grants/calls/${call.id}/files`, {}, [{ fileName: 'precis.pdf', content: justRight }]);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().size).toBe(5 * 1024 * 1024);
    expect(await documentCount()).toBe(before + 1);
  });

  it('answers a 50 MB upload over a real connection with the 413 and its message, not a dropped connection', async () => {
    const { member, call } = await setting();
    const before = await documentCount();
    const form = new FormData();
    form.append('title', 'Alldeles för stor');
    form.append('file', new Blob([pdfBytes, Buffer.alloc(50 * 1024 * 1024)]), 'stor.pdf');
    const response = await fetch(`${url}/api/grants/calls/${call.id}/files`, { method: 'POST', body: form, headers: { cookie: member.client.cookie!, origin: ORIGIN } });
    expect(response.status).toBe(413);
    expect((await response.json()).errors).toEqual([{ field: 'file', message: message('sv', 'grants.fileTooLarge', { max: 5 }) }]);
    expect(await documentCount()).toBe(before);
  });

  it('attaches documents to know-how (the organisation’s members) and removes them (uploader, organisation admins, staff), audited', async () => {
    const { org, member, call } = await setting();
    const other = await createOrganisation(t.app);
    const knowHow = (await member.client.post(`/api/grants/calls/${call.id}/know-how`, { organisationId: org.organisation.id, status: 'received', description: 'Vi delar vår beviljade ansökan.' })).json();
    const file = await upload(member.client, `/api/grants/know-how/${knowHow.id}/files`, { title: 'Vår beviljade ansökan', category: 'example' }, [{ fileName: 'ansokan.pdf', content: pdfBytes }]);
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ knowHowId: knowHow.id, callId: null, title: 'Vår beviljade ansökan' });
    const link = await org.adminClient.post(`/api/grants/know-how/${knowHow.id}/links`, { title: 'Redovisningsmall', url: 'https://example.se/mall' });
    expect(link.statusCode).toBe(201);
    expect((await upload(other.adminClient, `/api/grants/know-how/${knowHow.id}/files`, {}, [{ fileName: 'x.pdf', content: pdfBytes }])).statusCode).toBe(403);

    const page = await detail(visitor(), call.id);
    expect(page.documents).toEqual([]);
    expect(page.knowHow[0].documents.map((d) => d.title)).toEqual(['Vår beviljade ansökan', 'Redovisningsmall']);

    expect((await other.adminClient.delete(`/api/grants/documents/${file.json().id}`)).statusCode).toBe(403);
    expect((await org.adminClient.delete(`/api/grants/documents/${file.json().id}`)).statusCode).toBe(204);
    expect((await visitor().get(file.json().downloadUrl)).statusCode).toBe(404);
    expect(await auditActions(file.json().id)).toEqual(['grant.document.delete']);
    // Removing the know-how takes its documents along.
    await member.client.delete(`/api/grants/know-how/${knowHow.id}`);
    expect(await t.app.db.select().from(grantDocuments).where(eq(grantDocuments.id, link.json().id))).toEqual([]);
  });
});

describe('upload quota', () => {
  it('caps what one person uploads in 24 hours with a 429 and Retry-After, also for parallel uploads; links do not count', async () => {
    // 2,000 bytes a day, so that two 800-byte files fit and the third does not.
    const small = await buildTestApp({ GRANT_UPLOAD_DAILY_MB: String(2000 / 1024 / 1024) });
    try {
      const org = await createOrganisation(small.app);
      const created = await org.adminClient.post('/api/grants/calls', callInput());
      expect(created.statusCode, created.body).toBe(201);
      const call = created.json().call as { id: string };
      const file = Buffer.concat([pdfBytes, Buffer.alloc(800 - pdfBytes.length)]);
      const url = `/api/grants/calls/${call.id}/files`;
      const count = async () => Number((await small.app.db.execute<{ n: string }>(sql`select count(*) as n from grant_documents`)).rows[0].n);
      for (const name of ['ett.pdf', 'tva.pdf']) {
        const done = await upload(org.adminClient, url, {}, [{ fileName: name, content: file }]);
        expect(done.statusCode, done.body).toBe(201);
      }
      const third = await upload(org.adminClient, url, {}, [{ fileName: 'tre.pdf', content: file }]);
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(23 * 3600);
      expect(third.json().detail).toBe(message('sv', 'grants.uploadQuota', { mb: 0, hours: 24 }));
      expect(await count()).toBe(2);
      // A link costs no storage.
      expect((await org.adminClient.post(`/api/grants/calls/${call.id}/links`, { title: 'Mall', url: 'https://example.se/mall' })).statusCode).toBe(201);
      // Another person has their own allowance; five at once still get exactly two through.
      const other = await memberOf(small.app, org.organisation.id, org.adminClient);
      const parallel = await Promise.all(Array.from({ length: 5 }, (_, i) => upload(other.client, url, {}, [{ fileName: `p${i}.pdf`, content: file }])));
      expect(parallel.map((r) => r.statusCode).sort()).toEqual([201, 201, 429, 429, 429]);
      expect(await count()).toBe(5);
    } finally {
      await small.close();
    }
  });
});

describe('live', () => {
  it('sends a call’s changes to room grant:<id> and replays what a reconnecting client missed', async () => {
    const org = await createOrganisation(t.app);
    const call = await addCall(org.adminClient);
    const watcher = new LiveClient(url);
    sockets.push(watcher);
    await watcher.connected();
    const ack = await watcher.subscribe(`grant:${call.call.id}`, call.cursor);
    expect(ack).toMatchObject({ ok: true, events: [], reset: false });

    const knowHow = await org.adminClient.post(`/api/grants/calls/${call.call.id}/know-how`, { organisationId: org.organisation.id, status: 'applied', description: 'Vi sökte i våras och delar gärna.' });
    await watcher.waitFor((events) => events.some((e) => e.type === 'grant.knowHowSaved'));
    expect(watcher.ofType('grant.knowHowSaved')[0].data).toEqual({ callId: call.call.id, knowHow: knowHow.json() });
    const seenUpTo = watcher.lastId.get(`grant:${call.call.id}`)!;
    watcher.close();

    // While nobody listens: an ask, a document, an edit of the call.
    await org.adminClient.post(`/api/grants/calls/${call.call.id}/help-requests`, { organisationId: org.organisation.id, text: 'Vem kan läsa vår budget?' });
    await org.adminClient.post(`/api/grants/calls/${call.call.id}/links`, { title: 'Mall', url: 'https://example.se/mall' });
    await org.adminClient.put(`/api/grants/calls/${call.call.id}`, callInput({ title: 'Ändrad titel' }));

    const back = new LiveClient(url);
    sockets.push(back);
    await back.connected();
    const replay = await back.subscribe(`grant:${call.call.id}`, seenUpTo);
    expect(replay.ok && replay.events.map((e) => e.type)).toEqual(['grant.helpRequestSaved', 'grant.documentAdded', 'grant.updated']);
    expect(back.ofType('grant.updated')[0].data).toMatchObject({ call: { id: call.call.id, title: 'Ändrad titel' } });
    expect(replay.ok && replay.events.every((e) => e.room === `grant:${call.call.id}`)).toBe(true);
  });

  it('tells room grants that the list changed; unknown calls have no room', async () => {
    const org = await createOrganisation(t.app);
    const watcher = new LiveClient(url);
    sockets.push(watcher);
    await watcher.connected();
    expect(await watcher.subscribe('grants')).toMatchObject({ ok: true });
    const call = await addCall(org.adminClient);
    const changes = (events: { type: string; data: unknown }[]) => events.filter((e) => e.type === 'grants.changed' && (e.data as { callId: string }).callId === call.call.id).length;
    await watcher.waitFor((events) => changes(events) === 1);
    // The list's counts of know-how and open asks change too.
    const offered = await org.adminClient.post(`/api/grants/calls/${call.call.id}/know-how`, { organisationId: org.organisation.id, status: 'applied', description: 'Vi sökte i fjol.' });
    expect(offered.statusCode, offered.body).toBe(201);
    await watcher.waitFor((events) => changes(events) === 2);
    const asked = await org.adminClient.post(`/api/grants/calls/${call.call.id}/help-requests`, { organisationId: org.organisation.id, text: 'Hur gör man budgeten?' });
    expect(asked.statusCode, asked.body).toBe(201);
    await watcher.waitFor((events) => changes(events) === 3);
    expect((await org.adminClient.patch(`/api/grants/help-requests/${asked.json().id}`, { open: false })).statusCode).toBe(200);
    await watcher.waitFor((events) => changes(events) === 4);
    const unknown = await watcher.subscribe('grant:00000000-0000-4000-8000-000000000000');
    expect(unknown).toEqual({ ok: false, error: { status: 401, message: message('sv', 'error.unauthorized') } });
  });
});

describe('demo content', () => {
  it('seeds upcoming Swedish grant calls with know-how, an ask for help and partner posts, once', async () => {
    const demo = await buildTestApp({ SEED_DEMO: 'true' });
    try {
      const anyone = new ApiClient(demo.app);
      const calls = (await anyone.get('/api/grants/calls?pageSize=100')).json() as GrantCallList;
      expect(calls.items.length).toBeGreaterThanOrEqual(6);
      expect(calls.items.every((c) => c.nextDeadline !== null && c.nextDeadline >= stockholmDate(0))).toBe(true);
      const arvsfonden = calls.items.find((c) => c.funderName === 'Allmänna arvsfonden')!;
      expect(arvsfonden.nextDeadline).toBe(stockholmDate(7));
      const page = (await anyone.get(`/api/grants/calls/${arvsfonden.id}`)).json() as GrantCallDetail;
      expect(page.knowHow.map((k) => k.organisation.name)).toEqual(['Bidragsakademin Stockholm', 'Kista Tech för Alla']);
      expect(page.helpRequests.map((h) => h.organisation.name)).toEqual(['Rinkeby Ungdomsforum']);
      expect((await anyone.get('/api/grants/calls?includePast=true&pageSize=100')).json().total).toBe(calls.total + 1);
      expect((await anyone.get('/api/grants/partners')).json().items).toHaveLength(2);
      // A second start seeds nothing more.
      const { seedDemoOnce } = await import('../../server/db/seed/demo');
      await seedDemoOnce(demo.app.db, demo.app.log);
      expect((await anyone.get('/api/grants/calls?pageSize=100')).json().total).toBe(calls.total);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
