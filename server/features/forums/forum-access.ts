import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ForumAccess } from '../../../shared/forums';
import type { Db, Tx } from '../../db/client';
import { forumAccess, forums } from '../../db/schema/index';
import { forbidden, notFound, unauthorized } from '../../lib/errors';
import type { AuthUser } from '../../lib/sessions';
import { canReadForum } from './policy';

export type ForumRow = typeof forums.$inferSelect & { access: ForumAccess | null };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function withAccess(db: Db | Tx, rows: (typeof forums.$inferSelect)[]): Promise<ForumRow[]> {
  if (!rows.length) return [];
  const grants = await db.select().from(forumAccess).where(inArray(forumAccess.forumId, rows.map((r) => r.id)));
  return rows.map((row) => {
    const own = grants.filter((g) => g.forumId === row.id);
    if (!own.length) return { ...row, access: null };
    return {
      ...row,
      access: {
        roles: own.flatMap((g) => (g.role ? [g.role] : [])),
        organisationIds: own.flatMap((g) => (g.organisationId ? [g.organisationId] : [])),
        userIds: own.flatMap((g) => (g.userId ? [g.userId] : [])),
      },
    };
  });
}

export async function listForumRows(db: Db | Tx): Promise<ForumRow[]> {
  return withAccess(db, await db.select().from(forums).orderBy(asc(forums.position), asc(forums.nameSv)));
}

/** A forum by id or slug, with its access list; 404 when there is none. */
export async function findForum(db: Db | Tx, ref: string): Promise<ForumRow> {
  const rows = await db
    .select()
    .from(forums)
    .where(uuidPattern.test(ref) ? eq(forums.id, ref) : eq(forums.slug, ref));
  const [forum] = await withAccess(db, rows);
  if (!forum) throw notFound();
  return forum;
}

/**
 * A forum the viewer may read. Outsiders get 401 or 403 rather than 404: a restricted forum is
 * listed only to those who may read it, and a person following an old link learns why it is closed.
 */
export async function readableForum(db: Db | Tx, ref: string, user: AuthUser | null): Promise<ForumRow> {
  const forum = await findForum(db, ref);
  if (!canReadForum(user, forum.access)) throw user ? forbidden() : unauthorized();
  return forum;
}

/** Locks the forum's row for the rest of the transaction (serialises ordering and access changes). */
export async function lockForum(tx: Tx, forumId: string) {
  await tx.execute(sql`select id from forums where id = ${forumId} for update`);
}
