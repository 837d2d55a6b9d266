import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { UserRoleUpdate, UserSummary } from '../../../shared/users';
import type { Db } from '../../db/client';
import { auditLog, referenceItems, users } from '../../db/schema/index';
import { invalid, notFound } from '../../lib/errors';

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
    .orderBy(asc(users.name))
    .limit(200);
  return rows.map(present);
}

/** Gives a person a system role; an official must name the administration they answer for. */
export async function setUserRole(db: Db, actorId: string, userId: string, input: UserRoleUpdate): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const administrationId = input.role === 'official' ? (input.administrationId ?? null) : null;
    if (administrationId) {
      const [admin] = await tx
        .select({ id: referenceItems.id })
        .from(referenceItems)
        .where(and(eq(referenceItems.id, administrationId), eq(referenceItems.kind, 'administration')));
      if (!admin) throw invalid([{ field: 'administrationId', key: 'error.unknownReference', params: { field: 'administrationId' } }]);
    }
    const [row] = await tx.update(users).set({ role: input.role, administrationId }).where(eq(users.id, userId)).returning();
    if (!row) throw notFound();
    await tx.insert(auditLog).values({ actorId, action: 'user.role', targetType: 'user', targetId: userId, detail: { role: input.role, administrationId } });
    return present(row);
  });
}
