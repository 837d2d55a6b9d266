import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { passwordResetTokens, sessions, users } from '../../server/db/schema/index';
import { hashToken } from '../../server/lib/crypto';
import { sweepExpired } from '../../server/plugins/housekeeping';
import type { OutgoingMail } from '../../server/plugins/mailer';
import { ApiClient } from '../helpers/api-client';
import { LiveClient, listen } from '../helpers/live-client';
import { createUser, TEST_PASSWORD } from '../helpers/factories';
import { buildTestApp, ORIGIN, type TestApp } from '../helpers/test-app';

let t: TestApp;
const mails: OutgoingMail[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  t.app.mailer.on('sent', (mail: OutgoingMail) => mails.push(mail));
});
afterAll(() => t.close());

// The app listens once per file, for the tests that need a real Socket.IO connection.
let url: string | undefined;
const liveUrl = async () => (url ??= await listen(t.app));

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}@test.example`;
const sessionCount = async (userId: string) =>
  (await t.app.db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId)))[0].n;

async function mailTo(address: string): Promise<OutgoingMail> {
  await t.app.mailer.idle();
  const mail = mails.filter((m) => m.to === address).at(-1);
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
}

describe('sign-up', () => {
  it('creates an account that can sign in, and answers a taken e-mail exactly the same way', async () => {
    const client = new ApiClient(t.app);
    const email = unique('ny');
    const first = await client.post('/api/auth/signup', { name: 'Nina Ny', email, password: 'Ett-långt-lösenord-1' });
    const second = await client.post('/api/auth/signup', { name: 'Någon Annan', email: email.toUpperCase(), password: 'Ett-annat-lösenord-2' });
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
    expect(client.cookie).toBeNull();
    // The owner of the address learns that someone tried, by e-mail only.
    expect((await mailTo(email)).subject).toBe('Du har redan ett konto på Mötesplatsen');
    const user = await client.signIn(email, 'Ett-långt-lösenord-1');
    expect(user).toMatchObject({ name: 'Nina Ny', email, role: 'user', memberships: [] });
  });

  it('stores an Argon2id hash with m=19456 KiB, t=2, p=1', async () => {
    const email = unique('hash');
    await new ApiClient(t.app).post('/api/auth/signup', { name: 'Hash', email, password: 'Ett-långt-lösenord-1' });
    const [row] = await t.app.db.select().from(users).where(eq(users.email, email));
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('accepts 8 to 128 characters and refuses common passwords, with field messages', async () => {
    const client = new ApiClient(t.app);
    const tooShort = await client.post('/api/auth/signup', { name: 'A', email: unique('kort'), password: 'Kort-7x' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors).toEqual([{ field: 'password', message: 'Lösenordet måste vara minst 8 tecken.' }]);
    const common = await client.post('/api/auth/signup', { name: 'A', email: unique('vanlig'), password: 'password123' });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors).toEqual([{ field: 'password', message: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.' }]);
    const tooLong = await client.post('/api/auth/signup', { name: 'A', email: unique('lang'), password: 'x'.repeat(129) });
    expect(tooLong.statusCode).toBe(400);
    const email = unique('max');
    const longest = await client.post('/api/auth/signup', { name: 'A', email, password: 'Ö'.repeat(64) + 'x'.repeat(64) });
    expect(longest.statusCode).toBe(202);
    await client.signIn(email, 'Ö'.repeat(64) + 'x'.repeat(64));
  });

  it('speaks English to an English caller', async () => {
    const response = await new ApiClient(t.app, 'en').post('/api/auth/signup', { name: 'A', email: 'not-an-email', password: 'Ett-långt-lösenord-1' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      title: 'Some details need correcting.',
      errors: [{ field: 'email', message: 'Enter a valid e-mail address, e.g. name@example.com.' }],
    });
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie holding ≥120 random bits, of which only the SHA-256 is stored', async () => {
    const user = await createUser(t.app);
    const response = await new ApiClient(t.app).post('/api/auth/login', { email: user.email, password: user.password });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.value).toMatch(/^[a-z2-7]{32}$/); // 20 bytes in base32 = 160 bits
    const stored = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored.map((s) => s.id)).toEqual([hashToken(cookie.value)]);
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
  });

  it('gives a new session at every sign-in and ends the one the browser had', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    const before = client.cookie;
    await client.signIn(user.email, user.password);
    expect(client.cookie).not.toBe(before);
    expect(await sessionCount(user.id)).toBe(1);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: before! } })).json()).toEqual({ user: null });
  });

  it('uses a Secure __Host- cookie behind HTTPS', async () => {
    const secure = await buildTestApp({ PUBLIC_URL: 'https://motesplatsen.example' });
    try {
      const user = await createUser(secure.app);
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://motesplatsen.example' },
        payload: { email: user.email, password: user.password },
      });
      const cookie = response.cookies.find((c) => c.name === '__Host-session')!;
      expect(cookie).toBeDefined();
      expect(cookie.secure).toBe(true);
      expect(cookie.path).toBe('/');
      expect(cookie.domain).toBeUndefined();
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    const wrong = await client.post('/api/auth/login', { email: user.email, password: 'fel-lösenord-123' });
    const unknown = await client.post('/api/auth/login', { email: unique('okand'), password: 'fel-lösenord-123' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json().detail).toBe('Fel e-postadress eller lösenord.');
  });

  it('throttles an account after five failures with 429 and Retry-After, even for the right password', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/auth/login', { email: user.email, password: `fel-${i}-lösenord` })).statusCode).toBe(401);
    }
    const blocked = await client.post('/api/auth/login', { email: user.email, password: user.password });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().detail).toMatch(/^För många försök\. Vänta \d+ sekunder och försök igen\.$/);
    // Unknown accounts are throttled the same way, so the 429 reveals nothing either.
    const ghost = unique('spoke');
    for (let i = 0; i < 5; i++) await client.post('/api/auth/login', { email: ghost, password: `fel-${i}-lösenord` });
    expect((await client.post('/api/auth/login', { email: ghost, password: 'fel-lösenord' })).statusCode).toBe(429);
  });

  it('throttles one address trying many accounts', async () => {
    const ip = '203.0.113.7';
    const attempt = (email: string, password = 'fel-lösenord-1') =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { origin: ORIGIN }, payload: { email, password } });
    for (let i = 0; i < 30; i++) expect((await attempt(unique(`ip${i}`))).statusCode).toBe(401);
    const user = await createUser(t.app);
    const blocked = await attempt(user.email, user.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    // Another address is unaffected.
    expect((await new ApiClient(t.app).post('/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(200);
  });

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    const stolen = client.cookie!;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect(client.cookie).toBeNull();
    const replay = await t.app.inject({ url: '/api/auth/me', headers: { cookie: stolen } });
    expect(replay.json()).toEqual({ user: null });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('expires idle sessions, slides the idle expiry forward when used, and enforces an absolute lifetime', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    const id = (await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id)))[0].id;

    // Used when little of the idle time is left: the expiry moves forward and the cookie is renewed.
    await t.app.db.update(sessions).set({ expiresAt: new Date(Date.now() + 60_000) }).where(eq(sessions.id, id));
    const used = await client.get('/api/auth/me');
    expect(used.json().user.id).toBe(user.id);
    expect(used.cookies.find((c) => c.name === 'session')).toBeDefined();
    const [slid] = await t.app.db.select().from(sessions).where(eq(sessions.id, id));
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);

    // Past the idle expiry: gone.
    await t.app.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, id));
    expect((await client.get('/api/auth/me')).json()).toEqual({ user: null });
    expect(await sessionCount(user.id)).toBe(0);

    // Past the absolute lifetime, however recently used: gone.
    await client.signIn(user.email, user.password);
    await t.app.db.update(sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    expect((await client.get('/api/auth/me')).json()).toEqual({ user: null });
  });

  it('sweeps expired sessions from the database', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    await client.signIn(user.email, user.password);
    const [one] = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    await t.app.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, one.id));
    const other = await createUser(t.app);
    await new ApiClient(t.app).signIn(other.email, other.password);
    await sweepExpired(t.app.db);
    expect(await sessionCount(user.id)).toBe(0);
    expect(await sessionCount(other.id)).toBe(1);
  });

  it('never slides past the absolute lifetime', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    const absolute = new Date(Date.now() + 10 * 60_000);
    await t.app.db.update(sessions).set({ expiresAt: new Date(Date.now() + 60_000), absoluteExpiresAt: absolute }).where(eq(sessions.userId, user.id));
    await client.get('/api/auth/me');
    const [row] = await t.app.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row.expiresAt.getTime()).toBe(absolute.getTime());
  });
});

describe('password change', () => {
  it('needs the current password, ends every other session and keeps this one signed in', async () => {
    const user = await createUser(t.app);
    const laptop = new ApiClient(t.app);
    const phone = new ApiClient(t.app);
    await laptop.signIn(user.email, user.password);
    await phone.signIn(user.email, user.password);

    const wrong = await laptop.post('/api/auth/password', { currentPassword: 'inte-rätt-1', newPassword: 'Ett-nytt-lösenord-5' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'currentPassword', message: 'Nuvarande lösenord stämmer inte.' }]);

    const changed = await laptop.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Ett-nytt-lösenord-5' });
    expect(changed.statusCode).toBe(204);
    expect((await laptop.get('/api/auth/me')).json().user.id).toBe(user.id);
    expect((await phone.get('/api/auth/me')).json()).toEqual({ user: null });
    expect(await sessionCount(user.id)).toBe(1);
    expect((await new ApiClient(t.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    await new ApiClient(t.app).signIn(user.email, 'Ett-nytt-lösenord-5');
  });
});

describe('password reset by e-mail', () => {
  it('answers the same for known and unknown addresses and e-mails a one-time link that ends all sessions', async () => {
    const user = await createUser(t.app);
    const signedIn = new ApiClient(t.app);
    await signedIn.signIn(user.email, user.password);
    const client = new ApiClient(t.app, 'en');
    const known = await client.post('/api/auth/password-reset', { email: user.email });
    const unknown = await client.post('/api/auth/password-reset', { email: unique('ingen') });
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);

    const mail = await mailTo(user.email);
    const link = mail.text.match(/https?:\/\/\S+aterstall-losenord\?token=(\S+)/);
    expect(link).not.toBeNull();
    const token = link![1];
    expect(await t.app.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, token))).toEqual([]);

    const done = await client.post('/api/auth/password-reset/confirm', { token, password: 'Helt-nytt-lösenord-8' });
    expect(done.statusCode).toBe(204);
    expect((await signedIn.get('/api/auth/me')).json()).toEqual({ user: null });
    await new ApiClient(t.app).signIn(user.email, 'Helt-nytt-lösenord-8');

    const again = await client.post('/api/auth/password-reset/confirm', { token, password: 'Ett-till-lösenord-9' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toEqual({ field: 'token', message: 'The password reset link is invalid or has expired. Request a new one.' });
  });

  it('refuses an expired link and a common new password', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.post('/api/auth/password-reset', { email: user.email });
    const token = (await mailTo(user.email)).text.match(/token=(\S+)/)![1];
    const common = await client.post('/api/auth/password-reset/confirm', { token, password: 'qwertyuiop' });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0].field).toBe('password');
    await t.app.db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResetTokens.userId, user.id));
    const expired = await client.post('/api/auth/password-reset/confirm', { token, password: 'Helt-nytt-lösenord-8' });
    expect(expired.statusCode).toBe(400);
    await client.signIn(user.email, user.password);
  });
});

describe('reset links after the password changed', () => {
  const linkFor = async (email: string) => {
    expect((await new ApiClient(t.app).post('/api/auth/password-reset', { email })).statusCode).toBe(202);
    return (await mailTo(email)).text.match(/token=(\S+)/)![1];
  };
  const confirm = (token: string, password: string) => new ApiClient(t.app).post('/api/auth/password-reset/confirm', { token, password });

  it('spends every other link of the account once one of them has been used', async () => {
    const user = await createUser(t.app);
    const older = await linkFor(user.email);
    const newer = await linkFor(user.email);
    expect((await confirm(newer, 'Helt-nytt-lösenord-8')).statusCode).toBe(204);
    const reused = await confirm(older, 'Någon-annans-lösenord-3');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors).toEqual([{ field: 'token', message: 'Länken för att återställa lösenordet är ogiltig eller har gått ut. Begär en ny.' }]);
    await new ApiClient(t.app).signIn(user.email, 'Helt-nytt-lösenord-8');
  });

  it('spends the links e-mailed before a password change', async () => {
    const user = await createUser(t.app);
    const link = await linkFor(user.email);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    expect((await client.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Ett-nytt-lösenord-5' })).statusCode).toBe(204);
    expect((await confirm(link, 'Någon-annans-lösenord-3')).statusCode).toBe(400);
    await new ApiClient(t.app).signIn(user.email, 'Ett-nytt-lösenord-5');
  });
});

describe('e-mail addresses', () => {
  it('are one account whatever their case and surrounding spaces, at sign-up, sign-in and reset', async () => {
    const local = unique('Blandad');
    const client = new ApiClient(t.app);
    expect((await client.post('/api/auth/signup', { name: 'Blandad Skiftläge', email: `  ${local.toUpperCase()} `, password: 'Ett-långt-lösenord-1' })).statusCode).toBe(202);
    expect((await client.post('/api/auth/signup', { name: 'Dubblett', email: local.toLowerCase(), password: 'Ett-annat-lösenord-2' })).statusCode).toBe(202);
    const rows = await t.app.db.select().from(users).where(sql`lower(${users.email}) = ${local.toLowerCase()}`);
    expect(rows.map((r) => [r.email, r.name])).toEqual([[local.toLowerCase(), 'Blandad Skiftläge']]);
    expect(await client.signIn(` ${local.toUpperCase()}\t`, 'Ett-långt-lösenord-1')).toMatchObject({ id: rows[0].id, email: local.toLowerCase() });
    expect((await client.post('/api/auth/password-reset', { email: local.toUpperCase() })).statusCode).toBe(202);
    expect((await mailTo(local.toLowerCase())).subject).toBe('Återställ ditt lösenord på Mötesplatsen');
  });
});

describe('signing in where someone is already signed in', () => {
  it('closes the live connections of the session it ends', async () => {
    const url = await liveUrl();
    const first = await createUser(t.app);
    const second = await createUser(t.app);
    const browser = new ApiClient(t.app);
    await browser.signIn(first.email, first.password);
    const live = new LiveClient(url, { cookie: browser.cookie });
    try {
      await live.connected();
      expect((await live.subscribe(`user:${first.id}`)).ok).toBe(true);
      const closed = new Promise<string>((resolve) => {
        live.socket.once('disconnect', (reason) => resolve(reason));
        setTimeout(() => resolve('still connected after 5 s'), 5000).unref();
      });
      await browser.signIn(second.email, second.password);
      expect(await closed).toBe('io server disconnect');
    } finally {
      live.close();
    }
  });
});

describe('cross-site request defence', () => {
  it('refuses a state-changing request without our Origin, and changes nothing', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    for (const origin of [undefined, 'https://evil.example', 'null']) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        headers: { cookie: client.cookie!, 'accept-language': 'sv', ...(origin ? { origin } : {}) },
        payload: { name: 'Kapad' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().detail).toBe('Förfrågan kom inte från Mötesplatsen och stoppades.');
    }
    expect((await client.get('/api/auth/me')).json().user.name).toBe('Test user');
  });

  it('lets a signed-in person change their name and language', async () => {
    const user = await createUser(t.app);
    const client = new ApiClient(t.app);
    await client.signIn(user.email, user.password);
    // Another tab of the same person hears of the change in its own room, once per real change.
    const live = new LiveClient(await liveUrl(), { cookie: client.cookie });
    try {
      await live.connected();
      expect((await live.subscribe(`user:${user.id}`)).ok).toBe(true);
      const response = await client.patch('/api/auth/me', { name: 'Nytt Namn', locale: 'en' });
      expect(response.statusCode).toBe(200);
      expect(response.json().user).toMatchObject({ name: 'Nytt Namn', locale: 'en' });
      await live.waitFor((events) => events.some((e) => e.type === 'account.changed'), 3000, 'account.changed');
      expect((await client.patch('/api/auth/me', { name: 'Nytt Namn' })).statusCode).toBe(200);
      await client.get('/api/auth/me');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(live.ofType('account.changed')).toHaveLength(1);
    } finally {
      live.close();
    }
  });
});
