import path from 'node:path';
import { z } from 'zod';

// Environment -> validated config. DATABASE_URL absent means the embedded PGlite database.
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('data'),
  PUBLIC_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Mötesplatsen <noreply@motesplatsen.local>'),
  SEED_DEMO: boolish.default(true),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(24 * 14),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
  TRUST_PROXY: boolish.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().default('dist/client'),
  PGLITE_MEMORY: boolish.default(false),
  FORUM_POST_INTERVAL_SECONDS: z.coerce.number().min(0).default(5),
  FORUM_DAILY_POST_CAP: z.coerce.number().int().min(1).default(100),
  EVENT_RETENTION_DAYS: z.coerce.number().positive().default(30),
  GRANT_UPLOAD_DAILY_MB: z.coerce.number().positive().default(50),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  publicUrl: string;
  allowedOrigins: string[];
  secureCookies: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  seedDemo: boolean;
  session: { idleMs: number; absoluteMs: number };
  trustProxy: boolean;
  logLevel: string;
  clientDist: string;
  /** Posting limits per person: one post per interval, and a cap per 24 hours. */
  forumLimits: { intervalMs: number; dailyCap: number };
  /** Live events older than this are pruned; a client away longer reloads instead of catching up. */
  eventRetentionMs: number;
  /** What one person may upload to the grant documents in 24 hours. */
  grantUploadDailyBytes: number;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const allowedOrigins = [new URL(publicUrl).origin, ...(e.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.PGLITE_MEMORY ? null : path.resolve(e.DATA_DIR, 'pglite') },
    publicUrl,
    allowedOrigins,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL || null,
    mailFrom: e.MAIL_FROM,
    seedDemo: e.SEED_DEMO,
    session: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, absoluteMs: e.SESSION_ABSOLUTE_DAYS * 86400_000 },
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    clientDist: path.resolve(e.CLIENT_DIST),
    forumLimits: { intervalMs: e.FORUM_POST_INTERVAL_SECONDS * 1000, dailyCap: e.FORUM_DAILY_POST_CAP },
    eventRetentionMs: e.EVENT_RETENTION_DAYS * 86400_000,
    grantUploadDailyBytes: Math.round(e.GRANT_UPLOAD_DAILY_MB * 1024 * 1024),
  };
}
