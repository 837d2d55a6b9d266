import { create } from 'zustand';

// One polite live region for the whole app: live updates ("Ny tråd: …") are announced here, so
// screen-reader users hear what changed without losing their place.

interface AnnouncerState {
  message: string;
}

const useAnnouncerStore = create<AnnouncerState>(() => ({ message: '' }));

let queue: string[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

/** Says `text` politely. Several announcements in quick succession are read as one. */
export function announce(text: string) {
  if (!text) return;
  queue.push(text);
  if (timer) return;
  // Emptying the region first makes a repeated, identical message be read again.
  useAnnouncerStore.setState({ message: '' });
  timer = setTimeout(() => {
    timer = null;
    const message = [...new Set(queue)].join(' ');
    queue = [];
    useAnnouncerStore.setState({ message });
  }, 150);
}

export function Announcer() {
  const message = useAnnouncerStore((s) => s.message);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </div>
  );
}
