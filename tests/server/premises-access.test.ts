import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { organisationInput, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// Every premises and booking route × every role. "Owner" is the organisation that lends the
// premises, "requester" the one that asks for a time.

const roles = ['visitor', 'user', 'ownerMember', 'ownerAdmin', 'requesterMember', 'requesterAdmin', 'official', 'coordinator', 'admin'] as const;
type Role = (typeof roles)[number];

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface World {
  as: Record<Role, ApiClient>;
  ownerId: string;
  requesterId: string;
  premisesId: string;
  bookingId: string;
  seriesId: string;
  wantedId: string;
  calendarPath: string;
}

function futureTuesday(weeksAhead: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + weeksAhead * 7 + ((2 - ((d.getUTCDay() + 6) % 7) - 1 + 7) % 7));
  return d.toISOString().slice(0, 10);
}

const listing = (organisationId: string) => ({ organisationId, name: 'Salen', type: 'hall', address: 'Götgatan 1', district: 'sodermalm', capacity: 30, costType: 'free' });
const asking = (organisationId: string, weeksAhead: number, weeks = 1) => ({ organisationId, date: futureTuesday(weeksAhead), startTime: '18:00', endTime: '20:00', weeks, purpose: 'Möte', attendees: 5 });

async function world(): Promise<World> {
  const app = t.app;
  const as = {} as Record<Role, ApiClient>;
  as.visitor = new ApiClient(app);
  for (const role of ['user', 'ownerMember', 'ownerAdmin', 'requesterMember', 'requesterAdmin'] as const) as[role] = (await signedInClient(app, 'user')).client;
  for (const role of ['official', 'coordinator', 'admin'] as const) as[role] = (await signedInClient(app, role)).client;
  const owner = (await as.ownerAdmin.post('/api/organisations', organisationInput())).json();
  const requester = (await as.requesterAdmin.post('/api/organisations', organisationInput())).json();
  for (const [role, org, admin] of [['ownerMember', owner, as.ownerAdmin], ['requesterMember', requester, as.requesterAdmin]] as const) {
    await as[role].post(`/api/organisations/${org.id}/members`);
    const me = (await as[role].get('/api/auth/me')).json().user;
    await admin.post(`/api/organisations/${org.id}/members/${me.id}/approve`);
  }
  const premises = (await as.ownerAdmin.post('/api/premises', listing(owner.id))).json();
  const booking = (await as.requesterAdmin.post(`/api/premises/${premises.id}/bookings`, asking(requester.id, 2))).json().bookings[0];
  const series = (await as.requesterAdmin.post(`/api/premises/${premises.id}/bookings`, asking(requester.id, 5, 2))).json().bookings[0];
  const wanted = (await as.requesterAdmin.post('/api/premises/wanted', { organisationId: requester.id, title: 'Rum sökes', description: 'För 10', capacity: 10, when: 'Måndagar' })).json();
  const link = (await as.requesterAdmin.get(`/api/bookings/calendar-link?organisationId=${requester.id}`)).json();
  return { as, ownerId: owner.id, requesterId: requester.id, premisesId: premises.id, bookingId: booking.id, seriesId: series.seriesId, wantedId: wanted.id, calendarPath: new URL(link.url).pathname };
}

type Call = (w: World, client: ApiClient) => Promise<{ statusCode: number }>;
interface Case {
  route: string;
  call: Call;
  expect: Record<Role, number>;
  mutates?: boolean;
}

const everyone = (status: number) => Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
/** Allowed roles get `status`; visitors 401; other signed-in people `refused` (403, or 400 where the organisation field is the problem). */
const only = (allowed: Role[], status: number, refused = 403) =>
  Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? status : r === 'visitor' ? 401 : refused])) as Record<Role, number>;
const involved: Role[] = ['ownerMember', 'ownerAdmin', 'requesterMember', 'requesterAdmin', 'coordinator', 'admin'];

const cases: Case[] = [
  { route: 'GET /api/premises/', call: (_w, c) => c.get('/api/premises?district=sodermalm'), expect: everyone(200) },
  { route: 'POST /api/premises/', call: (w, c) => c.post('/api/premises', listing(w.ownerId)), expect: only(['ownerAdmin', 'coordinator', 'admin'], 201) },
  { route: 'GET /api/premises/wanted', call: (_w, c) => c.get('/api/premises/wanted'), expect: everyone(200) },
  // Posting for an organisation one is not an active member of is a field error on organisationId.
  {
    route: 'POST /api/premises/wanted',
    call: (w, c) => c.post('/api/premises/wanted', { organisationId: w.requesterId, title: 'Rum', description: 'För oss', capacity: 5, when: 'Snart' }),
    expect: only(['requesterMember', 'requesterAdmin'], 201, 400),
  },
  { route: 'PATCH /api/premises/wanted/:id', call: (w, c) => c.patch(`/api/premises/wanted/${w.wantedId}`, { open: false }), mutates: true, expect: only(['requesterAdmin', 'coordinator', 'admin'], 200) },
  {
    route: 'POST /api/premises/wanted/:id/offers',
    call: (w, c) => c.post(`/api/premises/wanted/${w.wantedId}/offers`, { organisationId: w.ownerId, premisesId: w.premisesId, message: 'Hos oss' }),
    expect: only(['ownerMember', 'ownerAdmin'], 201, 400),
  },
  { route: 'GET /api/premises/:id', call: (w, c) => c.get(`/api/premises/${w.premisesId}`), expect: everyone(200) },
  { route: 'PUT /api/premises/:id', call: (w, c) => c.put(`/api/premises/${w.premisesId}`, { ...listing(w.ownerId), capacity: 35 }), expect: only(['ownerAdmin', 'coordinator', 'admin'], 200) },
  { route: 'DELETE /api/premises/:id', call: (w, c) => c.delete(`/api/premises/${w.premisesId}`), mutates: true, expect: only(['ownerAdmin', 'coordinator', 'admin'], 204) },
  { route: 'GET /api/premises/:id/calendar', call: (w, c) => c.get(`/api/premises/${w.premisesId}/calendar`), expect: everyone(200) },
  { route: 'GET /api/premises/:id/calendar.ics', call: (w, c) => c.get(`/api/premises/${w.premisesId}/calendar.ics`), expect: everyone(200) },
  { route: 'POST /api/premises/:id/bookings', call: (w, c) => c.post(`/api/premises/${w.premisesId}/bookings`, asking(w.requesterId, 8)), expect: only(['requesterMember', 'requesterAdmin'], 201, 400) },
  { route: 'GET /api/bookings/', call: (w, c) => c.get(`/api/bookings?organisationId=${w.requesterId}`), expect: only(['requesterMember', 'requesterAdmin', 'coordinator', 'admin'], 200) },
  { route: 'GET /api/bookings/calendar-link', call: (w, c) => c.get(`/api/bookings/calendar-link?organisationId=${w.requesterId}`), expect: only(['requesterMember', 'requesterAdmin', 'coordinator', 'admin'], 200) },
  { route: 'POST /api/bookings/calendar-link', call: (w, c) => c.post('/api/bookings/calendar-link', { organisationId: w.requesterId }), mutates: true, expect: only(['requesterAdmin'], 200) },
  // The secret address is the credential: whoever holds it reads the feed.
  { route: 'GET /api/bookings/calendar/:file', call: (w, c) => c.get(w.calendarPath), expect: everyone(200) },
  { route: 'GET /api/bookings/:id', call: (w, c) => c.get(`/api/bookings/${w.bookingId}`), expect: only(involved, 200) },
  { route: 'POST /api/bookings/:id/approve', call: (w, c) => c.post(`/api/bookings/${w.bookingId}/approve`, {}), mutates: true, expect: only(['ownerAdmin'], 200) },
  { route: 'POST /api/bookings/:id/decline', call: (w, c) => c.post(`/api/bookings/${w.bookingId}/decline`, { message: 'Nej tack' }), mutates: true, expect: only(['ownerAdmin'], 200) },
  { route: 'POST /api/bookings/:id/cancel', call: (w, c) => c.post(`/api/bookings/${w.bookingId}/cancel`), mutates: true, expect: only(['requesterAdmin'], 200) },
  { route: 'POST /api/bookings/series/:id/approve', call: (w, c) => c.post(`/api/bookings/series/${w.seriesId}/approve`, {}), mutates: true, expect: only(['ownerAdmin'], 200) },
];

describe('premises: role × route', () => {
  it('covers every premises and booking route in the API', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/premises') || path.startsWith('/api/bookings'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(cases.map((c) => c.route).sort()).toEqual(documented.sort());
  });

  for (const c of cases) {
    it(`${c.route}`, async () => {
      const w = await world();
      const seen: Record<string, number> = {};
      for (const role of roles) {
        const own = c.mutates && role !== roles[0] ? await world() : w;
        seen[role] = (await c.call(own, own.as[role])).statusCode;
      }
      expect(seen).toEqual(c.expect);
    });
  }
});
