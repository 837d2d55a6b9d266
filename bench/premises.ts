// npm run bench:premises — availability search ("free on this date, 18–20, in this district, for 20
// people") over 2,000 premises and 100,000 bookings on PostgreSQL, through the app's own search
// function. Prints p50/p95/p99 per query kind; goal: p95 ≤ 50 ms.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names the server; the bench
// creates and drops its own database mp_bench_premises.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/db/client';
import { seedReferenceOnce } from '../server/db/seed/demo';
import { searchPremises, type SearchInput } from '../server/features/premises/premises';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = 'mp_bench_premises';
const runs = Number(process.env.BENCH_RUNS ?? 200);

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(statement);
  await client.end();
}

await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString() });
const db = database.db;

try {
  const t0 = performance.now();
  await seedReferenceOnce(db);
  // 200 organisations, 2,000 premises over the 13 districts, mostly open 08–22 every day.
  await db.execute(sql`
    insert into organisations (slug, name, org_number, legal_form, size_class)
    select 'bench-org-' || i, 'Benchföreningen ' || i, lpad(i::text, 6, '0') || '-' || lpad(i::text, 4, '0'), 'nonProfitAssociation', 'from10to49'
    from generate_series(1, 200) i`);
  await db.execute(sql`
    with d as (select array_agg(id order by slug) ids from reference_items where kind = 'district'),
         o as (select array_agg(id order by slug) ids from organisations)
    insert into premises (organisation_id, name, type, address, district_id, capacity, step_free_access, hearing_loop, accessible_toilet, cost_type)
    select o.ids[1 + (i % 200)], 'Lokal ' || i,
      (array['meetingRoom','hall','office','kitchen','workshop','outdoor'])[1 + (i % 6)]::premises_type,
      'Gatan ' || i, d.ids[1 + (i % array_length(d.ids, 1))], 5 + (i * 7) % 120, i % 2 = 0, i % 5 = 0, i % 3 = 0,
      (array['free','fee','costSharing'])[1 + (i % 3)]::cost_type
    from generate_series(1, 2000) i, d, o`);
  await db.execute(sql`
    insert into premises_opening_hours (premises_id, weekday, opens, closes)
    select p.id, w, '08:00', '22:00' from premises p, generate_series(1, 7) w where (hashtext(p.id::text) % 10) <> 0`);
  // 50 approved bookings per premises on distinct evenings over the coming 150 days (100,000 in all),
  // some pending requests on top.
  await db.execute(sql`
    insert into bookings (premises_id, requester_organisation_id, during, status, purpose, attendees)
    select p.id, p.organisation_id,
      tstzrange(((current_date + 1 + k * 3 + (abs(hashtext(p.id::text)) % 3))::timestamp + time '17:00' + ((abs(hashtext(p.id::text || k)) % 4) * interval '1 hour')) at time zone 'Europe/Stockholm',
                ((current_date + 1 + k * 3 + (abs(hashtext(p.id::text)) % 3))::timestamp + time '19:00' + ((abs(hashtext(p.id::text || k)) % 4) * interval '1 hour')) at time zone 'Europe/Stockholm', '[)'),
      'approved', 'Bench', 10
    from premises p, generate_series(0, 49) k`);
  await db.execute(sql`
    insert into bookings (premises_id, requester_organisation_id, during, status, purpose, attendees)
    select p.id, p.organisation_id, tstzrange(((current_date + 2 + k)::timestamp + time '10:00') at time zone 'Europe/Stockholm', ((current_date + 2 + k)::timestamp + time '12:00') at time zone 'Europe/Stockholm', '[)'), 'pending', 'Bench', 5
    from premises p, generate_series(0, 4) k`);
  await db.execute(sql`analyze`);
  const counts = await db.execute<{ premises: number; bookings: number }>(sql`select (select count(*)::int from premises) premises, (select count(*)::int from bookings where status = 'approved') bookings`);
  console.log(`Generated ${counts.rows[0].premises} premises and ${counts.rows[0].bookings} approved bookings in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  const districts = (await db.execute<{ slug: string }>(sql`select slug from reference_items where kind = 'district'`)).rows.map((r) => r.slug);
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const kinds: Record<string, () => SearchInput> = {
    'free on a date, 18–20, in a district': () => ({ date: day(1 + rand(140)), from: '18:00', to: '20:00', district: districts[rand(districts.length)], page: 1, pageSize: 20 }),
    '+ capacity 30 and step-free access': () => ({ date: day(1 + rand(140)), from: '18:00', to: '20:00', district: districts[rand(districts.length)], capacity: 30, stepFreeAccess: true, page: 1, pageSize: 20 }),
    'free on a date, anywhere (page 3)': () => ({ date: day(1 + rand(140)), from: '17:00', to: '21:00', page: 3, pageSize: 20 }),
    'free on a date, hall, hearing loop': () => ({ date: day(1 + rand(140)), from: '19:00', to: '21:00', type: 'hall', hearingLoop: true, page: 1, pageSize: 20 }),
  };

  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  console.log(`\n${runs} runs per kind after 20 warm-up runs (ms):`);
  console.log('query'.padEnd(42) + 'p50'.padStart(8) + 'p95'.padStart(8) + 'p99'.padStart(8) + '  hits(avg)');
  let worstP95 = 0;
  for (const [label, make] of Object.entries(kinds)) {
    for (let i = 0; i < 20; i++) await searchPremises(db, null, make());
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs; i++) {
      const input = make();
      const start = performance.now();
      const result = await searchPremises(db, null, input);
      times.push(performance.now() - start);
      hits += result.total;
    }
    const p95 = quantile(times, 0.95);
    worstP95 = Math.max(worstP95, p95);
    console.log(label.padEnd(42) + quantile(times, 0.5).toFixed(1).padStart(8) + p95.toFixed(1).padStart(8) + quantile(times, 0.99).toFixed(1).padStart(8) + `  ${(hits / runs).toFixed(0)}`);
  }
  console.log(`\nWorst p95: ${worstP95.toFixed(1)} ms (goal ≤ 50 ms): ${worstP95 <= 50 ? 'met' : 'NOT met'}.`);
} finally {
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}
