import { and, asc, eq, sql } from 'drizzle-orm';
import type { Member } from '../../../shared/organisations';
import type { MembershipRole } from '../../../shared/roles';
import type { Db, Tx } from '../../db/client';
import { auditLog, memberships, organisations, users } from '../../db/schema/index';
import { conflict, DomainError, notFound } from '../../lib/errors';
import { accountChanged, recordEvents } from '../../lib/events';
import { isUniqueViolation } from '../../lib/pg-errors';
import type { AuthUser } from '../../lib/sessions';

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  status: memberships.status,
  requestedAt: memberships.requestedAt,
};

const present = (row: { userId: string; name: string; email: string; role: MembershipRole; status: 'pending' | 'active'; requestedAt: Date }): Member => ({
  ...row,
  requestedAt: row.requestedAt.toISOString(),
});

export async function listMembers(db: Db, organisationId: string): Promise<Member[]> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.status), asc(users.name));
  return rows.map(present);
}

async function getMember(tx: Tx | Db, organisationId: string, userId: string): Promise<Member> {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  if (!row) throw notFound();
  return present(row);
}

export async function requestToJoin(db: Db, user: AuthUser, organisationId: string): Promise<Member> {
  try {
    await db.insert(memberships).values({ userId: user.id, organisationId, role: 'member', status: 'pending' });
  } catch (error) {
    if (isUniqueViolation(error, 'memberships_user_organisation')) throw conflict('error.alreadyMember');
    throw error;
  }
  return getMember(db, organisationId, user.id);
}

/**
 * Approves a request to join. Approving someone who is already an active member changes nothing:
 * no new decision, no audit entry, no live event (a second click, or two admins at once).
 */
export async function approveMember(db: Db, actor: AuthUser, organisationId: string, userId: string): Promise<Member> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(memberships)
      .set({ status: 'active', decidedAt: new Date(), decidedBy: actor.id })
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), eq(memberships.status, 'pending')))
      .returning();
    if (!row) return getMember(tx, organisationId, userId); // 404 when there is no such member
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'membership.approve', targetType: 'organisation', targetId: organisationId, detail: { userId } });
    await recordEvents(tx, [accountChanged(userId)]);
    return getMember(tx, organisationId, userId);
  });
}

/**
 * The organisation row is locked first so that two admins demoting or removing each other at the
 * same moment cannot leave it with none.
 */
async function assertKeepsAnAdmin(tx: Tx, organisationId: string, userId: string) {
  await tx.execute(sql`select 1 from ${organisations} where ${organisations.id} = ${organisationId} for update`);
  const [{ others }] = await tx
    .select({ others: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), eq(memberships.status, 'active'), sql`${memberships.userId} <> ${userId}`));
  const [target] = await tx.select().from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  if (!target) throw notFound();
  if (target.role === 'admin' && target.status === 'active' && others === 0) throw new DomainError(409, 'error.lastAdmin');
}

/** Changing someone to the role they already have changes nothing and records nothing. */
export async function changeMemberRole(db: Db, actor: AuthUser, organisationId: string, userId: string, role: MembershipRole): Promise<Member> {
  return db.transaction(async (tx) => {
    if (role === 'member') await assertKeepsAnAdmin(tx, organisationId, userId);
    // A request to join is approved first: promoting it would make someone admin who never became a member.
    const [current] = await tx.select({ status: memberships.status, role: memberships.role }).from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    if (!current) throw notFound();
    if (current.status === 'pending') throw new DomainError(409, 'error.memberPending');
    if (current.role === role) return getMember(tx, organisationId, userId);
    const [row] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
      .returning();
    if (!row) throw notFound();
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'membership.role', targetType: 'organisation', targetId: organisationId, detail: { userId, role } });
    // Live connections re-check what the person may still see.
    await recordEvents(tx, [accountChanged(userId)]);
    return getMember(tx, organisationId, userId);
  });
}

/** Declines a request, removes a member, or lets a member leave. */
export async function removeMember(db: Db, actor: AuthUser, organisationId: string, userId: string) {
  await db.transaction(async (tx) => {
    await assertKeepsAnAdmin(tx, organisationId, userId);
    await tx.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    await tx.insert(auditLog).values({ actorId: actor.id, action: 'membership.remove', targetType: 'organisation', targetId: organisationId, detail: { userId } });
  });
}
