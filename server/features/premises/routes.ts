import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingListQuerySchema,
  bookingListSchema,
  bookingRequestSchema,
  bookingResultSchema,
  bookingSchema,
  calendarLinkSchema,
  calendarQuerySchema,
  calendarSchema,
  decisionSchema,
  offerInputSchema,
  premisesInputSchema,
  premisesListSchema,
  premisesSchema,
  premisesSearchSchema,
  seriesDecisionSchema,
  wantedInputSchema,
  wantedListSchema,
  wantedSchema,
  wantedUpdateSchema,
} from '../../../shared/premises';
import { problemSchema } from '../../../shared/problem';
import { uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { approveBooking, approveSeries, cancelBooking, declineBooking, getBooking, getBookings, listBookings, requestBooking } from './bookings';
import { calendarLink, organisationIcs, premisesIcs, weekCalendar } from './calendar';
import { isActiveMember, isStaff } from './policy';
import { archivePremises, createPremises, getPremises, searchPremises, updatePremises } from './premises';
import { createWanted, getWanted, listWanted, offerPremises, setWantedOpen } from './wanted';

const tags = ['premises'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const idParams = z.strictObject({ id: uuid });

/** /api/premises: listings, availability search, week calendars, booking requests, "wanted" posts. */
export const premisesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Busy and free times (no requester details) are public; an organisation's room carries details.
  app.realtime.registerRoom('premises', (_user, id) => !!id);
  app.realtime.registerRoom('wanted', (_user, id) => id === null);
  app.realtime.registerRoom('org', (user, id) => !!id && (isActiveMember(user, id) || isStaff(user)));

  app.get('/', {
    config: { access: 'public' },
    schema: { tags, summary: 'Search premises; with date, from and to only those free then', querystring: premisesSearchSchema, response: { 200: premisesListSchema, 400: problemSchema } },
  }, async (request) => searchPremises(app.db, request.user, request.query));

  app.post('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'List premises (admins of the owner organisation, staff)', body: premisesInputSchema, response: { 201: premisesSchema, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const id = await createPremises(app.db, user, request.body);
    return reply.status(201).send(await getPremises(app.db, id, user));
  });

  app.get('/wanted', {
    config: { access: 'public' },
    schema: { tags, summary: '"Wanted" posts: rooms organisations need, with offers', querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }), response: { 200: wantedListSchema, 400: problemSchema } },
  }, async (request) => listWanted(app.db, request.query.all === 'true'));

  app.post('/wanted', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Describe a room your organisation needs (its active members)', body: wantedInputSchema, response: { 201: wantedSchema, ...errors } },
  }, async (request, reply) => {
    const id = await createWanted(app.db, requireUser(request), request.body);
    return reply.status(201).send(await getWanted(app.db, id));
  });

  app.patch('/wanted/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Close or reopen a "wanted" post (its author, the organisation’s admins, staff)', params: idParams, body: wantedUpdateSchema, response: { 200: wantedSchema, ...errors } },
  }, async (request) => {
    await setWantedOpen(app.db, requireUser(request), request.params.id, request.body.open);
    return getWanted(app.db, request.params.id);
  });

  app.post('/wanted/:id/offers', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Offer a room in answer (active members of the offering organisation)', params: idParams, body: offerInputSchema, response: { 201: wantedSchema, ...errors } },
  }, async (request, reply) => {
    await offerPremises(app.db, requireUser(request), request.params.id, request.body);
    return reply.status(201).send(await getWanted(app.db, request.params.id));
  });

  app.get('/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A premises with opening hours and closed dates', params: idParams, response: { 200: premisesSchema, ...errors } },
  }, async (request) => getPremises(app.db, request.params.id, request.user));

  app.put('/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit a listing (admins of the owner organisation, staff)', params: idParams, body: premisesInputSchema, response: { 200: premisesSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await updatePremises(app.db, user, request.params.id, request.body);
    return getPremises(app.db, request.params.id, user);
  });

  app.delete('/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Archive a listing (admins of the owner organisation, staff); bookings stay', params: idParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await archivePremises(app.db, requireUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/:id/calendar', {
    config: { access: 'public' },
    schema: { tags, summary: 'A week: opening hours, closed days, busy times (details only for those involved)', params: idParams, querystring: calendarQuerySchema, response: { 200: calendarSchema, ...errors } },
  }, async (request) => weekCalendar(app.db, request.user, request.params.id, request.query.week));

  app.get('/:id/calendar.ics', {
    config: { access: 'public' },
    schema: { tags, summary: 'iCal feed of a premises’ busy times', params: idParams, response: { 200: z.string(), ...errors } },
  }, async (request, reply) => {
    const body = await premisesIcs(app.db, request.params.id);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="lokal.ics"').send(body);
  });

  app.post('/:id/bookings', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Request one time or a weekly series for your organisation (its active members); 409 lists dates that cannot be booked unless skipConflicts',
      params: idParams,
      body: bookingRequestSchema,
      response: { 201: bookingResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const result = await requestBooking(app.db, user, request.params.id, request.body);
    return reply.status(201).send({ bookings: await getBookings(app.db, user, result.ids), skipped: result.skipped });
  });
};

/** /api/bookings: an organisation's bookings and the decisions on them. */
export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'An organisation’s bookings as requester or owner (its active members, staff)', querystring: bookingListQuerySchema, response: { 200: bookingListSchema, ...errors } },
  }, async (request) => listBookings(app.db, requireUser(request), request.query));

  app.get('/calendar-link', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'The secret iCal address of an organisation’s bookings (its active members, staff)', querystring: z.strictObject({ organisationId: uuid }), response: { 200: calendarLinkSchema, ...errors } },
  }, async (request) => calendarLink(app.db, requireUser(request), request.query.organisationId, app.publicUrl, false));

  app.post('/calendar-link', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Renew the secret iCal address; the old one stops working (organisation admins)', body: z.strictObject({ organisationId: uuid }), response: { 200: calendarLinkSchema, ...errors } },
  }, async (request) => calendarLink(app.db, requireUser(request), request.body.organisationId, app.publicUrl, true));

  app.get('/calendar/:file', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'iCal feed of an organisation’s bookings; the secret address is the credential',
      params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9]{16,64}\.ics$/, { error: 'field.invalid' }) }),
      response: { 200: z.string(), ...errors },
    },
  }, async (request, reply) => {
    const body = await organisationIcs(app.db, request.params.file.replace(/\.ics$/, ''));
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(body);
  });

  app.get('/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'A booking (the two organisations involved, staff)', params: idParams, response: { 200: bookingSchema, ...errors } },
  }, async (request) => getBooking(app.db, requireUser(request), request.params.id));

  app.post('/:id/approve', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Approve a request (admins of the owner organisation); 409 names a clash', params: idParams, body: decisionSchema, response: { 200: bookingSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await approveBooking(app.db, user, request.params.id, request.body.message);
    return getBooking(app.db, user, request.params.id);
  });

  app.post('/:id/decline', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Decline a request with a message (admins of the owner organisation)', params: idParams, body: decisionSchema, response: { 200: bookingSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await declineBooking(app.db, user, request.params.id, request.body.message);
    return getBooking(app.db, user, request.params.id);
  });

  app.post('/:id/cancel', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Withdraw a request or cancel a booking (the requester, its organisation’s admins)', params: idParams, response: { 200: bookingSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await cancelBooking(app.db, user, request.params.id);
    return getBooking(app.db, user, request.params.id);
  });

  app.post('/series/:id/approve', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Approve all pending dates of a series (admins of the owner organisation); skipConflicts approves the rest',
      params: idParams,
      body: seriesDecisionSchema,
      response: { 200: z.object({ approved: z.array(z.uuid()), skipped: bookingResultSchema.shape.skipped }), ...errors },
    },
  }, async (request) => approveSeries(app.db, requireUser(request), request.params.id, request.body.message, request.body.skipConflicts));
};
