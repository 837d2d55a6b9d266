import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdThreadSchema,
  forumInputSchema,
  forumListSchema,
  forumOrderSchema,
  forumPageSchema,
  forumSchema,
  forumUpdateSchema,
  idempotencyHeadersSchema,
  mentionableListSchema,
  mentionQuerySchema,
  searchQuerySchema,
  searchResultSchema,
  threadInputSchema,
  threadListQuerySchema,
} from '../../../shared/forums';
import { problemSchema } from '../../../shared/problem';
import { storable, uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { createForum, forumPage, getForum, listForums, orderForums, setForumFollow, updateForum } from './forums';
import { createThread } from './posting';
import { getPost } from './threads';
import { presentThread, selectThread } from './presenter';
import { mentionables, searchPosts } from './search';

const tags = ['forums'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 429: problemSchema };
const staff = ['coordinator', 'admin'] as const;
const idParams = z.strictObject({ id: uuid });
const noContent = { 204: z.null(), ...errors };

/** /api/forums: the forum list, a forum's threads, new threads, search, and the coordinator's forum admin. */
export const forumRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', {
    config: { access: 'public' },
    schema: { tags, summary: 'Forums the caller may read, with counts (and unread counts when signed in)', response: { 200: forumListSchema } },
  }, async (request) => listForums(app.db, request.user));

  app.post('/', {
    config: { access: staff },
    schema: { tags, summary: 'Create a forum, open or restricted to roles, organisations and people', body: forumInputSchema, response: { 201: forumSchema, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const id = await createForum(app.db, user, request.body);
    return reply.status(201).send(await getForum(app.db, id, user));
  });

  app.put('/order', {
    config: { access: staff },
    schema: { tags, summary: 'Set the order of all forums', body: forumOrderSchema, response: { 200: forumListSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await orderForums(app.db, user, request.body.ids);
    return listForums(app.db, user);
  });

  app.get('/search', {
    config: { access: 'public' },
    schema: { tags, summary: 'Swedish full-text search across the forums the caller may read', querystring: searchQuerySchema, response: { 200: searchResultSchema, 400: problemSchema } },
  }, async (request) => searchPosts(app.db, request.user, request.query));

  app.get('/mentionables', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'People and organisations to @mention, by name', querystring: mentionQuerySchema, response: { 200: mentionableListSchema, 400: problemSchema, 401: problemSchema } },
  }, async (request) => mentionables(app.db, request.query.q));

  app.get('/:ref', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A forum (by id or slug) and a page of its threads, pinned first, then latest activity',
      // A NUL cannot be compared with a slug in PostgreSQL (it was a 500); it can match no forum anyway.
      params: z.strictObject({ ref: z.string().max(100, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' }) }),
      querystring: threadListQuerySchema,
      response: { 200: forumPageSchema, ...errors },
    },
  }, async (request) => forumPage(app.db, request.params.ref, request.user, request.query.page, request.query.pageSize));

  app.patch('/:id', {
    config: { access: staff },
    schema: { tags, summary: 'Rename, describe, archive or restrict a forum', params: idParams, body: forumUpdateSchema, response: { 200: forumSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await updateForum(app.db, user, request.params.id, request.body);
    return getForum(app.db, request.params.id, user);
  });

  for (const [method, follow] of [['put', true], ['delete', false]] as const) {
    app[method]('/:id/follow', {
      config: { access: 'signedIn' },
      schema: { tags, summary: follow ? 'Follow a forum: be told about new threads' : 'Stop following a forum', params: idParams, response: noContent },
    }, async (request, reply) => {
      await setForumFollow(app.db, requireUser(request), request.params.id, follow);
      return reply.status(204).send(null);
    });
  }

  app.post('/:id/threads', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Start a thread. Send an Idempotency-Key header: a retry with the same key returns the first result.',
      params: idParams,
      headers: idempotencyHeadersSchema,
      body: threadInputSchema,
      response: { 200: createdThreadSchema, 201: createdThreadSchema, ...errors },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const result = await createThread(app.db, app.config.forumLimits, user, request.params.id, request.body, request.headers['idempotency-key']);
    const thread = presentThread((await selectThread(app.db, result.threadId))!);
    return reply.status(result.created ? 201 : 200).send({ thread, post: await getPost(app.db, user, result.postId) });
  });
};
