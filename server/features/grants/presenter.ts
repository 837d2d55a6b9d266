import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DocumentCategory, GrantCall, GrantDocument, HelpRequest, KnowHow, PartnerPost } from '../../../shared/grants';
import type { Db, Tx } from '../../db/client';
import { grantCallDeadlines, grantCalls, grantCallTargetGroups, grantDocuments, grantHelpRequests, grantKnowHow, grantPartnerPosts } from '../../db/schema/grants';
import { organisations, referenceItems } from '../../db/schema/index';

// Shapes rows into the wire types of shared/grants.ts. Everything here is the same for every viewer
// (it is also the data of live events); per-viewer flags are added by the use cases.

type Reader = Db | Tx;

export const stockholmZone = 'Europe/Stockholm';
/** Today's local date in Stockholm: deadlines are local dates. */
export const stockholmToday = sql`(now() at time zone ${stockholmZone})::date`;

export function documentDownloadUrl(id: string) {
  return `/api/grants/documents/${id}/download`;
}

/** Calls by id, in the order given; ids that do not exist are left out. */
export async function presentCalls(db: Reader, ids: string[]): Promise<GrantCall[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ call: grantCalls, admin: { slug: referenceItems.slug, nameSv: referenceItems.nameSv, nameEn: referenceItems.nameEn } })
    .from(grantCalls)
    .leftJoin(referenceItems, eq(referenceItems.id, grantCalls.administrationId))
    .where(inArray(grantCalls.id, ids));
  const deadlines = await db
    .select({ id: grantCallDeadlines.id, callId: grantCallDeadlines.callId, date: grantCallDeadlines.date, note: grantCallDeadlines.note, past: sql<boolean>`${grantCallDeadlines.date} < ${stockholmToday}` })
    .from(grantCallDeadlines)
    .where(inArray(grantCallDeadlines.callId, ids))
    .orderBy(asc(grantCallDeadlines.date));
  const groups = await db
    .select({ callId: grantCallTargetGroups.callId, slug: referenceItems.slug, nameSv: referenceItems.nameSv, nameEn: referenceItems.nameEn })
    .from(grantCallTargetGroups)
    .innerJoin(referenceItems, eq(referenceItems.id, grantCallTargetGroups.referenceId))
    .where(inArray(grantCallTargetGroups.callId, ids))
    .orderBy(asc(referenceItems.sortOrder), asc(referenceItems.slug));
  const byId = new Map(rows.map((r) => [r.call.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { call, admin } = row;
    const own = deadlines.filter((d) => d.callId === id).map((d) => ({ id: d.id, date: d.date, note: d.note, past: !!d.past }));
    return [
      {
        id: call.id,
        funderKind: call.funderKind,
        administration: admin?.slug ? { slug: admin.slug, nameSv: admin.nameSv, nameEn: admin.nameEn } : null,
        funderName: call.funderName || (admin?.slug ? admin.nameSv : ''),
        title: call.title,
        url: call.url,
        amountMin: call.amountMin,
        amountMax: call.amountMax,
        eligibility: call.eligibility,
        description: call.description,
        targetGroups: groups.filter((g) => g.callId === id).map(({ slug, nameSv, nameEn }) => ({ slug, nameSv, nameEn })),
        deadlines: own,
        nextDeadline: own.find((d) => !d.past)?.date ?? null,
        createdById: call.createdBy,
        archived: call.archivedAt !== null,
        createdAt: call.createdAt.toISOString(),
        updatedAt: call.updatedAt.toISOString(),
      },
    ];
  });
}

export async function presentCall(db: Reader, id: string): Promise<GrantCall | null> {
  return (await presentCalls(db, [id]))[0] ?? null;
}

/** Everything but the bytes. */
export const documentColumns = {
  id: grantDocuments.id,
  callId: grantDocuments.callId,
  knowHowId: grantDocuments.knowHowId,
  title: grantDocuments.title,
  category: grantDocuments.category,
  url: grantDocuments.url,
  fileName: grantDocuments.fileName,
  contentType: grantDocuments.contentType,
  size: grantDocuments.size,
  uploadedBy: grantDocuments.uploadedBy,
  createdAt: grantDocuments.createdAt,
};
export interface DocumentRow {
  id: string;
  callId: string | null;
  knowHowId: string | null;
  title: string;
  category: DocumentCategory;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  uploadedBy: string | null;
  createdAt: Date;
}

export function presentDocument(row: DocumentRow): GrantDocument {
  const isFile = row.url === null;
  return {
    id: row.id,
    callId: row.callId,
    knowHowId: row.knowHowId,
    title: row.title,
    category: row.category,
    kind: isFile ? 'file' : 'link',
    url: row.url,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    downloadUrl: isFile ? documentDownloadUrl(row.id) : null,
    uploadedById: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function presentDocuments(db: Reader, where: SQL): Promise<GrantDocument[]> {
  const rows = await db.select(documentColumns).from(grantDocuments).where(where).orderBy(asc(grantDocuments.createdAt), asc(grantDocuments.id));
  return rows.map(presentDocument);
}

export async function presentKnowHow(db: Reader, where: SQL): Promise<KnowHow[]> {
  const rows = await db
    .select({ k: grantKnowHow, orgName: organisations.name, orgSlug: organisations.slug })
    .from(grantKnowHow)
    .innerJoin(organisations, eq(organisations.id, grantKnowHow.organisationId))
    .where(where)
    .orderBy(sql`${grantKnowHow.status} = 'received' desc`, asc(grantKnowHow.createdAt), asc(grantKnowHow.id));
  const ids = rows.map((r) => r.k.id);
  const documents = ids.length ? await presentDocuments(db, inArray(grantDocuments.knowHowId, ids)) : [];
  return rows.map(({ k, orgName, orgSlug }) => ({
    id: k.id,
    callId: k.callId,
    organisation: { id: k.organisationId, name: orgName, slug: orgSlug },
    status: k.status,
    year: k.year,
    description: k.description,
    documents: documents.filter((d) => d.knowHowId === k.id),
    createdById: k.createdBy,
    createdAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
  }));
}

export async function presentHelpRequests(db: Reader, where: SQL): Promise<HelpRequest[]> {
  const rows = await db
    .select({ h: grantHelpRequests, orgName: organisations.name, orgSlug: organisations.slug })
    .from(grantHelpRequests)
    .innerJoin(organisations, eq(organisations.id, grantHelpRequests.organisationId))
    .where(where)
    .orderBy(asc(grantHelpRequests.createdAt), asc(grantHelpRequests.id));
  return rows.map(({ h, orgName, orgSlug }) => ({
    id: h.id,
    callId: h.callId,
    organisation: { id: h.organisationId, name: orgName, slug: orgSlug },
    text: h.text,
    open: h.open,
    createdById: h.createdBy,
    createdAt: h.createdAt.toISOString(),
  }));
}

export async function presentPartnerPosts(db: Reader, where: SQL | undefined, limit = 200): Promise<PartnerPost[]> {
  const rows = await db
    .select({ p: grantPartnerPosts, orgName: organisations.name, orgSlug: organisations.slug, callTitle: grantCalls.title })
    .from(grantPartnerPosts)
    .innerJoin(organisations, eq(organisations.id, grantPartnerPosts.organisationId))
    .leftJoin(grantCalls, eq(grantCalls.id, grantPartnerPosts.callId))
    .where(where)
    .orderBy(sql`${grantPartnerPosts.createdAt} desc`, asc(grantPartnerPosts.id))
    .limit(limit);
  return rows.map(({ p, orgName, orgSlug, callTitle }) => ({
    id: p.id,
    organisation: { id: p.organisationId, name: orgName, slug: orgSlug },
    call: p.callId && callTitle !== null ? { id: p.callId, title: callTitle } : null,
    title: p.title,
    text: p.text,
    open: p.open,
    createdById: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  }));
}

export const openHelpRequestsOf = (callId: string) => and(eq(grantHelpRequests.callId, callId), eq(grantHelpRequests.open, true))!;
