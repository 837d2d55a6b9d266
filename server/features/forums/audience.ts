import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { forumFollows, memberships, organisations, threadFollows, users } from '../../db/schema/index';
import type { NewNotification } from '../notifications/service';
import type { ForumRow } from './forum-access';
import { extractMentions, renderMarkdown } from './markdown';
import { canReadForum } from './policy';

// Who hears about a post: followers, mentioned people and organisations. Nobody is told about a
// post in a forum they cannot read, so a restricted forum's contents never leak by notification.

/** The subset of these people who may read the forum. */
export async function readersAmong(tx: Tx, forum: ForumRow, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (!unique.length || !forum.access) return unique;
  const rows = await tx
    .select({
      id: users.id,
      role: users.role,
      memberships: sql<{ organisationId: string; status: 'pending' | 'active' }[]>`coalesce((
        select json_agg(json_build_object('organisationId', m.organisation_id, 'status', m.status))
        from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(users)
    .where(inArray(users.id, unique));
  return rows
    .filter((r) => canReadForum({ id: r.id, role: r.role, memberships: r.memberships.map((m) => ({ ...m, role: 'member' as const })), name: '', email: '', administrationId: null, locale: 'sv' }, forum.access))
    .map((r) => r.id);
}

export interface RenderedBody {
  html: string;
  mentionedUserIds: string[];
  /** Active admins of mentioned organisations: they are told on the organisation's behalf. */
  mentionedOrgAdminIds: string[];
}

/** Renders Markdown with mentions resolved against the database (unknown ids stay plain text). */
export async function renderBody(tx: Tx, body: string): Promise<RenderedBody> {
  const mentions = extractMentions(body);
  const userIds = mentions.filter((m) => m.kind === 'user').map((m) => m.id);
  const orgIds = mentions.filter((m) => m.kind === 'org').map((m) => m.id);
  const knownUsers = userIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds)) : [];
  const knownOrgs = orgIds.length ? await tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(inArray(organisations.id, orgIds)) : [];
  const admins = knownOrgs.length
    ? await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(inArray(memberships.organisationId, knownOrgs.map((o) => o.id)), eq(memberships.role, 'admin'), eq(memberships.status, 'active')))
    : [];
  return {
    html: renderMarkdown(body, { organisationSlugs: new Map(knownOrgs.map((o) => [o.id, o.slug])), userIds: new Set(knownUsers.map((u) => u.id)) }),
    mentionedUserIds: knownUsers.map((u) => u.id),
    mentionedOrgAdminIds: admins.map((a) => a.userId),
  };
}

export async function threadFollowerIds(tx: Tx, threadId: string): Promise<string[]> {
  const rows = await tx.select({ userId: threadFollows.userId }).from(threadFollows).where(eq(threadFollows.threadId, threadId));
  return rows.map((r) => r.userId);
}

export async function forumFollowerIds(tx: Tx, forumId: string): Promise<string[]> {
  const rows = await tx.select({ userId: forumFollows.userId }).from(forumFollows).where(eq(forumFollows.forumId, forumId));
  return rows.map((r) => r.userId);
}

/**
 * One notification per person: a mention outranks a reply or new-thread notice. Only readers of
 * the forum are included, and never the author.
 */
export async function postNotifications(
  tx: Tx,
  forum: ForumRow,
  base: Omit<NewNotification, 'userId' | 'kind'>,
  followerKind: 'reply' | 'newThread',
  followers: string[],
  mentioned: string[],
): Promise<NewNotification[]> {
  const readers = new Set(await readersAmong(tx, forum, [...followers, ...mentioned]));
  const result = new Map<string, NewNotification>();
  for (const userId of followers) if (readers.has(userId)) result.set(userId, { ...base, userId, kind: followerKind });
  for (const userId of mentioned) if (readers.has(userId)) result.set(userId, { ...base, userId, kind: 'mention' });
  return [...result.values()].filter((n) => n.userId !== base.actorId);
}
