import { asc, eq } from 'drizzle-orm';
import type { ReferenceCreate, ReferenceItem, ReferenceUpdate } from '../../../shared/reference';
import type { Db } from '../../db/client';
import { auditLog, referenceItems } from '../../db/schema/index';
import { conflict, notFound } from '../../lib/errors';
import { isForeignKeyViolation, isUniqueViolation } from '../../lib/pg-errors';

type Row = typeof referenceItems.$inferSelect;
const present = (row: Row): ReferenceItem => ({
  id: row.id,
  kind: row.kind,
  slug: row.slug,
  nameSv: row.nameSv,
  nameEn: row.nameEn,
  sortOrder: row.sortOrder,
  archived: row.archived,
});

export async function listReference(db: Db) {
  const rows = await db.select().from(referenceItems).orderBy(asc(referenceItems.kind), asc(referenceItems.sortOrder), asc(referenceItems.nameSv));
  return rows.map(present);
}

export async function createReference(db: Db, actorId: string, input: ReferenceCreate) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(referenceItems).values(input).returning();
      await tx.insert(auditLog).values({ actorId, action: 'reference.create', targetType: 'reference', targetId: row.id, detail: input });
      return present(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('error.slugTaken', 'slug');
    throw error;
  }
}

/** A change that leaves every value as it is (or names none) is a no-op: nothing written, no audit entry. */
export async function updateReference(db: Db, actorId: string, id: string, input: ReferenceUpdate) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(referenceItems).where(eq(referenceItems.id, id)).for('update');
    if (!current) throw notFound();
    const changes = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && current[key as keyof ReferenceUpdate] !== value),
    ) as ReferenceUpdate;
    if (!Object.keys(changes).length) return present(current);
    const [row] = await tx.update(referenceItems).set(changes).where(eq(referenceItems.id, id)).returning();
    await tx.insert(auditLog).values({ actorId, action: 'reference.update', targetType: 'reference', targetId: id, detail: changes });
    return present(row);
  });
}

/** Only unused values can be deleted; used ones are archived so that old profiles keep their meaning. */
export async function deleteReference(db: Db, actorId: string, id: string) {
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx.delete(referenceItems).where(eq(referenceItems.id, id)).returning();
      if (!row) throw notFound();
      await tx.insert(auditLog).values({ actorId, action: 'reference.delete', targetType: 'reference', targetId: id, detail: present(row) });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('error.referenceInUse');
    throw error;
  }
}
