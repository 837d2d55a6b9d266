import type { AckError, LiveEvent, SubscribeAck, SubscribeRequest } from '../../../shared/realtime';

// The ordering and catch-up rules of live rooms, apart from Socket.IO so that they can be tested.
//
// Every view that shows live data loads it over HTTP together with a `cursor` (the highest event id
// the data already includes), then listens to its room from that cursor. This module guarantees,
// per listener: every event of the room after the cursor is delivered once, in id order, across
// disconnects; nothing is delivered twice. How:
//
// - Each listener keeps the highest id it has applied (`since`); the room subscribes with the
//   lowest of them, so the server's catch-up (the subscribe ack) covers every listener.
// - While a subscribe is in flight, live events for the room are buffered; when the ack arrives its
//   events and the buffer are merged by id, and each listener gets those above its own `since`.
// - After every (re)connect each room subscribes again from its listeners' `since`.
// - `reset` in an ack means the server cannot replay (too much, or pruned): listeners reload their
//   data (onReset) and continue from the ack's cursor.
// - When a listener's data is reloaded over HTTP (`setCursor`), an older cursor than what it has
//   applied means the new data may lack events it saw before: the room catches up from there.
//
// Views apply events idempotently (upsert by id, absolute counts), so a replayed event that the
// fresh data already includes does no harm.

export interface RoomListener {
  /** One event, in id order, never twice for this listener. */
  onEvent(event: LiveEvent): void;
  /** The server cannot replay what was missed: reload the data. Events continue after `cursor`. */
  onReset(cursor: number): void;
  /** The room cannot be joined (no access, or signed out). */
  onError?(error: AckError['error']): void;
}

export interface RoomSubscription {
  /** Fresh data arrived over HTTP, including every event up to `cursor`. */
  setCursor(cursor: number): void;
  close(): void;
}

export interface LiveRoomsTransport {
  /** Sends `subscribe`; resolves with the ack, rejects on a timeout or a lost connection. */
  subscribe(request: SubscribeRequest): Promise<SubscribeAck>;
  unsubscribe(room: string): void;
}

export interface LiveRoomsOptions {
  /** A room nobody listens to stays joined this long, so that a quick remount does not rejoin. */
  lingerMs?: number;
  /** After a failed (timed-out) subscribe, try again this much later. */
  retryMs?: number;
  /** Whether any room is catching up (a subscribe is in flight). */
  onCatchingUpChange?(catchingUp: boolean): void;
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

interface Entry {
  since: number;
  listener: RoomListener;
}

interface RoomState {
  name: string;
  entries: Set<Entry>;
  /** The highest event id applied in this room (by any listener). */
  applied: number;
  /** Identifies the latest subscribe; older acks are ignored. */
  token: number;
  pending: boolean;
  pendingSince: number;
  buffer: LiveEvent[];
  failed: boolean;
  linger: unknown;
  retry: unknown;
}

export class LiveRooms {
  private readonly rooms = new Map<string, RoomState>();
  private connected = false;
  private catchingUp = false;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly transport: LiveRoomsTransport,
    private readonly options: LiveRoomsOptions = {},
  ) {
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** Listens to `room` from `since` (the cursor of the data the listener shows). */
  listen(room: string, since: number, listener: RoomListener): RoomSubscription {
    let state = this.rooms.get(room);
    const entry: Entry = { since, listener };
    if (!state) {
      state = { name: room, entries: new Set(), applied: since, token: 0, pending: false, pendingSince: since, buffer: [], failed: false, linger: null, retry: null };
      this.rooms.set(room, state);
      state.entries.add(entry);
      this.catchUp(state);
    } else {
      if (state.linger !== null) {
        this.clearTimer(state.linger);
        state.linger = null;
      }
      state.entries.add(entry);
      // Events this room applied after `since` never reached this listener's data: replay them.
      const covered = state.pending ? state.pendingSince : state.applied;
      if (since < covered || state.failed) this.catchUp(state);
    }
    const owner = state;
    let closed = false;
    return {
      setCursor: (cursor) => {
        if (closed || cursor === entry.since) return;
        const older = cursor < entry.since;
        entry.since = cursor;
        if (older && this.rooms.get(room) === owner && !(owner.pending && owner.pendingSince <= cursor)) this.catchUp(owner);
      },
      close: () => {
        if (closed) return;
        closed = true;
        owner.entries.delete(entry);
        if (owner.entries.size === 0 && this.rooms.get(room) === owner) this.scheduleRelease(owner);
      },
    };
  }

  /** A live event from the server. */
  receive(event: LiveEvent) {
    const state = this.rooms.get(event.room);
    if (!state || state.failed) return;
    if (state.pending) state.buffer.push(event);
    else this.deliver(state, event);
  }

  /** The connection is up (first time or again): every room catches up from its listeners. */
  connect() {
    this.connected = true;
    for (const state of [...this.rooms.values()]) {
      if (state.entries.size === 0) this.release(state);
      else {
        state.failed = false;
        this.catchUp(state);
      }
    }
  }

  /** The connection is down: acks in flight will never count; live events stop until connect(). */
  disconnect() {
    this.connected = false;
    for (const state of this.rooms.values()) {
      state.token += 1;
      state.pending = false;
      state.buffer = [];
      if (state.retry !== null) {
        this.clearTimer(state.retry);
        state.retry = null;
      }
    }
    this.updateCatchingUp();
  }

  /** The highest id applied in the room (undefined when nobody listens); for status and tests. */
  appliedThrough(room: string): number | undefined {
    return this.rooms.get(room)?.applied;
  }

  isCatchingUp() {
    return this.catchingUp;
  }

  /** The rooms currently joined or joining. */
  roomNames(): string[] {
    return [...this.rooms.keys()];
  }

  private catchUp(state: RoomState) {
    if (!this.connected) return;
    if (state.retry !== null) {
      this.clearTimer(state.retry);
      state.retry = null;
    }
    state.token += 1;
    const token = state.token;
    const since = Math.min(...[...state.entries].map((e) => e.since), state.entries.size ? Infinity : state.applied);
    state.pending = true;
    state.pendingSince = since;
    state.failed = false;
    this.updateCatchingUp();
    let answer: Promise<SubscribeAck>;
    try {
      answer = this.transport.subscribe({ room: state.name, since });
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (ack) => this.onAck(state, token, ack),
      () => this.onAckFailed(state, token),
    );
  }

  private current(state: RoomState, token: number) {
    return this.rooms.get(state.name) === state && state.token === token && state.pending;
  }

  private onAck(state: RoomState, token: number, ack: SubscribeAck) {
    if (!this.current(state, token)) return;
    state.pending = false;
    const buffered = state.buffer;
    state.buffer = [];
    if (!ack.ok) {
      state.failed = true;
      this.updateCatchingUp();
      for (const entry of [...state.entries]) entry.listener.onError?.(ack.error);
      return;
    }
    if (ack.reset) {
      state.applied = Math.max(state.applied, ack.cursor);
      for (const entry of [...state.entries]) {
        entry.since = Math.max(entry.since, ack.cursor);
        entry.listener.onReset(ack.cursor);
      }
    }
    // The ack's events and what arrived live meanwhile, once each, in id order.
    const byId = new Map<number, LiveEvent>();
    for (const event of [...ack.events, ...buffered]) if (event.room === state.name) byId.set(event.id, event);
    const ordered = [...byId.values()].sort((a, b) => a.id - b.id);
    this.updateCatchingUp();
    for (const event of ordered) {
      // A handler may have started another catch-up (an older cursor): the rest waits for it.
      if (state.pending) state.buffer.push(event);
      else this.deliver(state, event);
    }
  }

  private onAckFailed(state: RoomState, token: number) {
    if (!this.current(state, token)) return;
    // A timeout or a lost ack: ignore it if it still comes, and ask again a little later. The room
    // stays pending meanwhile, so live events keep being buffered for the retry's ack.
    state.token += 1;
    state.retry = this.setTimer(() => {
      state.retry = null;
      if (this.rooms.get(state.name) === state && this.connected) this.catchUp(state);
    }, this.options.retryMs ?? 2000);
  }

  private deliver(state: RoomState, event: LiveEvent) {
    if (event.id > state.applied) state.applied = event.id;
    for (const entry of [...state.entries]) {
      if (event.id <= entry.since) continue;
      entry.since = event.id;
      try {
        entry.listener.onEvent(event);
      } catch (error) {
        // One broken view must not stop the others from hearing the room.
        console.error(error);
      }
    }
  }

  private scheduleRelease(state: RoomState) {
    const linger = this.options.lingerMs ?? 0;
    if (linger <= 0) {
      this.release(state);
      return;
    }
    state.linger = this.setTimer(() => {
      state.linger = null;
      if (state.entries.size === 0 && this.rooms.get(state.name) === state) this.release(state);
    }, linger);
  }

  private release(state: RoomState) {
    if (state.linger !== null) this.clearTimer(state.linger);
    if (state.retry !== null) this.clearTimer(state.retry);
    this.rooms.delete(state.name);
    state.token += 1;
    if (this.connected && !state.failed) this.transport.unsubscribe(state.name);
    this.updateCatchingUp();
  }

  private updateCatchingUp() {
    const now = [...this.rooms.values()].some((s) => s.pending);
    if (now !== this.catchingUp) {
      this.catchingUp = now;
      this.options.onCatchingUpChange?.(now);
    }
  }
}
