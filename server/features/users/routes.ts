import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/problem';
import { userListQuerySchema, userListSchema, userRoleUpdateSchema, userSummarySchema } from '../../../shared/users';
import { uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { listUsers, setUserRole } from './service';

const tags = ['users'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Find accounts', querystring: userListQuerySchema, response: { 200: userListSchema, ...errors } },
  }, async (request) => ({ items: await listUsers(app.db, request.query.q) }));

  app.patch('/:id/role', {
    config: { access: ['admin'] },
    schema: { tags, summary: 'Set a person’s system role', params: z.strictObject({ id: uuid }), body: userRoleUpdateSchema, response: { 200: userSummarySchema, ...errors } },
  }, async (request) => setUserRole(app.db, requireUser(request).id, request.params.id, request.body));
};
