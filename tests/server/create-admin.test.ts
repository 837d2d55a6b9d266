import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { signedInClient } from '../helpers/factories';
import { buildTestApp, persistentTestDatabase, type TestDatabase } from '../helpers/test-app';

// `npm run admin:create` as an operator runs it: a real process against the same database the app
// then opens (PGlite on disk, or PostgreSQL). The app is closed while the command runs, since an
// embedded database has one process at a time.

const run = promisify(execFile);
let db: TestDatabase;
beforeAll(async () => {
  db = await persistentTestDatabase();
});
afterAll(() => db.drop());

async function createAdmin(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.ADMIN_PASSWORD;
  if (db.url) env.DATABASE_URL = db.url;
  else Object.assign(env, { DATA_DIR: db.dataDir, PGLITE_MEMORY: 'false' });
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/create-admin.ts', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withApp<T>(use: (app: Awaited<ReturnType<typeof buildTestApp>>['app']) => Promise<T>): Promise<T> {
  const t = await buildTestApp({}, db);
  try {
    return await use(t.app);
  } finally {
    await t.close();
  }
}

const password = 'Ett-starkt-lösenord-42';

describe('npm run admin:create', () => {
  it('creates an administrator who can sign in', async () => {
    await withApp(async () => {}); // the schema, as on a first start
    const result = await createAdmin(['--email', 'Ada.Admin@Exempel.se ', '--name', 'Ada Admin', '--password', password]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Administratör klar: ada.admin@exempel.se');
    await withApp(async (app) => {
      const signIn = await new ApiClient(app).post('/api/auth/login', { email: 'ada.admin@exempel.se', password });
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(signIn.json().user).toMatchObject({ name: 'Ada Admin', role: 'admin' });
    });
  });

  it('makes an existing account an administrator with the new password, and signs out its sessions', async () => {
    const { email, cookie } = await withApp(async (app) => {
      const person = await signedInClient(app, 'user');
      expect((await person.client.get('/api/auth/me')).json().user.role).toBe('user');
      return { email: person.user.email, cookie: person.client.cookie };
    });
    const result = await createAdmin(['--email', email, '--name', 'Bo Återställd', '--password', password]);
    expect(result.code, result.stderr).toBe(0);
    await withApp(async (app) => {
      const old = new ApiClient(app);
      old.cookie = cookie;
      expect((await old.get('/api/auth/me')).json().user).toBeNull();
      const signIn = await new ApiClient(app).post('/api/auth/login', { email, password });
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(signIn.json().user).toMatchObject({ name: 'Bo Återställd', role: 'admin' });
    });
  });

  it('refuses a weak password or a bad e-mail with the field and its message, creating nothing', async () => {
    const weak = await createAdmin(['--email', 'ny@exempel.se', '--name', 'Ny', '--password', 'kort']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password: ');
    const common = await createAdmin(['--email', 'ny@exempel.se', '--name', 'Ny', '--password', 'password123']);
    expect(common.code).toBe(2);
    expect(common.stderr).toContain('Lösenordet är för vanligt');
    const email = await createAdmin(['--email', 'inte-en-adress', '--name', 'Ny', '--password', password]);
    expect(email.code).toBe(2);
    expect(email.stderr).toContain('email: ');
    await withApp(async (app) => {
      const signIn = await new ApiClient(app).post('/api/auth/login', { email: 'ny@exempel.se', password });
      expect(signIn.statusCode).toBe(401);
    });
  });
});
