import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { UserRoleUpdate, UserSummary } from '../../../shared/users';
import type { Db } from '../../db/client';
import { auditLog, referenceItems, users } from '../../db/schema/index';
import { accountChanged, recordEvents } from '../../lib/events';
import { conflict, invalid, notFound } from '../../lib/errors';

// Any constant works; only setUserRole takes it.
const roleChangeLock = 7_426_002;

const present = (row: typeof users.$inferSelect): UserSummary => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  administrationId: row.administrationId,
  createdAt: row.createdAt.toISOString(),
});

export async function listUsers(db: Db, q?: string): Promise<UserSummary[]> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select()
    .from(users)
    .where(pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined)
    // The e-mail (unique) breaks ties, so that people of the same name keep their places.
    .orderBy(asc(users.name), asc(users.email))
    .limit(200);
  return rows.map(present);
}

/**
 * Gives a person a system role; an official must name the administration they answer for. An archived
 * administration may be kept by an official who already has it, not chosen anew. Giving someone the
 * role they already have changes nothing and records nothing. The last administrator cannot stop
 * being one: nobody would be left to set roles.
 */
export async function setUserRole(db: Db, actorId: string, userId: string, input: UserRoleUpdate): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const administrationId = input.role === 'official' ? (input.administrationId ?? null) : null;
    // Role changes take turns, so that two administrators demoting each other at once leave one.
    await tx.execute(sql`select pg_advisory_xact_lock(${roleChangeLock})`);
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw notFound();
    if (administrationId) {
      const [admin] = await tx
        .select({ id: referenceItems.id })
        .from(referenceItems)
        .where(and(eq(referenceItems.id, administrationId), eq(referenceItems.kind, 'administration'), administrationId === current.administrationId ? undefined : eq(referenceItems.archived, false)));
      if (!admin) throw invalid([{ field: 'administrationId', key: 'error.unknownReference', params: { field: 'administrationId' } }]);
    }
    if (current.role === input.role && current.administrationId === administrationId) return present(current);
    if (current.role === 'admin' && input.role !== 'admin') {
      const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
      if (!admins.some((a) => a.id !== userId)) throw conflict('error.lastSystemAdmin', 'role');
    }
    const [row] = await tx.update(users).set({ role: input.role, administrationId }).where(eq(users.id, userId)).returning();
    await tx.insert(auditLog).values({ actorId, action: 'user.role', targetType: 'user', targetId: userId, detail: { role: input.role, administrationId } });
    // Live connections re-check what the person may still see with the new role.
    await recordEvents(tx, [accountChanged(userId)]);
    return present(row);
  });
}
