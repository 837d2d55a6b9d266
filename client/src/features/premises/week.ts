import type { Booking, Calendar } from '../../../../shared/premises';

// Calendar arithmetic on local dates ("YYYY-MM-DD") and wall-clock times ("HH:MM"). Dates are
// Stockholm calendar days as the server gives them; they are computed in UTC here so that the
// viewer's own time zone and daylight saving never shift a day.

const isoPattern = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !isoPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(iso: string): number {
  return ((toDate(iso).getUTCDay() + 6) % 7) + 1;
}

export function mondayOf(iso: string): string {
  return addDays(iso, 1 - isoWeekday(iso));
}

/** The ISO week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(iso: string): number {
  const thursday = toDate(addDays(mondayOf(iso), 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

/** Today in Stockholm, as a local date. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The first date on or after `from` that falls on `weekday`. */
export function firstOnOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

/** The dates of a weekly series: `weeks` occurrences starting at `first` (what the server books). */
export function seriesDates(first: string, weeks: number): string[] {
  const count = Math.max(0, Math.min(52, Math.floor(weeks)));
  return Array.from({ length: count }, (_, i) => addDays(first, i * 7));
}

export function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function timeOf(totalMinutes: number): string {
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Quarter hours from `from` to `to` inclusive ("08:00", "08:15", …), for time pickers. */
export function quarterHours(from = '00:00', to = '24:00'): string[] {
  const list: string[] = [];
  for (let m = minutes(from); m <= minutes(to); m += 15) list.push(timeOf(m));
  return list;
}

/** Booking slots of a calendar by local date, each day's in time order. */
export function slotsByDay(calendar: Pick<Calendar, 'days' | 'slots'>): Map<string, Booking[]> {
  const byDay = new Map<string, Booking[]>(calendar.days.map((d) => [d.date, []]));
  for (const slot of calendar.slots) byDay.get(slot.localDate)?.push(slot);
  for (const list of byDay.values()) list.sort((a, b) => a.localStart.localeCompare(b.localStart) || a.id.localeCompare(b.id));
  return byDay;
}

export interface Segment {
  kind: 'open' | 'approved' | 'pending';
  start: string;
  end: string;
  /** Position on the day's bar, in percent of the shown window. */
  left: number;
  width: number;
}

export interface DayLayout {
  /** The window shown, e.g. 07:00–23:00: the opening hours and bookings of the week, widened to whole hours. */
  from: string;
  to: string;
  segments: Segment[];
}

/** The window that every day of a week is drawn in: the earliest start to the latest end, whole hours. */
export function weekWindow(calendar: Pick<Calendar, 'days' | 'slots'>): { from: string; to: string } {
  const starts = [...calendar.days.flatMap((d) => d.openingHours.map((h) => h.opens)), ...calendar.slots.map((s) => s.localStart)].map(minutes);
  const ends = [...calendar.days.flatMap((d) => d.openingHours.map((h) => h.closes)), ...calendar.slots.map((s) => s.localEnd)].map(minutes);
  if (!starts.length) return { from: '08:00', to: '22:00' };
  const from = Math.floor(Math.min(...starts) / 60) * 60;
  const to = Math.min(24 * 60, Math.ceil(Math.max(...ends) / 60) * 60);
  return { from: timeOf(from), to: timeOf(to > from ? to : from + 60) };
}

/**
 * Where a day's opening hours and bookings sit on a horizontal bar (a visual aid beside the
 * readable table). Bookings that run past midnight are cut at the window's end.
 */
export function layoutDay(openingHours: { opens: string; closes: string }[], slots: Pick<Booking, 'localStart' | 'localEnd' | 'status'>[], window: { from: string; to: string }): DayLayout {
  const from = minutes(window.from);
  const span = Math.max(1, minutes(window.to) - from);
  const place = (kind: Segment['kind'], start: string, end: string): Segment | null => {
    const s = Math.max(from, minutes(start));
    const e = Math.min(from + span, minutes(end) <= minutes(start) ? 24 * 60 : minutes(end));
    if (e <= s) return null;
    return { kind, start, end, left: ((s - from) / span) * 100, width: ((e - s) / span) * 100 };
  };
  const segments = [
    ...openingHours.map((h) => place('open', h.opens, h.closes)),
    ...slots.filter((s) => s.status === 'approved' || s.status === 'pending').map((s) => place(s.status as 'approved' | 'pending', s.localStart, s.localEnd)),
  ].filter((s): s is Segment => s !== null);
  return { from: window.from, to: window.to, segments };
}
