import { sql, type SQL } from 'drizzle-orm';
import type { OrganisationList, Overview } from '../../../shared/organisations';
import type { ReferenceKind } from '../../../shared/reference';
import type { Db } from '../../db/client';

export interface DirectoryFilter {
  q?: string;
  district?: string;
  targetGroup?: string;
  administration?: string;
  resource?: string;
  legalForm?: string;
  signed?: boolean;
  page: number;
  pageSize: number;
}

const hasReference = (kind: ReferenceKind, slug: string) => sql`exists (
  select 1 from organisation_references orf join reference_items r on r.id = orf.reference_id
  where orf.organisation_id = o.id and r.kind = ${kind} and r.slug = ${slug})`;

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The knowledge bank's listing: filters, typo-tolerant name search (pg_trgm), one page at a time. */
export async function listOrganisations(db: Db, filter: DirectoryFilter): Promise<OrganisationList> {
  const conditions: SQL[] = [];
  if (filter.district) conditions.push(hasReference('district', filter.district));
  if (filter.targetGroup) conditions.push(hasReference('targetGroup', filter.targetGroup));
  if (filter.administration) conditions.push(hasReference('administration', filter.administration));
  if (filter.resource) conditions.push(hasReference('resource', filter.resource));
  if (filter.legalForm) conditions.push(sql`o.legal_form = ${filter.legalForm}`);
  if (filter.signed !== undefined) conditions.push(sql`o.signed_agreement = ${filter.signed}`);
  const q = filter.q?.toLowerCase().trim();
  // "<%" is word similarity against the trigram index: "stadsmision" finds "Stockholms Stadsmission".
  if (q) conditions.push(sql`(lower(o.name) like ${`%${escapeLike(q)}%`} or ${q} <% lower(o.name))`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // o.id breaks ties between equal names, so that pages neither repeat nor skip an organisation.
  const order = q ? sql`word_similarity(${q}, lower(o.name)) desc, lower(o.name), o.id` : sql`lower(o.name), o.id`;
  const offset = (filter.page - 1) * filter.pageSize;

  const result = await db.execute<{
    id: string;
    slug: string;
    name: string;
    legal_form: OrganisationList['items'][number]['legalForm'];
    size_class: OrganisationList['items'][number]['sizeClass'];
    signed_agreement: boolean;
    excerpt: string;
    refs: Partial<Record<ReferenceKind, string[]>> | null;
    total: string | number;
  }>(sql`
    select o.id, o.slug, o.name, o.legal_form, o.size_class, o.signed_agreement,
      left(o.description, 240) as excerpt,
      (select json_object_agg(kind, slugs) from (
         select r.kind, array_agg(r.slug order by r.sort_order, r.slug) as slugs
         from organisation_references orf join reference_items r on r.id = orf.reference_id
         where orf.organisation_id = o.id group by r.kind) k) as refs,
      count(*) over () as total
    from organisations o
    ${where}
    order by ${order}
    limit ${filter.pageSize} offset ${offset}`);

  return {
    items: result.rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      legalForm: row.legal_form,
      sizeClass: row.size_class,
      signedAgreement: row.signed_agreement,
      excerpt: row.excerpt,
      districts: row.refs?.district ?? [],
      targetGroups: row.refs?.targetGroup ?? [],
      resources: row.refs?.resource ?? [],
    })),
    total: result.rows.length ? Number(result.rows[0].total) : await countMatching(db, where),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

// A page past the end has no rows to carry the window count, so count separately.
async function countMatching(db: Db, where: SQL) {
  const result = await db.execute<{ n: string | number }>(sql`select count(*) as n from organisations o ${where}`);
  return Number(result.rows[0].n);
}

export async function overview(db: Db): Promise<Overview> {
  const byReference = await db.execute<{ kind: ReferenceKind; slug: string; count: string | number }>(sql`
    select r.kind, r.slug, count(orf.organisation_id) as count
    from reference_items r left join organisation_references orf on orf.reference_id = r.id
    where r.kind in ('district', 'targetGroup', 'resource') and not r.archived
    group by r.kind, r.slug, r.sort_order
    order by r.kind, r.sort_order, r.slug`);
  const byLegalForm = await db.execute<{ slug: string; count: string | number }>(sql`
    select legal_form as slug, count(*) as count from organisations group by legal_form order by count(*) desc, legal_form`);
  const totals = await db.execute<{ total: string | number; signed: string | number }>(sql`
    select count(*) as total, count(*) filter (where signed_agreement) as signed from organisations`);
  const of = (kind: ReferenceKind) =>
    byReference.rows.filter((r) => r.kind === kind).map((r) => ({ slug: r.slug, count: Number(r.count) }));
  return {
    total: Number(totals.rows[0].total),
    signed: Number(totals.rows[0].signed),
    byDistrict: of('district'),
    byTargetGroup: of('targetGroup'),
    byResource: of('resource'),
    byLegalForm: byLegalForm.rows.map((r) => ({ slug: r.slug, count: Number(r.count) })),
  };
}
