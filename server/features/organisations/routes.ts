import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  contactInputSchema,
  contactSchema,
  memberListSchema,
  memberSchema,
  memberUpdateSchema,
  organisationDetailSchema,
  organisationInputSchema,
  organisationListQuerySchema,
  organisationListSchema,
  overviewSchema,
} from '../../../shared/organisations';
import { problemSchema } from '../../../shared/problem';
import { storable, uuid } from '../../../shared/validation';
import { forbidden } from '../../lib/errors';
import type { AuthUser } from '../../lib/sessions';
import { accountChanged, recordEventsNow } from '../../lib/events';
import { requireUser } from '../../plugins/auth';
import { addContact, confirmContact, removeContact, updateContact } from './contacts';
import { listOrganisations, overview } from './directory';
import { approveMember, changeMemberRole, listMembers, removeMember, requestToJoin } from './members';
import { becomesAdminOnCreate, canEditOrganisation, canManageMembers } from './policy';
import { createOrganisation, findOrganisationId, getOrganisation, updateOrganisation } from './profile';

const tags = ['organisations'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const idParams = z.strictObject({ id: uuid });
const contactParams = z.strictObject({ id: uuid, contactId: uuid });
const memberParams = z.strictObject({ id: uuid, userId: uuid });
const noContent = { 204: z.null(), ...errors };

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  /** 404 when the organisation does not exist, 403 when the caller may not act for it. */
  async function authorise(request: FastifyRequest, id: string, allowed: (user: AuthUser, id: string) => boolean) {
    const user = requireUser(request);
    const organisationId = await findOrganisationId(app.db, id);
    if (!allowed(user, organisationId)) throw forbidden();
    return { user, organisationId };
  }

  app.get('/', {
    config: { access: 'public' },
    schema: { tags, summary: 'The directory: filters and typo-tolerant name search', querystring: organisationListQuerySchema, response: { 200: organisationListSchema, 400: problemSchema } },
  }, async (request) => listOrganisations(app.db, request.query));

  app.get('/overview', {
    config: { access: 'public' },
    schema: { tags, summary: 'Counts by district, target group, resource and legal form', response: { 200: overviewSchema } },
  }, async () => overview(app.db));

  app.get('/:ref', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'An organisation’s profile by id or slug (contact details only for signed-in people)',
      params: z.strictObject({ ref: z.string().max(100, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' }) }),
      response: { 200: organisationDetailSchema, ...errors },
    },
  }, async (request) => getOrganisation(app.db, request.params.ref, request.user));

  app.post('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Register an organisation; its creator becomes its admin', body: organisationInputSchema, response: { 201: organisationDetailSchema, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const id = await createOrganisation(app.db, user, request.body);
    // Staff who register on someone's behalf do not become its admin (becomesAdminOnCreate).
    const viewer = becomesAdminOnCreate(user) ? { ...user, memberships: [...user.memberships, { organisationId: id, role: 'admin' as const, status: 'active' as const }] } : user;
    return reply.status(201).send(await getOrganisation(app.db, id, viewer));
  });

  app.put('/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit the profile (organisation admins, coordinator, administrator)', params: idParams, body: organisationInputSchema, response: { 200: organisationDetailSchema, ...errors } },
  }, async (request) => {
    const { user, organisationId } = await authorise(request, request.params.id, canEditOrganisation);
    await updateOrganisation(app.db, user, organisationId, request.body);
    return getOrganisation(app.db, organisationId, user);
  });

  app.post('/:id/contacts', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Add a contact person (organisation admins, coordinator, administrator)', params: idParams, body: contactInputSchema, response: { 201: contactSchema, ...errors } },
  }, async (request, reply) => {
    const { user, organisationId } = await authorise(request, request.params.id, canEditOrganisation);
    return reply.status(201).send(await addContact(app.db, user, organisationId, request.body));
  });

  app.put('/:id/contacts/:contactId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit a contact person (organisation admins, coordinator, administrator)', params: contactParams, body: contactInputSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => {
    const { user, organisationId } = await authorise(request, request.params.id, canEditOrganisation);
    return updateContact(app.db, user, organisationId, request.params.contactId, request.body);
  });

  app.post('/:id/contacts/:contactId/confirm', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Confirm that a contact person is still correct (organisation admins, coordinator, administrator)', params: contactParams, response: { 200: contactSchema, ...errors } },
  }, async (request) => {
    const { user, organisationId } = await authorise(request, request.params.id, canEditOrganisation);
    return confirmContact(app.db, user, organisationId, request.params.contactId);
  });

  app.delete('/:id/contacts/:contactId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Remove a contact person (organisation admins, coordinator, administrator)', params: contactParams, response: noContent },
  }, async (request, reply) => {
    const { user, organisationId } = await authorise(request, request.params.id, canEditOrganisation);
    await removeContact(app.db, user, organisationId, request.params.contactId);
    return reply.status(204).send(null);
  });

  app.get('/:id/members', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Members and join requests (organisation admins, coordinator, administrator)', params: idParams, response: { 200: memberListSchema, ...errors } },
  }, async (request) => {
    const { organisationId } = await authorise(request, request.params.id, canManageMembers);
    return { items: await listMembers(app.db, organisationId) };
  });

  app.post('/:id/members', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Ask to join the organisation; its admins approve', params: idParams, response: { 201: memberSchema, ...errors } },
  }, async (request, reply) => {
    const { user, organisationId } = await authorise(request, request.params.id, () => true);
    return reply.status(201).send(await requestToJoin(app.db, user, organisationId));
  });

  app.post('/:id/members/:userId/approve', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Approve a join request (organisation admins, coordinator, administrator)', params: memberParams, response: { 200: memberSchema, ...errors } },
  }, async (request) => {
    const { user, organisationId } = await authorise(request, request.params.id, canManageMembers);
    // A live event (the person's connections re-check their rooms) is recorded only when something changed.
    return approveMember(app.db, user, organisationId, request.params.userId);
  });

  app.patch('/:id/members/:userId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Make a member an admin or back (organisation admins, coordinator, administrator)', params: memberParams, body: memberUpdateSchema, response: { 200: memberSchema, ...errors } },
  }, async (request) => {
    const { user, organisationId } = await authorise(request, request.params.id, canManageMembers);
    return changeMemberRole(app.db, user, organisationId, request.params.userId, request.body.role);
  });

  app.delete('/:id/members/:userId', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Decline a request, remove a member (organisation admins, coordinator, administrator) or leave (oneself)', params: memberParams, response: noContent },
  }, async (request, reply) => {
    const targetUserId = request.params.userId;
    const { user, organisationId } = await authorise(request, request.params.id, (u, id) => u.id === targetUserId || canManageMembers(u, id));
    await removeMember(app.db, user, organisationId, targetUserId);
    // Live connections re-check their rooms: a removed member stops hearing the organisation's news.
    await recordEventsNow(app.db, [accountChanged(targetUserId)]);
    return reply.status(204).send(null);
  });
};
