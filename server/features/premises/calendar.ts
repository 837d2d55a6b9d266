import { and, eq, inArray, or, sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Calendar } from '../../../shared/premises';
import type { Db } from '../../db/client';
import { bookings, calendarTokens, organisations, premises, premisesClosedDates, premisesOpeningHours } from '../../db/schema/index';
import { generateToken } from '../../lib/crypto';
import { forbidden, notFound } from '../../lib/errors';
import { currentCursor } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { presentBooking, selectBookings } from './bookings';
import { canSeeBookingDetails, isActiveAdmin, isActiveMember, isStaff } from './policy';
import { findPremises } from './premises';

const zone = 'Europe/Stockholm';

/**
 * A week of a premises: each day's opening hours and closed state, approved bookings for everyone
 * (without requester details for outsiders), and pending requests for those involved.
 */
export async function weekCalendar(db: Db, viewer: AuthUser | null, premisesId: string, week: string | undefined): Promise<Calendar> {
  const place = await findPremises(db, premisesId);
  const cursor = await currentCursor(db);
  const result = await db.execute<{ monday: string }>(sql`select to_char(date_trunc('week', coalesce(${week ?? null}::date, (now() at time zone ${zone})::date)), 'YYYY-MM-DD') as monday`);
  const monday = result.rows[0].monday;
  const days = await db.execute<{ day: string; isodow: number }>(
    sql`select to_char(d, 'YYYY-MM-DD') as day, extract(isodow from d)::int as isodow from generate_series(${monday}::date, ${monday}::date + 6, interval '1 day') d`,
  );
  const hours = await db.select().from(premisesOpeningHours).where(eq(premisesOpeningHours.premisesId, premisesId));
  const closed = await db
    .select()
    .from(premisesClosedDates)
    .where(and(eq(premisesClosedDates.premisesId, premisesId), sql`${premisesClosedDates.date} between ${monday}::date and ${monday}::date + 6`));
  const range = sql`tstzrange((${monday}::date)::timestamp at time zone ${zone}, (${monday}::date + 7)::timestamp at time zone ${zone}, '[)')`;
  const rows = await selectBookings(db, and(eq(bookings.premisesId, premisesId), sql`${bookings.during} && ${range}`, inArray(bookings.status, ['approved', 'pending'])));
  const slots = rows
    .filter((row) => row.status === 'approved' || canSeeBookingDetails(viewer, row))
    .map((row) => presentBooking(row, viewer));
  return {
    premisesId: place.id,
    weekStart: monday,
    days: days.rows.map((d) => ({
      date: d.day,
      closed: closed.some((c) => c.date === d.day),
      openingHours: hours
        .filter((h) => h.weekday === Number(d.isodow))
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((h) => ({ opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
    })),
    slots,
    cursor,
  };
}

/** The public iCal feed of a premises: busy times only, no requester details. */
export async function premisesIcs(db: Db, premisesId: string): Promise<string> {
  const place = await findPremises(db, premisesId);
  const rows = await selectBookings(db, and(eq(bookings.premisesId, premisesId), eq(bookings.status, 'approved'), sql`upper(${bookings.during}) > now() - interval '90 days'`));
  const calendar = ical({ name: place.name, timezone: zone, prodId: { company: 'Mötesplatsen', product: 'lokaler', language: 'SV' } });
  for (const row of rows) {
    calendar.createEvent({ id: `${row.id}@motesplatsen`, start: new Date(row.start), end: new Date(row.end), summary: 'Upptagen / Busy', location: place.address, status: ICalEventStatus.CONFIRMED });
  }
  return calendar.toString();
}

/** The organisation's secret calendar address (created on first request). */
export async function calendarLink(db: Db, user: AuthUser, organisationId: string, publicUrl: string, renew: boolean): Promise<{ url: string }> {
  if (renew ? !isActiveAdmin(user, organisationId) : !isActiveMember(user, organisationId) && !isStaff(user)) throw forbidden();
  // Staff may ask for any organisation's address: one that does not exist has none (and no token to write).
  if (!isActiveMember(user, organisationId)) {
    const [found] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
    if (!found) throw notFound();
  }
  const token = generateToken();
  const [row] = renew
    ? await db
        .insert(calendarTokens)
        .values({ organisationId, token })
        .onConflictDoUpdate({ target: calendarTokens.organisationId, set: { token, createdAt: new Date() } })
        .returning()
    : await db
        .insert(calendarTokens)
        .values({ organisationId, token })
        .onConflictDoUpdate({ target: calendarTokens.organisationId, set: { organisationId } })
        .returning();
  return { url: `${publicUrl}/api/bookings/calendar/${row.token}.ics` };
}

/** An organisation's bookings (as requester and as owner), with details, for its calendar app. */
export async function organisationIcs(db: Db, token: string): Promise<string> {
  const [owner] = await db.select().from(calendarTokens).where(eq(calendarTokens.token, token));
  if (!owner) throw notFound();
  const rows = await selectBookings(
    db,
    and(
      or(eq(bookings.requesterOrganisationId, owner.organisationId), eq(premises.organisationId, owner.organisationId)),
      inArray(bookings.status, ['approved', 'pending']),
      sql`upper(${bookings.during}) > now() - interval '90 days'`,
    ),
  );
  const calendar = ical({ name: 'Mötesplatsen – bokningar', timezone: zone, prodId: { company: 'Mötesplatsen', product: 'bokningar', language: 'SV' } });
  for (const row of rows) {
    const pending = row.status === 'pending';
    calendar.createEvent({
      id: `${row.id}@motesplatsen`,
      start: new Date(row.start),
      end: new Date(row.end),
      summary: `${pending ? '(Förfrågan) ' : ''}${row.premisesName}: ${row.requesterName}`,
      description: row.purpose,
      status: pending ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
