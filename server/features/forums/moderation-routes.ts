import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { flagListQuerySchema, flagListSchema, flagResolutionSchema, flagSchema } from '../../../shared/forums';
import { problemSchema } from '../../../shared/problem';
import { uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { getFlag, listFlags, resolveFlag } from './moderation';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const staff = ['coordinator', 'admin'] as const;

/** /api/moderation: the flag queue (coordinator, admin). */
export const moderationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['moderation'];

  app.get('/flags', {
    config: { access: staff },
    schema: { tags, summary: 'Reported posts, open (oldest first) or resolved (latest first)', querystring: flagListQuerySchema, response: { 200: flagListSchema, ...errors } },
  }, async (request) => listFlags(app.db, requireUser(request), request.query.status));

  app.post('/flags/:id/resolve', {
    config: { access: staff },
    schema: {
      tags,
      summary: 'Dismiss a report, or hide the post (with a reason its author sees)',
      params: z.strictObject({ id: uuid }),
      body: flagResolutionSchema,
      response: { 200: flagSchema, ...errors },
    },
  }, async (request) => {
    const user = requireUser(request);
    await resolveFlag(app.db, user, request.params.id, request.body.action, request.body.reason);
    return getFlag(app.db, user, request.params.id);
  });
};
