import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveEvent, ServerToClientEvents, SubscribeAck } from '../../shared/realtime';
import { ORIGIN } from './test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io-client connection that follows the protocol a browser tab follows: it keeps the
 * highest applied event id per room, re-subscribes with `since` after every reconnect, buffers live
 * events while a subscribe is in flight, and never applies an id twice. `applied` is what a user
 * would have seen, in order.
 */
export class LiveClient {
  readonly socket: ClientSocket;
  readonly applied: LiveEvent[] = [];
  readonly lastId = new Map<string, number>();
  readonly acks: SubscribeAck[] = [];
  private readonly pending = new Map<string, LiveEvent[]>();
  private waiters: { predicate: (events: LiveEvent[]) => boolean; resolve: () => void }[] = [];
  reconnects = 0;

  constructor(url: string, opts: { cookie?: string | null; locale?: 'sv' | 'en'; origin?: string } = {}) {
    const headers: Record<string, string> = { origin: opts.origin ?? ORIGIN, 'accept-language': opts.locale ?? 'sv' };
    if (opts.cookie) headers.cookie = opts.cookie;
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: headers,
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    this.socket.on('event', (event) => this.receive(event));
    let first = true;
    this.socket.on('connect', () => {
      if (first) {
        first = false;
        return;
      }
      this.reconnects++;
      for (const [room, since] of this.lastId) void this.subscribe(room, since);
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  private receive(event: LiveEvent) {
    const buffer = this.pending.get(event.room);
    if (buffer) buffer.push(event);
    else this.apply(event);
  }

  private apply(event: LiveEvent) {
    const last = this.lastId.get(event.room) ?? 0;
    if (event.id <= last) return;
    this.lastId.set(event.room, event.id);
    this.applied.push(event);
    this.waiters = this.waiters.filter((w) => {
      if (!w.predicate(this.applied)) return true;
      w.resolve();
      return false;
    });
  }

  /** Subscribes (again) to a room; events the ack replays are applied before buffered live ones. */
  async subscribe(room: string, since?: number): Promise<SubscribeAck> {
    this.pending.set(room, []);
    const ack = await this.emitSubscribe({ room, ...(since !== undefined ? { since } : {}) });
    this.acks.push(ack);
    const buffered = this.pending.get(room) ?? [];
    this.pending.delete(room);
    if (ack.ok) {
      for (const event of ack.events) this.apply(event);
      if (!this.lastId.has(room) || (this.lastId.get(room) ?? 0) < ack.cursor) this.lastId.set(room, Math.max(this.lastId.get(room) ?? 0, ack.cursor));
      for (const event of buffered) this.apply(event);
    }
    return ack;
  }

  /** Sends any payload (also malformed ones) and resolves with the ack. */
  emitSubscribe(payload: unknown): Promise<SubscribeAck> {
    return new Promise((resolve) => (this.socket.emit as (ev: string, ...args: unknown[]) => void)('subscribe', payload, resolve));
  }

  /** Resolves once the applied events satisfy `predicate`; rejects after `ms`. */
  waitFor(predicate: (events: LiveEvent[]) => boolean, ms = 3000, what = 'live events'): Promise<void> {
    if (predicate(this.applied)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; applied: ${JSON.stringify(this.applied.map((e) => [e.id, e.type]))}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  ofType(type: LiveEvent['type']) {
    return this.applied.filter((e) => e.type === type);
  }

  close() {
    this.socket.disconnect();
  }
}

/** Starts the app listening on a free port (or `port`) and returns its base URL. */
export async function listen(app: { listen(opts: { port: number; host: string }): Promise<string> }, port = 0): Promise<string> {
  return app.listen({ port, host: '127.0.0.1' });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
