import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { catchUpLimit, forumsRoom, type LiveEvent } from '../../../shared/realtime';
import { currentCursor, eventsAfter } from '../../lib/events';
import { listForumRows } from './forum-access';

// A read-only plain-WebSocket feed of the open forums' events, for integrations that do not speak
// Socket.IO (information screens, the city's systems). Documented in the README.
//
// Messages are JSON: {"id", "type", "forumId", "data", "at"} for each event, in id order, and
// {"type": "ready", "cursor"} once the catch-up requested with ?since=<id> has been sent.
// Restricted forums never appear; when a forum becomes restricted its events stop at once.

interface FeedMessage {
  id: number;
  type: string;
  forumId: string | null;
  data: unknown;
  at: string;
}

const feedQuerySchema = z.strictObject({
  since: z.coerce.number({ error: 'field.invalidType' }).int({ error: 'field.invalidType' }).min(0, { error: 'field.tooSmall' }).optional(),
});

export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  let openForums: Promise<Set<string>> | null = null;
  const loadOpenForums = () => (openForums = listForumRows(app.db).then((rows) => new Set(rows.filter((f) => !f.access).map((f) => f.id))));

  /** The feed's view of an event, or null when it is not public. */
  async function toFeed(event: LiveEvent): Promise<FeedMessage | null> {
    if (event.room === forumsRoom) {
      const open = await loadOpenForums();
      // A restricted forum's id stays out of the feed: the message then only says "the list changed".
      const changed = (event.data as { forumId: string | null }).forumId;
      const forumId = changed && open.has(changed) ? changed : null;
      return { id: event.id, type: event.type, forumId, data: { forumId }, at: event.at };
    }
    if (!event.room.startsWith('forum:')) return null;
    const forumId = event.room.slice('forum:'.length);
    if (!(await (openForums ?? loadOpenForums())).has(forumId)) return null;
    return { id: event.id, type: event.type, forumId, data: event.data, at: event.at };
  }

  // Events are turned into feed messages one at a time, in order, then sent to every client.
  const clients = new Set<{ send(message: FeedMessage): void }>();
  let chain = Promise.resolve();
  const unsubscribe = app.realtime.onEvent((event) => {
    if (!clients.size && event.room !== forumsRoom) return;
    chain = chain
      .then(async () => {
        const message = await toFeed(event);
        if (message) for (const client of clients) client.send(message);
      })
      .catch((err: unknown) => app.log.error({ err }, 'feed failed'));
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await chain;
  });

  app.get('/', {
    websocket: true,
    config: { access: 'public' },
    schema: {
      tags: ['forums'],
      summary: 'WebSocket: a read-only JSON feed of the open forums’ events (?since=<id> replays what was missed)',
      querystring: feedQuerySchema,
    },
  }, async (socket: WebSocket, request) => {
    const since = (request.query as z.infer<typeof feedQuerySchema>).since;
    let lastSent = since ?? Number.MAX_SAFE_INTEGER;
    const buffered: FeedMessage[] = [];
    let live = false;
    const send = (message: FeedMessage) => {
      if (message.id <= lastSent && live) return;
      if (!live) {
        buffered.push(message);
        return;
      }
      lastSent = message.id;
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const client = { send };
    clients.add(client);
    socket.on('close', () => clients.delete(client));
    // Incoming messages are ignored: the feed is read-only.
    socket.on('message', () => {});
    try {
      const cursor = await currentCursor(app.db);
      if (since === undefined) {
        lastSent = cursor;
      } else {
        // Replay in batches until caught up; the last batch holds everything up to `cursor`.
        // A cursor this database never reached (it was reset or restored) starts from now, not never.
        lastSent = Math.min(since, cursor);
        for (;;) {
          const missed = await eventsAfter(app.db, lastSent, catchUpLimit);
          for (const event of missed) {
            const message = await toFeed(event);
            if (message && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
            lastSent = event.id;
          }
          if (missed.length < catchUpLimit) break;
        }
        lastSent = Math.max(lastSent, cursor);
      }
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'ready', cursor: lastSent }));
      live = true;
      for (const message of buffered.splice(0)) send(message);
    } catch (err) {
      request.log.error({ err }, 'feed catch-up failed');
      socket.close(1011, 'internal error');
    }
  });
};
