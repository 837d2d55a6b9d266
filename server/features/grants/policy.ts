import type { AuthUser } from '../../lib/sessions';

// Who may do what with grant calls, know-how, asks, partner posts and documents. Route access rules
// say who may call a route at all; these answer the questions that depend on the row.

export function isStaff(user: AuthUser | null): boolean {
  return user?.role === 'coordinator' || user?.role === 'admin';
}

export function isActiveMember(user: AuthUser | null, organisationId: string): boolean {
  return !!user?.memberships.some((m) => m.organisationId === organisationId && m.status === 'active');
}

export function isActiveAdmin(user: AuthUser | null, organisationId: string): boolean {
  return !!user?.memberships.some((m) => m.organisationId === organisationId && m.status === 'active' && m.role === 'admin');
}

/** Active members of any organisation, city officials, the coordinator and administrators add calls. */
export function canAddCall(user: AuthUser | null): boolean {
  if (!user) return false;
  return user.role === 'official' || isStaff(user) || user.memberships.some((m) => m.status === 'active');
}

/** The person who added a call, the coordinator and administrators edit and archive it. */
export function canEditCall(user: AuthUser | null, call: { createdBy: string | null }): boolean {
  return !!user && (call.createdBy === user.id || isStaff(user));
}

/**
 * Speaking for an organisation (offering know-how, asking for help, looking for partners): its
 * active members, and staff, who may do whatever an organisation admin may.
 */
export function canActFor(user: AuthUser | null, organisationId: string): boolean {
  return isActiveMember(user, organisationId) || isStaff(user);
}

/**
 * Editing, closing or removing an organisation's post: whoever wrote it while still an active member
 * (someone who has left no longer speaks for it), the organisation's admins, staff.
 */
export function canManagePost(user: AuthUser | null, post: { createdBy: string | null; organisationId: string }): boolean {
  return !!user && ((post.createdBy === user.id && isActiveMember(user, post.organisationId)) || isActiveAdmin(user, post.organisationId) || isStaff(user));
}

/** Documents on a call: whoever may add calls. On know-how: the organisation's active members, staff. */
export const canAddCallDocument = canAddCall;
export function canAddKnowHowDocument(user: AuthUser | null, knowHow: { organisationId: string }): boolean {
  return canActFor(user, knowHow.organisationId);
}

/**
 * Who added a document and staff remove it; on know-how, the organisation's admins too, and the one
 * who added it only while still an active member of the organisation (as for its posts).
 */
export function canDeleteDocument(user: AuthUser | null, document: { uploadedBy: string | null }, knowHow: { organisationId: string } | null): boolean {
  if (!user) return false;
  if (isStaff(user)) return true;
  if (!knowHow) return document.uploadedBy === user.id;
  return (document.uploadedBy === user.id && isActiveMember(user, knowHow.organisationId)) || isActiveAdmin(user, knowHow.organisationId);
}

/** The organisations the person may speak for (staff: any, so the client offers a search instead). */
export function actingOrganisationIds(user: AuthUser | null): string[] {
  return user ? user.memberships.filter((m) => m.status === 'active').map((m) => m.organisationId) : [];
}
