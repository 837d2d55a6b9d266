import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/problem';
import { referenceCreateSchema, referenceItemSchema, referenceListSchema, referenceUpdateSchema } from '../../../shared/reference';
import { uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { createReference, deleteReference, listReference, updateReference } from './service';

const tags = ['reference'];
const editors = ['coordinator', 'admin'] as const;
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const params = z.strictObject({ id: uuid });

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', {
    config: { access: 'public' },
    schema: { tags, summary: 'Districts, administrations, target groups and resource kinds', response: { 200: referenceListSchema } },
  }, async () => ({ items: await listReference(app.db) }));

  app.post('/', {
    config: { access: editors },
    schema: { tags, summary: 'Add a reference value', body: referenceCreateSchema, response: { 201: referenceItemSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createReference(app.db, requireUser(request).id, request.body)));

  app.patch('/:id', {
    config: { access: editors },
    schema: { tags, summary: 'Rename, reorder or archive a reference value', params, body: referenceUpdateSchema, response: { 200: referenceItemSchema, ...errors } },
  }, async (request) => updateReference(app.db, requireUser(request).id, request.params.id, request.body));

  app.delete('/:id', {
    config: { access: editors },
    schema: { tags, summary: 'Delete an unused reference value', params, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await deleteReference(app.db, requireUser(request).id, request.params.id);
    return reply.status(204).send(null);
  });
};
