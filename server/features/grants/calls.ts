import { and, eq, gte, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { GrantCallData, GrantCallDetail, GrantCallList } from '../../../shared/grants';
import type { Db, Tx } from '../../db/client';
import { grantCallDeadlines, grantCalls, grantCallTargetGroups, grantDocuments, grantFollows, grantKnowHow, grantPartnerPosts } from '../../db/schema/grants';
import { auditLog, referenceItems } from '../../db/schema/index';
import { DomainError, forbidden, invalid, notFound, type DomainFieldError } from '../../lib/errors';
import { currentCursor, recordEvents } from '../../lib/events';
import type { AuthUser } from '../../lib/sessions';
import { actingOrganisationIds, canAddCall, canAddCallDocument, canEditCall } from './policy';
import { openHelpRequestsOf, presentCall, presentCalls, presentDocuments, presentHelpRequests, presentKnowHow, presentPartnerPosts, stockholmToday } from './presenter';
import { callUpdated, listChanged } from './realtime';

// Grant calls: the list ordered by the next deadline, a call's page with everything said about it,
// adding, editing, archiving and following.

export interface CallFilter {
  q?: string;
  funderKind?: string;
  targetGroup?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  includePast: boolean;
  following: boolean;
  page: number;
  pageSize: number;
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Open calls first, by their next deadline (the soonest first); with includePast, calls whose
 * deadlines have all passed follow, the most recent first. Deadline filters look at the deadlines
 * in the range, so "from 1 May to 31 May" lists calls with a deadline in May, ordered by it.
 */
export async function listCalls(db: Db, viewer: AuthUser | null, filter: CallFilter): Promise<GrantCallList> {
  const inRange: SQL[] = [];
  if (filter.deadlineFrom) inRange.push(sql`dl.date >= ${filter.deadlineFrom}::date`);
  if (filter.deadlineTo) inRange.push(sql`dl.date <= ${filter.deadlineTo}::date`);
  const range = inRange.length ? sql` and ${sql.join(inRange, sql` and `)}` : sql``;

  const conditions: SQL[] = [sql`c.archived_at is null`];
  if (!filter.includePast) conditions.push(sql`exists (select 1 from grant_call_deadlines dl where dl.call_id = c.id and dl.date >= ${stockholmToday}${range})`);
  else if (inRange.length) conditions.push(sql`exists (select 1 from grant_call_deadlines dl where dl.call_id = c.id${range})`);
  if (filter.funderKind) conditions.push(sql`c.funder_kind = ${filter.funderKind}`);
  if (filter.targetGroup) {
    conditions.push(sql`exists (select 1 from grant_call_target_groups tg join reference_items r on r.id = tg.reference_id
      where tg.call_id = c.id and r.kind = 'targetGroup' and r.slug = ${filter.targetGroup})`);
  }
  const q = filter.q?.toLowerCase().trim();
  // "<%" is pg_trgm word similarity on the indexed lower(title): "stiftelsn" still finds "Stiftelsen".
  // The funder's name is matched as a plain substring.
  if (q) {
    const like = `%${escapeLike(q)}%`;
    conditions.push(sql`(lower(c.title) like ${like} or ${q} <% lower(c.title) or lower(c.funder_name) like ${like})`);
  }
  const viewerId = viewer?.id ?? null;
  if (filter.following) conditions.push(sql`exists (select 1 from grant_follows f where f.call_id = c.id and f.user_id = ${viewerId}::uuid)`);
  // Read first: a change committed while the page is read is then replayed, never missed.
  const cursor = await currentCursor(db);

  const result = await db.execute<{
    id: string;
    total: string | number;
    know_how_count: string | number;
    open_help_count: string | number;
    following: boolean;
  }>(sql`
    select s.*, count(*) over () as total from (
      select c.id, lower(c.title) as sort_title,
        (select min(dl.date) from grant_call_deadlines dl where dl.call_id = c.id and dl.date >= ${stockholmToday}${range}) as next_upcoming,
        (select max(dl.date) from grant_call_deadlines dl where dl.call_id = c.id and dl.date < ${stockholmToday}${range}) as last_past,
        (select count(*) from grant_know_how k where k.call_id = c.id) as know_how_count,
        (select count(*) from grant_help_requests h where h.call_id = c.id and h.open) as open_help_count,
        exists (select 1 from grant_follows f where f.call_id = c.id and f.user_id = ${viewerId}::uuid) as following
      from grant_calls c
      where ${sql.join(conditions, sql` and `)}
    ) s
    order by (s.next_upcoming is null), s.next_upcoming, s.last_past desc nulls last, s.sort_title, s.id
    limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`);

  const calls = await presentCalls(db, result.rows.map((r) => r.id));
  const extra = new Map(result.rows.map((r) => [r.id, r]));
  return {
    items: calls.map((call) => {
      const row = extra.get(call.id)!;
      return { ...call, knowHowCount: Number(row.know_how_count), openHelpRequestCount: Number(row.open_help_count), following: !!row.following };
    }),
    total: result.rows.length ? Number(result.rows[0].total) : await countCalls(db, conditions),
    page: filter.page,
    pageSize: filter.pageSize,
    cursor,
  };
}

// A page past the end has no rows to carry the window count.
async function countCalls(db: Db, conditions: SQL[]) {
  const result = await db.execute<{ n: string | number }>(sql`select count(*) as n from grant_calls c where ${sql.join(conditions, sql` and `)}`);
  return Number(result.rows[0].n);
}

export async function findCall(db: Db | Tx, id: string) {
  const [row] = await db.select().from(grantCalls).where(eq(grantCalls.id, id));
  if (!row) throw notFound();
  return row;
}

// Rule: an archived call is read-only (nothing added, edited, reopened or followed; closing, removing, unfollowing and downloading still work); once all its deadlines have passed it takes no new or reopened asks for help or partner posts, while know-how, documents and followers stay welcome.

/** A call that may still get know-how, asks, documents and followers. */
export async function findActiveCall(db: Db | Tx, id: string) {
  const row = await findCall(db, id);
  if (row.archivedAt) throw new DomainError(409, 'error.grantArchived');
  return row;
}

/** Asking for help or for partners is about applying: the call needs a deadline today or later. */
export async function assertDeadlineAhead(db: Db | Tx, callId: string) {
  const [ahead] = await db
    .select({ id: grantCallDeadlines.id })
    .from(grantCallDeadlines)
    .where(and(eq(grantCallDeadlines.callId, callId), gte(grantCallDeadlines.date, stockholmToday)))
    .limit(1);
  if (!ahead) throw new DomainError(409, 'error.grantClosed');
}

/** The call's page: the call, who knows it, who asks about it, partner posts and documents. */
export async function getCallDetail(db: Db, viewer: AuthUser | null, id: string): Promise<GrantCallDetail> {
  const row = await findCall(db, id);
  // The cursor first: an event committed while reading is then replayed, never missed.
  const cursor = await currentCursor(db);
  const call = (await presentCall(db, id))!;
  const [knowHow, helpRequests, partnerPosts, documents, following] = await Promise.all([
    presentKnowHow(db, eq(grantKnowHow.callId, id)),
    presentHelpRequests(db, openHelpRequestsOf(id)),
    presentPartnerPosts(db, and(eq(grantPartnerPosts.callId, id), eq(grantPartnerPosts.open, true))),
    presentDocuments(db, eq(grantDocuments.callId, id)),
    viewer ? db.select().from(grantFollows).where(and(eq(grantFollows.callId, id), eq(grantFollows.userId, viewer.id))) : Promise.resolve([]),
  ]);
  return {
    call,
    knowHow,
    helpRequests,
    partnerPosts,
    documents,
    viewer: {
      following: following.length > 0,
      canEdit: canEditCall(viewer, row),
      canAddDocuments: !row.archivedAt && canAddCallDocument(viewer),
      organisationIds: actingOrganisationIds(viewer),
    },
    cursor,
  };
}

/** The administration and target groups by slug; an unknown slug is a field error, not a 500. */
async function resolveReferences(tx: Tx, input: GrantCallData) {
  const missing: DomainFieldError[] = [];
  let administrationId: string | null = null;
  if (input.funderKind === 'cityAdministration' && input.administration) {
    const [row] = await tx
      .select({ id: referenceItems.id })
      .from(referenceItems)
      .where(and(eq(referenceItems.kind, 'administration'), eq(referenceItems.slug, input.administration)));
    if (row) administrationId = row.id;
    else missing.push({ field: 'administration', key: 'error.unknownReference', params: { field: 'administration' } });
  }
  const slugs = [...new Set(input.targetGroups)];
  const groups = slugs.length
    ? await tx.select({ id: referenceItems.id, slug: referenceItems.slug }).from(referenceItems).where(and(eq(referenceItems.kind, 'targetGroup'), inArray(referenceItems.slug, slugs)))
    : [];
  if (groups.length !== slugs.length) missing.push({ field: 'targetGroups', key: 'error.unknownReference', params: { field: 'targetGroups' } });
  if (missing.length) throw invalid(missing);
  return { administrationId, targetGroupIds: groups.map((g) => g.id) };
}

function columns(input: GrantCallData, administrationId: string | null) {
  return {
    funderKind: input.funderKind,
    administrationId,
    funderName: input.funderName,
    title: input.title,
    url: input.url,
    amountMin: input.amountMin ?? null,
    amountMax: input.amountMax ?? null,
    eligibility: input.eligibility,
    description: input.description,
  };
}

export async function createCall(db: Db, user: AuthUser, input: GrantCallData): Promise<string> {
  if (!canAddCall(user)) throw forbidden();
  return db.transaction(async (tx) => {
    const refs = await resolveReferences(tx, input);
    const [row] = await tx.insert(grantCalls).values({ ...columns(input, refs.administrationId), createdBy: user.id }).returning({ id: grantCalls.id });
    await tx.insert(grantCallDeadlines).values(input.deadlines.map((d) => ({ callId: row.id, date: d.date, note: d.note })));
    if (refs.targetGroupIds.length) await tx.insert(grantCallTargetGroups).values(refs.targetGroupIds.map((referenceId) => ({ callId: row.id, referenceId })));
    // The creator hears about its deadlines without having to follow it as well.
    await tx.insert(grantFollows).values({ callId: row.id, userId: user.id }).onConflictDoNothing();
    await recordEvents(tx, [listChanged(row.id)]);
    return row.id;
  });
}

/**
 * Replaces a call's content. Deadlines that stay keep their rows (and so their reminders: nobody
 * is reminded twice of the same date because someone fixed a typo in the title).
 */
export async function updateCall(db: Db, user: AuthUser, id: string, input: GrantCallData) {
  const existing = await findCall(db, id);
  if (!canEditCall(user, existing)) throw forbidden();
  if (existing.archivedAt) throw new DomainError(409, 'error.grantArchived');
  await db.transaction(async (tx) => {
    const refs = await resolveReferences(tx, input);
    // Saving the call as it is changes nothing: no event, no audit entry, no new updatedAt.
    if (await sameContent(tx, existing, input, refs)) return;
    await tx.update(grantCalls).set({ ...columns(input, refs.administrationId), updatedAt: sql`now()` }).where(eq(grantCalls.id, id));
    const dates = input.deadlines.map((d) => d.date);
    await tx.delete(grantCallDeadlines).where(and(eq(grantCallDeadlines.callId, id), notInArray(grantCallDeadlines.date, dates)));
    for (const d of input.deadlines) {
      await tx
        .insert(grantCallDeadlines)
        .values({ callId: id, date: d.date, note: d.note })
        .onConflictDoUpdate({ target: [grantCallDeadlines.callId, grantCallDeadlines.date], set: { note: d.note } });
    }
    await tx.delete(grantCallTargetGroups).where(eq(grantCallTargetGroups.callId, id));
    if (refs.targetGroupIds.length) await tx.insert(grantCallTargetGroups).values(refs.targetGroupIds.map((referenceId) => ({ callId: id, referenceId })));
    if (existing.createdBy !== user.id) {
      await tx.insert(auditLog).values({ actorId: user.id, action: 'grant.update', targetType: 'grantCall', targetId: id, detail: { title: input.title } });
    }
    await recordEvents(tx, [callUpdated((await presentCall(tx, id))!), listChanged(id)]);
  });
}

async function sameContent(tx: Tx, existing: typeof grantCalls.$inferSelect, input: GrantCallData, refs: { administrationId: string | null; targetGroupIds: string[] }) {
  const next = columns(input, refs.administrationId);
  if ((Object.keys(next) as (keyof typeof next)[]).some((key) => existing[key] !== next[key])) return false;
  const deadlines = await tx.select({ date: grantCallDeadlines.date, note: grantCallDeadlines.note }).from(grantCallDeadlines).where(eq(grantCallDeadlines.callId, existing.id));
  const deadlineKey = (list: { date: string; note: string }[]) => JSON.stringify(list.map((d) => [d.date, d.note]).sort());
  if (deadlineKey(deadlines) !== deadlineKey(input.deadlines)) return false;
  const groups = await tx.select({ id: grantCallTargetGroups.referenceId }).from(grantCallTargetGroups).where(eq(grantCallTargetGroups.callId, existing.id));
  return JSON.stringify(groups.map((g) => g.id).sort()) === JSON.stringify([...refs.targetGroupIds].sort());
}

/**
 * Archiving hides a call from the list and stops its reminders; its page and know-how stay.
 * Archiving an archived call, or restoring one that is not, changes nothing and records nothing.
 */
export async function setCallArchived(db: Db, user: AuthUser, id: string, archived: boolean) {
  const existing = await findCall(db, id);
  if (!canEditCall(user, existing)) throw forbidden();
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(grantCalls)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(and(eq(grantCalls.id, id), archived ? isNull(grantCalls.archivedAt) : isNotNull(grantCalls.archivedAt)))
      .returning({ id: grantCalls.id });
    if (!changed.length) return;
    await tx.insert(auditLog).values({ actorId: user.id, action: archived ? 'grant.archive' : 'grant.restore', targetType: 'grantCall', targetId: id, detail: { title: existing.title } });
    await recordEvents(tx, [callUpdated((await presentCall(tx, id))!), listChanged(id)]);
  });
}

export async function setCallFollow(db: Db, user: AuthUser, id: string, follow: boolean) {
  if (follow) {
    await findActiveCall(db, id);
    await db.insert(grantFollows).values({ callId: id, userId: user.id }).onConflictDoNothing();
  } else {
    await findCall(db, id);
    await db.delete(grantFollows).where(and(eq(grantFollows.callId, id), eq(grantFollows.userId, user.id)));
  }
}
