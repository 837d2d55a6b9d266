import { and, asc, count, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Premises, PremisesData } from '../../../shared/premises';
import type { Db, Tx } from '../../db/client';
import { auditLog, organisations, premises, premisesClosedDates, premisesOpeningHours, referenceItems } from '../../db/schema/index';
import { forbidden, invalid, notFound } from '../../lib/errors';
import type { AuthUser } from '../../lib/sessions';
import { canManagePremises } from './policy';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hhmm = (time: string) => time.slice(0, 5);

const columns = {
  premises,
  orgName: organisations.name,
  orgSlug: organisations.slug,
  districtSlug: referenceItems.slug,
  districtSv: referenceItems.nameSv,
  districtEn: referenceItems.nameEn,
};

function selectPremises(db: Db | Tx) {
  return db
    .select(columns)
    .from(premises)
    .innerJoin(organisations, eq(organisations.id, premises.organisationId))
    .innerJoin(referenceItems, eq(referenceItems.id, premises.districtId));
}

async function present(db: Db | Tx, rows: { premises: typeof premises.$inferSelect; orgName: string; orgSlug: string; districtSlug: string; districtSv: string; districtEn: string }[], viewer: AuthUser | null): Promise<Premises[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.premises.id);
  const hours = await db.select().from(premisesOpeningHours).where(inArray(premisesOpeningHours.premisesId, ids)).orderBy(asc(premisesOpeningHours.weekday), asc(premisesOpeningHours.opens));
  const closed = await db.select().from(premisesClosedDates).where(inArray(premisesClosedDates.premisesId, ids)).orderBy(asc(premisesClosedDates.date));
  return rows.map(({ premises: p, ...r }) => ({
    id: p.id,
    organisation: { id: p.organisationId, name: r.orgName, slug: r.orgSlug },
    name: p.name,
    type: p.type,
    address: p.address,
    district: { slug: r.districtSlug, nameSv: r.districtSv, nameEn: r.districtEn },
    capacity: p.capacity,
    stepFreeAccess: p.stepFreeAccess,
    hearingLoop: p.hearingLoop,
    accessibleToilet: p.accessibleToilet,
    equipment: p.equipment,
    houseRules: p.houseRules,
    costType: p.costType,
    costDescription: p.costDescription,
    approver: p.approver,
    description: p.description,
    openingHours: hours.filter((h) => h.premisesId === p.id).map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) })),
    closedDates: closed.filter((c) => c.premisesId === p.id).map((c) => ({ date: c.date, note: c.note })),
    archived: p.archivedAt !== null,
    canManage: canManagePremises(viewer, p.organisationId),
  }));
}

export type PremisesRow = typeof premises.$inferSelect;

export async function findPremises(db: Db | Tx, id: string): Promise<PremisesRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db.select().from(premises).where(eq(premises.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getPremises(db: Db, id: string, viewer: AuthUser | null): Promise<Premises> {
  await findPremises(db, id);
  const rows = await selectPremises(db).where(eq(premises.id, id));
  return (await present(db, rows, viewer))[0];
}

async function districtId(tx: Tx, slug: string, field = 'district'): Promise<string> {
  const [row] = await tx.select({ id: referenceItems.id }).from(referenceItems).where(and(eq(referenceItems.kind, 'district'), eq(referenceItems.slug, slug)));
  if (!row) throw invalid([{ field, key: 'error.unknownReference', params: { field } }]);
  return row.id;
}

async function writeSchedule(tx: Tx, premisesId: string, input: PremisesData) {
  await tx.delete(premisesOpeningHours).where(eq(premisesOpeningHours.premisesId, premisesId));
  await tx.delete(premisesClosedDates).where(eq(premisesClosedDates.premisesId, premisesId));
  const seen = new Set<string>();
  const hours = input.openingHours.filter((h) => !seen.has(`${h.weekday}-${h.opens}`) && seen.add(`${h.weekday}-${h.opens}`));
  if (hours.length) await tx.insert(premisesOpeningHours).values(hours.map((h) => ({ premisesId, weekday: h.weekday, opens: h.opens, closes: h.closes })));
  const dates = [...new Map(input.closedDates.map((d) => [d.date, d])).values()];
  if (dates.length) await tx.insert(premisesClosedDates).values(dates.map((d) => ({ premisesId, date: d.date, note: d.note })));
}

const listing = (input: PremisesData) => ({
  name: input.name,
  type: input.type,
  address: input.address,
  capacity: input.capacity,
  stepFreeAccess: input.stepFreeAccess,
  hearingLoop: input.hearingLoop,
  accessibleToilet: input.accessibleToilet,
  equipment: input.equipment,
  houseRules: input.houseRules,
  costType: input.costType,
  costDescription: input.costDescription,
  approver: input.approver,
  description: input.description,
});

export async function createPremises(db: Db, user: AuthUser, input: PremisesData): Promise<string> {
  if (!canManagePremises(user, input.organisationId)) throw forbidden();
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw invalid([{ field: 'organisationId', key: 'error.unknownOrganisation', params: { field: 'organisationId' } }]);
    const [row] = await tx
      .insert(premises)
      .values({ organisationId: input.organisationId, districtId: await districtId(tx, input.district), ...listing(input) })
      .returning({ id: premises.id });
    await writeSchedule(tx, row.id, input);
    await tx.insert(auditLog).values({ actorId: user.id, action: 'premises.create', targetType: 'premises', targetId: row.id, detail: { name: input.name } });
    return row.id;
  });
}

export async function updatePremises(db: Db, user: AuthUser, id: string, input: PremisesData) {
  const current = await findPremises(db, id);
  if (!canManagePremises(user, current.organisationId)) throw forbidden();
  // Premises stay with their organisation; moving them is not an edit.
  if (input.organisationId !== current.organisationId) throw invalid([{ field: 'organisationId', key: 'field.invalid' }]);
  await db.transaction(async (tx) => {
    await tx
      .update(premises)
      .set({ districtId: await districtId(tx, input.district), ...listing(input), updatedAt: sql`now()` })
      .where(eq(premises.id, id));
    await writeSchedule(tx, id, input);
    await tx.insert(auditLog).values({ actorId: user.id, action: 'premises.update', targetType: 'premises', targetId: id, detail: { name: input.name } });
  });
}

/** Archived premises leave the search and take no new requests; their bookings stay. */
export async function archivePremises(db: Db, user: AuthUser, id: string) {
  const current = await findPremises(db, id);
  if (!canManagePremises(user, current.organisationId)) throw forbidden();
  await db.transaction(async (tx) => {
    await tx.update(premises).set({ archivedAt: current.archivedAt ?? new Date() }).where(eq(premises.id, id));
    await tx.insert(auditLog).values({ actorId: user.id, action: 'premises.archive', targetType: 'premises', targetId: id, detail: {} });
  });
}

export interface SearchInput {
  q?: string;
  district?: string;
  type?: Premises['type'];
  capacity?: number;
  stepFreeAccess?: boolean;
  hearingLoop?: boolean;
  accessibleToilet?: boolean;
  date?: string;
  from?: string;
  to?: string;
  organisationId?: string;
  page: number;
  pageSize: number;
}

/** The condition "free on this local date between these local times" (open, not closed, not booked). */
export function freeCondition(date: string, from: string, to: string): SQL {
  const start = sql`((${date}::date + ${from}::time) at time zone 'Europe/Stockholm')`;
  // On the night the clocks go forward a time from 02:00 to 02:59 does not exist; PostgreSQL reads it
  // an hour on, which can put the start after the end (02:30–03:15): the range is then empty, not an error.
  const end = sql`greatest(${start}, ((${date}::date + ${to}::time) at time zone 'Europe/Stockholm'))`;
  return sql`(
    not exists (select 1 from bookings b where b.premises_id = ${premises.id} and b.status = 'approved' and b.during && tstzrange(${start}, ${end}, '[)'))
    and not exists (select 1 from premises_closed_dates c where c.premises_id = ${premises.id} and c.date = ${date}::date)
    and (
      not exists (select 1 from premises_opening_hours h where h.premises_id = ${premises.id})
      or exists (select 1 from premises_opening_hours h where h.premises_id = ${premises.id}
        and h.weekday = extract(isodow from ${date}::date) and h.opens <= ${from}::time and h.closes >= ${to}::time)
    ))`;
}

export async function searchPremises(db: Db, viewer: AuthUser | null, input: SearchInput) {
  const conditions: SQL[] = [isNull(premises.archivedAt)];
  if (input.q) conditions.push(ilike(premises.name, `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (input.district) conditions.push(eq(referenceItems.slug, input.district));
  if (input.type) conditions.push(eq(premises.type, input.type));
  if (input.capacity) conditions.push(sql`${premises.capacity} >= ${input.capacity}`);
  if (input.stepFreeAccess) conditions.push(eq(premises.stepFreeAccess, true));
  if (input.hearingLoop) conditions.push(eq(premises.hearingLoop, true));
  if (input.accessibleToilet) conditions.push(eq(premises.accessibleToilet, true));
  if (input.organisationId) conditions.push(eq(premises.organisationId, input.organisationId));
  if (input.date && input.from && input.to) conditions.push(freeCondition(input.date, input.from, input.to));
  const where = and(...conditions);
  // One pass gives the page and the total (the availability test runs once per premises, not twice).
  const rows = await db
    .select({ ...columns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(premises)
    .innerJoin(organisations, eq(organisations.id, premises.organisationId))
    .innerJoin(referenceItems, eq(referenceItems.id, premises.districtId))
    .where(where)
    .orderBy(asc(premises.name), asc(premises.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && input.page > 1) {
    [{ total }] = await db.select({ total: count() }).from(premises).innerJoin(referenceItems, eq(referenceItems.id, premises.districtId)).where(where);
  }
  return { items: await present(db, rows, viewer), total, page: input.page, pageSize: input.pageSize };
}
