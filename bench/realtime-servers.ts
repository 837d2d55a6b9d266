// Child process of bench/realtime.ts: one server, alone in its process so that its RSS is its own.
//   bare: http.createServer + a plain Socket.IO server; a poster's 'post' becomes io.to(room).emit('event', …)
//   ours: the whole app (buildApp, with its realtime plugin) on PostgreSQL (BENCH_RT_DATABASE_URL) or,
//         without it, PGlite in memory; the readers are signed-in people whose sessions are written
//         straight to the database with the server's own createSession (no sign-in throttle).
// Usage: realtime-servers.ts bare|ours <number of reader cookies>
// Talks to the parent over IPC: sends { type: 'ready', … } once listening, answers 'rss', 'cpu', 'stop'.
// Started with --expose-gc so that RSS is read after a full collection.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';

export const benchOrigin = 'http://localhost:3000';

export type ServerMessage =
  | { type: 'ready'; port: number; db: string; forumId: string; threadId: string; cookie: string | null; cursor: number; readerCookies: string[]; setupMs: number }
  | { type: 'rss'; rss: number; heapUsed: number; sockets: number; cpuMs: number }
  | { type: 'cpu'; cpuMs: number }
  | { type: 'emits'; emits: Record<string, { at: number; took: number; cpu: number }> }
  | { type: 'error'; message: string };
export type ServerCommand = { cmd: 'rss' } | { cmd: 'cpu' } | { cmd: 'emits' } | { cmd: 'stop' };

const send = (m: ServerMessage) => process.send!(m);
const mode = process.argv[2];
const readerCount = Number(process.argv[3] ?? 0);
if ((mode !== 'bare' && mode !== 'ours') || !Number.isInteger(readerCount) || readerCount < 0) throw new Error('usage: realtime-servers.ts bare|ours <readers>');

// Without an IPC channel (parent gone) there is nothing to serve.
process.on('disconnect', () => process.exit(0));

let countSockets: () => number = () => 0;

// When each bench post's event starts going out to the room: the adapter's broadcast (what
// io.to(room).emit calls, once per emit, before writing to any socket) is wrapped the same way in
// both servers. The server's part of the latency ends here; the rest is the fan-out, the network
// and the clients. Times on the same clock as the parent's and the clients' (timeOrigin + now).
const now = () => performance.timeOrigin + performance.now();
const markerPattern = /\[bench:([a-z0-9-]+)\]/;
/**
 * Per bench post: when its broadcast began, how long the call took (the synchronous fan-out: encode
 * once, write to every socket) and the process's CPU time in it (on a busy machine the wall time
 * also counts time spent waiting for a core).
 */
const emits: Record<string, { at: number; took: number; cpu: number }> = {};
function timeBroadcasts(io: Server) {
  const adapter = io.of('/').adapter as unknown as { broadcast(packet: { data?: unknown[] }, opts: unknown): void };
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    const t = now();
    const event = packet.data?.[1] as { type?: string; data?: { post?: { body?: string | null } } } | undefined;
    const marker = event?.type === 'post.created' ? event.data?.post?.body?.match(markerPattern)?.[1] : undefined;
    const cpu = process.cpuUsage();
    broadcast(packet, opts);
    if (marker) {
      const used = process.cpuUsage(cpu);
      emits[marker] = { at: t, took: now() - t, cpu: (used.user + used.system) / 1000 };
    }
  };
}
let stop: () => Promise<void> = async () => {};

async function startBare() {
  const setupStarted = Date.now();
  // Cookies of the same shape as ours (a 32-character token), which this server ignores: the
  // harness sends byte for byte the same handshake to both servers.
  const readerCookies = Array.from({ length: readerCount }, () => `session=${randomBytes(20).toString('base64url').slice(0, 32).toLowerCase()}`);
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  const forumId = randomUUID();
  const threadId = randomUUID();
  const room = `forum:${forumId}`;
  const authorId = randomUUID();
  const started = new Date().toISOString();
  let id = 0;
  let replies = 0;
  io.on('connection', (socket) => {
    socket.on('subscribe', async (request: { room: string; since?: number }, ack: (a: unknown) => void) => {
      await socket.join(request.room);
      if (typeof ack === 'function') ack({ ok: true, room: request.room, events: [], cursor: id, reset: false });
    });
    // The same shape as our post.created event: { id, room, type, data: { thread, post }, at }.
    socket.on('post', (request: { body: string }) => {
      const now = new Date().toISOString();
      id++;
      replies++;
      const author = { id: authorId, name: 'Bänkpersonen Testsson' };
      const escaped = request.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      io.to(room).emit('event', {
        id,
        room,
        type: 'post.created',
        data: {
          thread: {
            id: threadId,
            forumId,
            title: 'Bänkmätning: hur snabbt når ett svar alla läsare?',
            author,
            organisation: null,
            createdAt: started,
            lastPostAt: now,
            replyCount: replies,
            pinned: false,
            locked: false,
          },
          post: {
            id: randomUUID(),
            threadId,
            forumId,
            author,
            organisation: null,
            body: request.body,
            bodyHtml: `<p>${escaped}</p>\n`,
            quotedPostId: null,
            createdAt: now,
            editedAt: null,
            editCount: 0,
            deleted: false,
            hidden: null,
            reactions: [],
          },
        },
        at: now,
      });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  timeBroadcasts(io);
  countSockets = () => io.engine.clientsCount;
  stop = async () => {
    io.close();
  };
  send({ type: 'ready', port: (httpServer.address() as { port: number }).port, db: 'none', forumId, threadId, cookie: null, cursor: 0, readerCookies, setupMs: Date.now() - setupStarted });
}

async function startOurs() {
  // Loaded here only: the bare server's process holds none of the app.
  const setupStarted = Date.now();
  const [{ buildApp }, { loadConfig }, { createSession, validateSession }, { forums, users }, { eq, sql }, { createThread }, { currentCursor }] = await Promise.all([
    import('../server/app'),
    import('../server/config'),
    import('../server/lib/sessions'),
    import('../server/db/schema/index'),
    import('drizzle-orm'),
    import('../server/features/forums/posting'),
    import('../server/lib/events'),
  ]);
  const databaseUrl = process.env.BENCH_RT_DATABASE_URL;
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: benchOrigin,
    SEED_DEMO: 'false',
    CLIENT_DIST: '/nonexistent',
    FORUM_POST_INTERVAL_SECONDS: '0',
    FORUM_DAILY_POST_CAP: '1000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_MEMORY: 'true', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mp-bench-rt-')) }),
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });

  // The poster: an account and a session written straight to the database (as the test factories do).
  const [user] = await app.db
    .insert(users)
    .values({ email: `bench-${randomUUID().slice(0, 8)}@bench.example`, name: 'Bänkpersonen Testsson', passwordHash: 'not-a-hash', role: 'user' })
    .returning();
  const { token } = await createSession(app.db, user.id, app.sessionPolicy);
  const [forum] = await app.db.select().from(forums).where(eq(forums.slug, 'allmant'));
  const session = (await validateSession(app.db, token, config.session))!;
  const { threadId } = await createThread(app.db, config.forumLimits, session.user, forum.id, {
    title: 'Bänkmätning: hur snabbt når ett svar alla läsare?',
    body: 'Den här tråden tar emot svaren under mätningen.',
  });
  // The readers: one person and one session each, signed in by cookie like a browser. The accounts
  // are inserted in one statement; each session through createSession, as a sign-in would store it.
  const run = randomUUID().slice(0, 8);
  const readers = await app.db.execute<{ id: string }>(sql`
    insert into users (email, name, password_hash)
    select 'reader-' || ${run} || '-' || g || '@bench.example', 'Läsare ' || g, 'not-a-hash'
    from generate_series(1, ${readerCount}::int) g
    returning id`);
  const readerCookies: string[] = new Array(readers.rows.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < readers.rows.length) {
        const i = next++;
        readerCookies[i] = `session=${(await createSession(app.db, readers.rows[i].id, app.sessionPolicy)).token}`;
      }
    }),
  );
  await app.realtime.flushed();
  timeBroadcasts(app.realtime.io as unknown as Server);
  countSockets = () => app.realtime.io.engine.clientsCount;
  stop = () => app.close();
  send({
    type: 'ready',
    port: (app.server.address() as { port: number }).port,
    db: app.dbKind,
    forumId: forum.id,
    threadId,
    cookie: `session=${token}`,
    cursor: await currentCursor(app.db),
    readerCookies,
    setupMs: Date.now() - setupStarted,
  });
}

process.on('message', async (m: ServerCommand) => {
  if (m.cmd === 'rss') {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Two passes: the first may only schedule finalisers.
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
    gc?.();
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({ type: 'rss', rss: mem.rss, heapUsed: mem.heapUsed, sockets: countSockets(), cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (m.cmd === 'cpu') {
    const cpu = process.cpuUsage();
    send({ type: 'cpu', cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (m.cmd === 'emits') {
    send({ type: 'emits', emits });
  } else if (m.cmd === 'stop') {
    const timer = setTimeout(() => process.exit(0), 5000);
    timer.unref();
    await stop().catch(() => {});
    process.exit(0);
  }
});

try {
  await (mode === 'bare' ? startBare() : startOurs());
} catch (err) {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}
