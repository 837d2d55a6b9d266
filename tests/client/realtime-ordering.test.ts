import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent, SubscribeAck, SubscribeRequest } from '../../shared/realtime';
import { LiveRooms, type RoomListener } from '../../client/src/lib/live-rooms';

// The client's half of "never lose a post": per-room ordering, buffering and catch-up.

interface Pending {
  request: SubscribeRequest;
  resolve(ack: SubscribeAck): void;
  reject(error: unknown): void;
}

function setup(options: { lingerMs?: number } = {}) {
  const requests: Pending[] = [];
  const unsubscribed: string[] = [];
  const rooms = new LiveRooms(
    {
      subscribe: (request) =>
        new Promise<SubscribeAck>((resolve, reject) => {
          requests.push({ request, resolve, reject });
        }),
      unsubscribe: (room) => unsubscribed.push(room),
    },
    { retryMs: 100, ...options },
  );
  return { rooms, requests, unsubscribed, last: () => requests[requests.length - 1] };
}

function event(id: number, room = 'forum:1', type: LiveEvent['type'] = 'post.created'): LiveEvent {
  return { id, room, type, data: { n: id } as never, at: new Date(0).toISOString() };
}

function recorder() {
  const ids: number[] = [];
  const resets: number[] = [];
  const listener: RoomListener = { onEvent: (e) => ids.push(e.id), onReset: (cursor) => resets.push(cursor) };
  return { ids, resets, listener };
}

const ack = (room: string, events: LiveEvent[], cursor: number): SubscribeAck => ({ ok: true, room, events, cursor, reset: false });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Ids must strictly increase: no duplicates, order kept. */
function expectStrictlyIncreasing(ids: number[]) {
  for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
}

describe('live rooms: subscribing', () => {
  it('subscribes from the cursor of the data once connected, and applies live events in order', async () => {
    const { rooms, requests, last } = setup();
    const a = recorder();
    rooms.listen('forum:1', 10, a.listener);
    expect(requests).toHaveLength(0); // not connected yet
    rooms.connect();
    expect(last().request).toEqual({ room: 'forum:1', since: 10 });
    last().resolve(ack('forum:1', [], 10));
    await flush();
    rooms.receive(event(11));
    rooms.receive(event(14));
    expect(a.ids).toEqual([11, 14]);
    expect(rooms.appliedThrough('forum:1')).toBe(14);
  });

  it('buffers live events while the subscribe is in flight, then applies ack events, then the buffer, skipping duplicates', async () => {
    const { rooms, last } = setup();
    const a = recorder();
    rooms.connect();
    rooms.listen('forum:1', 10, a.listener);
    // Live events arrive before the ack; one of them (12) is also in the ack.
    rooms.receive(event(12));
    rooms.receive(event(13));
    expect(a.ids).toEqual([]);
    last().resolve(ack('forum:1', [event(11), event(12)], 12));
    await flush();
    expect(a.ids).toEqual([11, 12, 13]);
    rooms.receive(event(13)); // a late duplicate
    rooms.receive(event(15));
    expect(a.ids).toEqual([11, 12, 13, 15]);
  });

  it('never applies an event at or below the cursor of the data', async () => {
    const { rooms, last } = setup();
    const a = recorder();
    rooms.connect();
    rooms.listen('forum:1', 20, a.listener);
    last().resolve(ack('forum:1', [event(19), event(20), event(21)], 21));
    await flush();
    rooms.receive(event(20));
    expect(a.ids).toEqual([21]);
  });

  it('ignores events of other rooms and of rooms nobody listens to', async () => {
    const { rooms, last } = setup();
    const a = recorder();
    rooms.connect();
    rooms.listen('forum:1', 0, a.listener);
    last().resolve(ack('forum:1', [], 0));
    await flush();
    rooms.receive(event(1, 'forum:2'));
    rooms.receive(event(2, 'forum:1'));
    expect(a.ids).toEqual([2]);
  });
});

describe('live rooms: reconnecting', () => {
  it('re-subscribes every room from the last applied id, with no gap and no duplicate', async () => {
    const { rooms, requests, last } = setup();
    const a = recorder();
    const b = recorder();
    rooms.connect();
    rooms.listen('forum:1', 5, a.listener);
    rooms.listen('user:1', 5, b.listener);
    requests[0].resolve(ack('forum:1', [], 5));
    requests[1].resolve(ack('user:1', [], 5));
    await flush();
    rooms.receive(event(6));
    rooms.receive(event(7, 'user:1'));

    rooms.disconnect();
    // Events 8 (forum) and 9 (user) happen while disconnected; they are not seen live.
    rooms.connect();
    const again = requests.slice(2).map((p) => p.request);
    expect(again).toEqual([
      { room: 'forum:1', since: 6 },
      { room: 'user:1', since: 7 },
    ]);
    // A live event arrives before the catch-up answers: it waits.
    rooms.receive(event(10));
    requests[2].resolve(ack('forum:1', [event(8)], 9));
    requests[3].resolve(ack('user:1', [event(9, 'user:1')], 9));
    await flush();
    expect(a.ids).toEqual([6, 8, 10]);
    expect(b.ids).toEqual([7, 9]);
    expect(last().request.since).toBe(7);
  });

  it('ignores an ack that belongs to a connection that has since dropped', async () => {
    const { rooms, requests } = setup();
    const a = recorder();
    rooms.connect();
    rooms.listen('forum:1', 1, a.listener);
    rooms.disconnect();
    rooms.connect();
    // The first (stale) ack comes late, with events the second will also bring.
    requests[0].resolve(ack('forum:1', [event(2)], 2));
    await flush();
    expect(a.ids).toEqual([]);
    requests[1].resolve(ack('forum:1', [event(2), event(3)], 3));
    await flush();
    expect(a.ids).toEqual([2, 3]);
  });

  it('retries a subscribe that timed out, keeping what was buffered meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const { rooms, requests } = setup();
      const a = recorder();
      rooms.connect();
      rooms.listen('forum:1', 1, a.listener);
      rooms.receive(event(3));
      requests[0].reject(new Error('timeout'));
      await vi.advanceTimersByTimeAsync(0);
      rooms.receive(event(4));
      expect(a.ids).toEqual([]);
      expect(rooms.isCatchingUp()).toBe(true);
      await vi.advanceTimersByTimeAsync(100);
      expect(requests[1].request).toEqual({ room: 'forum:1', since: 1 });
      requests[1].resolve(ack('forum:1', [event(2), event(3)], 3));
      await vi.advanceTimersByTimeAsync(0);
      expect(a.ids).toEqual([2, 3, 4]);
      expect(rooms.isCatchingUp()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps order and loses nothing across many random disconnects', async () => {
    // A server that numbers events globally and puts every third one in our room.
    const { rooms, requests } = setup();
    const a = recorder();
    const log: LiveEvent[] = [];
    let nextId = 100;
    const emit = (live: boolean) => {
      nextId += 1;
      if (nextId % 3 !== 0) return;
      const e = event(nextId);
      log.push(e);
      if (live) rooms.receive(e);
    };
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    rooms.connect();
    rooms.listen('forum:1', nextId, a.listener);
    let connected = true;
    for (let step = 0; step < 400; step++) {
      const r = random();
      if (r < 0.05 && connected) {
        rooms.disconnect();
        connected = false;
      } else if (r < 0.1 && !connected) {
        rooms.connect();
        connected = true;
      } else if (r < 0.3) {
        // Answer the oldest outstanding subscribe with what the server has after `since`.
        const pending = requests.shift();
        if (pending) {
          const since = pending.request.since ?? 0;
          pending.resolve(ack('forum:1', log.filter((e) => e.id > since), nextId));
          await flush();
        }
      } else {
        emit(connected);
      }
    }
    if (!connected) rooms.connect();
    while (requests.length) {
      const pending = requests.shift()!;
      pending.resolve(ack('forum:1', log.filter((e) => e.id > (pending.request.since ?? 0)), nextId));
      await flush();
    }
    expect(log.length).toBeGreaterThan(50);
    expectStrictlyIncreasing(a.ids);
    expect(a.ids).toEqual(log.map((e) => e.id));
  });
});

describe('live rooms: reset and fresh data', () => {
  it('on reset, asks the view to reload and continues after the new cursor', async () => {
    const { rooms, last } = setup();
    const a = recorder();
    rooms.connect();
    rooms.listen('forum:1', 5, a.listener);
    rooms.receive(event(900)); // buffered while subscribing
    rooms.receive(event(1001));
    last().resolve({ ok: true, room: 'forum:1', events: [], cursor: 1000, reset: true });
    await flush();
    expect(a.resets).toEqual([1000]);
    // 900 is included in the reloaded data; 1001 comes after the new cursor.
    expect(a.ids).toEqual([1001]);
    rooms.receive(event(1002));
    expect(a.ids).toEqual([1001, 1002]);
  });

  it('catches up again when reloaded data is older than what the view has applied', async () => {
    const { rooms, requests, last } = setup();
    const a = recorder();
    rooms.connect();
    const subscription = rooms.listen('forum:1', 10, a.listener);
    last().resolve(ack('forum:1', [], 10));
    await flush();
    rooms.receive(event(12));
    // A refetch replaced the data with a snapshot taken at 11: event 12 may be missing from it.
    subscription.setCursor(11);
    expect(last().request).toEqual({ room: 'forum:1', since: 11 });
    rooms.receive(event(13));
    last().resolve(ack('forum:1', [event(12)], 12));
    await flush();
    // 12 again: once to the old data, once to the reloaded data that replaced it. Then 13, once.
    expect(a.ids).toEqual([12, 12, 13]);
    expect(requests).toHaveLength(2);
  });

  it('skips events that newer reloaded data already includes', async () => {
    const { rooms, requests, last } = setup();
    const a = recorder();
    rooms.connect();
    const subscription = rooms.listen('forum:1', 10, a.listener);
    last().resolve(ack('forum:1', [], 10));
    await flush();
    subscription.setCursor(20);
    rooms.receive(event(15));
    rooms.receive(event(21));
    expect(a.ids).toEqual([21]);
    expect(requests).toHaveLength(1);
  });
});

describe('live rooms: sharing and leaving', () => {
  it('gives a second view of the same room what it lacks, without repeating events to the first', async () => {
    const { rooms, requests, last } = setup();
    const a = recorder();
    const b = recorder();
    rooms.connect();
    rooms.listen('user:1', 10, a.listener);
    last().resolve(ack('user:1', [], 10));
    await flush();
    rooms.receive(event(11, 'user:1'));
    rooms.receive(event(12, 'user:1'));
    // Another view loaded its data at 11.
    rooms.listen('user:1', 11, b.listener);
    expect(last().request).toEqual({ room: 'user:1', since: 11 });
    last().resolve(ack('user:1', [event(12, 'user:1')], 12));
    await flush();
    rooms.receive(event(13, 'user:1'));
    expect(a.ids).toEqual([11, 12, 13]);
    expect(b.ids).toEqual([12, 13]);
    expect(requests).toHaveLength(2);
  });

  it('leaves a room when its last view closes, after lingering briefly', async () => {
    vi.useFakeTimers();
    try {
      const { rooms, requests, unsubscribed, last } = setup({ lingerMs: 1000 });
      const a = recorder();
      rooms.connect();
      const first = rooms.listen('forum:1', 10, a.listener);
      last().resolve(ack('forum:1', [], 10));
      await vi.advanceTimersByTimeAsync(0);
      first.close();
      rooms.receive(event(11));
      // Remounted quickly with older data: only a catch-up, no leave and rejoin.
      const b = recorder();
      rooms.listen('forum:1', 10, b.listener);
      expect(last().request).toEqual({ room: 'forum:1', since: 10 });
      last().resolve(ack('forum:1', [event(11)], 11));
      await vi.advanceTimersByTimeAsync(2000);
      expect(b.ids).toEqual([11]);
      expect(a.ids).toEqual([]);
      expect(unsubscribed).toEqual([]);
      expect(requests).toHaveLength(2);
      rooms.listen('forum:2', 0, recorder().listener).close();
      await vi.advanceTimersByTimeAsync(1000);
      expect(unsubscribed).toEqual(['forum:2']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a refused room to its views and stops listening to it', async () => {
    const { rooms, last } = setup();
    const errors: number[] = [];
    const a = recorder();
    rooms.connect();
    rooms.listen('moderation', 0, { ...a.listener, onError: (error) => errors.push(error.status) });
    last().resolve({ ok: false, error: { status: 403, message: 'Forbidden' } });
    await flush();
    rooms.receive(event(1, 'moderation'));
    expect(errors).toEqual([403]);
    expect(a.ids).toEqual([]);
  });

  it('tells whether it is catching up', async () => {
    const changes: boolean[] = [];
    const requests: Pending[] = [];
    const rooms = new LiveRooms(
      { subscribe: (request) => new Promise((resolve, reject) => requests.push({ request, resolve, reject })), unsubscribe: () => {} },
      { onCatchingUpChange: (value) => changes.push(value) },
    );
    rooms.connect();
    rooms.listen('forums', 0, recorder().listener);
    expect(rooms.isCatchingUp()).toBe(true);
    requests[0].resolve(ack('forums', [], 0));
    await flush();
    expect(changes).toEqual([true, false]);
  });
});
