import type { ForumAccess } from '../../../shared/forums';
import type { AuthUser } from '../../lib/sessions';

// Who may do what in the forums. Route access rules say who may call a route at all; these answer
// the questions that depend on the forum, thread or post.

export function isForumStaff(user: AuthUser | null): boolean {
  return user?.role === 'coordinator' || user?.role === 'admin';
}

/** Open forums (no access list) are readable by everyone, also visitors; restricted ones by those listed and staff. */
export function canReadForum(user: AuthUser | null, access: ForumAccess | null): boolean {
  if (!access) return true;
  if (!user) return false;
  if (isForumStaff(user)) return true;
  if (access.roles.includes(user.role)) return true;
  if (access.userIds.includes(user.id)) return true;
  return user.memberships.some((m) => m.status === 'active' && access.organisationIds.includes(m.organisationId));
}

/** Signed-in readers post in forums that are not archived; staff post anywhere. */
export function canPostInForum(user: AuthUser | null, access: ForumAccess | null, archived: boolean): boolean {
  if (!user || !canReadForum(user, access)) return false;
  return !archived || isForumStaff(user);
}

export function canReplyToThread(user: AuthUser | null, access: ForumAccess | null, archived: boolean, locked: boolean): boolean {
  return canPostInForum(user, access, archived) && (!locked || isForumStaff(user));
}

export function isActiveMemberOf(user: AuthUser, organisationId: string): boolean {
  return user.memberships.some((m) => m.organisationId === organisationId && m.status === 'active');
}

/** Authors edit their own posts; nobody edits someone else's words (staff hide instead). */
export function canEditPost(user: AuthUser, authorId: string | null): boolean {
  return authorId === user.id;
}

export function canDeletePost(user: AuthUser, authorId: string | null): boolean {
  return authorId === user.id || isForumStaff(user);
}

/** A hidden post's text and the moderator's reason are shown to its author and staff only. */
export function canSeeHiddenPost(user: AuthUser | null, authorId: string | null): boolean {
  return !!user && (user.id === authorId || isForumStaff(user));
}
