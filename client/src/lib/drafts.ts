import { useCallback, useEffect, useRef, useState } from 'react';

// Unsent texts survive a reload, a crash or a lost connection: kept in localStorage per place
// (a thread's reply, a forum's new thread) until they are sent.

const prefix = 'motesplatsen.draft.';

function read<T>(key: string): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(prefix + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null) globalThis.localStorage?.removeItem(prefix + key);
    else globalThis.localStorage?.setItem(prefix + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft still lives in the page.
  }
}

/**
 * State that is also saved as a draft under `key` (null: not saved). `isEmpty` says when there is
 * nothing worth keeping. `clear()` resets to `initial` and forgets the draft (after sending).
 */
export function useDraft<T>(key: string | null, initial: T, isEmpty: (value: T) => boolean) {
  const [value, setValue] = useState<T>(() => (key ? (read<T>(key) ?? initial) : initial));
  const keyRef = useRef(key);
  const emptyRef = useRef(isEmpty);
  emptyRef.current = isEmpty;

  // Another place (thread) in the same component: load its draft.
  useEffect(() => {
    if (keyRef.current === key) return;
    keyRef.current = key;
    setValue(key ? (read<T>(key) ?? initial) : initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!key) return;
    const timer = setTimeout(() => write(key, emptyRef.current(value) ? null : value), 300);
    return () => clearTimeout(timer);
  }, [key, value]);

  const clear = useCallback(() => {
    if (keyRef.current) write(keyRef.current, null);
    setValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return [value, setValue, clear] as const;
}
