import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markReadSchema, notificationListSchema } from '../../../shared/notifications';
import { problemSchema } from '../../../shared/problem';
import { z } from 'zod';
import { requireUser } from '../../plugins/auth';
import { listNotifications, markRead } from './service';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Each person's notifications arrive live in their own room, and only there.
  app.realtime.registerRoom('user', (user, id) => !!user && user.id === id);

  app.get('/', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My latest notifications and the unread count', response: { 200: notificationListSchema, 401: problemSchema } },
  }, async (request) => listNotifications(app.db, requireUser(request).id));

  app.post('/read', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Mark some (ids) or all of my notifications read', body: markReadSchema, response: { 200: z.object({ unreadCount: z.number().int() }), 400: problemSchema, 401: problemSchema } },
  }, async (request) => markRead(app.db, requireUser(request).id, request.body.ids));
};
