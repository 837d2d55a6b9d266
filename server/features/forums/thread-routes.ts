import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  earlierRepliesQuerySchema,
  earlierRepliesSchema,
  flagInputSchema,
  idempotencyHeadersSchema,
  moderationReasonSchema,
  postEditSchema,
  postInputSchema,
  postSchema,
  reactionSchema,
  reactionStateSchema,
  revisionListSchema,
  threadPageSchema,
  threadSummarySchema,
  threadUpdateSchema,
} from '../../../shared/forums';
import { problemSchema } from '../../../shared/problem';
import { uuid } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { hidePost, flagPost, unhidePost, updateThread } from './moderation';
import { createReply, deletePost, editPost } from './posting';
import { presentThread, selectThread } from './presenter';
import { earlierReplies, getPost, markThreadRead, postRevisionList, setReaction, setThreadFollow, threadPage } from './threads';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 429: problemSchema };
const staff = ['coordinator', 'admin'] as const;
const idParams = z.strictObject({ id: uuid });
const noContent = { 204: z.null(), ...errors };

/** /api/threads: reading a thread, replying, following, marking read; the coordinator pins, locks, moves. */
export const threadRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['forums'];

  app.get('/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A thread with its posts (readers of its forum)', params: idParams, response: { 200: threadPageSchema, ...errors } },
  }, async (request) => threadPage(app.db, request.params.id, request.user));

  app.get('/:id/posts', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Earlier replies: the page just before a reply already shown (readers of its forum)',
      params: idParams,
      querystring: earlierRepliesQuerySchema,
      response: { 200: earlierRepliesSchema, ...errors },
    },
  }, async (request) => earlierReplies(app.db, request.params.id, request.user, request.query.before));

  app.patch('/:id', {
    config: { access: staff },
    schema: { tags, summary: 'Rename, pin, lock or move a thread', params: idParams, body: threadUpdateSchema, response: { 200: threadSummarySchema, ...errors } },
  }, async (request) => {
    await updateThread(app.db, requireUser(request), request.params.id, request.body);
    return presentThread((await selectThread(app.db, request.params.id))!);
  });

  app.post('/:id/posts', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Reply. Send an Idempotency-Key header: a retry with the same key returns the first result.',
      params: idParams,
      headers: idempotencyHeadersSchema,
      body: postInputSchema,
      response: { 200: postSchema, 201: postSchema, ...errors },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const result = await createReply(app.db, app.config.forumLimits, user, request.params.id, request.body, request.headers['idempotency-key']);
    return reply.status(result.created ? 201 : 200).send(await getPost(app.db, user, result.postId));
  });

  for (const [method, follow] of [['put', true], ['delete', false]] as const) {
    app[method]('/:id/follow', {
      config: { access: 'signedIn' },
      schema: { tags, summary: follow ? 'Follow a thread: be told about replies' : 'Stop following a thread', params: idParams, response: noContent },
    }, async (request, reply) => {
      await setThreadFollow(app.db, requireUser(request), request.params.id, follow);
      return reply.status(204).send(null);
    });
  }

  app.post('/:id/read', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Mark the thread read up to now', params: idParams, response: noContent },
  }, async (request, reply) => {
    await markThreadRead(app.db, requireUser(request), request.params.id);
    return reply.status(204).send(null);
  });
};

/** /api/posts: editing, removing, reacting, flagging; the coordinator hides and unhides. */
export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['forums'];

  app.patch('/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit one’s own post (the earlier text is kept as history)', params: idParams, body: postEditSchema, response: { 200: postSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await editPost(app.db, user, request.params.id, request.body.body);
    return getPost(app.db, user, request.params.id);
  });

  app.delete('/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Remove a post (its author, or the coordinator); replies stay', params: idParams, response: { 200: postSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await deletePost(app.db, user, request.params.id);
    return getPost(app.db, user, request.params.id);
  });

  app.get('/:id/revisions', {
    config: { access: 'public' },
    schema: { tags, summary: 'Earlier versions of an edited post', params: idParams, response: { 200: revisionListSchema, ...errors } },
  }, async (request) => postRevisionList(app.db, request.user, request.params.id));

  for (const [method, on] of [['put', true], ['delete', false]] as const) {
    app[method]('/:id/reactions/:reaction', {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: on ? 'Add one’s reaction to a post' : 'Take back one’s reaction',
        params: z.strictObject({ id: uuid, reaction: reactionSchema }),
        response: { 200: reactionStateSchema, ...errors },
      },
    }, async (request) => setReaction(app.db, requireUser(request), request.params.id, request.params.reaction, on));
  }

  app.post('/:id/flags', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Report a post to the coordinator, with a reason', params: idParams, body: flagInputSchema, response: { 201: z.object({ id: z.uuid() }), ...errors } },
  }, async (request, reply) => reply.status(201).send(await flagPost(app.db, requireUser(request), request.params.id, request.body.reason)));

  app.post('/:id/hide', {
    config: { access: staff },
    schema: { tags, summary: 'Hide a post; its author sees the reason', params: idParams, body: moderationReasonSchema, response: { 200: postSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await hidePost(app.db, user, request.params.id, request.body.reason);
    return getPost(app.db, user, request.params.id);
  });

  app.post('/:id/unhide', {
    config: { access: staff },
    schema: { tags, summary: 'Show a hidden post again', params: idParams, response: { 200: postSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    await unhidePost(app.db, user, request.params.id);
    return getPost(app.db, user, request.params.id);
  });
};
