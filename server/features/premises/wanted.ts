import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { wantedRoom, type Wanted } from '../../../shared/premises';
import type { Db } from '../../db/client';
import { organisations, premises, premisesOffers, premisesWanted, referenceItems } from '../../db/schema/index';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { currentCursor, recordEvents, type NewEvent } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { notify } from '../notifications/service';
import { isActiveAdmin, isActiveMember, isStaff } from './policy';

// "Wanted" posts: an organisation describes the room it needs; owners answer with an offer.

const offerOrgs = alias(organisations, 'offer_orgs');
/** Room `wanted` (public): a post was added, closed, reopened or answered; clients refetch the list. */
const wantedChanged = (wantedId: string): NewEvent<'wanted.changed'> => ({ room: wantedRoom, type: 'wanted.changed', data: { wantedId } });
/** The client's page of wanted posts (client/src/lib/paths.ts). */
const wantedPath = '/lokaler/sokes';

/**
 * Open posts (or all), newest first, with the event cursor read before them: a client that joins
 * room `wanted` with it misses no change made after this read.
 */
export async function listWanted(db: Db, includeClosed: boolean): Promise<{ items: Wanted[]; cursor: number }> {
  const cursor = await currentCursor(db);
  return { items: await selectWanted(db, includeClosed ? undefined : eq(premisesWanted.open, true)), cursor };
}

async function selectWanted(db: Db, where: SQL | undefined): Promise<Wanted[]> {
  const rows = await db
    .select({ wanted: premisesWanted, orgName: organisations.name, orgSlug: organisations.slug, district: referenceItems })
    .from(premisesWanted)
    .innerJoin(organisations, eq(organisations.id, premisesWanted.organisationId))
    .leftJoin(referenceItems, eq(referenceItems.id, premisesWanted.districtId))
    .where(where)
    .orderBy(desc(premisesWanted.createdAt))
    .limit(200);
  const ids = rows.map((r) => r.wanted.id);
  const offers = ids.length
    ? await db
        .select({ offer: premisesOffers, orgName: offerOrgs.name, orgSlug: offerOrgs.slug })
        .from(premisesOffers)
        .innerJoin(offerOrgs, eq(offerOrgs.id, premisesOffers.organisationId))
        .where(inArray(premisesOffers.wantedId, ids))
        .orderBy(premisesOffers.createdAt)
    : [];
  return rows.map(({ wanted: w, orgName, orgSlug, district }) => ({
    id: w.id,
    organisation: { id: w.organisationId, name: orgName, slug: orgSlug },
    title: w.title,
    description: w.description,
    capacity: w.capacity,
    district: district ? { slug: district.slug, nameSv: district.nameSv, nameEn: district.nameEn } : null,
    when: w.when,
    open: w.open,
    createdAt: w.createdAt.toISOString(),
    offers: offers
      .filter((o) => o.offer.wantedId === w.id)
      .map((o) => ({
        id: o.offer.id,
        organisation: { id: o.offer.organisationId, name: o.orgName, slug: o.orgSlug },
        premisesId: o.offer.premisesId,
        message: o.offer.message,
        createdAt: o.offer.createdAt.toISOString(),
      })),
  }));
}

export async function getWanted(db: Db, id: string): Promise<Wanted> {
  const [found] = await selectWanted(db, eq(premisesWanted.id, id));
  if (!found) throw notFound();
  return found;
}

export async function createWanted(db: Db, user: AuthUser, input: { organisationId: string; title: string; description: string; capacity: number; district: string | null; when: string }) {
  if (!isActiveMember(user, input.organisationId)) throw invalid([{ field: 'organisationId', key: 'error.notOrganisationMember' }]);
  let districtId: string | null = null;
  if (input.district) {
    const [d] = await db.select({ id: referenceItems.id }).from(referenceItems).where(and(eq(referenceItems.kind, 'district'), eq(referenceItems.slug, input.district)));
    if (!d) throw invalid([{ field: 'district', key: 'error.unknownReference', params: { field: 'district' } }]);
    districtId = d.id;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(premisesWanted)
      .values({ organisationId: input.organisationId, createdBy: user.id, title: input.title, description: input.description, capacity: input.capacity, districtId, when: input.when })
      .returning({ id: premisesWanted.id });
    await recordEvents(tx, [wantedChanged(row.id)]);
    return row.id;
  });
}

/** Closing or reopening: whoever posted it, the organisation's admins, or staff. */
export async function setWantedOpen(db: Db, user: AuthUser, id: string, open: boolean) {
  const [row] = await db.select().from(premisesWanted).where(eq(premisesWanted.id, id));
  if (!row) throw notFound();
  if (row.createdBy !== user.id && !isActiveAdmin(user, row.organisationId) && !isStaff(user)) throw forbidden();
  await db.transaction(async (tx) => {
    await tx.update(premisesWanted).set({ open }).where(eq(premisesWanted.id, id));
    await recordEvents(tx, [wantedChanged(id)]);
  });
}

/**
 * An owner answers with an offer, optionally pointing at one of its premises. Whoever posted what
 * they need hears of it in the app (live, through their user room); a closed post takes no offers.
 */
export async function offerPremises(db: Db, user: AuthUser, wantedId: string, input: { organisationId: string; premisesId: string | null; message: string }) {
  const [wanted] = await db.select().from(premisesWanted).where(eq(premisesWanted.id, wantedId));
  if (!wanted) throw notFound();
  if (!isActiveMember(user, input.organisationId)) throw invalid([{ field: 'organisationId', key: 'error.notOrganisationMember' }]);
  // An organisation does not answer what it asked for itself (the page offers no such choice).
  if (input.organisationId === wanted.organisationId) throw invalid([{ field: 'organisationId', key: 'premises.offerOwnWanted' }]);
  let placeName: string | null = null;
  if (input.premisesId) {
    // Only a listing of the offering organisation that can still be booked (the form offers no other).
    const [own] = await db
      .select({ id: premises.id, name: premises.name })
      .from(premises)
      .where(and(eq(premises.id, input.premisesId), eq(premises.organisationId, input.organisationId), isNull(premises.archivedAt)));
    if (!own) throw invalid([{ field: 'premisesId', key: 'field.invalid' }]);
    placeName = own.name;
  }
  const [offering] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId));
  await db.transaction(async (tx) => {
    // Checked again under a row lock, so an offer cannot slip in beside a concurrent closing.
    const [current] = await tx.select({ open: premisesWanted.open }).from(premisesWanted).where(eq(premisesWanted.id, wantedId)).for('update');
    if (!current?.open) throw conflict('error.wantedClosed');
    await tx.insert(premisesOffers).values({ wantedId, organisationId: input.organisationId, premisesId: input.premisesId, createdBy: user.id, message: input.message });
    const notices = !wanted.createdBy ? [] : await notify(tx, [
      {
        userId: wanted.createdBy,
        kind: 'premisesOffered',
        actorId: user.id,
        text: `${wanted.title} — ${offering?.name ?? ''}${placeName ? ` (${placeName})` : ''}`,
        link: wantedPath,
      },
    ]);
    await recordEvents(tx, [wantedChanged(wantedId), ...notices]);
  });
}
