import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** A port nobody listens on now; the server needs it up front because PUBLIC_URL is its allowed Origin. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  // E2E_CLIENT_DIST: a build of one's own, when others may rebuild dist/client meanwhile.
  const clientDist = path.resolve(process.env.E2E_CLIENT_DIST ?? 'dist/client');
  if (!existsSync(path.join(clientDist, 'index.html'))) {
    throw new Error('dist/client/index.html is missing: run `npx vite build` first (npm run test:e2e does).');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'motesplatsen-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PGLITE_MEMORY: 'true',
    DATABASE_URL: undefined,
    SMTP_URL: undefined,
    SEED_DEMO: 'true',
    PUBLIC_URL: baseURL,
    ALLOWED_ORIGINS: undefined,
    CLIENT_DIST: clientDist,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  });
  const app = await buildApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  project.provide('baseURL', baseURL);

  return async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
