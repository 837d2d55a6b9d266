// npm run bench:search — the forum search (searchPosts in server/features/forums/search.ts) on
// PostgreSQL with 1,000,000 posts of Swedish-like text. Creates a fresh database mp_bench_search on
// the server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), runs the app's
// migrations, generates the data in SQL (generate_series; no COPY), then times the real search
// function per query class and prints p50/p95/p99 and the goals. Drops the database at the end.
// The table is put in time order after the load (CLUSTER on posts_created), as the app appends posts
// as they are written. Timed: rare words, two words, word + forum + dates, word + dates, word + author
// (goal p95 ≤ 50 ms); newest first for a common and a rare word and an author's and an organisation's
// posts (goal p95 ≤ 10 ms); best match for a common word (no goal, for scale).
//
// BENCH_SEARCH_POSTS (1000000), BENCH_SEARCH_THREADS (10000), BENCH_SEARCH_RUNS (100 per class),
// BENCH_SEARCH_KEEP=1 keeps the database; BENCH_SEARCH_REUSE=1 reuses a kept one (skips generation).
// BENCH_SEARCH_EXPLAIN=1 prints the plans of every class, not only of those that miss their goal.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '../server/db/client';
import { seedReferenceOnce } from '../server/db/seed/demo';
import { searchPosts } from '../server/features/forums/search';
import { rareWords, swedishVocabulary } from './swedish-words';

const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = 'mp_bench_search';
const totalPosts = Number(process.env.BENCH_SEARCH_POSTS ?? 1_000_000);
const threadCount = Number(process.env.BENCH_SEARCH_THREADS ?? 10_000);
const userCount = 400;
const orgCount = 150;
const phraseCount = 300_000;
const runs = Number(process.env.BENCH_SEARCH_RUNS ?? 100);
const warmupRuns = 10;
const keep = process.env.BENCH_SEARCH_KEEP === '1';
const reuse = process.env.BENCH_SEARCH_REUSE === '1';
const explainAll = process.env.BENCH_SEARCH_EXPLAIN === '1';
const chunkSize = 50_000;

const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const benchUrl = url.toString();

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

const runStarted = performance.now();
let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
let dropped = false;
async function cleanup() {
  await database?.close().catch(() => {});
  database = null;
  if (!keep && !dropped) {
    dropped = true;
    await adminQuery(`drop database if exists ${dbName} with (force)`).catch((err) => console.error('dropping the bench database failed:', err));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
async function step<T>(label: string, body: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await body();
  console.log(`  ${label.padEnd(52)} ${seconds(performance.now() - t0).padStart(8)}`);
  return result;
}

async function loader(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  await c.query(`set synchronous_commit = off`);
  await c.query(`set maintenance_work_mem = '512MB'`);
  await c.query(`set work_mem = '64MB'`);
  try {
    // Skips the foreign-key triggers during the load (superuser only; otherwise they run).
    await c.query(`set session_replication_role = replica`);
  } catch {
    /* not a superuser: keep the checks */
  }
  return c;
}

// A body: 1–12 sentences, each a phrase of Zipf-distributed words, phrases picked by a hash of the
// post number (an immutable expression, so the phrase lookup uses the primary key); about every
// eighth post also names a place-bound compound from the rare pool.
const hashMod = (expr: string, n: number) => `((hashint8(${expr})::bigint + 2147483648) % ${n})`;
const rareCount = rareWords().length;
const bodyOf = (seedExpr: string, sentencesExpr: string) => `((
  select string_agg(p.txt, '. ') || '.'
  from generate_series(1, ${sentencesExpr}) j
  join bench_phrases p on p.id = 1 + ${hashMod(`(${seedExpr}) * 16 + j`, phraseCount)}
) || case when ${hashMod(`(${seedExpr}) * 16 + 15`, 8)} = 0
  then ' Gäller ' || (select word from bench_rare where id = 1 + ${hashMod(`(${seedExpr}) * 16 + 14`, rareCount)}) || '.' else '' end)`;

async function generate() {
  console.log(`Generating ${totalPosts.toLocaleString('en')} posts in ${threadCount.toLocaleString('en')} threads, ${userCount} authors, ${orgCount} organisations:`);
  const genStarted = performance.now();
  const vocabulary = swedishVocabulary();
  const V = vocabulary.words.length;
  const [a, b] = [await loader(), await loader()];

  await step(`vocabulary (${V} forms) and ${phraseCount.toLocaleString('en')} phrases`, async () => {
    await a.query(`create unlogged table bench_words (rank int primary key, word text not null)`);
    await a.query(`insert into bench_words select ord, w from unnest($1::text[]) with ordinality as t(w, ord)`, [vocabulary.words]);
    // Rank r with probability ∝ 1/r: floor(exp(U · ln(V+1))) for U uniform in [0, 1).
    await a.query(`create unlogged table bench_phrases (id int primary key, txt text not null)`);
    await a.query(`
      insert into bench_phrases (id, txt)
      select g, upper(left(s.txt, 1)) || substr(s.txt, 2)
      from generate_series(1, ${phraseCount}) g,
      lateral (
        select string_agg(w.word, ' ' order by k) as txt
        from (select k, greatest(1, least(${V}, floor(exp(random() * ln(${V} + 1)))::int)) as r from generate_series(1, 3 + (g % 6)) k) picks
        join bench_words w on w.rank = picks.r
      ) s`);
    await a.query(`create unlogged table bench_rare (id int primary key, word text not null)`);
    await a.query(`insert into bench_rare select ord, w from unnest($1::text[]) with ordinality as t(w, ord)`, [rareWords()]);
    await a.query(`analyze bench_words; analyze bench_phrases; analyze bench_rare`);
  });

  await step('organisations, people, threads and first posts', async () => {
    await a.query(`
      insert into organisations (slug, name, org_number, legal_form, size_class, description)
      select 'bench-org-' || g, 'Föreningen ' || initcap(w.word) || ' ' || g, 'B' || lpad(g::text, 9, '0'),
        (enum_range(null::legal_form))[1 + g % 5], (enum_range(null::size_class))[1 + g % 4], ''
      from generate_series(1, ${orgCount}) g join bench_words w on w.rank = 90 + g`);
    await a.query(`create unlogged table bench_orgs as select row_number() over (order by slug)::int as no, id from organisations where slug like 'bench-org-%'`);
    await a.query(`
      insert into users (email, name, password_hash)
      select 'bench-' || g || '@bench.example',
        (array['Anna','Erik','Maria','Lars','Karin','Johan','Sara','Ahmed','Fatima','Mikael','Elin','Oskar','Leila','Nils','Ingrid','Yusuf'])[1 + g % 16] || ' ' ||
        (array['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson','Olsson','Persson','Svensson','Gustafsson','Hassan','Ali','Lindqvist','Berg'])[1 + (g / 16) % 14],
        'bench-not-a-hash'
      from generate_series(1, ${userCount}) g`);
    await a.query(`
      create unlogged table bench_users as
      select row_number() over (order by u.email)::int as no, u.id, o.id as org_id
      from users u left join bench_orgs o on o.no = 1 + (hashtext(u.email)::bigint + 2147483648) % ${orgCount} and hashtext(u.email) % 5 in (0, 1)
      where u.email like 'bench-%'`);
    await a.query(`create unlogged table bench_forums as select row_number() over (order by position)::int as no, id from forums`);
    await a.query(`alter table bench_users add primary key (no); alter table bench_forums add primary key (no)`);
    // Threads: forums Zipf-like (the first gets most), authors Zipf-like, started over three years.
    await a.query(`
      create unlogged table bench_threads as
      select g as no, gen_random_uuid() as id,
        f.id as forum_id, u.id as author_id, case when random() < 0.6 then u.org_id end as organisation_id,
        now() - random() * interval '3 years' as created_at,
        (select string_agg(p.txt, ' ') from bench_phrases p where p.id in (1 + ((hashint8(-g)::bigint + 2147483648) % ${phraseCount}), 1 + ((hashint8(-g - 1000000000)::bigint + 2147483648) % ${phraseCount}))) as title
      from (
        select g, greatest(1, least(8, floor(exp(random() * ln(9)))::int)) as forum_no,
          greatest(1, least(${userCount}, floor(exp(random() * ln(${userCount} + 1)))::int)) as user_no
        from generate_series(1, ${threadCount}) g offset 0
      ) r
      join bench_forums f on f.no = r.forum_no
      join bench_users u on u.no = r.user_no`);
    await a.query(`update bench_threads set title = left(title, 190) || '?'`);
    await a.query(`alter table bench_threads add primary key (no); analyze bench_threads`);
    await a.query(`
      insert into threads (id, forum_id, title, author_id, organisation_id, created_at, last_post_at)
      select id, forum_id, title, author_id, organisation_id, created_at, created_at from bench_threads`);
    // First posts: the title (weight A) and the body (B), as createThread writes them.
    await a.query(`
      insert into posts (thread_id, forum_id, author_id, organisation_id, is_first, body, body_html, created_at, search)
      select t.id, t.forum_id, t.author_id, t.organisation_id, true, t.body, '<p>' || t.body || '</p>', t.created_at,
        setweight(to_tsvector('swedish', t.title), 'A') || setweight(to_tsvector('swedish', t.body), 'B')
      from (select bt.*, ${bodyOf('-bt.no', '3 + (bt.no % 10)')} as body from bench_threads bt offset 0) t`);
  });

  // The app's indexes on posts (except the primary key) are dropped for the load and rebuilt from
  // their own definitions after: a bulk build is several times faster than 1M index insertions.
  const indexes = (await a.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'posts' and indexname <> 'posts_pkey'`,
  )).rows;
  for (const index of indexes) await a.query(`drop index ${index.indexname}`);

  const replies = totalPosts - threadCount;
  await step(`${replies.toLocaleString('en')} replies (2 connections, ${chunkSize.toLocaleString('en')} per statement)`, async () => {
    let next = 0;
    const worker = async (c: pg.Client) => {
      while (next < replies) {
        const from = next + 1;
        const to = Math.min(replies, next + chunkSize);
        next = to;
        // Threads uniformly; authors Zipf-like; half of an organisation member's posts on its behalf;
        // replies within four months of the thread's start, mostly early.
        await c.query(`
          insert into posts (thread_id, forum_id, author_id, organisation_id, is_first, body, body_html, created_at, search)
          select t.id, t.forum_id, u.id, case when r.on_behalf then u.org_id end, false, r.body, '<p>' || r.body || '</p>',
            least(now(), t.created_at + r.delay), setweight(to_tsvector('swedish', r.body), 'B')
          from (
            select g, 1 + floor(random() * ${threadCount})::int as thread_no,
              greatest(1, least(${userCount}, floor(exp(random() * ln(${userCount} + 1)))::int)) as user_no,
              random() < 0.5 as on_behalf, (random() ^ 2) * interval '120 days' as delay,
              ${bodyOf('g', '1 + (hashint8(g)::bigint + 2147483648) % 10')} as body
            from generate_series(${from}, ${to}) g offset 0
          ) r
          join bench_threads t on t.no = r.thread_no
          join bench_users u on u.no = r.user_no`);
      }
    };
    await Promise.all([worker(a), worker(b)]);
  });

  await step('hidden and removed posts, thread counters', async () => {
    // A few posts hidden by the coordinator or removed by their authors, as in real use.
    await a.query(`update posts set hidden_at = created_at + interval '1 day', hidden_reason = 'bench' where not is_first and hashint8(extract(epoch from created_at)::bigint) % 500 = 0`);
    await a.query(`update posts set deleted_at = created_at + interval '2 days', body = '', body_html = '', search = ''::tsvector where not is_first and hidden_at is null and hashint8(extract(epoch from created_at)::bigint) % 300 = 1`);
    await a.query(`
      update threads t set reply_count = s.n - 1, last_post_at = s.last
      from (select thread_id, count(*)::int as n, max(created_at) as last from posts group by thread_id) s
      where s.thread_id = t.id`);
  });

  // The table in time order, as the app writes it (posts are appended as they are made, so the heap
  // follows created_at); the generator drew the replies' times at random. CLUSTER rewrites it sorted
  // by the app's own posts_created index and vacuums it at once.
  const byTime = indexes.find((i) => i.indexname === 'posts_created');
  if (!byTime) throw new Error('the schema has no posts_created index to order the table by');
  await step('order the table by created_at (CLUSTER)', async () => {
    await a.query(byTime.indexdef);
    await a.query(`cluster posts using posts_created`);
  });
  const rest = indexes.filter((i) => i !== byTime);
  await step(`rebuild the other ${rest.length} indexes on posts (2 connections)`, async () => {
    const gin = rest.filter((i) => /using gin/i.test(i.indexdef));
    const others = rest.filter((i) => !/using gin/i.test(i.indexdef));
    await Promise.all([
      (async () => {
        for (const i of gin) await a.query(i.indexdef);
      })(),
      (async () => {
        for (const i of others) await b.query(i.indexdef);
      })(),
    ]);
  });
  await step('vacuum analyze', async () => {
    await a.query(`drop table bench_phrases, bench_words, bench_rare`);
    await a.query(`vacuum (analyze) posts`);
    await a.query(`vacuum (analyze) threads`);
    await a.query(`analyze`);
  });
  await a.end();
  await b.end();
  const genMs = performance.now() - genStarted;
  console.log(`Generation time: ${seconds(genMs)}`);
  return genMs;
}

// ---- the database -------------------------------------------------------------------------------
let generationMs: number | null = null;
try {
  const exists = (await adminQuery(`select 1 from pg_database where datname = '${dbName}'`)).rowCount! > 0;
  let ready = false;
  if (reuse && exists) {
    const c = new pg.Client({ connectionString: benchUrl });
    await c.connect();
    const n = await c.query<{ n: string }>(`select count(*) as n from posts`).catch(() => ({ rows: [{ n: '0' }] }));
    await c.end();
    ready = Number(n.rows[0].n) >= totalPosts;
    if (ready) console.log(`Reusing ${dbName} (${Number(n.rows[0].n).toLocaleString('en')} posts).`);
  }
  if (!ready) {
    if (exists) await adminQuery(`drop database ${dbName} with (force)`);
    await adminQuery(`create database ${dbName}`);
  }
  database = await openDatabase({ kind: 'postgres', url: benchUrl }); // runs the migrations
  await seedReferenceOnce(database.db); // the eight forums
  if (!ready) generationMs = await generate();
} catch (err) {
  console.error(err);
  await cleanup();
  process.exit(1);
}

try {
  const db = database!.db;
  const info = (
    await db.execute<{ posts: string; threads: string; table_size: string; gin_size: string }>(sql`
      select (select count(*) from posts) as posts, (select count(*) from threads) as threads,
        pg_size_pretty(pg_total_relation_size('posts')) as table_size, pg_size_pretty(pg_relation_size('posts_search')) as gin_size`)
  ).rows[0];
  console.log(`\nposts: ${Number(info.posts).toLocaleString('en')} in ${Number(info.threads).toLocaleString('en')} threads; posts table with indexes ${info.table_size}, GIN index posts_search ${info.gin_size}.`);

  // ---- the query classes ----------------------------------------------------------------------------
  type Query = Parameters<typeof searchPosts>[2];
  const { words } = swedishVocabulary();
  const forumRows = (await db.execute<{ id: string; slug: string }>(sql`select id, slug from forums order by position`)).rows;
  const forumId = (slug: string) => forumRows.find((f) => f.slug === slug)!.id;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10);
  const matches = async (q: string, extra = sql``) =>
    Number((await db.execute<{ n: string }>(sql`select count(*) as n from posts p where p.search @@ websearch_to_tsquery('swedish', ${q}) ${extra}`)).rows[0].n);

  // Rare: place-bound compounds from the rare pool (a few hundred posts each), spread over the pool.
  const pool = rareWords();
  const tail = Array.from({ length: 10 }, (_, i) => pool[(i * 223 + 17) % pool.length].toLowerCase());
  // Common: the forums' everyday words, right after the function words.
  const common = ['bidrag', 'föreningen', 'lokalen', 'ansökan', 'upphandling', 'kvaliteten', 'verksamhet', 'projektet', 'budgeten', 'mötet'];
  // Two words of middling frequency (ranks 150–800), both required.
  const middling = words.slice(150, 800).filter((w) => /^[a-zåäö]+$/.test(w));
  const pairs = Array.from({ length: 10 }, (_, i) => `${middling[(i * 37) % middling.length]} ${middling[(i * 53 + 11) % middling.length]}`);
  const filterForums = ['bidrag', 'lokaler', 'upphandling', 'kvalitet', 'iop'];
  // Authors and organisations by number of posts: the busiest (a mention's link to them lists their
  // posts newest first) and middling ones (a word within one person's posts).
  const ranked = async (column: 'author_id' | 'organisation_id', offset: number) =>
    (await db.execute<{ id: string }>(sql.raw(`select ${column} as id from posts where ${column} is not null group by ${column} order by count(*) desc, ${column} offset ${offset} limit 10`))).rows.map((r) => r.id);
  const busyAuthors = await ranked('author_id', 0);
  const middlingAuthors = await ranked('author_id', 60);
  const organisationsByPosts = [...(await ranked('organisation_id', 0)).slice(0, 5), ...(await ranked('organisation_id', 100)).slice(0, 5)];

  interface QueryClass {
    name: string;
    goalMs: number | null;
    goalLabel: string;
    queries: Query[];
    /** Fewer timed runs for a slow class without a goal. */
    runs?: number;
  }
  const q = (text: string, extra: Partial<Query> = {}): Query => ({ q: text, sort: 'relevance', page: 1, ...extra });
  const classes: QueryClass[] = [
    { name: 'selective: rare word', goalMs: 50, goalLabel: 'selective p95 ≤ 50 ms', queries: tail.map((w) => q(w)) },
    { name: 'selective: two words', goalMs: 50, goalLabel: 'selective p95 ≤ 50 ms', queries: pairs.map((p) => q(p)) },
    {
      name: 'selective: word + forum + 2 months',
      goalMs: 50,
      goalLabel: 'selective p95 ≤ 50 ms',
      queries: common.map((w, i) => q(w, { forum: forumId(filterForums[i % filterForums.length]), from: day(100 + i * 90), to: day(40 + i * 90) })),
    },
    {
      name: 'selective: word + 1 month',
      goalMs: 50,
      goalLabel: 'selective p95 ≤ 50 ms',
      queries: common.map((w, i) => q(w, { from: day(60 + i * 100), to: day(30 + i * 100) })),
    },
    { name: 'selective: word + author', goalMs: 50, goalLabel: 'selective p95 ≤ 50 ms', queries: common.map((w, i) => q(w, { author: middlingAuthors[i % middlingAuthors.length] })) },
    { name: 'relevance: common word', goalMs: null, goalLabel: 'no goal', queries: common.map((w) => q(w)), runs: 30 },
    { name: 'newest-first: common word', goalMs: 10, goalLabel: 'newest-first p95 ≤ 10 ms', queries: common.map((w) => q(w, { sort: 'newest' })) },
    { name: 'newest-first: rare word', goalMs: 10, goalLabel: 'newest-first p95 ≤ 10 ms', queries: tail.map((w) => q(w, { sort: 'newest' })) },
    { name: "newest-first: an author's posts", goalMs: 10, goalLabel: 'newest-first p95 ≤ 10 ms', queries: busyAuthors.map((id) => ({ author: id, sort: 'newest', page: 1 })) },
    { name: "newest-first: an organisation's posts", goalMs: 10, goalLabel: 'newest-first p95 ≤ 10 ms', queries: organisationsByPosts.map((id) => ({ organisation: id, sort: 'newest', page: 1 })) },
  ];

  function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  }

  /** The statements searchPosts sends (through db.execute), to EXPLAIN them. */
  function capturingDb(captured: SQL[]): Db {
    return new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'execute') {
          return (query: SQL) => {
            captured.push(query);
            return target.execute(query);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }
  const explainClient = new pg.Client({ connectionString: benchUrl });
  await explainClient.connect();
  async function explain(query: Query) {
    const captured: SQL[] = [];
    await searchPosts(capturingDb(captured), null, query);
    const dialect = (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect;
    for (const statement of captured) {
      const { sql: text, params } = dialect.sqlToQuery(statement);
      if (!/from posts/i.test(text)) continue;
      const plan = await explainClient.query(`explain (analyze, buffers) ${text}`, params as unknown[]);
      console.log(`\n  ${text.replace(/\s+/g, ' ').trim().slice(0, 160)}…`);
      for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`    ${row['QUERY PLAN']}`);
    }
  }

  interface ClassResult {
    c: QueryClass;
    times: number[];
    /** Median time per query of the class, to EXPLAIN the slowest. */
    perQuery: number[];
    medianTotal: number;
    /** null: the class has no words (an author's posts). */
    medianMatches: number | null;
  }
  async function timeClass(c: QueryClass): Promise<ClassResult> {
    for (let i = 0; i < warmupRuns; i++) await searchPosts(db, null, c.queries[i % c.queries.length]);
    const times: number[] = [];
    const byQuery: number[][] = c.queries.map(() => []);
    const totals: number[] = [];
    for (let i = 0; i < (c.runs ?? runs); i++) {
      const k = i % c.queries.length;
      const t0 = performance.now();
      const result = await searchPosts(db, null, c.queries[k]);
      const elapsed = performance.now() - t0;
      times.push(elapsed);
      byQuery[k].push(elapsed);
      if (i < c.queries.length) totals.push(result.total);
    }
    // Exact match counts of the word(s) alone, for scale (the result's total stops at the cap).
    const exact: number[] = [];
    for (const query of c.queries) if (query.q !== undefined) exact.push(await matches(query.q));
    return { c, times, perQuery: byQuery.map((t) => percentile(t, 50)), medianTotal: percentile(totals, 50), medianMatches: exact.length ? percentile(exact, 50) : null };
  }
  function printTable(title: string, results: ClassResult[]) {
    console.log(`\n${title}`);
    console.log('query class                              p50 ms   p95 ms   p99 ms   max ms   hits (total, capped)   posts matching the words  goal');
    for (const r of results) {
      console.log(
        `${r.c.name.padEnd(38)} ${percentile(r.times, 50).toFixed(1).padStart(8)} ${percentile(r.times, 95).toFixed(1).padStart(8)} ${percentile(r.times, 99).toFixed(1).padStart(8)} ${Math.max(...r.times).toFixed(1).padStart(8)} ${String(r.medianTotal).padStart(22)} ${(r.medianMatches?.toLocaleString('en') ?? '—').padStart(26)}  ${r.c.goalLabel}`,
      );
    }
  }
  const p95 = (r: ClassResult) => percentile(r.times, 95);
  const isMissed = (r: ClassResult) => r.c.goalMs !== null && p95(r) > r.c.goalMs;

  console.log(`\nTiming searchPosts(db, visitor, …): ${warmupRuns} warm-up and ${runs} timed runs per class, cycling over its ${classes[0].queries.length} queries.`);
  console.log('rare words:', tail.join(', '));
  console.log('word pairs:', pairs.join(' | '));
  console.log('common words:', common.join(', '));
  const results: ClassResult[] = [];
  for (const c of classes) results.push(await timeClass(c));
  printTable(`With the app's schema (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}):`, results);

  for (const r of explainAll ? results : results.filter(isMissed)) {
    const slowest = r.perQuery.indexOf(Math.max(...r.perQuery));
    const query = r.c.queries[slowest];
    console.log(`\nEXPLAIN ANALYZE for "${r.c.name}", its slowest query (${JSON.stringify(query)}):`);
    await explain(query);
  }

  await explainClient.end();
  await cleanup();
  console.log(`\nTotal run time ${seconds(performance.now() - runStarted)}${generationMs !== null ? `, of which generation ${seconds(generationMs)}` : ' (database reused, no generation)'}.`);
  console.log('Goals:');
  for (const r of results.filter((x) => x.c.goalMs !== null)) {
    console.log(`  ${r.c.name.padEnd(38)} p95 ${p95(r).toFixed(1).padStart(7)} ms  ${r.c.goalLabel.padEnd(26)} ${isMissed(r) ? 'NOT met' : 'met'}`);
  }
} catch (err) {
  console.error(err);
  await cleanup();
  process.exit(1);
}
process.exit(0);
