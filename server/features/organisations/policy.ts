import type { AuthUser } from '../../lib/sessions';

// Who may do what with an organisation. Routes first check the system role (access rule);
// these answer the questions that depend on the organisation itself.

export function isActiveOrgAdmin(user: AuthUser | null, organisationId: string): boolean {
  return !!user?.memberships.some((m) => m.organisationId === organisationId && m.role === 'admin' && m.status === 'active');
}

/** The organisation's own admins keep its profile; the coordinator and administrators may too. */
export function canEditOrganisation(user: AuthUser | null, organisationId: string): boolean {
  if (!user) return false;
  return user.role === 'coordinator' || user.role === 'admin' || isActiveOrgAdmin(user, organisationId);
}

export const canManageMembers = canEditOrganisation;

/** Contact people's e-mail and phone are personal data: shown to signed-in people only. */
export function canSeeContactDetails(user: AuthUser | null): boolean {
  return !!user;
}

/** Creating an organisation makes its creator the first admin, except for staff who create on others' behalf. */
export function becomesAdminOnCreate(user: AuthUser): boolean {
  return user.role === 'user' || user.role === 'official';
}
