import { sql, type SQL } from 'drizzle-orm';
import { searchCountCap, type SearchQuery, type SearchResult } from '../../../shared/forums';
import type { Db } from '../../db/client';
import type { AuthUser } from '../../lib/sessions';
import { listForumRows } from './forum-access';
import { mentionToken } from './markdown';
import { canReadForum } from './policy';

const pageSize = 20;

// Private-use characters mark the matches in ts_headline's output, so that the snippet can be
// HTML-escaped first and the markers turned into <mark> after. They are stripped from the input.
const start = '\uE000';
const stop = '\uE001';
// ts_headline drops anything that parses as an HTML tag ("<b>bidrag</b>" would lose its "<b>"), so
// angle brackets travel as two more private-use characters and are escaped afterwards.
const lt = '\uE002';
const gt = '\uE003';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(lt, '&lt;').replaceAll(gt, '&gt;').replaceAll(start, '<mark>').replaceAll(stop, '</mark>');
}

type Query = Omit<SearchQuery, 'sort' | 'page'> & { sort: 'relevance' | 'newest'; page: number };

/**
 * Swedish full-text search ("bidragen" finds "bidrag") over the posts of forums the viewer may read;
 * without words, the posts of one author or organisation, newest first.
 */
export async function searchPosts(db: Db, user: AuthUser | null, query: Query): Promise<SearchResult> {
  const readable = (await listForumRows(db)).filter((f) => canReadForum(user, f.access)).map((f) => f.id);
  if (!readable.length) return { hits: [], total: 0, totalAtLeast: false, page: query.page, pageSize };
  const tsQuery = query.q === undefined ? null : sql`websearch_to_tsquery('swedish', ${query.q})`;
  const conditions: SQL[] = [
    ...(tsQuery ? [sql`p.search @@ ${tsQuery}`] : []),
    sql`p.deleted_at is null`,
    sql`p.hidden_at is null`,
    sql`p.forum_id in (${sql.join(readable.map((id) => sql`${id}::uuid`), sql`, `)})`,
  ];
  if (query.forum) conditions.push(sql`p.forum_id = ${query.forum}`);
  if (query.author) conditions.push(sql`p.author_id = ${query.author}`);
  if (query.organisation) conditions.push(sql`p.organisation_id = ${query.organisation}`);
  // Dates are Stockholm calendar days.
  if (query.from) conditions.push(sql`p.created_at >= (${query.from}::date)::timestamp at time zone 'Europe/Stockholm'`);
  if (query.to) conditions.push(sql`p.created_at < (${query.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`);
  const where = sql.join(conditions, sql` and `);
  const order = query.sort === 'newest' || !tsQuery ? sql`p.created_at desc, p.id` : sql`ts_rank_cd(p.search, ${tsQuery}) desc, p.created_at desc, p.id`;
  // Without words there is nothing to highlight: the snippet is the post's opening.
  const escaped = sql`translate(h.body, ${'<>' + start + stop + lt + gt}, ${lt + gt})`;
  const headline = tsQuery
    ? sql`ts_headline('swedish', ${escaped}, ${tsQuery},
        ${`StartSel=${start}, StopSel=${stop}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql`case when length(h.body) > 240 then left(${escaped}, 240) || ' …' else ${escaped} end`;
  const page = db.execute<{
    post_id: string;
    thread_id: string;
    thread_title: string;
    forum_id: string;
    forum_slug: string;
    forum_name_sv: string;
    forum_name_en: string;
    author_id: string | null;
    author_name: string | null;
    organisation_id: string | null;
    organisation_name: string | null;
    organisation_slug: string | null;
    created_at: string | Date;
    headline: string;
  }>(sql`
    with hits as (
      select p.id, p.thread_id, p.forum_id, p.author_id, p.organisation_id, p.created_at, p.body, row_number() over (order by ${order}) as rn
      from posts p where ${where}
      order by ${order}
      limit ${pageSize} offset ${(query.page - 1) * pageSize}
    )
    select h.id as post_id, h.thread_id, t.title as thread_title, h.forum_id, f.slug as forum_slug, f.name_sv as forum_name_sv,
      f.name_en as forum_name_en, h.author_id, u.name as author_name, h.organisation_id, o.name as organisation_name,
      o.slug as organisation_slug, h.created_at,
      ${headline} as headline
    from hits h
    join threads t on t.id = h.thread_id
    join forums f on f.id = h.forum_id
    left join users u on u.id = h.author_id
    left join organisations o on o.id = h.organisation_id
    order by h.rn`);
  // The page and the capped count at once (two pooled connections on PostgreSQL).
  const [rows, counted] = await Promise.all([page, cappedCount(db, where, !tsQuery)]);
  const hits = rows.rows.map((r) => ({
    postId: r.post_id,
    threadId: r.thread_id,
    threadTitle: r.thread_title,
    forum: { id: r.forum_id, slug: r.forum_slug, nameSv: r.forum_name_sv, nameEn: r.forum_name_en },
    author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
    organisation: r.organisation_id && r.organisation_name && r.organisation_slug ? { id: r.organisation_id, name: r.organisation_name, slug: r.organisation_slug } : null,
    createdAt: new Date(r.created_at).toISOString(),
    snippet: snippetHtml(r.headline),
  }));
  // A short page is the last one: its hits settle the total exactly, whatever was estimated.
  const offset = (query.page - 1) * pageSize;
  const exact = hits.length > 0 && hits.length < pageSize ? { total: offset + hits.length, atLeast: false } : counted;
  return { hits, total: exact.total, totalAtLeast: exact.atLeast, page: query.page, pageSize };
}

/** Plan estimates this many times the cap mean "more than the cap" without counting. */
const estimateMargin = 10;

/**
 * How many posts match, up to searchCountCap. Counting every match of a common word, or every post of
 * a busy author, costs more than the page itself (the GIN index yields all matches before any is
 * counted); the planner's estimate from the column statistics tells when there are far more than the
 * cap, and then "more than 1,000" is said without counting. Otherwise the count stops at the cap;
 * without words it walks the (…, created_at) index in order, where PostgreSQL would otherwise build a
 * bitmap of all of a person's posts first.
 */
async function cappedCount(db: Db, where: SQL, withoutWords: boolean): Promise<{ total: number; atLeast: boolean }> {
  const plan = await db.execute<{ 'QUERY PLAN': unknown }>(sql`explain (format json) select 1 from posts p where ${where}`);
  const raw = plan.rows[0]?.['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  const estimate = Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
  if (estimate >= estimateMargin * searchCountCap) return { total: searchCountCap, atLeast: true };
  const order = withoutWords ? sql`order by p.created_at desc` : sql``;
  const counted = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from posts p where ${where} ${order} limit ${searchCountCap}) c`);
  const total = Number(counted.rows[0]?.n ?? 0);
  return { total, atLeast: total >= searchCountCap };
}

/** People and organisations to @mention, by name. */
export async function mentionables(db: Db, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const people = await db.execute<{ id: string; name: string }>(sql`select id, name from users where name ilike ${pattern} order by name limit 8`);
  const orgs = await db.execute<{ id: string; name: string }>(sql`select id, name from organisations where name ilike ${pattern} order by name limit 8`);
  return {
    results: [
      ...people.rows.map((p) => ({ kind: 'user' as const, id: p.id, name: p.name, token: mentionToken('user', p.id, p.name) })),
      ...orgs.rows.map((o) => ({ kind: 'org' as const, id: o.id, name: o.name, token: mentionToken('org', o.id, o.name) })),
    ],
  };
}
