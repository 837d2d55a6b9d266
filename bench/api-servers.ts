// Child process of bench/api.ts: our app and a bare Fastify route on one shared database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { listOrganisations } from '../server/features/organisations/directory';
import { createSession } from '../server/lib/sessions';
import { users } from '../server/db/schema/index';
import { eq } from 'drizzle-orm';

const databaseUrl = process.env.BENCH_DATABASE_URL;
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_DEMO: 'true',
  CLIENT_DIST: '/nonexistent',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mp-bench-')),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const app = await buildApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });

// The baseline: no validation, auth hook, security headers or schema serialisation; same query.
const bare = Fastify({ logger: false });
bare.get('/organisations', async () => listOrganisations(app.db, { page: 1, pageSize: 20 }));
await bare.listen({ port: 0, host: '127.0.0.1' });

const [member] = await app.db.select().from(users).where(eq(users.email, 'medlem@demo.motesplatsen.se'));
const { token } = await createSession(app.db, member.id, app.sessionPolicy);

const port = (server: typeof bare) => (server.server.address() as { port: number }).port;
process.send!({ app: port(app as never), bare: port(bare), cookie: `session=${token}`, db: app.dbKind });
process.on('message', async (msg) => {
  if (msg === 'stop') {
    await bare.close();
    await app.close();
    process.exit(0);
  }
});
