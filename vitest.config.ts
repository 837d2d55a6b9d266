import { defineConfig } from 'vitest/config';

// The same server suite runs on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    projects: [
      ...databases.map((db) => ({
        test: {
          name: db,
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          env: { TEST_DB_KIND: db },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      { test: { name: 'unit', include: ['tests/client/**/*.test.ts', 'tests/shared/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
