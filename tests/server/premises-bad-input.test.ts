import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { MessageKey } from '../../shared/messages';
import type { Conflict } from '../../shared/premises';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { describeBadInput, documentedRoutes, tableSnapshot, type FieldSpec, type SuiteContext } from '../helpers/bad-input';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { bookingInput, dailyHours, futureDate, listingInput, offerInput, springForward, wantedInput } from './premises-fixtures';

// Bad input on every premises and booking route: each case answers the expected 4xx (never a 500)
// as problem details, names the offending fields in Swedish and in English, and writes nothing. The
// table is checked against the OpenAPI document so that a new route taking input cannot go without
// cases. "Owner" is the admin of the organisation that lends the premises, "requester" the admin of
// the one that asks for times.

type Actor = 'visitor' | 'owner' | 'requester' | 'coordinator';
type Send = (c: ApiClient, w: World) => Promise<LightMyRequestResponse>;

interface Case {
  name: string;
  send: Send;
  status: number;
  errors?: FieldSpec[];
  /** The problem's detail; by default error.validation with field errors, else the status's title. */
  detail?: MessageKey;
  detailParams?: Record<string, string | number>;
  /** The dates a booking request cannot have (409); absent means the problem lists none. */
  conflicts?: Conflict[];
  /** Who sends it, when not the route's usual caller. */
  as?: Actor;
}
interface RouteCases {
  route: string;
  as: Actor;
  cases: Case[];
}
interface World {
  ownerOrg: string;
  requesterOrg: string;
  /** The owner's hall for 30, open 08–22 every day, closed on `closedDate`. */
  premisesId: string;
  archivedId: string;
  /** The requester's own room, without opening hours. */
  requesterPremisesId: string;
  pendingId: string;
  declinedId: string;
  pendingSeriesId: string;
  approvedSeriesId: string;
  wantedId: string;
  closedWantedId: string;
}

let t: TestApp;
let w: World;
const as = {} as Record<Actor, ApiClient>;
const unknownId = '00000000-0000-4000-8000-000000000000';
const closedDate = futureDate(3);
/** The owner's own approved booking of the hall, 18:00–20:00. */
const bookedDate = futureDate(4);
const nightOfChange = springForward();

const notFound = (send: Send): Case => ({ name: 'an unknown id', send, status: 404 });
const badId = (send: Send): Case => ({ name: 'a malformed id', send, status: 400, errors: [['params.id', 'field.uuid']] });
const long = (n: number) => 'x'.repeat(n);
const conflict = (date: string, reason: Conflict['reason'], start = '18:00', end = '20:00'): Conflict => ({ date, start, end, reason });

const premisesUrl = (w: World) => `/api/premises/${w.premisesId}`;
const book = (c: ApiClient, w: World, overrides: Record<string, unknown> = {}) => c.post(`${premisesUrl(w)}/bookings`, bookingInput(w.requesterOrg, overrides));
const list = (c: ApiClient, w: World, query: string) => c.get(`/api/bookings?organisationId=${w.requesterOrg}&${query}`);
const search = (c: ApiClient, query: string) => c.get(`/api/premises?${query}`);
const createListing = (c: ApiClient, w: World, overrides: Record<string, unknown> = {}) => c.post('/api/premises', { ...listingInput(w.ownerOrg), ...overrides });
const editListing = (c: ApiClient, w: World, overrides: Record<string, unknown> = {}) => c.put(premisesUrl(w), { ...listingInput(w.ownerOrg), ...overrides });
const offer = (c: ApiClient, w: World, overrides: Record<string, unknown> = {}) => c.post(`/api/premises/wanted/${w.wantedId}/offers`, offerInput(w.ownerOrg, overrides));

const required = (...fields: string[]): FieldSpec[] => fields.map((f) => [f, 'field.required']);
const listingRequired = required('organisationId', 'name', 'type', 'address', 'district', 'capacity', 'costType');

const table: RouteCases[] = [
  {
    route: 'GET /api/premises/',
    as: 'visitor',
    cases: [
      { name: 'a search text of 101 characters', send: (c) => search(c, `q=${long(101)}`), status: 400, errors: [['querystring.q', 'field.tooLong', { max: 100 }]] },
      // PostgreSQL refuses a NUL in text: it must stop at validation (once a 500).
      { name: 'a NUL character in the search text', send: (c) => search(c, 'q=sal%00en'), status: 400, errors: [['querystring.q', 'field.invalidCharacters']] },
      { name: 'a district that is no slug and an unknown type', send: (c) => search(c, 'district=Söder&type=kyrka'), status: 400, errors: [['querystring.district', 'field.slug'], ['querystring.type', 'field.invalidOption']] },
      { name: 'a capacity of 0 and a flag that is no boolean', send: (c) => search(c, 'capacity=0&stepFreeAccess=ja'), status: 400, errors: [['querystring.capacity', 'field.tooSmall', { min: 1 }], ['querystring.stepFreeAccess', 'field.invalidOption']] },
      { name: 'a capacity in words', send: (c) => search(c, 'capacity=tjugo'), status: 400, errors: [['querystring.capacity', 'field.invalidType']] },
      { name: 'a date that does not exist', send: (c) => search(c, 'date=2026-02-30&from=18:00&to=20:00'), status: 400, errors: [['querystring.date', 'field.date']] },
      { name: 'times of 25:00 and 26:00', send: (c) => search(c, `date=${futureDate(2)}&from=25:00&to=26:00`), status: 400, errors: [['querystring.from', 'field.time'], ['querystring.to', 'field.time']] },
      // The order check compares well-formed times only (once it also blamed `to`).
      { name: 'a time without its leading zero', send: (c) => search(c, `date=${futureDate(2)}&from=8:00&to=10:00`), status: 400, errors: [['querystring.from', 'field.time']] },
      { name: 'a time without a date', send: (c) => search(c, 'from=18:00'), status: 400, errors: [['querystring.date', 'premises.freeNeedsDateAndTimes']] },
      { name: 'a date and a start without an end', send: (c) => search(c, `date=${futureDate(2)}&from=18:00`), status: 400, errors: [['querystring.to', 'premises.freeNeedsDateAndTimes']] },
      { name: 'an end before the start', send: (c) => search(c, `date=${futureDate(2)}&from=20:00&to=18:00`), status: 400, errors: [['querystring.to', 'premises.endBeforeStart']] },
      // PostgreSQL has no year 0 (once a 500); the shared date schema refuses it.
      { name: 'a date in year 0', send: (c) => search(c, 'date=0000-01-04&from=18:00&to=20:00'), status: 400, errors: [['querystring.date', 'field.dateYearZero']] },
      { name: 'page 0 and a page of 101', send: (c) => search(c, 'page=0&pageSize=101'), status: 400, errors: [['querystring.page', 'field.tooSmall', { min: 1 }], ['querystring.pageSize', 'field.tooBig', { max: 100 }]] },
      { name: 'a malformed organisation id', send: (c) => search(c, 'organisationId=42'), status: 400, errors: [['querystring.organisationId', 'field.uuid']] },
      { name: 'an unknown parameter', send: (c) => search(c, 'sort=name'), status: 400, errors: [['querystring.sort', 'field.unknownField', { keys: 'sort' }]] },
    ],
  },
  {
    route: 'POST /api/premises/',
    as: 'owner',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'nothing', send: (c) => c.post('/api/premises', {}), status: 400, errors: listingRequired },
      { name: 'a name too long and an address too short', send: (c, w) => createListing(c, w, { name: long(121), address: 'Gå' }), status: 400, errors: [['name', 'field.tooLong', { max: 120 }], ['address', 'field.tooShort', { min: 3 }]] },
      { name: 'a capacity as text', send: (c, w) => createListing(c, w, { capacity: '30' }), status: 400, errors: [['capacity', 'field.invalidType']] },
      { name: 'a capacity of 0', send: (c, w) => createListing(c, w, { capacity: 0 }), status: 400, errors: [['capacity', 'field.tooSmall', { min: 1 }]] },
      { name: 'a capacity of 10,001 and a flag as text', send: (c, w) => createListing(c, w, { capacity: 10_001, hearingLoop: 'ja' }), status: 400, errors: [['capacity', 'field.tooBig', { max: 10_000 }], ['hearingLoop', 'field.invalidType']] },
      { name: 'an unknown type and cost type', send: (c, w) => createListing(c, w, { type: 'church', costType: 'gratis' }), status: 400, errors: [['type', 'field.invalidOption'], ['costType', 'field.invalidOption']] },
      {
        name: 'texts too long',
        send: (c, w) => createListing(c, w, { equipment: long(1001), houseRules: long(3001), costDescription: long(501), approver: long(201), description: long(3001) }),
        status: 400,
        errors: [['equipment', 'field.tooLong', { max: 1000 }], ['houseRules', 'field.tooLong', { max: 3000 }], ['costDescription', 'field.tooLong', { max: 500 }], ['approver', 'field.tooLong', { max: 200 }], ['description', 'field.tooLong', { max: 3000 }]],
      },
      { name: 'a NUL character in the name', send: (c, w) => createListing(c, w, { name: 'Sal\u0000en' }), status: 400, errors: [['name', 'field.invalidCharacters']] },
      { name: 'opening hours in words', send: (c, w) => createListing(c, w, { openingHours: 'vardagar 8–17' }), status: 400, errors: [['openingHours', 'field.invalidType']] },
      {
        name: 'weekdays 0 and 8',
        send: (c, w) => createListing(c, w, { openingHours: [{ weekday: 0, opens: '08:00', closes: '17:00' }, { weekday: 8, opens: '08:00', closes: '17:00' }] }),
        status: 400,
        errors: [['openingHours.0.weekday', 'field.tooSmall', { min: 1 }], ['openingHours.1.weekday', 'field.tooBig', { max: 7 }]],
      },
      // The order check compares well-formed times only ('8:00' sorts after '25:00').
      {
        name: 'opening at 8:00 and closing at 25:00',
        send: (c, w) => createListing(c, w, { openingHours: [{ weekday: 1, opens: '8:00', closes: '25:00' }] }),
        status: 400,
        errors: [['openingHours.0.opens', 'field.time'], ['openingHours.0.closes', 'field.time']],
      },
      { name: 'closing before opening', send: (c, w) => createListing(c, w, { openingHours: [{ weekday: 1, opens: '18:00', closes: '08:00' }] }), status: 400, errors: [['openingHours.0.closes', 'premises.closesBeforeOpens']] },
      { name: 'opening at 24:00', send: (c, w) => createListing(c, w, { openingHours: [{ weekday: 1, opens: '24:00', closes: '24:00' }] }), status: 400, errors: [['openingHours.0.closes', 'premises.closesBeforeOpens']] },
      { name: 'a slot without its weekday and with a note', send: (c, w) => createListing(c, w, { openingHours: [{ opens: '08:00', closes: '17:00', note: 'jul' }] }), status: 400, errors: [['openingHours.0.weekday', 'field.required'], ['openingHours.0.note', 'field.unknownField', { keys: 'note' }]] },
      { name: '29 slots', send: (c, w) => createListing(c, w, { openingHours: [...dailyHours, ...dailyHours, ...dailyHours, ...dailyHours, dailyHours[0]] }), status: 400, errors: [['openingHours', 'field.tooBig', { max: 28 }]] },
      {
        name: 'a closed date that does not exist and a note too long',
        send: (c, w) => createListing(c, w, { closedDates: [{ date: '2026-02-30' }, { date: closedDate, note: long(201) }] }),
        status: 400,
        errors: [['closedDates.0.date', 'field.date'], ['closedDates.1.note', 'field.tooLong', { max: 200 }]],
      },
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'a closed day without its date', send: (c, w) => createListing(c, w, { closedDates: [{ note: 'Jul' }] }), status: 400, errors: [['closedDates.0.date', 'field.required']] },
      { name: 'closed dates in words', send: (c, w) => createListing(c, w, { closedDates: 'jullovet' }), status: 400, errors: [['closedDates', 'field.invalidType']] },
      { name: '367 closed dates', send: (c, w) => createListing(c, w, { closedDates: Array.from({ length: 367 }, () => ({ date: closedDate })) }), status: 400, errors: [['closedDates', 'field.tooBig', { max: 366 }]] },
      // PostgreSQL has no year 0 (once a 500); the shared date schema refuses it.
      { name: 'a closed date in year 0', send: (c, w) => createListing(c, w, { closedDates: [{ date: '0000-01-01' }] }), status: 400, errors: [['closedDates.0.date', 'field.dateYearZero']] },
      { name: 'an unknown district', send: (c, w) => createListing(c, w, { district: 'atlantis' }), status: 400, errors: [['district', 'error.unknownReference', { field: 'district' }]] },
      { name: 'a malformed organisation id', send: (c, w) => createListing(c, w, { organisationId: 'stadsmissionen' }), status: 400, errors: [['organisationId', 'field.uuid']] },
      { name: 'an unknown organisation (staff)', as: 'coordinator', send: (c, w) => createListing(c, w, { organisationId: unknownId }), status: 400, errors: [['organisationId', 'error.unknownOrganisation', { field: 'organisationId' }]] },
      { name: 'an unknown field', send: (c, w) => createListing(c, w, { archived: true }), status: 400, errors: [['archived', 'field.unknownField', { keys: 'archived' }]] },
    ],
  },
  {
    route: 'GET /api/premises/wanted',
    as: 'visitor',
    cases: [
      { name: 'a flag that is no boolean', send: (c) => c.get('/api/premises/wanted?all=ja'), status: 400, errors: [['querystring.all', 'field.invalidOption']] },
      { name: 'an unknown parameter', send: (c) => c.get('/api/premises/wanted?open=false'), status: 400, errors: [['querystring.open', 'field.unknownField', { keys: 'open' }]] },
    ],
  },
  {
    route: 'POST /api/premises/wanted',
    as: 'requester',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'nothing', send: (c) => c.post('/api/premises/wanted', {}), status: 400, errors: required('organisationId', 'title', 'description', 'capacity', 'when') },
      { name: 'a description too long', send: (c, w) => c.post('/api/premises/wanted', wantedInput(w.requesterOrg, { title: 'Rum', description: long(3001) })), status: 400, errors: [['description', 'field.tooLong', { max: 3000 }]] },
      { name: 'a title of two letters and a when too long', send: (c, w) => c.post('/api/premises/wanted', wantedInput(w.requesterOrg, { title: 'Ru', when: long(301) })), status: 400, errors: [['title', 'field.tooShort', { min: 3 }], ['when', 'field.tooLong', { max: 300 }]] },
      { name: 'a capacity of 0', send: (c, w) => c.post('/api/premises/wanted', wantedInput(w.requesterOrg, { capacity: 0 })), status: 400, errors: [['capacity', 'field.tooSmall', { min: 1 }]] },
      { name: 'a capacity as text and a district that is no slug', send: (c, w) => c.post('/api/premises/wanted', wantedInput(w.requesterOrg, { capacity: '15', district: 'Söder' })), status: 400, errors: [['capacity', 'field.invalidType'], ['district', 'field.slug']] },
      { name: 'an unknown district', send: (c, w) => c.post('/api/premises/wanted', wantedInput(w.requesterOrg, { district: 'atlantis' })), status: 400, errors: [['district', 'error.unknownReference', { field: 'district' }]] },
      { name: 'another organisation', send: (c, w) => c.post('/api/premises/wanted', wantedInput(w.ownerOrg)), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'a malformed organisation id', send: (c) => c.post('/api/premises/wanted', wantedInput('1')), status: 400, errors: [['organisationId', 'field.uuid']] },
      { name: 'an unknown field', send: (c, w) => c.post('/api/premises/wanted', { ...wantedInput(w.requesterOrg), open: false }), status: 400, errors: [['open', 'field.unknownField', { keys: 'open' }]] },
    ],
  },
  {
    route: 'PATCH /api/premises/wanted/:id',
    as: 'requester',
    cases: [
      { name: 'nothing', send: (c, w) => c.patch(`/api/premises/wanted/${w.wantedId}`, {}), status: 400, errors: [['open', 'field.required']] },
      { name: 'open as text', send: (c, w) => c.patch(`/api/premises/wanted/${w.wantedId}`, { open: 'nej' }), status: 400, errors: [['open', 'field.invalidType']] },
      { name: 'an unknown field', send: (c, w) => c.patch(`/api/premises/wanted/${w.wantedId}`, { open: false, title: 'Nytt' }), status: 400, errors: [['title', 'field.unknownField', { keys: 'title' }]] },
      badId((c) => c.patch('/api/premises/wanted/7', { open: false })),
      notFound((c) => c.patch(`/api/premises/wanted/${unknownId}`, { open: false })),
    ],
  },
  {
    route: 'POST /api/premises/wanted/:id/offers',
    as: 'owner',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'nothing', send: (c, w) => c.post(`/api/premises/wanted/${w.wantedId}/offers`, {}), status: 400, errors: required('organisationId', 'message') },
      { name: 'a short message and a malformed premises id', send: (c, w) => offer(c, w, { message: 'Ja', premisesId: 'salen' }), status: 400, errors: [['premisesId', 'field.uuid'], ['message', 'field.tooShort', { min: 3 }]] },
      { name: 'another organisation’s premises', send: (c, w) => offer(c, w, { premisesId: w.requesterPremisesId }), status: 400, errors: [['premisesId', 'field.invalid']] },
      { name: 'an archived listing', send: (c, w) => offer(c, w, { premisesId: w.archivedId }), status: 400, errors: [['premisesId', 'field.invalid']] },
      { name: 'unknown premises', send: (c, w) => offer(c, w, { premisesId: unknownId }), status: 400, errors: [['premisesId', 'field.invalid']] },
      { name: 'an organisation one is no member of', send: (c, w) => offer(c, w, { organisationId: w.requesterOrg }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'an answer to one’s own post', as: 'requester', send: (c, w) => offer(c, w, { organisationId: w.requesterOrg }), status: 400, errors: [['organisationId', 'premises.offerOwnWanted']] },
      { name: 'a closed post', send: (c, w) => c.post(`/api/premises/wanted/${w.closedWantedId}/offers`, offerInput(w.ownerOrg)), status: 409, detail: 'error.wantedClosed' },
      { name: 'an unknown field', send: (c, w) => offer(c, w, { price: 0 }), status: 400, errors: [['price', 'field.unknownField', { keys: 'price' }]] },
      badId((c, w) => c.post('/api/premises/wanted/x/offers', offerInput(w.ownerOrg))),
      notFound((c, w) => c.post(`/api/premises/wanted/${unknownId}/offers`, offerInput(w.ownerOrg))),
    ],
  },
  {
    route: 'GET /api/premises/:id',
    as: 'visitor',
    cases: [badId((c) => c.get('/api/premises/salen')), notFound((c) => c.get(`/api/premises/${unknownId}`))],
  },
  {
    route: 'PUT /api/premises/:id',
    as: 'owner',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'nothing', send: (c, w) => c.put(premisesUrl(w), {}), status: 400, errors: listingRequired },
      { name: 'moving it to another organisation', send: (c, w) => editListing(c, w, { organisationId: w.requesterOrg }), status: 400, errors: [['organisationId', 'field.invalid']] },
      { name: 'closing before opening', send: (c, w) => editListing(c, w, { openingHours: [{ weekday: 7, opens: '12:00', closes: '11:45' }] }), status: 400, errors: [['openingHours.0.closes', 'premises.closesBeforeOpens']] },
      { name: 'an unknown district', send: (c, w) => editListing(c, w, { district: 'atlantis' }), status: 400, errors: [['district', 'error.unknownReference', { field: 'district' }]] },
      { name: 'a capacity below 1', send: (c, w) => editListing(c, w, { capacity: -5 }), status: 400, errors: [['capacity', 'field.tooSmall', { min: 1 }]] },
      badId((c, w) => c.put('/api/premises/1', listingInput(w.ownerOrg))),
      notFound((c, w) => c.put(`/api/premises/${unknownId}`, listingInput(w.ownerOrg))),
    ],
  },
  {
    route: 'DELETE /api/premises/:id',
    as: 'owner',
    cases: [badId((c) => c.delete('/api/premises/1')), notFound((c) => c.delete(`/api/premises/${unknownId}`))],
  },
  {
    route: 'GET /api/premises/:id/calendar',
    as: 'visitor',
    cases: [
      { name: 'a week on a day that does not exist', send: (c, w) => c.get(`${premisesUrl(w)}/calendar?week=2026-02-30`), status: 400, errors: [['querystring.week', 'field.date']] },
      { name: 'a week number', send: (c, w) => c.get(`${premisesUrl(w)}/calendar?week=2026-W48`), status: 400, errors: [['querystring.week', 'field.date']] },
      // PostgreSQL has no year 0 (once a 500); the shared date schema refuses it.
      { name: 'a week in year 0', send: (c, w) => c.get(`${premisesUrl(w)}/calendar?week=0000-03-06`), status: 400, errors: [['querystring.week', 'field.dateYearZero']] },
      { name: 'an unknown parameter', send: (c, w) => c.get(`${premisesUrl(w)}/calendar?weeks=2`), status: 400, errors: [['querystring.weeks', 'field.unknownField', { keys: 'weeks' }]] },
      badId((c) => c.get('/api/premises/salen/calendar')),
      notFound((c) => c.get(`/api/premises/${unknownId}/calendar`)),
    ],
  },
  {
    route: 'GET /api/premises/:id/calendar.ics',
    as: 'visitor',
    cases: [badId((c) => c.get('/api/premises/salen/calendar.ics')), notFound((c) => c.get(`/api/premises/${unknownId}/calendar.ics`))],
  },
  {
    route: 'POST /api/premises/:id/bookings',
    as: 'requester',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'nothing', send: (c, w) => c.post(`${premisesUrl(w)}/bookings`, {}), status: 400, errors: required('organisationId', 'date', 'startTime', 'endTime', 'purpose', 'attendees') },
      { name: 'a JSON list', send: (c, w) => c.post(`${premisesUrl(w)}/bookings`, [bookingInput(w.requesterOrg)]), status: 400, errors: [['(body)', 'field.invalidType']] },
      { name: 'plain text', send: (c, w) => c.post(`${premisesUrl(w)}/bookings`, 'tisdag 18–20', { headers: { 'content-type': 'text/plain' } }), status: 415 },
      { name: 'a date that does not exist', send: (c, w) => book(c, w, { date: '2026-02-30' }), status: 400, errors: [['date', 'field.date']] },
      { name: 'a date written the Swedish way', send: (c, w) => book(c, w, { date: '24/11/2026' }), status: 400, errors: [['date', 'field.date']] },
      { name: 'times of 25:00 and 26:00', send: (c, w) => book(c, w, { startTime: '25:00', endTime: '26:00' }), status: 400, errors: [['startTime', 'field.time'], ['endTime', 'field.time']] },
      // The order check compares well-formed times only (once it also blamed endTime).
      { name: 'a start time without its leading zero', send: (c, w) => book(c, w, { startTime: '8:00', endTime: '10:00' }), status: 400, errors: [['startTime', 'field.time']] },
      { name: 'an end before the start', send: (c, w) => book(c, w, { startTime: '20:00', endTime: '18:00' }), status: 400, errors: [['endTime', 'premises.endBeforeStart']] },
      { name: 'an end at the start', send: (c, w) => book(c, w, { startTime: '18:00', endTime: '18:00' }), status: 400, errors: [['endTime', 'premises.endBeforeStart']] },
      { name: 'a time as a number', send: (c, w) => book(c, w, { startTime: 1800 }), status: 400, errors: [['startTime', 'field.invalidType']] },
      { name: '0 weeks', send: (c, w) => book(c, w, { weeks: 0 }), status: 400, errors: [['weeks', 'field.tooSmall', { min: 1 }]] },
      { name: '53 weeks', send: (c, w) => book(c, w, { weeks: 53 }), status: 400, errors: [['weeks', 'field.tooBig', { max: 52 }]] },
      { name: 'one and a half weeks and weeks as text', send: (c, w) => c.post(`${premisesUrl(w)}/bookings`, { ...bookingInput(w.requesterOrg, { weeks: 1.5 }), skipConflicts: 'ja' }), status: 400, errors: [['weeks', 'field.invalidType'], ['skipConflicts', 'field.invalidType']] },
      { name: 'weeks as text', send: (c, w) => book(c, w, { weeks: '2' }), status: 400, errors: [['weeks', 'field.invalidType']] },
      { name: 'no one attending', send: (c, w) => book(c, w, { attendees: 0 }), status: 400, errors: [['attendees', 'field.tooSmall', { min: 1 }]] },
      { name: '10,001 attending', send: (c, w) => book(c, w, { attendees: 10_001 }), status: 400, errors: [['attendees', 'field.tooBig', { max: 10_000 }]] },
      { name: 'more attending than the room holds', send: (c, w) => book(c, w, { attendees: 31 }), status: 400, errors: [['attendees', 'premises.overCapacity', { max: 30 }]] },
      { name: 'a purpose too short', send: (c, w) => book(c, w, { purpose: 'Mö' }), status: 400, errors: [['purpose', 'field.tooShort', { min: 3 }]] },
      { name: 'a purpose too long', send: (c, w) => book(c, w, { purpose: long(501) }), status: 400, errors: [['purpose', 'field.tooLong', { max: 500 }]] },
      { name: 'a NUL character in the purpose', send: (c, w) => book(c, w, { purpose: 'Möte\u0000' }), status: 400, errors: [['purpose', 'field.invalidCharacters']] },
      { name: 'an unknown field', send: (c, w) => book(c, w, { status: 'approved' }), status: 400, errors: [['status', 'field.unknownField', { keys: 'status' }]] },
      { name: 'a malformed organisation id', send: (c, w) => book(c, w, { organisationId: 'vi' }), status: 400, errors: [['organisationId', 'field.uuid']] },
      { name: 'another organisation', send: (c, w) => book(c, w, { organisationId: w.ownerOrg }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      // PostgreSQL has no year 0 (once a 500); the shared date schema refuses it.
      { name: 'a date in year 0', send: (c, w) => book(c, w, { date: '0000-01-04' }), status: 400, errors: [['date', 'field.dateYearZero']] },
      // A series running into year 10000 (once a 500).
      { name: 'a series into year 10000', send: (c, w) => book(c, w, { date: '9999-12-21', weeks: 3 }), status: 400, errors: [['date', 'premises.dateRange']] },
      // A time the clocks skip made an empty or reversed range (once a 500).
      {
        name: 'a time the clocks skip',
        send: (c, w) => c.post(`/api/premises/${w.requesterPremisesId}/bookings`, bookingInput(w.requesterOrg, { date: nightOfChange, startTime: '02:00', endTime: '03:00' })),
        status: 400,
        errors: [['startTime', 'premises.nonexistentTime', { date: nightOfChange, time: '02:00' }]],
      },
      { name: 'a date in the past', send: (c, w) => book(c, w, { date: '2020-01-07' }), status: 409, detail: 'error.bookingPast', detailParams: { date: '2020-01-07', start: '18:00', end: '20:00' }, conflicts: [conflict('2020-01-07', 'past')] },
      { name: 'a closed day', send: (c, w) => book(c, w, { date: closedDate }), status: 409, detail: 'error.bookingClosed', detailParams: { date: closedDate, start: '18:00', end: '20:00' }, conflicts: [conflict(closedDate, 'closed')] },
      {
        name: 'a time outside the opening hours',
        send: (c, w) => book(c, w, { startTime: '21:00', endTime: '23:00' }),
        status: 409,
        detail: 'error.bookingOutsideHours',
        detailParams: { date: futureDate(2), start: '21:00', end: '23:00' },
        conflicts: [conflict(futureDate(2), 'outsideHours', '21:00', '23:00')],
      },
      { name: 'a time already booked', send: (c, w) => book(c, w, { date: bookedDate }), status: 409, detail: 'error.bookingConflict', detailParams: { date: bookedDate, start: '18:00', end: '20:00' }, conflicts: [conflict(bookedDate, 'booked')] },
      {
        name: 'a series over a closed day and a booked one',
        send: (c, w) => book(c, w, { weeks: 3 }),
        status: 409,
        detail: 'error.seriesConflicts',
        detailParams: { count: 2 },
        conflicts: [conflict(closedDate, 'closed'), conflict(bookedDate, 'booked')],
      },
      { name: 'an archived listing', send: (c, w) => c.post(`/api/premises/${w.archivedId}/bookings`, bookingInput(w.requesterOrg)), status: 409, detail: 'error.premisesArchived' },
      badId((c, w) => c.post('/api/premises/salen/bookings', bookingInput(w.requesterOrg))),
      notFound((c, w) => c.post(`/api/premises/${unknownId}/bookings`, bookingInput(w.requesterOrg))),
    ],
  },
  {
    route: 'GET /api/bookings/',
    as: 'requester',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'no organisation', send: (c) => c.get('/api/bookings'), status: 400, errors: [['querystring.organisationId', 'field.required']] },
      { name: 'a malformed organisation id', send: (c) => c.get('/api/bookings?organisationId=vi'), status: 400, errors: [['querystring.organisationId', 'field.uuid']] },
      { name: 'two organisations', send: (c, w) => c.get(`/api/bookings?organisationId=${w.requesterOrg}&organisationId=${w.ownerOrg}`), status: 400, errors: [['querystring.organisationId', 'field.uuid']] },
      { name: 'an unknown side and status', send: (c, w) => list(c, w, 'side=both&status=maybe'), status: 400, errors: [['querystring.side', 'field.invalidOption'], ['querystring.status', 'field.invalidOption']] },
      { name: 'an unknown period', send: (c, w) => list(c, w, 'when=soon'), status: 400, errors: [['querystring.when', 'field.invalidOption']] },
      { name: 'a malformed page mark', send: (c, w) => list(c, w, 'after=100'), status: 400, errors: [['querystring.after', 'field.uuid']] },
      { name: 'an unknown page mark', send: (c, w) => list(c, w, `after=${unknownId}`), status: 400, errors: [['querystring.after', 'field.invalid']] },
      { name: 'an unknown page mark for past bookings', send: (c, w) => list(c, w, `when=past&after=${unknownId}`), status: 400, errors: [['querystring.after', 'field.invalid']] },
      // The owner's own booking is not on the requester's list: no place to continue from.
      { name: 'a page mark from another organisation’s list', send: (c, w) => list(c, w, `side=owner&after=${w.pendingId}`), status: 400, errors: [['querystring.after', 'field.invalid']] },
      { name: 'an organisation that does not exist (staff)', as: 'coordinator', send: (c) => c.get(`/api/bookings?organisationId=${unknownId}`), status: 404 },
      { name: 'a limit of 0', send: (c, w) => list(c, w, 'limit=0'), status: 400, errors: [['querystring.limit', 'field.tooSmall', { min: 1 }]] },
      { name: 'a limit of 501', send: (c, w) => list(c, w, 'limit=501'), status: 400, errors: [['querystring.limit', 'field.tooBig', { max: 500 }]] },
      { name: 'a limit in words', send: (c, w) => list(c, w, 'limit=alla'), status: 400, errors: [['querystring.limit', 'field.invalidType']] },
      { name: 'a limit of 2.5', send: (c, w) => list(c, w, 'limit=2.5'), status: 400, errors: [['querystring.limit', 'field.invalidType']] },
      { name: 'an unknown parameter', send: (c, w) => list(c, w, 'page=2'), status: 400, errors: [['querystring.page', 'field.unknownField', { keys: 'page' }]] },
    ],
  },
  {
    route: 'GET /api/bookings/calendar-link',
    as: 'requester',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'no organisation', send: (c) => c.get('/api/bookings/calendar-link'), status: 400, errors: [['querystring.organisationId', 'field.required']] },
      { name: 'a malformed organisation id', send: (c) => c.get('/api/bookings/calendar-link?organisationId=vi'), status: 400, errors: [['querystring.organisationId', 'field.uuid']] },
      { name: 'an unknown parameter', send: (c, w) => c.get(`/api/bookings/calendar-link?organisationId=${w.requesterOrg}&renew=true`), status: 400, errors: [['querystring.renew', 'field.unknownField', { keys: 'renew' }]] },
      // It was a 500 (a token for an organisation that does not exist); fixed in calendar.ts.
      { name: 'an unknown organisation (staff)', as: 'coordinator', send: (c) => c.get(`/api/bookings/calendar-link?organisationId=${unknownId}`), status: 404 },
    ],
  },
  {
    route: 'POST /api/bookings/calendar-link',
    as: 'requester',
    cases: [
      // A missing id or date is "required", not "invalid id" / "enter a date as YYYY-MM-DD".
      { name: 'nothing', send: (c) => c.post('/api/bookings/calendar-link', {}), status: 400, errors: [['organisationId', 'field.required']] },
      { name: 'a malformed organisation id', send: (c) => c.post('/api/bookings/calendar-link', { organisationId: 12 }), status: 400, errors: [['organisationId', 'field.uuid']] },
      { name: 'an unknown field', send: (c, w) => c.post('/api/bookings/calendar-link', { organisationId: w.requesterOrg, token: 'abc' }), status: 400, errors: [['token', 'field.unknownField', { keys: 'token' }]] },
    ],
  },
  {
    route: 'GET /api/bookings/calendar/:file',
    as: 'visitor',
    cases: [
      { name: 'a file name too short', send: (c) => c.get('/api/bookings/calendar/abc.ics'), status: 400, errors: [['params.file', 'field.invalid']] },
      { name: 'a file that is no iCal file', send: (c) => c.get(`/api/bookings/calendar/${'a'.repeat(32)}.json`), status: 400, errors: [['params.file', 'field.invalid']] },
      { name: 'a path in the file name', send: (c) => c.get(`/api/bookings/calendar/..%2F${'a'.repeat(32)}.ics`), status: 400, errors: [['params.file', 'field.invalid']] },
      { name: 'an unknown address', send: (c) => c.get(`/api/bookings/calendar/${'A'.repeat(32)}.ics`), status: 404 },
    ],
  },
  {
    route: 'GET /api/bookings/:id',
    as: 'requester',
    cases: [badId((c) => c.get('/api/bookings/1')), notFound((c) => c.get(`/api/bookings/${unknownId}`))],
  },
  {
    route: 'POST /api/bookings/:id/approve',
    as: 'owner',
    cases: [
      { name: 'a message too long', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/approve`, { message: long(1001) }), status: 400, errors: [['message', 'field.tooLong', { max: 1000 }]] },
      { name: 'a message as a number', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/approve`, { message: 42 }), status: 400, errors: [['message', 'field.invalidType']] },
      { name: 'a NUL character in the message', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/approve`, { message: 'Välkomna\u0000' }), status: 400, errors: [['message', 'field.invalidCharacters']] },
      { name: 'an unknown field', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/approve`, { status: 'approved' }), status: 400, errors: [['status', 'field.unknownField', { keys: 'status' }]] },
      { name: 'a request already declined', send: (c, w) => c.post(`/api/bookings/${w.declinedId}/approve`, {}), status: 409, detail: 'error.bookingNotPending' },
      badId((c) => c.post('/api/bookings/1/approve', {})),
      notFound((c) => c.post(`/api/bookings/${unknownId}/approve`, {})),
    ],
  },
  {
    route: 'POST /api/bookings/:id/decline',
    as: 'owner',
    cases: [
      { name: 'a message too long', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/decline`, { message: long(1001) }), status: 400, errors: [['message', 'field.tooLong', { max: 1000 }]] },
      { name: 'a message as a list', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/decline`, { message: ['Nej'] }), status: 400, errors: [['message', 'field.invalidType']] },
      { name: 'an unknown field', send: (c, w) => c.post(`/api/bookings/${w.pendingId}/decline`, { message: 'Nej', reason: 'full' }), status: 400, errors: [['reason', 'field.unknownField', { keys: 'reason' }]] },
      { name: 'a request already declined', send: (c, w) => c.post(`/api/bookings/${w.declinedId}/decline`, { message: 'Nej' }), status: 409, detail: 'error.bookingNotPending' },
      badId((c) => c.post('/api/bookings/1/decline', {})),
      notFound((c) => c.post(`/api/bookings/${unknownId}/decline`, {})),
    ],
  },
  {
    route: 'POST /api/bookings/:id/cancel',
    as: 'requester',
    cases: [
      { name: 'a request already declined', send: (c, w) => c.post(`/api/bookings/${w.declinedId}/cancel`), status: 409, detail: 'error.bookingNotPending' },
      badId((c) => c.post('/api/bookings/1/cancel')),
      notFound((c) => c.post(`/api/bookings/${unknownId}/cancel`)),
    ],
  },
  {
    route: 'POST /api/bookings/series/:id/approve',
    as: 'owner',
    cases: [
      { name: 'skipConflicts as text', send: (c, w) => c.post(`/api/bookings/series/${w.pendingSeriesId}/approve`, { skipConflicts: 'ja' }), status: 400, errors: [['skipConflicts', 'field.invalidType']] },
      { name: 'a message too long', send: (c, w) => c.post(`/api/bookings/series/${w.pendingSeriesId}/approve`, { message: long(1001) }), status: 400, errors: [['message', 'field.tooLong', { max: 1000 }]] },
      { name: 'an unknown field', send: (c, w) => c.post(`/api/bookings/series/${w.pendingSeriesId}/approve`, { weeks: 2 }), status: 400, errors: [['weeks', 'field.unknownField', { keys: 'weeks' }]] },
      { name: 'a series with nothing pending', send: (c, w) => c.post(`/api/bookings/series/${w.approvedSeriesId}/approve`, {}), status: 409, detail: 'error.bookingNotPending' },
      { name: 'a booking’s id, not a series’', send: (c, w) => c.post(`/api/bookings/series/${w.pendingId}/approve`, {}), status: 404 },
      badId((c) => c.post('/api/bookings/series/1/approve', {})),
      notFound((c) => c.post(`/api/bookings/series/${unknownId}/approve`, {})),
    ],
  },
];

const tables = [
  'premises',
  'premises_opening_hours',
  'premises_closed_dates',
  'booking_series',
  'bookings',
  'premises_wanted',
  'premises_offers',
  'calendar_tokens',
  'notifications',
  'events',
  'audit_log',
];

const snapshot = () => tableSnapshot(t.app, tables);

/** What the API shows of everything the bad requests aimed at. */
async function views() {
  const read = async (c: ApiClient, url: string) => {
    const response = await c.get(url);
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
  return {
    calendar: await read(as.owner, `${premisesUrl(w)}/calendar?week=${futureDate(2)}`),
    premises: await read(as.owner, `/api/premises?organisationId=${w.ownerOrg}`),
    wanted: await read(as.visitor, '/api/premises/wanted?all=true'),
    requested: await read(as.requester, `/api/bookings?organisationId=${w.requesterOrg}`),
    received: await read(as.owner, `/api/bookings?organisationId=${w.ownerOrg}&side=owner`),
  };
}

const suite: SuiteContext<World, Actor> = { client: (actor) => as[actor], world: () => w, state: async () => ({ tables: await snapshot(), views: await views() }) };

beforeAll(async () => {
  t = await buildTestApp();
  const app = t.app;
  const owner = await createOrganisation(app);
  const requester = await createOrganisation(app);
  as.visitor = new ApiClient(app);
  as.owner = owner.adminClient;
  as.requester = requester.adminClient;
  as.coordinator = (await signedInClient(app, 'coordinator')).client;
  const ownerOrg = owner.organisation.id;
  const requesterOrg = requester.organisation.id;
  const created = async (response: Promise<LightMyRequestResponse>, status = 201) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  const hall = await created(as.owner.post('/api/premises', listingInput(ownerOrg, { openingHours: dailyHours, closedDates: [{ date: closedDate, note: 'Stängt' }] })));
  const archived = await created(as.owner.post('/api/premises', listingInput(ownerOrg)));
  expect((await as.owner.delete(`/api/premises/${archived.id}`)).statusCode).toBe(204);
  const room = await created(as.requester.post('/api/premises', listingInput(requesterOrg, { name: 'Föreningsrummet' })));
  const ask = (input: Record<string, unknown>) => created(as.requester.post(`/api/premises/${hall.id}/bookings`, bookingInput(requesterOrg, input)));
  const pending = (await ask({})).bookings[0];
  const declined = (await ask({ startTime: '10:00', endTime: '12:00' })).bookings[0];
  await created(as.owner.post(`/api/bookings/${declined.id}/decline`, { message: 'Upptaget' }), 200);
  const pendingSeries = (await ask({ date: futureDate(5), weeks: 2 })).bookings[0].seriesId;
  const approvedSeries = (await ask({ date: futureDate(7), weeks: 2 })).bookings[0].seriesId;
  await created(as.owner.post(`/api/bookings/series/${approvedSeries}/approve`, {}), 200);
  const own = await created(as.owner.post(`/api/premises/${hall.id}/bookings`, bookingInput(ownerOrg, { date: bookedDate })));
  expect(own.bookings[0].status).toBe('approved');
  const wanted = await created(as.requester.post('/api/premises/wanted', wantedInput(requesterOrg)));
  const closed = await created(as.requester.post('/api/premises/wanted', wantedInput(requesterOrg, { title: 'Kök för matlagning' })));
  await created(as.requester.patch(`/api/premises/wanted/${closed.id}`, { open: false }), 200);
  await created(as.requester.get(`/api/bookings/calendar-link?organisationId=${requesterOrg}`), 200);
  w = {
    ownerOrg,
    requesterOrg,
    premisesId: hall.id,
    archivedId: archived.id,
    requesterPremisesId: room.id,
    pendingId: pending.id,
    declinedId: declined.id,
    pendingSeriesId: pendingSeries,
    approvedSeriesId: approvedSeries,
    wantedId: wanted.id,
    closedWantedId: closed.id,
  };
});
afterAll(() => t.close());

describe('premises: bad input', () => {
  it('has cases for every premises and booking route that takes input', async () => {
    const documented = (await documentedRoutes(t.app, ['/api/premises', '/api/bookings'])).filter((d) => d.takesInput).map((d) => d.route);
    const covered = table.map((r) => r.route);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered.sort()).toEqual(documented.sort());
    for (const r of table) expect(r.cases.length, r.route).toBeGreaterThan(0);
  });

  it('answers a search for a time the clocks skip with what is free, not a 500 (it was one)', async () => {
    const before = await snapshot();
    for (const [from, to] of [['02:30', '03:15'], ['02:00', '03:00']]) {
      const response = await search(as.visitor, `date=${nightOfChange}&from=${from}&to=${to}&pageSize=100`);
      expect(response.statusCode, response.body).toBe(200);
      const ids = response.json().items.map((p: { id: string }) => p.id);
      // The room without opening hours is free at any time; the hall opens at 08:00.
      expect(ids).toContain(w.requesterPremisesId);
      expect(ids).not.toContain(w.premisesId);
    }
    expect(await snapshot()).toEqual(before);
  });

  describeBadInput(table, suite, (c) => ({ ...c, extra: { conflicts: c.conflicts } }));
});
