import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema/index';
import { generateToken, hashToken } from './crypto';
import type { MembershipRole, MembershipStatus, SystemRole } from '../../shared/roles';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface AuthUser {
  id: string;
  name: string;
  email: string;
  role: SystemRole;
  administrationId: string | null;
  locale: 'sv' | 'en';
  memberships: { organisationId: string; role: MembershipRole; status: MembershipStatus }[];
}

export interface ValidSession {
  id: string;
  expiresAt: Date;
  refreshed: boolean;
  user: AuthUser;
}

export async function createSession(db: Db, userId: string, policy: SessionPolicy) {
  const token = generateToken();
  const now = Date.now();
  const expiresAt = new Date(now + Math.min(policy.idleMs, policy.absoluteMs));
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt,
    absoluteExpiresAt: new Date(now + policy.absoluteMs),
  });
  return { token, expiresAt };
}

/**
 * Every signed-in request runs this lookup: prepared once per database (a named statement on a
 * PostgreSQL connection is parsed and planned once, not per request).
 */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Db) {
  return db
    .select({
      expires_at: sessions.expiresAt,
      absolute_expires_at: sessions.absoluteExpiresAt,
      user_id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      administration_id: users.administrationId,
      locale: users.locale,
      memberships: sql<AuthUser['memberships'] | null>`(select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role, 'status', m.status))
         from memberships m where m.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('validate_session');
}

/**
 * Looks a token up, drops it when idle or past its absolute lifetime, and slides the idle expiry
 * forward once half of it has passed (so most requests write nothing).
 */
export async function validateSession(db: Db, token: string, policy: SessionPolicy): Promise<ValidSession | null> {
  const id = hashToken(token);
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)));
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  const now = Date.now();
  const expiresAt = new Date(row.expires_at);
  const absoluteExpiresAt = new Date(row.absolute_expires_at);
  if (now >= expiresAt.getTime() || now >= absoluteExpiresAt.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let refreshed = false;
  let current = expiresAt;
  if (expiresAt.getTime() - now < policy.idleMs / 2) {
    current = new Date(Math.min(now + policy.idleMs, absoluteExpiresAt.getTime()));
    await db.update(sessions).set({ expiresAt: current }).where(eq(sessions.id, id));
    refreshed = true;
  }
  return {
    id,
    expiresAt: current,
    refreshed,
    user: {
      id: row.user_id,
      name: row.name,
      email: row.email,
      role: row.role,
      administrationId: row.administration_id,
      locale: row.locale,
      memberships: row.memberships ?? [],
    },
  };
}

export async function invalidateSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
