// npm run bench:api — the directory listing (GET /api/organisations) against a bare Fastify route that
// runs the same SQL on the same database, in one run. Prints req/s and p99 and, last, their ratios.
// BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL; otherwise on the embedded PGlite.
import { fork } from 'node:child_process';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

const child = fork(new URL('./api-servers.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const ports = await new Promise<{ app: number; bare: number; cookie: string; db: string }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as never));
  child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
});

async function run(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const targets = {
  bare: `http://127.0.0.1:${ports.bare}/organisations`,
  app: `http://127.0.0.1:${ports.app}/api/organisations`,
};
const totals = { bare: [] as { rps: number; p99: number }[], visitor: [] as { rps: number; p99: number }[], signedIn: [] as { rps: number; p99: number }[] };
console.log(`Database: ${ports.db}. ${rounds} alternating rounds of ${duration}s, ${connections} connections each.`);
await run(targets.bare); // warm-up: JIT and the database's caches
await run(targets.app);
for (let round = 1; round <= rounds; round++) {
  totals.bare.push(await run(targets.bare));
  totals.visitor.push(await run(targets.app));
  totals.signedIn.push(await run(targets.app, { cookie: ports.cookie }));
  console.log(`round ${round} done`);
}
child.send('stop');

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summary = Object.fromEntries(
  Object.entries(totals).map(([name, runs]) => [name, { rps: mean(runs.map((r) => r.rps)), p99: mean(runs.map((r) => r.p99)) }]),
) as Record<keyof typeof totals, { rps: number; p99: number }>;

console.log('\nscenario               req/s     p99 ms');
for (const [name, s] of Object.entries(summary)) console.log(`${name.padEnd(20)} ${s.rps.toFixed(0).padStart(8)} ${s.p99.toFixed(1).padStart(10)}`);
console.log('\nRatios against the bare route (throughput goal ≥ 0.80×):');
console.log(`visitor   throughput ${(summary.visitor.rps / summary.bare.rps).toFixed(2)}×  p99 ${(summary.visitor.p99 / summary.bare.p99).toFixed(2)}×`);
console.log(`signed-in throughput ${(summary.signedIn.rps / summary.bare.rps).toFixed(2)}×  p99 ${(summary.signedIn.p99 / summary.bare.p99).toFixed(2)}×`);
