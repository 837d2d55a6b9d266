import { and, eq, inArray, ne, or, sql, type Column } from 'drizzle-orm';
import type { HelpRequest, KnowHow, KnowHowStatus, OrganisationKnowHow, PartnerPost } from '../../../shared/grants';
import type { Db, Tx } from '../../db/client';
import { grantHelpRequests, grantKnowHow, grantPartnerPosts } from '../../db/schema/grants';
import { auditLog, memberships, organisations, users } from '../../db/schema/index';
import { DomainError, forbidden, invalid, notFound } from '../../lib/errors';
import { recordEvents } from '../../lib/events';
import { isUniqueViolation } from '../../lib/pg-errors';
import type { AuthUser } from '../../lib/sessions';
import { notify, type NewNotification } from '../notifications/service';
import { assertDeadlineAhead, findActiveCall, findCall } from './calls';
import { canActFor, canManagePost } from './policy';
import { presentCalls, presentHelpRequests, presentKnowHow, presentPartnerPosts } from './presenter';
import { helpRequestRemoved, listChanged, helpRequestSaved, knowHowRemoved, knowHowSaved, partnerPostRemoved, partnerPostSaved } from './realtime';

// Know-how between organisations: "we applied for / received this call and can help", "we need help
// with this call", and "partners wanted" for joint applications. Matching: whoever offers know-how on
// a call is told of new asks about it, and whoever asks is told of new offers.

export const callPath = (callId: string) => `/bidrag/${callId}`;

/** The organisation a person speaks for: like premises, a field error when it is not theirs. */
async function organisationFor(db: Db | Tx, user: AuthUser, organisationId: string) {
  if (!canActFor(user, organisationId)) throw invalid([{ field: 'organisationId', key: 'error.notOrganisationMember' }]);
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  // Only staff get this far with an id that is not theirs.
  if (!org) throw invalid([{ field: 'organisationId', key: 'error.unknownOrganisation', params: { field: 'organisationId' } }]);
  return org;
}

/**
 * Whether the author of an organisation's post may still speak for it (an active member, or staff):
 * someone who has left is no longer told of matches on the organisation's behalf.
 */
function stillSpeaksFor(author: Column, organisation: Column) {
  return or(
    inArray(users.role, ['coordinator', 'admin']),
    sql`exists (select 1 from ${memberships} m where m.user_id = ${author} and m.organisation_id = ${organisation} and m.status = 'active')`,
  );
}

/** The fields of `input` that would change `row`: an edit that changes nothing writes nothing. */
function changedFields<I extends object>(row: Record<keyof I, unknown>, input: I): Partial<I> {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== undefined && row[key as keyof I] !== value)) as Partial<I>;
}

function matchNotices(kind: 'grantKnowHowOffered' | 'grantHelpAsked', userIds: (string | null)[], actor: AuthUser, callId: string, text: string): NewNotification[] {
  return [...new Set(userIds.filter((id): id is string => !!id))].map((userId) => ({ userId, kind, actorId: actor.id, text, link: callPath(callId) }));
}

/**
 * Edits of one's own words are not audited; edits by an organisation's admins or staff are, and
 * every removal is (`always`).
 */
async function audit(tx: Tx, actor: AuthUser, owner: string | null, action: string, targetType: string, targetId: string, detail: Record<string, unknown>, always = false) {
  if (owner === actor.id && !always) return;
  await tx.insert(auditLog).values({ actorId: actor.id, action, targetType, targetId, detail });
}

// --- know-how ---------------------------------------------------------------------------------

export async function findKnowHow(db: Db | Tx, id: string) {
  const [row] = await db.select().from(grantKnowHow).where(eq(grantKnowHow.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getKnowHow(db: Db | Tx, id: string): Promise<KnowHow> {
  const [found] = await presentKnowHow(db, eq(grantKnowHow.id, id));
  if (!found) throw notFound();
  return found;
}

export async function createKnowHow(
  db: Db,
  user: AuthUser,
  callId: string,
  input: { organisationId: string; status: KnowHowStatus; year?: number | null; description: string },
): Promise<KnowHow> {
  const call = await findActiveCall(db, callId);
  const org = await organisationFor(db, user, input.organisationId);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(grantKnowHow)
        .values({ callId, organisationId: org.id, status: input.status, year: input.year ?? null, description: input.description, createdBy: user.id })
        .returning({ id: grantKnowHow.id });
      const knowHow = await getKnowHow(tx, row.id);
      const askers = await tx
        .select({ userId: grantHelpRequests.createdBy })
        .from(grantHelpRequests)
        .innerJoin(users, eq(users.id, grantHelpRequests.createdBy))
        .where(
          and(
            eq(grantHelpRequests.callId, callId),
            eq(grantHelpRequests.open, true),
            ne(grantHelpRequests.organisationId, org.id),
            stillSpeaksFor(grantHelpRequests.createdBy, grantHelpRequests.organisationId),
          ),
        );
      const notices = await notify(tx, matchNotices('grantKnowHowOffered', askers.map((a) => a.userId), user, callId, `${call.title} — ${org.name}`));
      await recordEvents(tx, [knowHowSaved(knowHow), listChanged(knowHow.callId), ...notices]);
      return knowHow;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'grant_know_how_call_organisation')) {
      throw new DomainError(409, 'error.knowHowExists', {}, [{ field: 'organisationId', key: 'error.knowHowExists' }]);
    }
    throw error;
  }
}

export async function updateKnowHow(db: Db, user: AuthUser, id: string, input: { status?: KnowHowStatus; year?: number | null; description?: string }): Promise<KnowHow> {
  const row = await findKnowHow(db, id);
  if (!canManagePost(user, row)) throw forbidden();
  const changes = changedFields(row, input);
  if (!Object.keys(changes).length) return getKnowHow(db, id);
  await findActiveCall(db, row.callId);
  return db.transaction(async (tx) => {
    await tx
      .update(grantKnowHow)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(grantKnowHow.id, id));
    await audit(tx, user, row.createdBy, 'grant.knowHow.update', 'grantKnowHow', id, { organisationId: row.organisationId });
    const knowHow = await getKnowHow(tx, id);
    await recordEvents(tx, [knowHowSaved(knowHow)]);
    return knowHow;
  });
}

export async function deleteKnowHow(db: Db, user: AuthUser, id: string) {
  const row = await findKnowHow(db, id);
  if (!canManagePost(user, row)) throw forbidden();
  await db.transaction(async (tx) => {
    // Its documents go with it (ON DELETE CASCADE).
    await tx.delete(grantKnowHow).where(eq(grantKnowHow.id, id));
    await audit(tx, user, row.createdBy, 'grant.knowHow.delete', 'grantKnowHow', id, { organisationId: row.organisationId, callId: row.callId, description: row.description }, true);
    await recordEvents(tx, [knowHowRemoved(row.callId, id), listChanged(row.callId)]);
  });
}

/**
 * An ask or partner post about a call may always be closed; on an archived call nothing else
 * (editing, reopening), and reopening needs a deadline still ahead, as a new one does.
 */
async function checkPostChange(db: Db, callId: string, changes: { open?: boolean }) {
  const call = await findCall(db, callId);
  const onlyClosing = Object.keys(changes).length === 1 && changes.open === false;
  if (call.archivedAt && !onlyClosing) throw new DomainError(409, 'error.grantArchived');
  if (changes.open === true) await assertDeadlineAhead(db, callId);
}

// --- asks for help ------------------------------------------------------------------------------

async function findHelpRequest(db: Db | Tx, id: string) {
  const [row] = await db.select().from(grantHelpRequests).where(eq(grantHelpRequests.id, id));
  if (!row) throw notFound();
  return row;
}

async function getHelpRequest(db: Db | Tx, id: string): Promise<HelpRequest> {
  const [found] = await presentHelpRequests(db, eq(grantHelpRequests.id, id));
  if (!found) throw notFound();
  return found;
}

export async function createHelpRequest(db: Db, user: AuthUser, callId: string, input: { organisationId: string; text: string }): Promise<HelpRequest> {
  const call = await findActiveCall(db, callId);
  await assertDeadlineAhead(db, callId);
  const org = await organisationFor(db, user, input.organisationId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(grantHelpRequests).values({ callId, organisationId: org.id, text: input.text, createdBy: user.id }).returning({ id: grantHelpRequests.id });
    const helpRequest = await getHelpRequest(tx, row.id);
    const knowers = await tx
      .select({ userId: grantKnowHow.createdBy })
      .from(grantKnowHow)
      .innerJoin(users, eq(users.id, grantKnowHow.createdBy))
      .where(and(eq(grantKnowHow.callId, callId), ne(grantKnowHow.organisationId, org.id), stillSpeaksFor(grantKnowHow.createdBy, grantKnowHow.organisationId)));
    const notices = await notify(tx, matchNotices('grantHelpAsked', knowers.map((k) => k.userId), user, callId, `${call.title} — ${org.name}`));
    await recordEvents(tx, [helpRequestSaved(helpRequest), listChanged(helpRequest.callId), ...notices]);
    return helpRequest;
  });
}

export async function updateHelpRequest(db: Db, user: AuthUser, id: string, input: { text?: string; open?: boolean }): Promise<HelpRequest> {
  const row = await findHelpRequest(db, id);
  if (!canManagePost(user, row)) throw forbidden();
  const changes = changedFields(row, input);
  if (!Object.keys(changes).length) return getHelpRequest(db, id);
  await checkPostChange(db, row.callId, changes);
  return db.transaction(async (tx) => {
    await tx
      .update(grantHelpRequests)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(grantHelpRequests.id, id));
    await audit(tx, user, row.createdBy, 'grant.helpRequest.update', 'grantHelpRequest', id, { organisationId: row.organisationId, open: input.open ?? row.open });
    const helpRequest = await getHelpRequest(tx, id);
    await recordEvents(tx, [helpRequestSaved(helpRequest), listChanged(helpRequest.callId)]);
    return helpRequest;
  });
}

export async function deleteHelpRequest(db: Db, user: AuthUser, id: string) {
  const row = await findHelpRequest(db, id);
  if (!canManagePost(user, row)) throw forbidden();
  await db.transaction(async (tx) => {
    await tx.delete(grantHelpRequests).where(eq(grantHelpRequests.id, id));
    await audit(tx, user, row.createdBy, 'grant.helpRequest.delete', 'grantHelpRequest', id, { organisationId: row.organisationId, callId: row.callId, text: row.text }, true);
    await recordEvents(tx, [helpRequestRemoved(row.callId, id), listChanged(row.callId)]);
  });
}

// --- partners wanted ----------------------------------------------------------------------------

async function findPartnerPost(db: Db | Tx, id: string) {
  const [row] = await db.select().from(grantPartnerPosts).where(eq(grantPartnerPosts.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getPartnerPost(db: Db | Tx, id: string): Promise<PartnerPost> {
  const [found] = await presentPartnerPosts(db, eq(grantPartnerPosts.id, id), 1);
  if (!found) throw notFound();
  return found;
}

export async function listPartnerPosts(db: Db, query: { all: boolean; callId?: string }): Promise<{ items: PartnerPost[] }> {
  const where = and(query.all ? undefined : eq(grantPartnerPosts.open, true), query.callId ? eq(grantPartnerPosts.callId, query.callId) : undefined);
  return { items: await presentPartnerPosts(db, where) };
}

export async function createPartnerPost(db: Db, user: AuthUser, input: { organisationId: string; callId?: string | null; title: string; text: string }): Promise<PartnerPost> {
  const org = await organisationFor(db, user, input.organisationId);
  if (input.callId) {
    const call = await findCall(db, input.callId).catch(() => null);
    if (!call) throw invalid([{ field: 'callId', key: 'grants.unknownCall' }]);
    if (call.archivedAt) throw new DomainError(409, 'error.grantArchived');
    await assertDeadlineAhead(db, call.id);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(grantPartnerPosts)
      .values({ organisationId: org.id, callId: input.callId ?? null, title: input.title, text: input.text, createdBy: user.id })
      .returning({ id: grantPartnerPosts.id });
    const post = await getPartnerPost(tx, row.id);
    if (input.callId) await recordEvents(tx, [partnerPostSaved(input.callId, post)]);
    return post;
  });
}

export async function updatePartnerPost(db: Db, user: AuthUser, id: string, input: { title?: string; text?: string; open?: boolean }): Promise<PartnerPost> {
  const row = await findPartnerPost(db, id);
  if (!canManagePost(user, row)) throw forbidden();
  const changes = changedFields(row, input);
  if (!Object.keys(changes).length) return getPartnerPost(db, id);
  if (row.callId) await checkPostChange(db, row.callId, changes);
  return db.transaction(async (tx) => {
    await tx
      .update(grantPartnerPosts)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(grantPartnerPosts.id, id));
    await audit(tx, user, row.createdBy, 'grant.partnerPost.update', 'grantPartnerPost', id, { organisationId: row.organisationId, open: input.open ?? row.open });
    const post = await getPartnerPost(tx, id);
    if (row.callId) await recordEvents(tx, [partnerPostSaved(row.callId, post)]);
    return post;
  });
}

export async function deletePartnerPost(db: Db, user: AuthUser, id: string) {
  const row = await findPartnerPost(db, id);
  if (!canManagePost(user, row)) throw forbidden();
  await db.transaction(async (tx) => {
    await tx.delete(grantPartnerPosts).where(eq(grantPartnerPosts.id, id));
    await audit(tx, user, row.createdBy, 'grant.partnerPost.delete', 'grantPartnerPost', id, { organisationId: row.organisationId, callId: row.callId, title: row.title }, true);
    if (row.callId) await recordEvents(tx, [partnerPostRemoved(row.callId, id)]);
  });
}

// --- an organisation's profile ------------------------------------------------------------------

/** What an organisation knows and asks about, for its profile page. */
export async function organisationKnowHow(db: Db, organisationId: string): Promise<OrganisationKnowHow> {
  const [org] = await db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw notFound();
  const [knowHow, helpRequests, partnerPosts] = await Promise.all([
    presentKnowHow(db, eq(grantKnowHow.organisationId, organisationId)),
    presentHelpRequests(db, and(eq(grantHelpRequests.organisationId, organisationId), eq(grantHelpRequests.open, true))!),
    presentPartnerPosts(db, and(eq(grantPartnerPosts.organisationId, organisationId), eq(grantPartnerPosts.open, true))),
  ]);
  const callIds = [...new Set([...knowHow.map((k) => k.callId), ...helpRequests.map((h) => h.callId)])];
  const calls = new Map((await presentCalls(db, callIds)).map((c) => [c.id, { id: c.id, title: c.title, nextDeadline: c.nextDeadline, archived: c.archived }]));
  return {
    organisation: org,
    knowHow: knowHow.map((k) => ({ ...k, call: calls.get(k.callId)! })),
    helpRequests: helpRequests.map((h) => ({ ...h, call: calls.get(h.callId)! })),
    partnerPosts,
  };
}
