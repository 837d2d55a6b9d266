import { defineConfig } from 'vitest/config';

// Browser tests: the real server (API + built SPA from dist/client, demo data on in-memory PGlite)
// is started once by the global setup; every test file drives its own headless Chromium.
// Run with `npm run test:e2e` (builds the client first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Two workers: each runs a Chromium, and the server hashes passwords with Argon2.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
