import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { bookingListDays, type Booking, type BookingListQuery, type BookingStatus, type Conflict } from '../../../shared/premises';
import { organisationRoom, premisesRoom } from '../../../shared/realtime';
import type { Db, Tx } from '../../db/client';
import { bookingSeries, bookings, memberships, organisations, premises, users } from '../../db/schema/index';
import { DomainError, forbidden, invalid, notFound } from '../../lib/errors';
import { currentCursor, recordEvents, type NewEvent } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { notify, type NewNotification } from '../notifications/service';
import { canCancelBooking, canDecideBooking, canRequestFor, canSeeBookingDetails, isActiveMember, isStaff } from './policy';
import { findPremises } from './premises';

// Booking requests and decisions. The database holds the one rule that must never break: the
// exclusion constraint bookings_no_double_booking (two approved bookings of one premises never
// overlap), whatever the concurrency. This module turns its violation into a 409 that names the
// clashing time, and checks the rest (opening hours, closed dates, the past) up front.

const zone = 'Europe/Stockholm';
const requesterOrgs = alias(organisations, 'requester_orgs');

const bookingColumns = {
  id: bookings.id,
  premisesId: bookings.premisesId,
  premisesName: premises.name,
  ownerOrganisationId: premises.organisationId,
  seriesId: bookings.seriesId,
  start: sql<string>`lower(${bookings.during})`,
  end: sql<string>`upper(${bookings.during})`,
  localDate: sql<string>`to_char(lower(${bookings.during}) at time zone ${zone}, 'YYYY-MM-DD')`,
  localStart: sql<string>`to_char(lower(${bookings.during}) at time zone ${zone}, 'HH24:MI')`,
  localEnd: sql<string>`to_char(upper(${bookings.during}) at time zone ${zone}, 'HH24:MI')`,
  status: bookings.status,
  requesterOrganisationId: bookings.requesterOrganisationId,
  requesterName: requesterOrgs.name,
  requesterSlug: requesterOrgs.slug,
  requestedBy: bookings.requestedBy,
  personName: users.name,
  personEmail: users.email,
  purpose: bookings.purpose,
  attendees: bookings.attendees,
  decisionMessage: bookings.decisionMessage,
  createdAt: bookings.createdAt,
};

export type BookingRow = Awaited<ReturnType<typeof selectBookings>>[number];

/** Bookings with what a list shows of them, first date first unless `latestFirst`. */
export function selectBookings(db: Db | Tx, where: SQL | undefined, latestFirst = false) {
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(premises, eq(premises.id, bookings.premisesId))
    .innerJoin(requesterOrgs, eq(requesterOrgs.id, bookings.requesterOrganisationId))
    .leftJoin(users, eq(users.id, bookings.requestedBy))
    .where(where)
    .orderBy(...(latestFirst ? [sql`lower(${bookings.during}) desc`, desc(bookings.id)] : [sql`lower(${bookings.during})`, bookings.id]));
}

/**
 * A booking as `viewer` may see it; `'public'` is the view for anyone (no requester details) and
 * `'involved'` the view for the two organisations' rooms.
 */
export function presentBooking(row: BookingRow, viewer: AuthUser | null | 'public' | 'involved'): Booking {
  const details = viewer === 'involved' || (viewer !== 'public' && canSeeBookingDetails(viewer, row));
  return {
    id: row.id,
    premisesId: row.premisesId,
    premisesName: row.premisesName,
    seriesId: row.seriesId,
    start: new Date(row.start).toISOString(),
    end: new Date(row.end).toISOString(),
    localDate: row.localDate,
    localStart: row.localStart,
    localEnd: row.localEnd === '00:00' ? '24:00' : row.localEnd,
    status: row.status,
    requester: details
      ? {
          organisation: { id: row.requesterOrganisationId, name: row.requesterName, slug: row.requesterSlug },
          person: row.requestedBy && row.personName && row.personEmail ? { id: row.requestedBy, name: row.personName, email: row.personEmail } : null,
          purpose: row.purpose,
          attendees: row.attendees,
        }
      : null,
    ownerOrganisationId: row.ownerOrganisationId,
    decisionMessage: details ? row.decisionMessage : null,
    createdAt: row.createdAt.toISOString(),
  };
}

interface Occurrence {
  date: string;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  reason: Conflict['reason'] | null;
  /** The local start (end) time does not exist that day: the clocks go forward over it. */
  startSkipped: boolean;
  endSkipped: boolean;
}

/**
 * The local dates of a request (one, or a weekly series) as Stockholm wall-clock times turned into
 * instants by PostgreSQL, so 18:00 stays 18:00 across a daylight-saving change; with the reason
 * each date cannot be booked, if any.
 */
async function occurrences(tx: Tx, premisesId: string, date: string, startTime: string, endTime: string, weeks: number): Promise<Occurrence[]> {
  const result = await tx.execute<{ day: string; s: string; e: string; reason: Conflict['reason'] | null; start_skipped: boolean; end_skipped: boolean }>(sql`
    with occ as (
      select d::date as day,
        ((d::date + ${startTime}::time) at time zone ${zone}) as s,
        ((d::date + ${endTime}::time) at time zone ${zone}) as e
      from generate_series(${date}::date, ${date}::date + ${(weeks - 1) * 7}::int, interval '7 days') d
    )
    select to_char(day, 'YYYY-MM-DD') as day, s, e,
      (s at time zone ${zone}) <> (day + ${startTime}::time) as start_skipped,
      (e at time zone ${zone}) <> (day + ${endTime}::time) as end_skipped,
      case
        when s < now() then 'past'
        when exists (select 1 from premises_closed_dates c where c.premises_id = ${premisesId} and c.date = occ.day) then 'closed'
        when exists (select 1 from premises_opening_hours h where h.premises_id = ${premisesId})
          and not exists (select 1 from premises_opening_hours h where h.premises_id = ${premisesId}
            and h.weekday = extract(isodow from occ.day) and h.opens <= ${startTime}::time and h.closes >= ${endTime}::time) then 'outsideHours'
        when exists (select 1 from bookings b where b.premises_id = ${premisesId} and b.status = 'approved'
          and b.during && tstzrange(occ.s, occ.e, '[)')) then 'booked'
      end as reason
    from occ order by day`);
  return result.rows.map((r) => ({
    date: r.day,
    start: new Date(r.s).toISOString(),
    end: new Date(r.e).toISOString(),
    localStart: startTime,
    localEnd: endTime,
    reason: r.reason,
    startSkipped: r.start_skipped,
    endSkipped: r.end_skipped,
  }));
}

const asConflict = (o: Occurrence): Conflict => ({ date: o.date, start: o.localStart, end: o.localEnd, reason: o.reason ?? 'booked' });

function isExclusionViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

/** The approved booking that overlaps [start, end) of this premises, as a conflict to report. */
async function clashWith(db: Db | Tx, premisesId: string, start: string, end: string, excludeId?: string): Promise<Conflict | null> {
  const result = await db.execute<{ day: string; s: string; e: string }>(sql`
    select to_char(lower(during) at time zone ${zone}, 'YYYY-MM-DD') as day,
      to_char(lower(during) at time zone ${zone}, 'HH24:MI') as s,
      to_char(upper(during) at time zone ${zone}, 'HH24:MI') as e
    from bookings where premises_id = ${premisesId} and status = 'approved'
      and during && tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)')
      ${excludeId ? sql`and id <> ${excludeId}` : sql``}
    order by lower(during) limit 1`);
  const row = result.rows[0];
  return row ? { date: row.day, start: row.s, end: row.e, reason: 'booked' } : null;
}

/** The problem's words for one date that cannot be booked, by why not. */
const conflictKeys = { booked: 'error.bookingConflict', closed: 'error.bookingClosed', outsideHours: 'error.bookingOutsideHours', past: 'error.bookingPast' } as const;

function conflictError(conflicts: Conflict[]): DomainError {
  if (conflicts.length === 1) {
    const [c] = conflicts;
    return new DomainError(409, conflictKeys[c.reason], { date: c.date, start: c.start, end: c.end }, [], {}, { conflicts });
  }
  return new DomainError(409, 'error.seriesConflicts', { count: conflicts.length }, [], {}, { conflicts });
}

async function ownerAdminIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')));
  return rows.map((r) => r.userId);
}

/** Live news of bookings: the premises' public room, and both organisations' rooms with details. */
async function bookingEvents(tx: Tx, ids: string[]): Promise<NewEvent[]> {
  if (!ids.length) return [];
  const rows = await selectBookings(tx, inArray(bookings.id, ids));
  return rows.flatMap((row) => {
    const detailed = presentBooking(row, 'involved');
    const rooms = [...new Set([row.ownerOrganisationId, row.requesterOrganisationId])];
    return [
      { room: premisesRoom(row.premisesId), type: 'booking.changed' as const, data: { booking: presentBooking(row, 'public') } },
      ...rooms.map((orgId) => ({ room: organisationRoom(orgId), type: 'booking.changed' as const, data: { booking: detailed } })),
    ];
  });
}

export interface RequestInput {
  organisationId: string;
  date: string;
  startTime: string;
  endTime: string;
  weeks: number;
  purpose: string;
  attendees: number;
  skipConflicts: boolean;
}

/**
 * A request for one time or a weekly series. Dates that cannot be booked are reported (409 with
 * `conflicts`) unless the requester chose to take the rest. The owner's own members book their
 * premises directly (approved at once); everyone else waits for the owner's admins.
 */
export async function requestBooking(db: Db, user: AuthUser, premisesId: string, input: RequestInput) {
  const place = await findPremises(db, premisesId);
  if (place.archivedAt) throw new DomainError(409, 'error.premisesArchived');
  if (!canRequestFor(user, input.organisationId)) throw invalid([{ field: 'organisationId', key: 'error.notOrganisationMember' }]);
  if (input.attendees > place.capacity) throw invalid([{ field: 'attendees', key: 'premises.overCapacity', params: { max: place.capacity } }]);
  const own = input.organisationId === place.organisationId;
  try {
    return await db.transaction(async (tx) => {
      const dates = await occurrences(tx, premisesId, input.date, input.startTime, input.endTime, input.weeks);
      const skipped = dates.find((d) => d.startSkipped || d.endSkipped);
      if (skipped) {
        throw invalid([
          ...(skipped.startSkipped ? [{ field: 'startTime', key: 'premises.nonexistentTime' as const, params: { date: skipped.date, time: input.startTime } }] : []),
          ...(skipped.endSkipped ? [{ field: 'endTime', key: 'premises.nonexistentTime' as const, params: { date: skipped.date, time: input.endTime } }] : []),
        ]);
      }
      const blocked = dates.filter((d) => d.reason);
      const free = dates.filter((d) => !d.reason);
      if (!free.length || (blocked.length && !input.skipConflicts)) throw conflictError(blocked.map(asConflict));
      const [series] = input.weeks > 1
        ? await tx.insert(bookingSeries).values({ premisesId, requesterOrganisationId: input.organisationId, weeks: input.weeks }).returning({ id: bookingSeries.id })
        : [null];
      const status: BookingStatus = own ? 'approved' : 'pending';
      const inserted = await tx
        .insert(bookings)
        .values(
          free.map((d) => ({
            premisesId,
            requesterOrganisationId: input.organisationId,
            requestedBy: user.id,
            seriesId: series?.id ?? null,
            during: sql`tstzrange(${d.start}::timestamptz, ${d.end}::timestamptz, '[)')` as unknown as string,
            status,
            purpose: input.purpose,
            attendees: input.attendees,
            ...(own ? { decidedBy: user.id, decidedAt: new Date() } : {}),
          })),
        )
        .returning({ id: bookings.id });
      const ids = inserted.map((b) => b.id);
      const notices: NewNotification[] = own
        ? []
        : (await ownerAdminIds(tx, place.organisationId)).map((userId) => ({
            userId,
            kind: 'bookingRequested' as const,
            actorId: user.id,
            text: `${place.name}: ${free[0].date} ${input.startTime}–${input.endTime}${free.length > 1 ? ` (+${free.length - 1})` : ''}`,
            link: `/lokaler/bokningar/${ids[0]}`,
          }));
      await recordEvents(tx, [...(await bookingEvents(tx, ids)), ...(await notify(tx, notices))]);
      return { ids, skipped: blocked.map(asConflict) };
    });
  } catch (error) {
    // Two direct bookings by the owner raced: the constraint let one through.
    if (isExclusionViolation(error)) {
      const dates = await db.transaction((tx) => occurrences(tx, premisesId, input.date, input.startTime, input.endTime, input.weeks));
      const clash = dates.filter((d) => d.reason === 'booked').map(asConflict);
      throw conflictError(clash.length ? clash : [{ date: input.date, start: input.startTime, end: input.endTime, reason: 'booked' }]);
    }
    throw error;
  }
}

async function loadForDecision(db: Db | Tx, bookingId: string) {
  const [row] = await selectBookings(db, eq(bookings.id, bookingId));
  if (!row) throw notFound();
  return row;
}

async function decide(tx: Tx, user: AuthUser, row: BookingRow, status: 'approved' | 'declined', message: string) {
  const updated = await tx
    .update(bookings)
    .set({ status, decisionMessage: message || null, decidedBy: user.id, decidedAt: new Date() })
    .where(and(eq(bookings.id, row.id), eq(bookings.status, 'pending')))
    .returning({ id: bookings.id });
  if (!updated.length) throw new DomainError(409, 'error.bookingNotPending');
}

async function decisionNotice(tx: Tx, user: AuthUser, row: BookingRow, kind: 'bookingApproved' | 'bookingDeclined', message: string) {
  if (!row.requestedBy) return [];
  return notify(tx, [
    { userId: row.requestedBy, kind, actorId: user.id, text: `${row.premisesName}: ${row.localDate} ${row.localStart}–${row.localEnd}${message ? ` — ${message}` : ''}`, link: `/lokaler/bokningar/${row.id}` },
  ]);
}

/** The owner's admins approve; a clash with an approved booking is a 409 that names it. */
export async function approveBooking(db: Db, user: AuthUser, bookingId: string, message: string) {
  const row = await loadForDecision(db, bookingId);
  if (!canDecideBooking(user, row.ownerOrganisationId)) throw forbidden();
  try {
    await db.transaction(async (tx) => {
      await decide(tx, user, row, 'approved', message);
      await recordEvents(tx, [...(await bookingEvents(tx, [row.id])), ...(await decisionNotice(tx, user, row, 'bookingApproved', message))]);
    });
  } catch (error) {
    if (isExclusionViolation(error)) {
      const clash = await clashWith(db, row.premisesId, row.start, row.end, row.id);
      throw conflictError([clash ?? { date: row.localDate, start: row.localStart, end: row.localEnd, reason: 'booked' }]);
    }
    throw error;
  }
}

export async function declineBooking(db: Db, user: AuthUser, bookingId: string, message: string) {
  const row = await loadForDecision(db, bookingId);
  if (!canDecideBooking(user, row.ownerOrganisationId)) throw forbidden();
  await db.transaction(async (tx) => {
    await decide(tx, user, row, 'declined', message);
    await recordEvents(tx, [...(await bookingEvents(tx, [row.id])), ...(await decisionNotice(tx, user, row, 'bookingDeclined', message))]);
  });
}

/**
 * Approves every pending date of a series. Dates that now clash are reported (409) unless
 * `skipConflicts`; each date is approved in its own savepoint so one clash does not undo the rest.
 */
export async function approveSeries(db: Db, user: AuthUser, seriesId: string, message: string, skipConflicts: boolean) {
  const rows = await selectBookings(db, and(eq(bookings.seriesId, seriesId), eq(bookings.status, 'pending')));
  const [series] = await db.select().from(bookingSeries).where(eq(bookingSeries.id, seriesId));
  if (!series) throw notFound();
  const place = await findPremises(db, series.premisesId);
  if (!canDecideBooking(user, place.organisationId)) throw forbidden();
  if (!rows.length) throw new DomainError(409, 'error.bookingNotPending');
  return db.transaction(async (tx) => {
    const approved: string[] = [];
    const clashes: Conflict[] = [];
    for (const row of rows) {
      try {
        await tx.transaction(async (sp) => decide(sp, user, row, 'approved', message));
        approved.push(row.id);
      } catch (error) {
        if (!isExclusionViolation(error)) throw error;
        clashes.push({ date: row.localDate, start: row.localStart, end: row.localEnd, reason: 'booked' });
      }
    }
    if (clashes.length && (!skipConflicts || !approved.length)) throw conflictError(clashes);
    const first = rows.find((r) => approved.includes(r.id))!;
    const notice = first.requestedBy
      ? await notify(tx, [{ userId: first.requestedBy, kind: 'bookingApproved', actorId: user.id, text: `${first.premisesName}: ${approved.length} × ${first.localStart}–${first.localEnd}${message ? ` — ${message}` : ''}`, link: `/lokaler/bokningar/${first.id}` }])
      : [];
    await recordEvents(tx, [...(await bookingEvents(tx, approved)), ...notice]);
    return { approved, skipped: clashes };
  });
}

/** The requester withdraws a request or cancels an approved booking that has not started. */
export async function cancelBooking(db: Db, user: AuthUser, bookingId: string) {
  const row = await loadForDecision(db, bookingId);
  if (!canCancelBooking(user, row)) throw forbidden();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(bookings)
      .set({ status: 'cancelled', decidedAt: new Date() })
      .where(and(eq(bookings.id, row.id), inArray(bookings.status, ['pending', 'approved']), sql`lower(${bookings.during}) > now()`))
      .returning({ id: bookings.id });
    if (!updated.length) throw new DomainError(409, 'error.bookingNotPending');
    const notices = (await ownerAdminIds(tx, row.ownerOrganisationId)).map((userId) => ({
      userId,
      kind: 'bookingCancelled' as const,
      actorId: user.id,
      text: `${row.premisesName}: ${row.localDate} ${row.localStart}–${row.localEnd}`,
      link: `/lokaler/bokningar/${row.id}`,
    }));
    await recordEvents(tx, [...(await bookingEvents(tx, [row.id])), ...(await notify(tx, notices))]);
  });
}

export async function getBooking(db: Db, user: AuthUser, bookingId: string): Promise<Booking> {
  const row = await loadForDecision(db, bookingId);
  if (!canSeeBookingDetails(user, row)) throw forbidden();
  return presentBooking(row, user);
}

export async function getBookings(db: Db | Tx, user: AuthUser | null, ids: string[]): Promise<Booking[]> {
  if (!ids.length) return [];
  return (await selectBookings(db, inArray(bookings.id, ids))).map((row) => presentBooking(row, user));
}

/**
 * A page of an organisation's bookings, as requester or as owner of the premises. Upcoming ones
 * (not yet ended) first-date-first, so coming requests are never behind a long history; past ones
 * (ended at most `bookingListDays` ago, as far as the iCal feed reaches) latest-first. Keyset pages:
 * `after` is the last booking of the previous page, so a page never repeats or skips a row while
 * bookings are added.
 */
export async function listBookings(db: Db, user: AuthUser, query: BookingListQuery) {
  const { organisationId, side, status, when, after, limit } = query;
  if (!isActiveMember(user, organisationId) && !isStaff(user)) throw forbidden();
  // Staff may ask for any organisation's list: one that does not exist is a 404, not an empty list.
  if (!isActiveMember(user, organisationId) && !(await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId))).length) throw notFound();
  const cursor = await currentCursor(db);
  const bySide = side === 'requester' ? eq(bookings.requesterOrganisationId, organisationId) : eq(premises.organisationId, organisationId);
  const period =
    when === 'upcoming'
      ? sql`upper(${bookings.during}) > now()`
      : sql`upper(${bookings.during}) <= now() and upper(${bookings.during}) > now() - make_interval(days => ${bookingListDays})`;
  const matching = and(bySide, period, status ? eq(bookings.status, status) : undefined);
  let from: SQL | undefined;
  if (after) {
    // The mark must be on this list; another organisation's booking is no place to continue from.
    const [mark] = await db
      .select({ start: sql<string>`lower(${bookings.during})` })
      .from(bookings)
      .innerJoin(premises, eq(premises.id, bookings.premisesId))
      .where(and(eq(bookings.id, after), bySide));
    if (!mark) throw invalid([{ field: 'querystring.after', key: 'field.invalid' }]);
    from = when === 'upcoming'
      ? sql`(lower(${bookings.during}), ${bookings.id}) > (${mark.start}::timestamptz, ${after}::uuid)`
      : sql`(lower(${bookings.during}), ${bookings.id}) < (${mark.start}::timestamptz, ${after}::uuid)`;
  }
  const [rows, [{ total }]] = await Promise.all([
    selectBookings(db, and(matching, from), when === 'past').limit(limit + 1),
    db.select({ total: count() }).from(bookings).innerJoin(premises, eq(premises.id, bookings.premisesId)).where(matching),
  ]);
  const page = rows.slice(0, limit);
  return {
    bookings: page.map((row) => presentBooking(row, user)),
    cursor,
    total,
    next: rows.length > limit ? page[page.length - 1].id : null,
  };
}
