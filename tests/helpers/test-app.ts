import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';

export const ORIGIN = 'http://localhost:3000';

export interface TestDatabase {
  url?: string;
  /** For PGlite: a data directory that outlives one app (restart tests); in memory when absent. */
  dataDir?: string;
  drop: () => Promise<void>;
}

/** A fresh database per test file: in-memory PGlite, or a new PostgreSQL database that is dropped after. */
async function freshDatabaseUrl(): Promise<TestDatabase> {
  if (process.env.TEST_DB_KIND !== 'postgres') return { drop: async () => {} };
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB_KIND=postgres needs TEST_DATABASE_URL');
  const name = `mp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A database that several apps can open one after the other, to test a server restart. */
export async function persistentTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB_KIND === 'postgres') return freshDatabaseUrl();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mp-test-'));
  return { dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * An app on a fresh database (dropped on close), or on `shared` (left for the caller to drop).
 * Forum posting limits are off unless a test sets them.
 */
export async function buildTestApp(env: Record<string, string> = {}, shared?: TestDatabase): Promise<TestApp> {
  const database = shared ?? (await freshDatabaseUrl());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FORUM_POST_INTERVAL_SECONDS: '0',
    PGLITE_MEMORY: database.dataDir ? 'false' : 'true',
    ...(database.dataDir ? { DATA_DIR: database.dataDir } : {}),
    SEED_DEMO: 'false',
    PUBLIC_URL: ORIGIN,
    CLIENT_DIST: '/nonexistent-client-dist',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const app = await buildApp(config);
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
