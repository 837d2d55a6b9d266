// Child process of bench/realtime.ts: one shard of the live clients. The same harness serves both
// servers: socket.io-client over WebSocket with a session cookie (ours signs the reader in from it;
// bare ignores it), subscribe to the forum room, note when each post arrives.
// Receipt times are performance.timeOrigin + performance.now() (milliseconds on the wall clock,
// sub-millisecond resolution), comparable with the parent's send times.
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export type ClientCommand =
  | { cmd: 'connect'; url: string; cookies: string[]; room: string; since: number; origin: string; concurrency: number; timeoutMs: number }
  | { cmd: 'count' }
  | { cmd: 'collect' }
  | { cmd: 'close' };
export type ClientMessage =
  | { type: 'connected'; ok: number; failed: number; errors: string[]; ms: number }
  | { type: 'count'; received: number; disconnects: number }
  | { type: 'receipts'; receipts: Record<string, number[]>; sizes: Record<string, number>; disconnects: number }
  | { type: 'closed' };

const send = (m: ClientMessage) => process.send!(m);
const now = () => performance.timeOrigin + performance.now();
const markerPattern = /\[bench:([a-z0-9-]+)\]/;

const sockets: Socket[] = [];
// marker -> receipt times; a socket may receive a marker once.
const receipts = new Map<string, number[]>();
const sizes = new Map<string, number>();
let received = 0;
let disconnects = 0;

process.on('disconnect', () => process.exit(0));

function onEvent(event: { type?: string; data?: { post?: { body?: string | null } } }) {
  const t = now();
  if (event?.type !== 'post.created') return;
  const marker = event.data?.post?.body?.match(markerPattern)?.[1];
  if (!marker) return;
  let list = receipts.get(marker);
  if (!list) {
    list = [];
    receipts.set(marker, list);
    // The size of what travels, once per post (not timed: it comes after the receipt time).
    sizes.set(marker, Buffer.byteLength(JSON.stringify(event)));
  }
  list.push(t);
  received++;
}

function connectOne(url: string, cookie: string, room: string, since: number, origin: string, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { origin, cookie, 'accept-language': 'sv' },
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('connect+subscribe timed out'));
    }, timeoutMs);
    socket.on('event', onEvent);
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(err);
    });
    socket.once('connect', () => {
      socket.emit('subscribe', { room, since }, (ack: { ok: boolean; error?: { message: string } }) => {
        clearTimeout(timer);
        if (!ack?.ok) {
          socket.disconnect();
          reject(new Error(`subscribe refused: ${ack?.error?.message ?? JSON.stringify(ack)}`));
          return;
        }
        socket.on('disconnect', () => disconnects++);
        resolve(socket);
      });
    });
  });
}

process.on('message', async (m: ClientCommand) => {
  if (m.cmd === 'connect') {
    const started = Date.now();
    let next = 0;
    let ok = 0;
    let failed = 0;
    const errors = new Set<string>();
    // A bounded number of handshakes in flight: a burst of thousands overflows the listen backlog.
    const lane = async () => {
      while (next < m.cookies.length) {
        const cookie = m.cookies[next++];
        try {
          sockets.push(await connectOne(m.url, cookie, m.room, m.since, m.origin, m.timeoutMs));
          ok++;
        } catch (err) {
          failed++;
          if (errors.size < 5) errors.add(err instanceof Error ? err.message : String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(m.concurrency, m.cookies.length) }, lane));
    send({ type: 'connected', ok, failed, errors: [...errors], ms: Date.now() - started });
  } else if (m.cmd === 'count') {
    send({ type: 'count', received, disconnects });
  } else if (m.cmd === 'collect') {
    send({ type: 'receipts', receipts: Object.fromEntries(receipts), sizes: Object.fromEntries(sizes), disconnects });
  } else if (m.cmd === 'close') {
    // Also used after the warm-up: the process stays (the parent ends it).
    for (const socket of sockets.splice(0)) {
      socket.off('disconnect');
      socket.disconnect();
    }
    send({ type: 'closed' });
  }
});
