import fp from 'fastify-plugin';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { Server, type Socket } from 'socket.io';
import type { IncomingMessage } from 'node:http';
import { message, pickLocale, type Locale } from '../../shared/messages';
import {
  catchUpLimit,
  subscribeSchema,
  unsubscribeSchema,
  type AckError,
  type ClientToServerEvents,
  type LiveEvent,
  type ServerToClientEvents,
  type SubscribeAck,
} from '../../shared/realtime';
import { fieldErrors } from '../../shared/validation';
import type { Config } from '../config';
import { appMeta } from '../db/schema/index';
import { currentCursor, eventsAfter, eventsChannel } from '../lib/events';
import { validateSession, type AuthUser } from '../lib/sessions';

/** Decides whether a person (null: a visitor) may join a room `prefix:id` (or `prefix`). */
export type RoomAuthorizer = (user: AuthUser | null, id: string | null) => Promise<boolean> | boolean;

interface SocketData {
  user: AuthUser | null;
  sessionId: string | null;
  locale: Locale;
}
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  /** Declares who may join rooms named `prefix` or `prefix:<id>`. A room without one cannot be joined. */
  registerRoom(prefix: string, authorizer: RoomAuthorizer): void;
  /** Emits every committed event not yet emitted, in id order. Cheap; call after a change commits. */
  publish(): void;
  /** Resolves when everything committed so far has been emitted (tests, shutdown). */
  flushed(): Promise<void>;
  /** Called with every emitted event, in order (e.g. the plain WebSocket feed). */
  onEvent(listener: (event: LiveEvent) => void): () => void;
  /**
   * Before relaying an event of this type, re-checks who may stay in its room. Every node relays
   * every event, so access changes take effect on all nodes, before the news itself is delivered.
   */
  revalidateOn(type: LiveEvent['type']): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

const maxRoomsPerSocket = 200;
const pollMs = 2000;

function roomParts(room: string): [string, string | null] {
  const colon = room.indexOf(':');
  return colon === -1 ? [room, null] : [room.slice(0, colon), room.slice(colon + 1)];
}

/**
 * Socket.IO on the app's HTTP server, and the relay that turns committed rows of `events` into
 * room broadcasts. Every node relays from the database (woken by PostgreSQL NOTIFY, a short poll
 * as a safety net), so several nodes need no Socket.IO adapter and a crash between commit and
 * emit loses nothing: the next relay pass, or the client's catch-up, delivers it.
 */
export const realtimePlugin = fp(
  async (app, opts: { config: Config }) => {
    const { config } = opts;
    const allowedOrigins = new Set(config.allowedOrigins);
    const cookieName = config.secureCookies ? '__Host-session' : 'session';
    const authorizers = new Map<string, RoomAuthorizer>();
    const listeners = new Set<(event: LiveEvent) => void>();
    const revalidating = new Set<string>();

    const upgradeListenersBefore = app.server.listeners('upgrade');
    const io: Realtime['io'] = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      // Other upgrade requests (the plain WebSocket feed) are not Socket.IO's to close.
      destroyUpgrade: false,
      // Cross-site WebSocket hijacking defence: a browser always sends Origin; it must be ours.
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        callback(null, !origin || allowedOrigins.has(origin));
      },
    });
    // Socket.IO and @fastify/websocket both listen for upgrades; give each only its own paths.
    const ioUpgradeListeners = app.server.listeners('upgrade').filter((l) => !upgradeListenersBefore.includes(l));
    app.addHook('onReady', async () => {
      const all = app.server.listeners('upgrade') as ((req: IncomingMessage, ...rest: unknown[]) => void)[];
      const others = all.filter((l) => !ioUpgradeListeners.includes(l));
      app.server.removeAllListeners('upgrade');
      app.server.on('upgrade', (req: IncomingMessage, ...rest: unknown[]) => {
        const isIo = (req.url ?? '').startsWith('/socket.io/');
        for (const listener of isIo ? ioUpgradeListeners : others) (listener as (...a: unknown[]) => void).call(app.server, req, ...rest);
      });
    });

    io.use(async (socket, next) => {
      try {
        const headers = socket.handshake.headers;
        const token = headers.cookie ? app.parseCookie(headers.cookie)[cookieName] : undefined;
        const session = token ? await validateSession(app.db, token, config.session) : null;
        socket.data.user = session?.user ?? null;
        socket.data.sessionId = session?.id ?? null;
        socket.data.locale = pickLocale(headers['accept-language']);
        next();
      } catch (err) {
        app.log.error({ err }, 'socket authentication failed');
        next(new Error('internal'));
      }
    });

    function ackError(socket: AppSocket, status: number, key: Parameters<typeof message>[1], fields?: AckError['error']['errors']): AckError {
      return { ok: false, error: { status, message: message(socket.data.locale, key), ...(fields ? { errors: fields } : {}) } };
    }

    async function mayJoin(user: AuthUser | null, room: string): Promise<boolean> {
      const [prefix, id] = roomParts(room);
      const authorizer = authorizers.get(prefix);
      return authorizer ? authorizer(user, id) : false;
    }

    async function prunedThrough(): Promise<number> {
      const [row] = await app.db.select().from(appMeta).where(sql`${appMeta.key} = 'events_pruned_through'`);
      return row ? Number(row.value) : 0;
    }

    io.on('connection', (socket: AppSocket) => {
      socket.on('subscribe', async (request, ack) => {
        if (typeof ack !== 'function') return;
        try {
          const parsed = subscribeSchema.safeParse(request);
          if (!parsed.success) return ack(ackError(socket, 400, 'error.validation', fieldErrors(parsed.error.issues, socket.data.locale)));
          const { room, since } = parsed.data;
          if (!(await mayJoin(socket.data.user, room))) {
            return ack(ackError(socket, socket.data.user ? 403 : 401, socket.data.user ? 'error.forbidden' : 'error.unauthorized'));
          }
          if (!socket.rooms.has(room) && socket.rooms.size > maxRoomsPerSocket) return ack(ackError(socket, 429, 'error.tooManyRooms'));
          // Join first, then read: an event committed in between arrives live and in the catch-up,
          // and the client drops the second copy by id. Reading first could miss it.
          await socket.join(room);
          const cursor = await currentCursor(app.db);
          let answer: SubscribeAck;
          if (since === undefined) {
            answer = { ok: true, room, events: [], cursor, reset: false };
          } else if (since > cursor || since < (await prunedThrough())) {
            // The client knows ids this database never had (it was reset) or that were pruned.
            answer = { ok: true, room, events: [], cursor, reset: true };
          } else {
            const missed = await eventsAfter(app.db, since, catchUpLimit + 1, [room]);
            answer =
              missed.length > catchUpLimit
                ? { ok: true, room, events: [], cursor, reset: true }
                : { ok: true, room, events: missed, cursor: Math.max(cursor, missed.at(-1)?.id ?? 0), reset: false };
          }
          ack(answer);
        } catch (err) {
          app.log.error({ err }, 'subscribe failed');
          ack(ackError(socket, 500, 'error.internal'));
        }
      });

      socket.on('unsubscribe', async (request, ack) => {
        const parsed = unsubscribeSchema.safeParse(request);
        if (!parsed.success) {
          if (typeof ack === 'function') ack(ackError(socket, 400, 'error.validation', fieldErrors(parsed.error.issues, socket.data.locale)));
          return;
        }
        await socket.leave(parsed.data.room);
        if (typeof ack === 'function') ack({ ok: true });
      });
    });

    // The relay: emit committed events in id order, exactly once per node.
    let lastEmitted = 0;
    let running: Promise<void> | null = null;
    let again = false;
    let closed = false;

    async function relay() {
      do {
        again = false;
        for (;;) {
          const batch = await eventsAfter(app.db, lastEmitted, 1000);
          for (const event of batch) {
            if (revalidating.has(event.type)) await revalidateRoom(event.room);
            if (event.type === 'account.changed') await refreshAccount(roomParts(event.room)[1]);
            io.local.to(event.room).emit('event', event);
            for (const listener of listeners) {
              try {
                listener(event);
              } catch (err) {
                app.log.error({ err }, 'event listener failed');
              }
            }
            lastEmitted = event.id;
          }
          if (batch.length < 1000) break;
        }
      } while (again && !closed);
    }

    async function revalidateRoom(room: string) {
      for (const socket of await io.local.in(room).fetchSockets()) {
        if (!(await mayJoin(socket.data.user, room))) socket.leave(room);
      }
    }

    /**
     * Re-reads who each of this person's connections is (from the cookie it connected with): a
     * connection whose session ended is closed, and rooms no longer allowed are left.
     */
    async function refreshAccount(userId: string | null) {
      if (!userId) return;
      for (const socket of io.sockets.sockets.values()) {
        if (socket.data.user?.id !== userId) continue;
        const cookie = socket.handshake.headers.cookie;
        const token = cookie ? app.parseCookie(cookie)[cookieName] : undefined;
        const session = token ? await validateSession(app.db, token, config.session) : null;
        if (!session) {
          socket.disconnect(true);
          continue;
        }
        socket.data.user = session.user;
        for (const room of socket.rooms) {
          if (room !== socket.id && !(await mayJoin(session.user, room))) socket.leave(room);
        }
      }
    }

    function publish() {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      running = relay()
        .catch((err: unknown) => {
          if (!closed) app.log.error({ err }, 'event relay failed');
        })
        .finally(() => {
          running = null;
        });
    }

    const realtime: Realtime = {
      io,
      registerRoom(prefix, authorizer) {
        authorizers.set(prefix, authorizer);
      },
      publish,
      async flushed() {
        publish();
        while (running) await running;
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      revalidateOn(type) {
        revalidating.add(type);
      },
    };
    app.decorate('realtime', realtime);

    // Any state-changing API request may have committed events: relay them right after answering.
    app.addHook('onResponse', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') publish();
    });

    let listener: pg.Client | null = null;
    let poll: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      lastEmitted = await currentCursor(app.db);
      if (config.database.kind === 'postgres') {
        listener = new pg.Client({ connectionString: config.database.url });
        listener.on('notification', () => publish());
        listener.on('error', (err) => app.log.error({ err }, 'event listener connection failed'));
        await listener.connect();
        await listener.query(`listen ${eventsChannel}`);
      }
      poll = setInterval(publish, pollMs);
      poll.unref();
    });

    app.addHook('preClose', async () => {
      closed = true;
      if (poll) clearInterval(poll);
      // Closing the transports (not socket.disconnect()) lets clients reconnect to the next server
      // and catch up; not io.close(), which would close the HTTP server that Fastify closes itself.
      io.engine.close();
    });
    app.addHook('onClose', async () => {
      while (running) await running;
      await listener?.end().catch(() => {});
    });
  },
  { name: 'realtime', dependencies: ['db'] },
);
