// Deadlines are local dates in Stockholm (a call closes at the end of that day), so "days left" is
// counted between calendar dates in Europe/Stockholm, never from the viewer's clock time.

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Stockholm as YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  // sv-SE formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  if (!isoDatePattern.test(from) || !isoDatePattern.test(to)) return Number.NaN;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type DeadlineUrgency = 'past' | 'today' | 'soon' | 'later';

/** Today and tomorrow are urgent; within a week "soon" (when followers get their first reminder). */
export function deadlineUrgency(daysLeft: number): DeadlineUrgency {
  if (daysLeft < 0) return 'past';
  if (daysLeft === 0) return 'today';
  if (daysLeft <= 7) return 'soon';
  return 'later';
}

export type DaysLeftText =
  | { key: 'grants.daysLeftPast' }
  | { key: 'grants.daysLeftToday' }
  | { key: 'grants.daysLeftTomorrow' }
  | { key: 'grants.daysLeft'; count: number };

/** Which words say how long is left: "Sista dagen i dag", "1 dag kvar" is said as "i morgon". */
export function daysLeftText(daysLeft: number): DaysLeftText {
  if (daysLeft < 0) return { key: 'grants.daysLeftPast' };
  if (daysLeft === 0) return { key: 'grants.daysLeftToday' };
  if (daysLeft === 1) return { key: 'grants.daysLeftTomorrow' };
  return { key: 'grants.daysLeft', count: daysLeft };
}

export type AmountRange =
  | { kind: 'none' }
  | { kind: 'exact'; amount: number }
  | { kind: 'between'; min: number; max: number }
  | { kind: 'from'; min: number }
  | { kind: 'upTo'; max: number };

export function amountRange(min: number | null, max: number | null): AmountRange {
  if (min == null && max == null) return { kind: 'none' };
  if (min != null && max != null) return min === max ? { kind: 'exact', amount: min } : { kind: 'between', min, max };
  if (min != null) return { kind: 'from', min };
  return { kind: 'upTo', max: max! };
}
