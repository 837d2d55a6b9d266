import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import { create } from 'zustand';
import type { AckError, ClientToServerEvents, LiveEvent, ServerToClientEvents, SubscribeAck } from '../../../shared/realtime';
import { LiveRooms } from './live-rooms';

// One shared Socket.IO connection (same origin, the session cookie authenticates it) and the live
// rooms on top of it. Views use useLiveRoom(room, cursor, onEvent); see live-rooms.ts for the rules.

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting';

interface LiveStatusState {
  connection: ConnectionState;
  catchingUp: boolean;
  /** Set when the connection came back and every room has caught up (for "Updated"). */
  recoveredAt: number | null;
}

export const useLiveConnection = create<LiveStatusState>(() => ({ connection: 'idle', catchingUp: false, recoveredAt: null }));

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;
let wasOnline = false;
let recovering = false;
let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
/** A reconnect we asked for (new session): not worth a "Reconnecting…" notice. */
let intentional = false;

const ackTimeoutMs = 10_000;

function settleRecovery() {
  if (recovering && !rooms.isCatchingUp() && socket?.connected) {
    recovering = false;
    useLiveConnection.setState({ recoveredAt: Date.now() });
  }
}

export const rooms = new LiveRooms(
  {
    subscribe: (request) =>
      new Promise<SubscribeAck>((resolve, reject) => {
        if (!socket?.connected) {
          reject(new Error('not connected'));
          return;
        }
        socket.timeout(ackTimeoutMs).emit('subscribe', request, (error: Error | null, answer: SubscribeAck) => (error ? reject(error) : resolve(answer)));
      }),
    unsubscribe: (room) => {
      if (socket?.connected) socket.emit('unsubscribe', { room }, () => {});
    },
  },
  {
    lingerMs: 3000,
    onCatchingUpChange: (catchingUp) => {
      useLiveConnection.setState({ catchingUp });
      settleRecovery();
    },
  },
);

function reconnectSoon(ms = 1000) {
  if (reconnectTimer) clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(() => {
    reconnectTimer = null;
    if (socket && !socket.connected) socket.connect();
  }, ms);
}

function ensureSocket(): AppSocket {
  if (socket) return socket;
  // WebSocket first (no long-polling requests to keep open), polling only where WebSocket is blocked.
  const created: AppSocket = io({
    path: '/socket.io',
    withCredentials: true,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = created;
  useLiveConnection.setState({ connection: 'connecting' });
  created.on('connect', () => {
    if (wasOnline && !intentional) recovering = true;
    intentional = false;
    wasOnline = true;
    useLiveConnection.setState({ connection: 'online' });
    rooms.connect();
    settleRecovery();
  });
  created.on('disconnect', (reason) => {
    rooms.disconnect();
    // The server ended the connection (sign-out, new password): not a network problem to report,
    // and Socket.IO does not retry by itself.
    if (reason === 'io server disconnect') {
      intentional = true;
      reconnectSoon();
    }
    useLiveConnection.setState({ connection: wasOnline && !intentional ? 'reconnecting' : 'connecting', recoveredAt: null });
  });
  created.on('connect_error', () => {
    if (wasOnline) useLiveConnection.setState({ connection: 'reconnecting', recoveredAt: null });
    // A refusal by the server's middleware is not retried automatically either.
    if (!created.active) reconnectSoon(3000);
  });
  created.on('event', (event: LiveEvent) => rooms.receive(event));
  return created;
}

/**
 * Connects again, e.g. after signing in or out: the handshake carries the session cookie, so the
 * server learns who this is only on a new connection. Rooms catch up from where they were.
 */
export function reconnectLive() {
  if (!socket) return;
  intentional = true;
  socket.disconnect();
  socket.connect();
}

export interface LiveRoomOptions {
  /** The server cannot replay what was missed: reload the view's data (e.g. invalidate its query). */
  onReset?(): void;
  onError?(error: AckError['error']): void;
}

/**
 * Listens to `room` from `cursor` (the `cursor` of the HTTP response that loaded the view's data)
 * and calls `onEvent` once per event, in order, across reconnects. When the data is reloaded, pass
 * the new cursor; a view that applies events into its data should move the data's cursor to each
 * event's id, so that the cursor always says what the data includes.
 */
export function useLiveRoom(room: string | null | undefined, cursor: number | undefined, onEvent: (event: LiveEvent) => void, options: LiveRoomOptions = {}) {
  const handlers = useRef({ onEvent, ...options });
  handlers.current = { onEvent, ...options };
  const subscription = useRef<ReturnType<LiveRooms['listen']> | null>(null);
  const ready = cursor !== undefined;
  const latestCursor = useRef(cursor);
  latestCursor.current = cursor;

  useEffect(() => {
    if (!room || latestCursor.current === undefined) return;
    ensureSocket();
    const sub = rooms.listen(room, latestCursor.current, {
      onEvent: (event) => handlers.current.onEvent(event),
      onReset: () => handlers.current.onReset?.(),
      onError: (error) => handlers.current.onError?.(error),
    });
    subscription.current = sub;
    return () => {
      sub.close();
      if (subscription.current === sub) subscription.current = null;
    };
  }, [room, ready]);

  useEffect(() => {
    if (cursor !== undefined) subscription.current?.setCursor(cursor);
  }, [cursor]);
}

/** For data that carries a cursor: apply an event and move the cursor to it (see useLiveRoom). */
export function withCursor<T extends { cursor: number }>(data: T, event: LiveEvent, apply: (data: T) => T): T {
  const next = apply(data);
  return next.cursor >= event.id ? next : { ...next, cursor: event.id };
}
