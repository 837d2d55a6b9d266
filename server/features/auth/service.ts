import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { ChangePasswordInput, CurrentUser, LoginInput, ResetConfirmInput, SignupInput } from '../../../shared/auth';
import type { Locale } from '../../../shared/messages';
import type { Db, Tx } from '../../db/client';
import { memberships, organisations, passwordResetTokens, users } from '../../db/schema/index';
import { generateToken, hashPassword, hashToken, verifyPassword } from '../../lib/crypto';
import { accountChanged, recordEvents } from '../../lib/events';
import { DomainError, invalid, notFound } from '../../lib/errors';
import { createSession, invalidateUserSessions, type SessionPolicy } from '../../lib/sessions';
import type { Mailer } from '../../plugins/mailer';
import { isCommonPassword } from './common-passwords';
import { alreadyRegisteredMail, resetMail, welcomeMail } from './mails';
import { assertNotThrottled, clearAttempts, recordAttempt, type ThrottleRule } from './throttle';

export interface AuthDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  sessionPolicy: SessionPolicy;
}

const RESET_TTL_MS = 60 * 60 * 1000;
// Compared against when the e-mail is unknown, so that a miss takes as long as a wrong password.
const dummyHash = hashPassword('not-a-real-password-only-for-timing');

function assertPasswordNotCommon(password: string, field: string) {
  if (isCommonPassword(password)) throw invalid([{ field, key: 'password.common' }]);
}

const loginRules = (email: string, ip: string): ThrottleRule[] => [
  { key: `login:account:${email}`, limit: 5, windowMs: 15 * 60_000 },
  { key: `login:ip:${ip}`, limit: 30, windowMs: 15 * 60_000 },
];
const resetRules = (email: string, ip: string): ThrottleRule[] => [
  { key: `reset:account:${email}`, limit: 3, windowMs: 60 * 60_000 },
  { key: `reset:ip:${ip}`, limit: 20, windowMs: 60 * 60_000 },
];
const signupRules = (ip: string): ThrottleRule[] => [{ key: `signup:ip:${ip}`, limit: 20, windowMs: 60 * 60_000 }];

/**
 * Creates an account, or, when the e-mail is taken, tells its owner by e-mail. The caller gets
 * the same answer either way so that sign-up cannot be used to find out who has an account.
 */
export async function signUp(deps: AuthDeps, input: SignupInput, ip: string, requestLocale: Locale) {
  assertPasswordNotCommon(input.password, 'password');
  await assertNotThrottled(deps.db, signupRules(ip));
  await recordAttempt(deps.db, signupRules(ip));
  const locale = input.locale ?? requestLocale;
  const passwordHash = await hashPassword(input.password);
  const inserted = await deps.db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, locale })
    .onConflictDoNothing()
    .returning({ id: users.id });
  const signIn = `${deps.publicUrl}/logga-in`;
  if (inserted.length) {
    deps.mailer.send(welcomeMail(locale, input.email, input.name, signIn));
  } else {
    const existing = await deps.db.query.users.findFirst({ where: sql`lower(${users.email}) = ${input.email}` });
    deps.mailer.send(alreadyRegisteredMail(existing?.locale ?? locale, input.email, signIn, `${deps.publicUrl}/glomt-losenord`));
  }
}

export async function logIn(deps: AuthDeps, input: LoginInput, ip: string) {
  const rules = loginRules(input.email, ip);
  await assertNotThrottled(deps.db, rules);
  const user = await deps.db.query.users.findFirst({ where: sql`lower(${users.email}) = ${input.email}` });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid) {
    await recordAttempt(deps.db, rules);
    throw new DomainError(401, 'error.invalidCredentials');
  }
  await clearAttempts(deps.db, [rules[0].key]);
  return { userId: user.id, ...(await createSession(deps.db, user.id, deps.sessionPolicy)) };
}

/** Changing the password ends every session of the account, then opens a new one for this browser. */
export async function changePassword(deps: AuthDeps, userId: string, input: ChangePasswordInput) {
  const user = await deps.db.query.users.findFirst({ where: eq(users.id, userId) });
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid([{ field: 'currentPassword', key: 'password.wrong' }]);
  }
  assertPasswordNotCommon(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    await invalidateUserSessions(tx as unknown as Db, userId);
    await spendResetTokens(tx, userId);
  });
  return createSession(deps.db, userId, deps.sessionPolicy);
}

/**
 * A reset link e-mailed before the password changed must not set it again afterwards (someone who
 * read the old mail, a second link requested meanwhile): every unused link of the account is spent.
 */
async function spendResetTokens(tx: Tx, userId: string) {
  await tx.update(passwordResetTokens).set({ usedAt: new Date() }).where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

export async function requestPasswordReset(deps: AuthDeps, email: string, ip: string) {
  const rules = resetRules(email, ip);
  await assertNotThrottled(deps.db, rules);
  await recordAttempt(deps.db, rules);
  const user = await deps.db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email}` });
  if (!user) return;
  const token = generateToken();
  await deps.db.insert(passwordResetTokens).values({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + RESET_TTL_MS),
  });
  deps.mailer.send(resetMail(user.locale, user.email, `${deps.publicUrl}/aterstall-losenord?token=${token}`));
}

/** A reset link works once: the token is spent in the same statement that checks it. */
export async function confirmPasswordReset(deps: AuthDeps, input: ResetConfirmInput) {
  assertPasswordNotCommon(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) throw new DomainError(400, 'error.resetTokenInvalid', {}, [{ field: 'token', key: 'error.resetTokenInvalid' }]);
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, spent.userId));
    await invalidateUserSessions(tx as unknown as Db, spent.userId);
    await spendResetTokens(tx, spent.userId);
    // Every live connection of the account closes with its sessions.
    await recordEvents(tx, [accountChanged(spent.userId)]);
  });
}

/** Writes only what differs: saving one's name and language as they are changes nothing. */
export async function updateProfile(db: Db, userId: string, input: { name?: string; locale?: Locale }) {
  const conditions = [
    ...(input.name !== undefined ? [ne(users.name, input.name)] : []),
    ...(input.locale !== undefined ? [ne(users.locale, input.locale)] : []),
  ];
  if (!conditions.length) return;
  await db.transaction(async (tx) => {
    const changed = await tx.update(users).set(input).where(and(eq(users.id, userId), or(...conditions))).returning({ id: users.id });
    // The person's other tabs show the new name or language without a reload.
    if (changed.length) await recordEvents(tx, [accountChanged(userId)]);
  });
}

export async function loadCurrentUser(db: Db, userId: string): Promise<CurrentUser | null> {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
  if (!user) return null;
  const rows = await db
    .select({
      organisationId: organisations.id,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    administrationId: user.administrationId,
    locale: user.locale,
    memberships: rows,
  };
}
