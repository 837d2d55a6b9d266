import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { bookings } from '../../server/db/schema/index';
import { message } from '../../shared/messages';
import type { PremisesInput } from '../../shared/premises';
import { organisationRoom, premisesRoom, userRoom, type LiveEvent } from '../../shared/realtime';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { LiveClient, listen } from '../helpers/live-client';
import { buildTestApp, type TestApp } from '../helpers/test-app';

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

const room = (overrides: Partial<PremisesInput> = {}): Omit<PremisesInput, 'organisationId'> => ({
  name: `Samlingssalen ${Math.random().toString(36).slice(2, 6)}`,
  type: 'hall',
  address: 'Götgatan 1, Stockholm',
  district: 'sodermalm',
  capacity: 40,
  stepFreeAccess: true,
  costType: 'free',
  openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' })),
  ...overrides,
});

/** An owner organisation with premises, and a requester organisation with an admin and a member. */
async function setting(overrides: Partial<PremisesInput> = {}) {
  const owner = await createOrganisation(t.app);
  const requester = await createOrganisation(t.app);
  const created = await owner.adminClient.post('/api/premises', { organisationId: owner.organisation.id, ...room(overrides) });
  expect(created.statusCode, created.body).toBe(201);
  return { owner, requester, premises: created.json() as { id: string; name: string } };
}

/** A member (not admin) of an organisation. */
async function memberOf(organisation: { id: string }, admin: ApiClient) {
  const person = await signedInClient(t.app, 'user');
  await person.client.post(`/api/organisations/${organisation.id}/members`);
  await admin.post(`/api/organisations/${organisation.id}/members/${person.user.id}/approve`);
  return person;
}

/** A local date some weeks ahead on the given ISO weekday. */
function futureDate(weeksAhead: number, isoWeekday = 2): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + weeksAhead * 7);
  const diff = (isoWeekday - (((d.getUTCDay() + 6) % 7) + 1) + 7) % 7;
  d.setUTCDate(d.getUTCDate() + diff);
  return d.toISOString().slice(0, 10);
}

const request = (organisationId: string, overrides: Record<string, unknown> = {}) => ({
  organisationId,
  date: futureDate(2),
  startTime: '18:00',
  endTime: '20:00',
  purpose: 'Styrelsemöte',
  attendees: 10,
  ...overrides,
});

describe('no double booking, ever', () => {
  it('200 concurrent approvals and requests for overlapping slots give exactly one approved booking; every other answer is a 409 naming the clash', async () => {
    const { owner, requester, premises } = await setting();
    const date = futureDate(3);
    // 100 pending requests for overlapping times from the other organisation…
    const pending: string[] = [];
    for (let i = 0; i < 100; i++) {
      const start = `${String(17 + (i % 3)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
      const r = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { date, startTime: start, endTime: '21:00' }));
      expect(r.statusCode, r.body).toBe(201);
      pending.push(r.json().bookings[0].id);
    }
    // …then, all at once, the owner's admin approves all of them and books 100 overlapping times directly.
    const answers = await Promise.all([
      ...pending.map((id) => owner.adminClient.post(`/api/bookings/${id}/approve`, { message: 'Välkomna' })),
      ...Array.from({ length: 100 }, (_, i) =>
        owner.adminClient.post(`/api/premises/${premises.id}/bookings`, request(owner.organisation.id, { date, startTime: `${17 + (i % 3)}:15`, endTime: '20:45' })),
      ),
    ]);
    const ok = answers.filter((a) => a.statusCode === 200 || a.statusCode === 201);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(199);
    for (const answer of refused) {
      const problem = answer.json();
      expect(problem.conflicts).toHaveLength(1);
      expect(problem.conflicts[0]).toMatchObject({ date, reason: 'booked' });
      expect(problem.detail).toBe(message('sv', 'error.bookingConflict', { date, start: problem.conflicts[0].start, end: problem.conflicts[0].end }));
    }
    const approved = await t.app.db.select().from(bookings).where(and(eq(bookings.premisesId, premises.id), eq(bookings.status, 'approved')));
    expect(approved).toHaveLength(1);
  }, 120_000);

  it('a request for a time already booked is refused with the clash; a series reports exactly which dates clash and can take the rest', async () => {
    const { owner, requester, premises } = await setting({ closedDates: [{ date: futureDate(4), note: 'Jullov' }] });
    const own = await owner.adminClient.post(`/api/premises/${premises.id}/bookings`, request(owner.organisation.id, { date: futureDate(3), startTime: '19:00', endTime: '21:00' }));
    expect(own.statusCode).toBe(201);
    expect(own.json().bookings[0].status).toBe('approved');

    const single = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { date: futureDate(3) }));
    expect(single.statusCode).toBe(409);
    expect(single.json().conflicts).toEqual([{ date: futureDate(3), start: '18:00', end: '20:00', reason: 'booked' }]);

    const series = request(requester.organisation.id, { date: futureDate(2), weeks: 4 });
    const refused = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, series);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflicts).toEqual([
      { date: futureDate(3), start: '18:00', end: '20:00', reason: 'booked' },
      { date: futureDate(4), start: '18:00', end: '20:00', reason: 'closed' },
    ]);
    expect(refused.json().detail).toBe(message('sv', 'error.seriesConflicts', { count: 2 }));

    const rest = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, { ...series, skipConflicts: true });
    expect(rest.statusCode).toBe(201);
    expect(rest.json().bookings.map((b: { localDate: string }) => b.localDate)).toEqual([futureDate(2), futureDate(5)]);
    expect(rest.json().skipped.map((s: { date: string }) => s.date)).toEqual([futureDate(3), futureDate(4)]);
    const seriesId = rest.json().bookings[0].seriesId;
    const approved = await owner.adminClient.post(`/api/bookings/series/${seriesId}/approve`, { message: 'Ok' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().approved).toHaveLength(2);
  });

  it('refuses times outside opening hours and in the past, with the reason', async () => {
    const { requester, premises } = await setting();
    const late = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { startTime: '21:00', endTime: '23:00' }));
    expect(late.json().conflicts[0].reason).toBe('outsideHours');
    const past = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { date: '2020-01-07' }));
    expect(past.json().conflicts[0].reason).toBe('past');
    const crowd = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { attendees: 41 }));
    expect(crowd.statusCode).toBe(400);
    expect(crowd.json().errors).toEqual([{ field: 'attendees', message: message('sv', 'premises.overCapacity', { max: 40 }) }]);
  });
});

describe('Stockholm wall-clock time', () => {
  it('a weekly 18:00 booking across the last Sunday of October stays at 18:00 local time', async () => {
    const { owner, premises } = await setting();
    // Tuesdays from 19 October 2027; summer time ends on Sunday 31 October 2027.
    const r = await owner.adminClient.post(`/api/premises/${premises.id}/bookings`, request(owner.organisation.id, { date: '2027-10-19', weeks: 4 }));
    expect(r.statusCode, r.body).toBe(201);
    const made = r.json().bookings as { localDate: string; localStart: string; localEnd: string; start: string; end: string }[];
    expect(made.map((b) => [b.localDate, b.localStart, b.localEnd])).toEqual([
      ['2027-10-19', '18:00', '20:00'],
      ['2027-10-26', '18:00', '20:00'],
      ['2027-11-02', '18:00', '20:00'],
      ['2027-11-09', '18:00', '20:00'],
    ]);
    // UTC+2 before the change, UTC+1 after: the instants move, the wall-clock time does not.
    expect(made.map((b) => b.start)).toEqual(['2027-10-19T16:00:00.000Z', '2027-10-26T16:00:00.000Z', '2027-11-02T17:00:00.000Z', '2027-11-09T17:00:00.000Z']);
  });
});

describe('who decides and who sees what', () => {
  it('only the owner organisation’s admins approve or decline', async () => {
    const { owner, requester, premises } = await setting();
    const ownerMember = await memberOf(owner.organisation, owner.adminClient);
    const coordinator = await signedInClient(t.app, 'coordinator');
    const admin = await signedInClient(t.app, 'admin');
    const stranger = await signedInClient(t.app, 'user');
    const id = (await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id))).json().bookings[0].id;
    for (const who of [ownerMember.client, coordinator.client, admin.client, stranger.client, requester.adminClient]) {
      expect((await who.post(`/api/bookings/${id}/approve`, {})).statusCode).toBe(403);
      expect((await who.post(`/api/bookings/${id}/decline`, { message: 'Nej' })).statusCode).toBe(403);
    }
    expect((await new ApiClient(t.app).post(`/api/bookings/${id}/approve`, {})).statusCode).toBe(401);
    const declined = await owner.adminClient.post(`/api/bookings/${id}/decline`, { message: 'Upptaget av eget möte' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', decisionMessage: 'Upptaget av eget möte' });
    expect((await owner.adminClient.post(`/api/bookings/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('requester details are visible only to the two organisations involved and the coordinator', async () => {
    const { owner, requester, premises } = await setting();
    const ownerMember = await memberOf(owner.organisation, owner.adminClient);
    const requesterMember = await memberOf(requester.organisation, requester.adminClient);
    const coordinator = await signedInClient(t.app, 'coordinator');
    const stranger = await signedInClient(t.app, 'user');
    const id = (await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { purpose: 'Hemligt möte' }))).json().bookings[0].id;
    await owner.adminClient.post(`/api/bookings/${id}/approve`, {});
    const week = futureDate(2);
    const seen = async (client: ApiClient) => (await client.get(`/api/premises/${premises.id}/calendar?week=${week}`)).json().slots.find((s: { id: string }) => s.id === id);
    for (const insider of [owner.adminClient, ownerMember.client, requesterMember.client, coordinator.client]) {
      const slot = await seen(insider);
      expect(slot.requester).toMatchObject({ organisation: { id: requester.organisation.id }, purpose: 'Hemligt möte', person: { email: requester.admin.email } });
      expect((await insider.get(`/api/bookings/${id}`)).statusCode).toBe(200);
    }
    for (const outsider of [stranger.client, new ApiClient(t.app)]) {
      const slot = await seen(outsider);
      expect(slot).toMatchObject({ id, status: 'approved', requester: null });
      expect(JSON.stringify(slot)).not.toContain('Hemligt');
    }
    expect((await stranger.client.get(`/api/bookings/${id}`)).statusCode).toBe(403);
    const ics = await new ApiClient(t.app).get(`/api/premises/${premises.id}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).not.toContain('Hemligt');
  });
});

describe('finding a room and booking it, live', () => {
  it('finds premises free on a date and time, and both sides see the request and the decision live', async () => {
    const { owner, requester, premises } = await setting({ capacity: 25, hearingLoop: true });
    const date = futureDate(6, 4);
    const search = (client: ApiClient, q: string) => client.get(`/api/premises?${q}`);
    const free = await search(requester.adminClient, `date=${date}&from=18:00&to=20:00&capacity=20&hearingLoop=true&district=sodermalm`);
    expect(free.json().items.map((p: { id: string }) => p.id)).toContain(premises.id);

    const ownerLive = new LiveClient(url, { cookie: owner.adminClient.cookie });
    const requesterLive = new LiveClient(url, { cookie: requester.adminClient.cookie });
    const publicLive = new LiveClient(url);
    sockets.push(ownerLive, requesterLive, publicLive);
    await Promise.all([ownerLive.connected(), requesterLive.connected(), publicLive.connected()]);
    const cursor = (await owner.adminClient.get(`/api/premises/${premises.id}/calendar?week=${date}`)).json().cursor;
    expect((await ownerLive.subscribe(organisationRoom(owner.organisation.id), cursor)).ok).toBe(true);
    expect((await requesterLive.subscribe(organisationRoom(requester.organisation.id), cursor)).ok).toBe(true);
    expect((await publicLive.subscribe(premisesRoom(premises.id), cursor)).ok).toBe(true);
    // An outsider cannot listen to an organisation's bookings.
    expect((await publicLive.subscribe(organisationRoom(owner.organisation.id))).ok).toBe(false);

    const asked = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { date }));
    const id = asked.json().bookings[0].id;
    await ownerLive.waitFor((e) => e.some((x) => x.type === 'booking.changed'), 1000, 'the request at the owner');
    await owner.adminClient.post(`/api/bookings/${id}/approve`, { message: 'Välkomna!' });
    const approvedAt = (client: LiveClient) => (e: LiveEvent[]) => e.some((x) => x.type === 'booking.changed' && (x as LiveEvent<'booking.changed'>).data.booking.status === 'approved');
    await requesterLive.waitFor(approvedAt(requesterLive), 1000, 'the approval at the requester');
    await ownerLive.waitFor(approvedAt(ownerLive), 1000, 'the approval at the owner');
    await publicLive.waitFor(approvedAt(publicLive), 1000, 'the busy time in the public calendar');
    const publicView = publicLive.applied.find((x) => x.type === 'booking.changed') as LiveEvent<'booking.changed'>;
    expect(publicView.data.booking.requester).toBeNull();
    const requesterView = requesterLive.applied.at(-1) as LiveEvent<'booking.changed'>;
    expect(requesterView.data.booking.decisionMessage).toBe('Välkomna!');

    // The requester was notified, and the slot is no longer free.
    const notes = (await requester.adminClient.get('/api/notifications')).json().notifications;
    expect(notes.some((n: { kind: string; link: string }) => n.kind === 'bookingApproved' && n.link === `/lokaler/bokningar/${id}`)).toBe(true);
    const after = await search(requester.adminClient, `date=${date}&from=19:00&to=21:00&district=sodermalm`);
    expect(after.json().items.map((p: { id: string }) => p.id)).not.toContain(premises.id);
    // The requester may cancel; the time is free again.
    expect((await requester.adminClient.post(`/api/bookings/${id}/cancel`)).json().status).toBe('cancelled');
    const again = await search(requester.adminClient, `date=${date}&from=19:00&to=21:00&district=sodermalm`);
    expect(again.json().items.map((p: { id: string }) => p.id)).toContain(premises.id);
  });

  it('an organisation’s list shows what is coming first, and the last 90 days on request, so a long history never hides coming requests', async () => {
    const { owner, requester, premises } = await setting();
    // 600 old approved bookings, one a day, ending 100 to 700 days ago: more than a page.
    const old = Array.from({ length: 600 }, (_, i) => ({
      premisesId: premises.id,
      requesterOrganisationId: requester.organisation.id,
      during: sql`tstzrange(now() - make_interval(days => ${700 - i}), now() - make_interval(days => ${700 - i}) + interval '1 hour', '[)')` as unknown as string,
      status: 'approved' as const,
      purpose: 'Förr',
      attendees: 5,
    }));
    await t.app.db.insert(bookings).values(old);
    const recentPast = { ...old[0], during: sql`tstzrange(now() - interval '10 days', now() - interval '10 days' + interval '1 hour', '[)')` as unknown as string, purpose: 'Nyss' };
    await t.app.db.insert(bookings).values(recentPast);
    const coming = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { purpose: 'Kommande' }));
    expect(coming.statusCode).toBe(201);
    const purposes = (list: { bookings: { requester: { purpose: string } }[] }) => list.bookings.map((b) => b.requester.purpose);
    for (const [client, organisationId, side] of [[owner.adminClient, owner.organisation.id, 'owner'], [requester.adminClient, requester.organisation.id, 'requester']] as const) {
      const coming = await client.get(`/api/bookings?organisationId=${organisationId}&side=${side}`);
      expect(coming.statusCode).toBe(200);
      expect(coming.json()).toMatchObject({ total: 1, next: null });
      expect(purposes(coming.json())).toEqual(['Kommande']);
      const past = await client.get(`/api/bookings?organisationId=${organisationId}&side=${side}&when=past`);
      expect(past.json()).toMatchObject({ total: 1, next: null });
      expect(purposes(past.json())).toEqual(['Nyss']);
    }
  });

  it('pages through an organisation’s bookings without repeating or skipping one, even when a booking is added between pages', async () => {
    const { owner, requester, premises } = await setting();
    const series = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { weeks: 7 }));
    expect(series.statusCode).toBe(201);
    const url = (query: string) => `/api/bookings?organisationId=${owner.organisation.id}&side=owner&limit=3${query}`;
    const first = (await owner.adminClient.get(url(''))).json();
    expect(first).toMatchObject({ total: 7 });
    expect(first.bookings).toHaveLength(3);
    // An earlier booking arrives after the first page was read; it is on the live list, not on a later page.
    const earlier = await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { startTime: '08:00', endTime: '09:00' }));
    expect(earlier.statusCode).toBe(201);
    const second = (await owner.adminClient.get(url(`&after=${first.next}`))).json();
    const third = (await owner.adminClient.get(url(`&after=${second.next}`))).json();
    expect(third.next).toBeNull();
    const seen = [...first.bookings, ...second.bookings, ...third.bookings].map((b: { id: string }) => b.id);
    expect(seen).toEqual(series.json().bookings.map((b: { id: string }) => b.id));
    expect(third.total).toBe(8);
    // A status filter counts and pages the same way (the owner's "waiting for you" count).
    const pending = (await owner.adminClient.get(`/api/bookings?organisationId=${owner.organisation.id}&side=owner&status=pending&limit=1`)).json();
    expect(pending.total).toBe(8);
    expect(pending.bookings[0].id).toBe(earlier.json().bookings[0].id);
    const unknown = await owner.adminClient.get(url('&after=00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'querystring.after', message: 'Ogiltigt värde.' }]);
  });

  it('gives an organisation a secret iCal address for its bookings', async () => {
    const { owner, requester, premises } = await setting();
    const id = (await requester.adminClient.post(`/api/premises/${premises.id}/bookings`, request(requester.organisation.id, { purpose: 'Årsmöte' }))).json().bookings[0].id;
    await owner.adminClient.post(`/api/bookings/${id}/approve`, {});
    const link = await requester.adminClient.get(`/api/bookings/calendar-link?organisationId=${requester.organisation.id}`);
    expect(link.statusCode).toBe(200);
    const path = new URL(link.json().url).pathname;
    const feed = await new ApiClient(t.app).get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Årsmöte');
    const renewed = await requester.adminClient.post('/api/bookings/calendar-link', { organisationId: requester.organisation.id });
    expect(new URL(renewed.json().url).pathname).not.toBe(path);
    expect((await new ApiClient(t.app).get(path)).statusCode).toBe(404);
  });

  it('lets an organisation post what it needs and owners answer with an offer', async () => {
    const { owner, requester, premises } = await setting();
    // A visitor watching the wanted posts hears of each change (ids only) and refetches.
    const cursor = (await new ApiClient(t.app).get('/api/premises/wanted')).json().cursor as number;
    const watcher = new LiveClient(url);
    const poster = new LiveClient(url, { cookie: requester.adminClient.cookie });
    sockets.push(watcher, poster);
    await Promise.all([watcher.connected(), poster.connected()]);
    expect((await watcher.subscribe('wanted', cursor)).ok).toBe(true);
    expect((await poster.subscribe(userRoom(requester.admin.id), cursor)).ok).toBe(true);
    const changesOf = (id: string) => watcher.applied.filter((e) => e.type === 'wanted.changed' && (e as LiveEvent<'wanted.changed'>).data.wantedId === id).length;
    const posted = await requester.adminClient.post('/api/premises/wanted', {
      organisationId: requester.organisation.id,
      title: 'Lokal för läxhjälp',
      description: 'Vi behöver ett rum för 15 barn.',
      capacity: 15,
      district: 'sodermalm',
      when: 'Onsdagar 15–17',
    });
    expect(posted.statusCode).toBe(201);
    const offer = await owner.adminClient.post(`/api/premises/wanted/${posted.json().id}/offers`, { organisationId: owner.organisation.id, premisesId: premises.id, message: 'Ni är välkomna hos oss.' });
    expect(offer.statusCode).toBe(201);
    expect(offer.json().offers).toEqual([expect.objectContaining({ premisesId: premises.id, message: 'Ni är välkomna hos oss.' })]);
    await watcher.waitFor(() => changesOf(posted.json().id) === 2, 2000, 'the post and the offer');
    await poster.waitFor((e) => e.some((x) => x.type === 'notification.created' && (x as LiveEvent<'notification.created'>).data.notification.kind === 'premisesOffered'), 2000, 'the offer notice');
    // Whoever posted it hears of the offer, with a link to the wanted posts.
    const notices = (await requester.adminClient.get('/api/notifications')).json();
    expect(notices.notifications[0]).toMatchObject({ kind: 'premisesOffered', link: '/lokaler/sokes', text: `Lokal för läxhjälp — ${owner.organisation.name} (${premises.name})` });
    expect(notices.notifications[0].actor.id).toBe(owner.admin.id);
    const closed = await requester.adminClient.patch(`/api/premises/wanted/${posted.json().id}`, { open: false });
    expect(closed.json().open).toBe(false);
    await watcher.waitFor(() => changesOf(posted.json().id) === 3, 2000, 'the closing');
    // A closed post takes no more offers, and says so.
    const late = await owner.adminClient.post(`/api/premises/wanted/${posted.json().id}/offers`, { organisationId: owner.organisation.id, premisesId: null, message: 'Vi har också ett rum.' }, { headers: { 'accept-language': 'sv' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Efterlysningen är stängd och tar inte emot fler erbjudanden.');
    expect((await new ApiClient(t.app).get('/api/premises/wanted?all=true')).json().items.find((w: { id: string }) => w.id === posted.json().id).offers).toHaveLength(1);
    const list = (await new ApiClient(t.app).get('/api/premises/wanted')).json().items;
    expect(list.some((w: { id: string }) => w.id === posted.json().id)).toBe(false);
  });
});

describe('demo content', () => {
  it('seeds a dozen premises across districts with opening hours, approved and pending bookings and wanted posts, once', async () => {
    const demo = await buildTestApp({ SEED_DEMO: 'true' });
    try {
      const anyone = new ApiClient(demo.app);
      const list = (await anyone.get('/api/premises?pageSize=100')).json() as { total: number; items: { id: string; name: string; district: { slug: string }; organisation: { name: string }; openingHours: unknown[] }[] };
      expect(list.total).toBe(12);
      expect(new Set(list.items.map((p) => p.district.slug)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(list.items.map((p) => p.organisation.name)).size).toBeGreaterThanOrEqual(8);
      expect(list.items.every((p) => p.openingHours.length > 0)).toBe(true);
      const hall = list.items.find((p) => p.name === 'Samlingssalen i Farsta')!;
      const statuses = (await demo.app.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.premisesId, hall.id))).map((b) => b.status);
      expect(statuses).toContain('approved');
      expect(statuses).toContain('pending');
      expect((await anyone.get('/api/premises/wanted')).json().items.length).toBeGreaterThanOrEqual(2);
      const { seedDemoOnce } = await import('../../server/db/seed/demo');
      await seedDemoOnce(demo.app.db, demo.app.log);
      expect((await anyone.get('/api/premises?pageSize=100')).json().total).toBe(12);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
