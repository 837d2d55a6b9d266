import type { Booking, BookingStatus, Calendar } from '../../../../shared/premises';
import type { LiveEvent } from '../../../../shared/realtime';
import { addDays } from './week';

// How `booking.changed` events change what the premises pages show. Pure and idempotent: an
// event carries the whole booking, lists are updated by id, so applying one twice does no harm.

/** What a screen reader should hear about a change; the page turns it into words. */
export type BookingNotice =
  | { kind: 'busy' | 'freed' | 'requested'; booking: Booking }
  | { kind: 'newRequest' | 'statusChanged'; booking: Booking; from: BookingStatus | null };

export interface BookingResult<T> {
  data: T;
  notice?: BookingNotice;
}

const byStart = (a: Booking, b: Booking) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id);

export function bookingOf(event: LiveEvent): Booking | null {
  return event.type === 'booking.changed' ? (event as LiveEvent<'booking.changed'>).data.booking : null;
}

/** The details one already has survive an event that carries the public view (no requester). */
function merge(old: Booking | undefined, next: Booking): Booking {
  if (!old || next.requester || !old.requester) return next;
  return { ...next, requester: old.requester, decisionMessage: next.decisionMessage ?? old.decisionMessage };
}

/**
 * A week calendar and an event of the premises' room. Approved bookings are busy for everyone;
 * pending ones are shown only to those who may see who asked (they had them, with details, from
 * HTTP); declined and cancelled ones leave.
 */
export function applyCalendarEvent(calendar: Calendar, event: LiveEvent): BookingResult<Calendar> {
  const booking = bookingOf(event);
  if (!booking || booking.premisesId !== calendar.premisesId) return { data: calendar };
  const weekEnd = addDays(calendar.weekStart, 6);
  if (booking.localDate < calendar.weekStart || booking.localDate > weekEnd) return { data: calendar };
  const old = calendar.slots.find((s) => s.id === booking.id);
  const next = merge(old, booking);
  const keep = next.status === 'approved' || (next.status === 'pending' && !!next.requester);
  const others = calendar.slots.filter((s) => s.id !== booking.id);
  const slots = keep ? [...others, next].sort(byStart) : others;
  let notice: BookingNotice | undefined;
  if (next.status === 'approved' && old?.status !== 'approved') notice = { kind: 'busy', booking: next };
  else if (!keep && old) notice = { kind: 'freed', booking: next };
  else if (keep && !old && next.status === 'pending') notice = { kind: 'requested', booking: next };
  if (!old && !keep) return { data: calendar };
  return { data: { ...calendar, slots }, notice };
}

export interface BookingList {
  bookings: Booking[];
  cursor: number;
  /** Bookings on all pages; `next` is where the next page starts (null: none). */
  total: number;
  next: string | null;
}

export type BookingSide = 'requester' | 'owner';

/** Whether a booking belongs on an organisation's list of this side. */
export function onSide(booking: Booking, organisationId: string, side: BookingSide): boolean {
  return side === 'owner' ? booking.ownerOrganisationId === organisationId : booking.requester?.organisation.id === organisationId;
}

export interface ListScope {
  /** Coming bookings (not yet ended), or the past ones. */
  when: 'upcoming' | 'past';
  /** The time now, in ms: a booking that has ended belongs on the past list. */
  now: number;
}

/**
 * An organisation's list of bookings (one side, coming or past) and an event of its room. A past
 * list only changes in place: nothing new can be booked in the past.
 */
export function applyBookingListEvent(list: BookingList, event: LiveEvent, organisationId: string, side: BookingSide, scope: ListScope): BookingResult<BookingList> {
  const booking = bookingOf(event);
  if (!booking || !onSide(booking, organisationId, side)) return { data: list };
  const old = list.bookings.find((b) => b.id === booking.id);
  const belongs = scope.when === 'upcoming' ? new Date(booking.end).getTime() > scope.now : false;
  if (!old && !belongs) return { data: list };
  const next = merge(old, booking);
  const bookings = [...list.bookings.filter((b) => b.id !== booking.id), next].sort(byStart);
  let notice: BookingNotice | undefined;
  if (!old) notice = side === 'owner' && next.status === 'pending' ? { kind: 'newRequest', booking: next, from: null } : { kind: 'statusChanged', booking: next, from: null };
  else if (old.status !== next.status) notice = { kind: 'statusChanged', booking: next, from: old.status };
  return { data: { ...list, bookings, total: old ? list.total : list.total + 1 }, notice };
}

/** One booking (its detail page) and an event of an organisation's room. */
export function applyBookingEvent(current: Booking, event: LiveEvent): BookingResult<Booking> {
  const booking = bookingOf(event);
  if (!booking || booking.id !== current.id) return { data: current };
  const next = merge(current, booking);
  return { data: next, notice: next.status !== current.status ? { kind: 'statusChanged', booking: next, from: current.status } : undefined };
}

/** Pending dates of the same series, for "approve all dates of the series". */
export function pendingInSeries(bookings: Booking[], seriesId: string | null): Booking[] {
  if (!seriesId) return [];
  return bookings.filter((b) => b.seriesId === seriesId && b.status === 'pending');
}

/**
 * The rows of an organisation's list: a series' dates travel together (one row per series, its
 * dates listed inside), single bookings stand alone; in order of the first date.
 */
export interface BookingGroup {
  key: string;
  seriesId: string | null;
  bookings: Booking[];
}

export function groupBookings(bookings: Booking[]): BookingGroup[] {
  const groups: BookingGroup[] = [];
  const bySeries = new Map<string, BookingGroup>();
  for (const booking of [...bookings].sort(byStart)) {
    if (booking.seriesId) {
      const existing = bySeries.get(booking.seriesId);
      if (existing) {
        existing.bookings.push(booking);
        continue;
      }
      const group = { key: `series-${booking.seriesId}`, seriesId: booking.seriesId, bookings: [booking] };
      bySeries.set(booking.seriesId, group);
      groups.push(group);
    } else {
      groups.push({ key: booking.id, seriesId: null, bookings: [booking] });
    }
  }
  return groups;
}

/**
 * Whether a change is news to this viewer: not their own request arriving, and not a decision they
 * just made here (`ownChange`); what one does oneself is confirmed where one did it.
 */
export function isNewsTo(notice: BookingNotice, viewerId: string | null, ownChange: boolean): boolean {
  if (ownChange) return false;
  const mine = !!viewerId && notice.booking.requester?.person?.id === viewerId;
  const arrival = notice.kind === 'requested' || notice.kind === 'newRequest' || (notice.kind === 'statusChanged' && notice.from === null);
  // The owner's own members book directly: their booking is busy from the start.
  const direct = notice.kind === 'busy' && notice.booking.requester?.organisation.id === notice.booking.ownerOrganisationId;
  return !(mine && (arrival || direct));
}
