import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  grantCallDetailSchema,
  grantCallInputSchema,
  grantCallListQuerySchema,
  grantCallListSchema,
  grantCallUpdateSchema,
  grantDocumentSchema,
  helpRequestInputSchema,
  helpRequestSchema,
  helpRequestUpdateSchema,
  knowHowInputSchema,
  knowHowSchema,
  knowHowUpdateSchema,
  linkDocumentInputSchema,
  maxDocumentBytes,
  organisationKnowHowSchema,
  partnerListQuerySchema,
  partnerPostInputSchema,
  partnerPostListSchema,
  partnerPostSchema,
  partnerPostUpdateSchema,
} from '../../../shared/grants';
import { problemSchema } from '../../../shared/problem';
import { uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { createCall, getCallDetail, listCalls, setCallArchived, setCallFollow, updateCall } from './calls';
import { addFile, addLink, deleteDocument, readDocumentFile } from './documents';
import {
  createHelpRequest,
  createKnowHow,
  createPartnerPost,
  deleteHelpRequest,
  deleteKnowHow,
  deletePartnerPost,
  listPartnerPosts,
  organisationKnowHow,
  updateHelpRequest,
  updateKnowHow,
  updatePartnerPost,
} from './know-how';
import { contentDisposition } from './sniff';

const tags = ['grants'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const uploadErrors = { ...errors, 413: problemSchema, 415: problemSchema, 422: problemSchema, 429: problemSchema };
const idParams = z.strictObject({ id: uuid });
const noContent = { 204: z.null(), ...errors };
const uploadDescription =
  'multipart/form-data: the part `file` (at most 5 MB: PDF, docx, xlsx, odt, ods, PNG, JPEG, txt or csv, decided from the bytes; ' +
  'a name claiming another type is a 422), and the optional text fields `title` and `category` (template, budget, example, other).';

/**
 * /api/grants: grant calls with deadlines, know-how between organisations, asks for help, "partners
 * wanted" posts and shared documents. Everything is public to read; writing needs a signed-in person,
 * and the services' policies (policy.ts) decide for the row at hand.
 */
export const grantRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this feature takes multipart bodies; the parts are read (and limited) by readUpload.
  await app.register(multipart, { limits: { fileSize: maxDocumentBytes, files: 1 } });

  // --- calls ------------------------------------------------------------------------------------

  app.get('/calls', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Grant calls, open ones by their next deadline; filters: funder kind, target group, deadline range, text, followed',
      querystring: grantCallListQuerySchema,
      response: { 200: grantCallListSchema, 400: problemSchema },
    },
  }, async (request) => listCalls(app.db, request.user, request.query));

  app.post('/calls', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Add a grant call (active organisation members, officials, coordinator, admin)', body: grantCallInputSchema, response: { 201: grantCallDetailSchema, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const id = await createCall(app.db, user, request.body);
    return reply.status(201).send(await getCallDetail(app.db, user, id));
  });

  app.get('/calls/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A call’s page: the call, who offers know-how, who asks for help, partner posts, documents', params: idParams, response: { 200: grantCallDetailSchema, ...errors } },
  }, async (request) => getCallDetail(app.db, request.user, request.params.id));

  app.put('/calls/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit a call (whoever added it, coordinator, admin); deadlines kept keep their reminders', params: idParams, body: grantCallInputSchema, response: { 200: grantCallDetailSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await updateCall(app.db, user, request.params.id, request.body);
    return getCallDetail(app.db, user, request.params.id);
  });

  app.patch('/calls/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Archive or restore a call (whoever added it, coordinator, admin); archived calls leave the list and send no reminders', params: idParams, body: grantCallUpdateSchema, response: { 200: grantCallDetailSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await setCallArchived(app.db, user, request.params.id, request.body.archived);
    return getCallDetail(app.db, user, request.params.id);
  });

  for (const [method, follow] of [['put', true], ['delete', false]] as const) {
    app[method]('/calls/:id/follow', {
      config: { access: 'signedIn' },
      schema: { tags, summary: follow ? 'Follow a call: be reminded 7 days and 1 day before its deadlines (any signed-in person)' : 'Stop following a call (any signed-in person)', params: idParams, response: noContent },
    }, async (request, reply) => {
      await setCallFollow(app.db, requireUser(request), request.params.id, follow);
      return reply.status(204).send(null);
    });
  }

  app.post('/calls/:id/know-how', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Say that your organisation applied for or received this call and can help (its active members; coordinator, admin for any organisation)', params: idParams, body: knowHowInputSchema, response: { 201: knowHowSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createKnowHow(app.db, requireUser(request), request.params.id, request.body)));

  app.post('/calls/:id/help-requests', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Ask for help with this call for your organisation (its active members; coordinator, admin for any organisation)', params: idParams, body: helpRequestInputSchema, response: { 201: helpRequestSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createHelpRequest(app.db, requireUser(request), request.params.id, request.body)));

  app.post('/calls/:id/links', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Share a link (template, budget, example) on a call (active organisation members, officials, coordinator, admin)', params: idParams, body: linkDocumentInputSchema, response: { 201: grantDocumentSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addLink(app.db, requireUser(request), { callId: request.params.id }, request.body)));

  app.post('/calls/:id/files', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Upload a document to a call (active organisation members, officials, coordinator, admin)', description: uploadDescription, params: idParams, response: { 201: grantDocumentSchema, ...uploadErrors } },
  }, async (request, reply) => reply.status(201).send(await addFile(app.db, requireUser(request), { callId: request.params.id }, request, app.config.grantUploadDailyBytes)));

  // --- know-how ---------------------------------------------------------------------------------

  app.patch('/know-how/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit know-how (whoever wrote it, the organisation’s admins, coordinator, admin)', params: idParams, body: knowHowUpdateSchema, response: { 200: knowHowSchema, ...errors } },
  }, async (request) => updateKnowHow(app.db, requireUser(request), request.params.id, request.body));

  app.delete('/know-how/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Remove know-how and its documents (whoever wrote it, the organisation’s admins, coordinator, admin)', params: idParams, response: noContent },
  }, async (request, reply) => {
    await deleteKnowHow(app.db, requireUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/know-how/:id/links', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Share a link with your know-how (the organisation’s active members, coordinator, admin)', params: idParams, body: linkDocumentInputSchema, response: { 201: grantDocumentSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addLink(app.db, requireUser(request), { knowHowId: request.params.id }, request.body)));

  app.post('/know-how/:id/files', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Upload a document with your know-how (the organisation’s active members, coordinator, admin)', description: uploadDescription, params: idParams, response: { 201: grantDocumentSchema, ...uploadErrors } },
  }, async (request, reply) => reply.status(201).send(await addFile(app.db, requireUser(request), { knowHowId: request.params.id }, request, app.config.grantUploadDailyBytes)));

  // --- asks for help ----------------------------------------------------------------------------

  app.patch('/help-requests/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit, close or reopen an ask for help (whoever wrote it, the organisation’s admins, coordinator, admin)', params: idParams, body: helpRequestUpdateSchema, response: { 200: helpRequestSchema, ...errors } },
  }, async (request) => updateHelpRequest(app.db, requireUser(request), request.params.id, request.body));

  app.delete('/help-requests/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Remove an ask for help (whoever wrote it, the organisation’s admins, coordinator, admin)', params: idParams, response: noContent },
  }, async (request, reply) => {
    await deleteHelpRequest(app.db, requireUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  // --- partners wanted --------------------------------------------------------------------------

  app.get('/partners', {
    config: { access: 'public' },
    schema: { tags, summary: '"Partners wanted" posts for joint applications, newest first (open ones unless all=true)', querystring: partnerListQuerySchema, response: { 200: partnerPostListSchema, 400: problemSchema } },
  }, async (request) => listPartnerPosts(app.db, request.query));

  app.post('/partners', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Look for partners for a joint application, about a call or in general (the organisation’s active members; coordinator, admin)', body: partnerPostInputSchema, response: { 201: partnerPostSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createPartnerPost(app.db, requireUser(request), request.body)));

  app.patch('/partners/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit, close or reopen a "partners wanted" post (whoever wrote it, the organisation’s admins, coordinator, admin)', params: idParams, body: partnerPostUpdateSchema, response: { 200: partnerPostSchema, ...errors } },
  }, async (request) => updatePartnerPost(app.db, requireUser(request), request.params.id, request.body));

  app.delete('/partners/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Remove a "partners wanted" post (whoever wrote it, the organisation’s admins, coordinator, admin)', params: idParams, response: noContent },
  }, async (request, reply) => {
    await deletePartnerPost(app.db, requireUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  // --- documents --------------------------------------------------------------------------------

  app.get('/documents/:id/download', {
    config: { access: 'public' },
    schema: { tags, summary: 'Download an uploaded document (as an attachment, with the type decided at upload)', params: idParams, response: { 200: z.any(), ...errors } },
  }, async (request, reply) => {
    const file = await readDocumentFile(app.db, request.params.id);
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('content-length', file.content.length)
      .header('x-content-type-options', 'nosniff')
      // Never rendered as a page of ours, even if a browser were to try.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-cache')
      .send(file.content);
  });

  app.delete('/documents/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Remove a shared document (whoever added it, coordinator, admin; on know-how also the organisation’s admins)', params: idParams, response: noContent },
  }, async (request, reply) => {
    await deleteDocument(app.db, requireUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  // --- an organisation's profile ----------------------------------------------------------------

  app.get('/organisations/:id/know-how', {
    config: { access: 'public' },
    schema: { tags, summary: 'An organisation’s know-how of grant calls, its open asks for help and partner posts (for its profile page)', params: idParams, response: { 200: organisationKnowHowSchema, ...errors } },
  }, async (request) => organisationKnowHow(app.db, request.params.id));
};
