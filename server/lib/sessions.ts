import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions } from '../db/schema/index';
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
 * Looks a token up, drops it when idle or past its absolute lifetime, and slides the idle expiry
 * forward once half of it has passed (so most requests write nothing).
 */
export async function validateSession(db: Db, token: string, policy: SessionPolicy): Promise<ValidSession | null> {
  const id = hashToken(token);
  const result = await db.execute<{
    expires_at: string | Date;
    absolute_expires_at: string | Date;
    user_id: string;
    name: string;
    email: string;
    role: SystemRole;
    administration_id: string | null;
    locale: 'sv' | 'en';
    memberships: AuthUser['memberships'] | null;
  }>(sql`
    select s.expires_at, s.absolute_expires_at, u.id as user_id, u.name, u.email, u.role, u.administration_id, u.locale,
      (select json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role, 'status', m.status))
         from memberships m where m.user_id = u.id) as memberships
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id}`);
  const row = result.rows[0];
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
