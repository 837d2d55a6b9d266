// npm run bench:realtime — live delivery of a new reply to everyone watching a forum: our server
// (HTTP POST → transaction + events row → relay → Socket.IO room) against a bare Socket.IO server
// that broadcasts a payload of the same shape with io.to(room).emit, with one shared client harness,
// for 1,000 and 5,000 clients. Prints a table per size and, last, the ratios against the bare server.
//
// Each server runs alone in a child process (bench/realtime-servers.ts) so that its RSS is its own;
// the clients run in BENCH_RT_SHARDS child processes (bench/realtime-clients.ts). Our readers are
// signed-in people (a session cookie each, written straight to the database by the server's
// createSession), joining `forum:<id>` through the real `subscribe` protocol.
// Our server runs on PostgreSQL: a fresh database mp_bench_realtime on the server of
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), dropped at the end.
// BENCH_RT_PGLITE=1 runs it on PGlite in memory instead.
// Tuning: BENCH_RT_CLIENTS (default "1000,5000"), BENCH_RT_POSTS (40 per round), BENCH_RT_WARMUP (5),
// BENCH_RT_SPACING_MS (default 200 ms, or 0.1 ms per client when more: each post is measured on its
// own, not queued behind the previous one's delivery; this is latency, not throughput),
// BENCH_RT_SHARDS (2), BENCH_RT_ROUNDS (3: bare and ours alternate, each on a fresh server).
// A p99 over 40 posts is set by the slowest post or two, and on a shared machine a burst of load from
// elsewhere can stall one post by a second: the p99 ratio therefore compares the median of the
// rounds' p99s (one disturbed round on either side does not decide it); the table pools the samples
// of all rounds, and the pooled ratio is printed beside it.
//
// Latency: from just before the poster sends (HTTP POST for ours, a socket message for bare) to each
// client's receipt of that post's event (matched by a marker in the body). "send ms" is the poster's
// request itself (for ours the whole write transaction). "to emit" is from the send until the server's
// emit to the room begins (ours: the write, its commit and the relay's read of the events table;
// bare: the trigger's trip), "after emit" from there to each receipt (the fan-out, the network, the
// clients): the split shows whether a difference comes from the write path or from the fan-out;
// "emit call" is how long the emit itself ran (encoding once, writing to every socket), in brackets
// the server's CPU time in it (the rest was waiting for a core). RSS per connection is (RSS after connecting
// and subscribing N clients − RSS before) / N, read after a forced GC, once 50 warm-up clients have
// come and gone; RSS never shrinks, so a process with more freed-but-resident memory can show less
// than it holds — the JS heap per connection, printed too, is the cross-check.
//
// Open files: the server holds a socket per client and each client process its share. When the soft
// limit (ulimit -n) is too low but the hard limit allows, the children are started through
// `sh -c 'ulimit -n …; exec node …'`; when the hard limit is too low too, the bench says so and stops.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { io as ioClient } from 'socket.io-client';
import type { ClientCommand, ClientMessage } from './realtime-clients';
import type { ServerCommand, ServerMessage } from './realtime-servers';

const clientCounts = (process.env.BENCH_RT_CLIENTS ?? '1000,5000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const postsPerScenario = Number(process.env.BENCH_RT_POSTS ?? 40);
const warmupPosts = Number(process.env.BENCH_RT_WARMUP ?? 5);
const spacingFor = (n: number) => Number(process.env.BENCH_RT_SPACING_MS ?? Math.max(200, Math.round(n * 0.1)));
const shardCount = Math.max(1, Number(process.env.BENCH_RT_SHARDS ?? 2));
const rounds = Math.max(1, Number(process.env.BENCH_RT_ROUNDS ?? 3));
const origin = 'http://localhost:3000'; // = benchOrigin in realtime-servers.ts (the app's PUBLIC_URL there)
const deliveryTimeoutMs = 20_000;
const runTimeoutMs = 15 * 60_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- open files ----------------------------------------------------------------------------------
function openFileLimits(): { soft: number; hard: number } {
  try {
    const [soft, hard] = execSync('ulimit -Sn; ulimit -Hn', { shell: '/bin/sh', encoding: 'utf8' }).trim().split(/\s+/);
    const parse = (v: string) => (v === 'unlimited' ? Infinity : Number(v));
    return { soft: parse(soft), hard: parse(hard) };
  } catch {
    return { soft: Infinity, hard: Infinity };
  }
}
const maxClients = Math.max(...clientCounts);
const limits = openFileLimits();
// Descriptors a child needs beyond its sockets: the database pool, the runtime, files.
const spare = 512;
const serverNeeds = maxClients + spare;
const shardNeeds = Math.ceil(maxClients / shardCount) + spare;
if (limits.hard < serverNeeds) {
  console.error(
    `The hard open-file limit is ${limits.hard}, too low for ${maxClients} sockets in one server process (needs ${serverNeeds}).\n` +
      `Raise it (e.g. in /etc/security/limits.conf or with the container's --ulimit nofile=${maxClients * 2}), or run fewer clients: BENCH_RT_CLIENTS=1000 npm run bench:realtime`,
  );
  process.exit(1);
}
/** The limit to start a child with, or null when its inherited soft limit already suffices. */
const raiseTo = (needs: number) => (limits.soft >= needs ? null : Math.min(limits.hard, Math.max(needs, 2 * maxClients)));

// ---- child processes: tracked, and killed whatever way this process ends -------------------------
const children = new Set<ChildProcess>();
function spawnChild(file: string, args: string[], execArgv: string[], needsFiles: number, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const nodeArgs = ['--import', 'tsx', ...execArgv, fileURLToPath(new URL(file, import.meta.url)), ...args];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const raise = raiseTo(needsFiles);
  // exec keeps the process (and its IPC descriptor): the child is node itself, with the higher limit.
  const child =
    raise === null
      ? spawn(process.execPath, nodeArgs, { stdio, env })
      : spawn('/bin/sh', ['-c', `ulimit -n ${raise} && exec "$0" "$@"`, process.execPath, ...nodeArgs], { stdio, env });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function killChildren() {
  for (const child of children) child.kill('SIGKILL');
}
let cleanupDatabase: (() => Promise<void>) | null = null;
async function shutdown(code: number) {
  killChildren();
  if (cleanupDatabase) await cleanupDatabase().catch((err) => console.error('dropping the bench database failed:', err));
  process.exit(code);
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(130));
setTimeout(() => {
  console.error(`The run took longer than ${runTimeoutMs / 60000} minutes; stopping.`);
  void shutdown(1);
}, runTimeoutMs).unref();

/** Sends a command and resolves with the first message of the given type. */
function ask<M extends { type: string }, T extends M['type']>(child: ChildProcess, command: object | null, type: T, timeoutMs: number, what: string): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: M | { type: 'error'; message: string }) => {
      if (m.type === type) done(null, m as Extract<M, { type: T }>);
      else if (m.type === 'error') done(new Error(`${what}: ${(m as { message: string }).message}`));
    };
    const onExit = (code: number | null) => done(new Error(`${what}: the child process exited (${code})`));
    function done(err: Error | null, m?: Extract<M, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (command) child.send(command);
  });
}
const askServer = <T extends ServerMessage['type']>(child: ChildProcess, command: ServerCommand | null, type: T, ms: number, what: string) =>
  ask<ServerMessage, T>(child, command, type, ms, what);
const askClients = <T extends ClientMessage['type']>(child: ChildProcess, command: ClientCommand, type: T, ms: number, what: string) =>
  ask<ClientMessage, T>(child, command, type, ms, what);

// ---- the database for our server -----------------------------------------------------------------
let ourDatabaseUrl: string | undefined;
let dbLabel = 'PGlite in memory';
if (process.env.BENCH_RT_PGLITE !== '1') {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = 'mp_bench_realtime';
  const adminQuery = async (statement: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  ourDatabaseUrl = url.toString();
  dbLabel = `PostgreSQL (database ${name}, created for the run and dropped after)`;
  cleanupDatabase = async () => {
    cleanupDatabase = null;
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
}

// ---- one scenario: one server, N clients, a series of posts ----------------------------------------
type Kind = 'bare' | 'ours';
interface Result {
  kind: Kind;
  n: number;
  connected: number;
  connectMs: number;
  latencies: number[];
  /** Per post: the time until the last client had it. */
  lastArrivals: number[];
  delivered: number;
  expected: number;
  rssPerConn: number;
  heapPerConn: number;
  eventBytes: number;
  postMs: number[];
  /** Per post: from the send to the server's emit to the room having returned. */
  toEmit: number[];
  /** Per receipt: from that emit to the client's receipt (the network, the clients' event loops). */
  afterEmit: number[];
  /** Per post: how long the emit call itself took (the synchronous fan-out to every socket). */
  emitCalls: number[];
  /** Per post: the server's CPU time during that call. */
  emitCpu: number[];
  /** The server process's CPU time (user + system) per post, while posting and delivering. */
  serverCpuPerPost: number;
  disconnects: number;
}

const text =
  'Vi har sökt föreningsbidrag i tre år och undrar hur redovisningen ska se ut när verksamheten ' +
  'ändrats under året. Förvaltningen har svarat att en kort beskrivning räcker, men lokalen vi hyr ' +
  'har bytts och kostnaderna har ökat. Hur har ni andra gjort med budgeten och återrapporteringen?';

async function scenario(kind: Kind, n: number, tag: string): Promise<Result> {
  const server = spawnChild('./realtime-servers.ts', [kind, String(n)], ['--expose-gc'], serverNeeds, {
    ...process.env,
    ...(ourDatabaseUrl ? { BENCH_RT_DATABASE_URL: ourDatabaseUrl } : {}),
  });
  const shards: ChildProcess[] = [];
  try {
    const ready = await askServer(server, null, 'ready', 120_000, `${kind} server start`);
    const base = `http://127.0.0.1:${ready.port}`;
    const room = `forum:${ready.forumId}`;
    // The harness's own garbage collection should not show up as delivery latency: a larger young
    // generation makes the scavenges of thousands of sockets rarer.
    for (let i = 0; i < shardCount; i++) shards.push(spawnChild('./realtime-clients.ts', [], ['--max-semi-space-size=64'], shardNeeds));
    // Warm-up: a few clients connect, subscribe and leave, so that the baseline RSS already includes
    // what the first connections allocate once (JIT code, database caches, buffers).
    const cookies = ready.readerCookies;
    const warm = await askClients(shards[0], { cmd: 'connect', url: base, cookies: cookies.slice(0, 50), room, since: ready.cursor, origin, concurrency: 10, timeoutMs: 30_000 }, 'connected', 120_000, 'warm-up clients');
    if (warm.failed) throw new Error(`warm-up clients failed: ${warm.errors.join('; ')}`);
    await askClients(shards[0], { cmd: 'close' }, 'closed', 30_000, 'closing warm-up clients');
    await sleep(500);
    const before = await askServer(server, { cmd: 'rss' }, 'rss', 10_000, 'rss before');

    // Connect and subscribe every client.
    const connectStarted = Date.now();
    const connected = await Promise.all(
      shards.map((shard, i) =>
        askClients(
          shard,
          { cmd: 'connect', url: base, cookies: cookies.filter((_, k) => k % shardCount === i), room, since: ready.cursor, origin, concurrency: 50, timeoutMs: 30_000 },
          'connected',
          300_000,
          'connecting clients',
        ),
      ),
    );
    const connectMs = Date.now() - connectStarted;
    const ok = connected.reduce((a, c) => a + c.ok, 0);
    const failedErrors = connected.flatMap((c) => c.errors);
    if (ok < n) console.log(`  ${kind} ${n}: ${n - ok} clients failed to connect: ${failedErrors.join('; ')}`);
    await sleep(1000);
    const after = await askServer(server, { cmd: 'rss' }, 'rss', 10_000, 'rss after');

    // The poster.
    let post: (body: string) => Promise<void>;
    let closePoster = () => {};
    if (kind === 'bare') {
      const poster = ioClient(base, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin } });
      await new Promise<void>((resolve, reject) => {
        poster.once('connect', () => resolve());
        poster.once('connect_error', reject);
      });
      post = async (body) => {
        poster.emit('post', { body });
      };
      closePoster = () => poster.disconnect();
    } else {
      post = async (body) => {
        const response = await fetch(`${base}/api/threads/${ready.threadId}/posts`, {
          method: 'POST',
          headers: { cookie: ready.cookie!, origin, 'content-type': 'application/json', 'accept-language': 'sv' },
          body: JSON.stringify({ body }),
        });
        if (response.status !== 201) throw new Error(`posting failed: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      };
    }

    const sent = new Map<string, number>();
    const postMs: number[] = [];
    const total = warmupPosts + postsPerScenario;
    const spacingMs = spacingFor(n);
    let cpuStart = 0;
    for (let i = 0; i < total; i++) {
      if (i === warmupPosts) cpuStart = (await askServer(server, { cmd: 'cpu' }, 'cpu', 10_000, 'cpu')).cpuMs;
      const marker = `${tag}-${i < warmupPosts ? 'w' : 'm'}${i}`;
      const t0 = now();
      sent.set(marker, t0);
      await post(`${text} [bench:${marker}]`);
      postMs.push(now() - t0);
      const wait = t0 + spacingMs - now();
      if (wait > 0) await sleep(wait);
    }
    closePoster();

    // Wait until every connected client has every post (or the timeout).
    const expectedAll = ok * total;
    const waitStarted = Date.now();
    let receivedAll = 0;
    let disconnects = 0;
    while (Date.now() - waitStarted < deliveryTimeoutMs) {
      const counts = await Promise.all(shards.map((s) => askClients(s, { cmd: 'count' }, 'count', 10_000, 'counting receipts')));
      receivedAll = counts.reduce((a, c) => a + c.received, 0);
      disconnects = counts.reduce((a, c) => a + c.disconnects, 0);
      if (receivedAll >= expectedAll) break;
      await sleep(250);
    }
    const cpuEnd = (await askServer(server, { cmd: 'cpu' }, 'cpu', 10_000, 'cpu')).cpuMs;
    const { emits } = await askServer(server, { cmd: 'emits' }, 'emits', 10_000, 'emit times');

    const collected = await Promise.all(shards.map((s) => askClients(s, { cmd: 'collect' }, 'receipts', 60_000, 'collecting receipts')));
    const latencies: number[] = [];
    const lastArrivals: number[] = [];
    let delivered = 0;
    const sizes: number[] = [];
    const toEmit: number[] = [];
    const afterEmit: number[] = [];
    const emitCalls: number[] = [];
    const emitCpu: number[] = [];
    for (const [marker, t0] of sent) {
      if (!marker.includes('-m')) continue;
      let last = 0;
      const emitted = emits[marker]?.at;
      if (emitted !== undefined) toEmit.push(emitted - t0);
      if (emits[marker]) {
        emitCalls.push(emits[marker].took);
        emitCpu.push(emits[marker].cpu);
      }
      for (const c of collected) {
        const times = c.receipts[marker] ?? [];
        delivered += times.length;
        for (const t of times) {
          latencies.push(t - t0);
          if (emitted !== undefined) afterEmit.push(t - emitted);
          last = Math.max(last, t - t0);
        }
        if (c.sizes[marker]) sizes.push(c.sizes[marker]);
      }
      lastArrivals.push(last);
    }
    await Promise.all(shards.map((s) => askClients(s, { cmd: 'close' }, 'closed', 30_000, 'closing clients').catch(() => null)));
    return {
      kind,
      n,
      connected: ok,
      connectMs,
      latencies,
      lastArrivals,
      delivered,
      expected: n * postsPerScenario,
      rssPerConn: (after.rss - before.rss) / n,
      heapPerConn: (after.heapUsed - before.heapUsed) / n,
      eventBytes: sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0,
      postMs: postMs.slice(warmupPosts),
      toEmit,
      afterEmit,
      emitCalls,
      emitCpu,
      serverCpuPerPost: (cpuEnd - cpuStart) / postsPerScenario,
      disconnects,
    };
  } finally {
    for (const shard of shards) shard.kill('SIGKILL');
    server.send({ cmd: 'stop' } satisfies ServerCommand);
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(8000)]);
    server.kill('SIGKILL');
  }
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// ---- the run ------------------------------------------------------------------------------------
console.log(
  `Our database: ${dbLabel}. Clients: ${clientCounts.join(', ')} in ${shardCount} client process(es). ` +
    `${rounds} round(s) of ${postsPerScenario} posts per server and size (+${warmupPosts} warm-up each), spaced ${clientCounts.map((n) => `${spacingFor(n)} ms`).join(' / ')}. ` +
    `Open-file limit ${limits.soft} (hard ${limits.hard})${raiseTo(serverNeeds) !== null || raiseTo(shardNeeds) !== null ? '; children raise theirs' : ''}.`,
);
const results: Result[] = [];
const runStarted = Date.now();

/** The rounds of one server and size as one result: samples pooled, per-round figures averaged. */
function pooled(kind: Kind, n: number): Result {
  const rs = results.filter((r) => r.kind === kind && r.n === n);
  const avg = (f: (r: Result) => number) => rs.reduce((a, r) => a + f(r), 0) / rs.length;
  return {
    kind,
    n,
    connected: Math.min(...rs.map((r) => r.connected)),
    connectMs: avg((r) => r.connectMs),
    latencies: rs.flatMap((r) => r.latencies),
    lastArrivals: rs.flatMap((r) => r.lastArrivals),
    delivered: rs.reduce((a, r) => a + r.delivered, 0),
    expected: rs.reduce((a, r) => a + r.expected, 0),
    rssPerConn: avg((r) => r.rssPerConn),
    heapPerConn: avg((r) => r.heapPerConn),
    eventBytes: avg((r) => r.eventBytes),
    postMs: rs.flatMap((r) => r.postMs),
    toEmit: rs.flatMap((r) => r.toEmit),
    afterEmit: rs.flatMap((r) => r.afterEmit),
    emitCalls: rs.flatMap((r) => r.emitCalls),
    emitCpu: rs.flatMap((r) => r.emitCpu),
    serverCpuPerPost: avg((r) => r.serverCpuPerPost),
    disconnects: rs.reduce((a, r) => a + r.disconnects, 0),
  };
}

try {
  for (const n of clientCounts) {
    for (let round = 1; round <= rounds; round++) {
      // Alternate which server goes first, so neither always runs on a warmer (or busier) machine.
      const order: Kind[] = round % 2 === 1 ? ['bare', 'ours'] : ['ours', 'bare'];
      for (const kind of order) {
        const started = Date.now();
        const r = await scenario(kind, n, `${kind}${n}r${round}`);
        results.push(r);
        console.log(
          `  round ${round}: ${kind.padEnd(4)} ${String(n).padStart(5)} clients: p50 ${ms(percentile(r.latencies, 50))} ms, p99 ${ms(percentile(r.latencies, 99))} ms, ` +
            `delivered ${((100 * r.delivered) / r.expected).toFixed(2)}%, RSS ${kb(r.rssPerConn)} KB/conn, send p50 ${ms(percentile(r.postMs, 50))} ms, ` +
            `slowest posts reached all in ${[...r.lastArrivals].sort((a, b) => b - a).slice(0, 3).map(ms).join('/')} ms, ` +
            `server CPU ${ms(r.serverCpuPerPost)} ms/post (${((Date.now() - started) / 1000).toFixed(1)} s, load average ${loadavg()[0].toFixed(1)})`,
        );
      }
    }
    console.log(`\nScenario: ${n} clients in one forum room, ${rounds} round(s) pooled`);
    console.log(
      'server   connected  connect s   p50 ms   p90 ms   p99 ms   max ms  all-reached p50 ms  delivered  RSS KB/conn  heap KB/conn  event B  send ms p50  to emit p50  after emit p50/p99  emit call p50 (CPU)  server CPU ms/post',
    );
    for (const r of [pooled('bare', n), pooled('ours', n)]) {
      console.log(
        `${r.kind.padEnd(8)} ${String(r.connected).padStart(9)} ${(r.connectMs / 1000).toFixed(1).padStart(10)} ${ms(percentile(r.latencies, 50)).padStart(8)} ${ms(percentile(r.latencies, 90)).padStart(8)} ${ms(percentile(r.latencies, 99)).padStart(8)} ${ms(percentile(r.latencies, 100)).padStart(8)} ${ms(percentile(r.lastArrivals, 50)).padStart(19)} ${((100 * r.delivered) / r.expected).toFixed(2).padStart(9)}% ${kb(r.rssPerConn).padStart(12)} ${kb(r.heapPerConn).padStart(13)} ${r.eventBytes.toFixed(0).padStart(8)} ${ms(percentile(r.postMs, 50)).padStart(11)} ${ms(percentile(r.toEmit, 50)).padStart(12)} ${`${ms(percentile(r.afterEmit, 50))}/${ms(percentile(r.afterEmit, 99))}`.padStart(19)} ${`${ms(percentile(r.emitCalls, 50))} (${ms(percentile(r.emitCpu, 50))})`.padStart(20)} ${ms(r.serverCpuPerPost).padStart(19)}`,
      );
      if (r.disconnects) console.log(`  ${r.kind}: ${r.disconnects} clients were disconnected during the run`);
    }
    console.log('');
  }
} catch (err) {
  console.error(err);
  await shutdown(1);
}

console.log(`Total run time ${((Date.now() - runStarted) / 1000).toFixed(0)} s.`);
console.log('\nRatios, ours against the bare Socket.IO server (goals: p99 ≤ 1.5× [median of the rounds], delivered 100%, RSS per connection ≤ 1.3×):');
let allMet = true;
for (const n of clientCounts) {
  const bare = pooled('bare', n);
  const ours = pooled('ours', n);
  const roundP99s = (kind: Kind) => results.filter((r) => r.kind === kind && r.n === n).map((r) => percentile(r.latencies, 99));
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const p99 = median(roundP99s('ours')) / median(roundP99s('bare'));
  const pooledP99 = percentile(ours.latencies, 99) / percentile(bare.latencies, 99);
  const share = ours.delivered / ours.expected;
  const rss = ours.rssPerConn / bare.rssPerConn;
  const met = [p99 <= 1.5, share === 1, rss <= 1.3];
  allMet &&= met.every(Boolean);
  const flag = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `${String(n).padStart(5)} clients: p99 ${p99.toFixed(2)}× (${flag(met[0])}; ours ${roundP99s('ours').map(ms).join('/')} ms, bare ${roundP99s('bare').map(ms).join('/')} ms by round; pooled ${pooledP99.toFixed(2)}×)  delivered ${(share * 100).toFixed(2)}% (${flag(met[1])})  RSS/conn ${rss.toFixed(2)}× (${flag(met[2])})` +
      `   [JS heap/conn ${(ours.heapPerConn / bare.heapPerConn).toFixed(2)}×]`,
  );
}
console.log(allMet ? 'All goals met.' : 'Some goals missed (see above).');
await shutdown(0);
