import type { AuthUser } from '../../lib/sessions';

// Who may do what with premises and bookings. The owner organisation's admins keep its premises and
// decide on requests; staff may edit listings but never decide for an organisation.

export function isStaff(user: AuthUser | null): boolean {
  return user?.role === 'coordinator' || user?.role === 'admin';
}

export function isActiveMember(user: AuthUser | null, organisationId: string): boolean {
  return !!user?.memberships.some((m) => m.organisationId === organisationId && m.status === 'active');
}

export function isActiveAdmin(user: AuthUser | null, organisationId: string): boolean {
  return !!user?.memberships.some((m) => m.organisationId === organisationId && m.status === 'active' && m.role === 'admin');
}

/** List, edit and archive premises: the owner's admins and staff. */
export function canManagePremises(user: AuthUser | null, ownerOrganisationId: string): boolean {
  return isActiveAdmin(user, ownerOrganisationId) || isStaff(user);
}

/** Approve or decline a request: only the owner organisation's admins. */
export function canDecideBooking(user: AuthUser | null, ownerOrganisationId: string): boolean {
  return isActiveAdmin(user, ownerOrganisationId);
}

/** Request on behalf of an organisation: its active members. */
export function canRequestFor(user: AuthUser | null, requesterOrganisationId: string): boolean {
  return isActiveMember(user, requesterOrganisationId);
}

/** Withdraw a request or cancel a booking: the person who asked, or the requester's admins. */
export function canCancelBooking(user: AuthUser | null, booking: { requestedBy: string | null; requesterOrganisationId: string }): boolean {
  return !!user && (booking.requestedBy === user.id || isActiveAdmin(user, booking.requesterOrganisationId));
}

/** Requester details (who, purpose, contact) are for the two organisations involved and staff. */
export function canSeeBookingDetails(user: AuthUser | null, booking: { requesterOrganisationId: string; ownerOrganisationId: string }): boolean {
  return isStaff(user) || isActiveMember(user, booking.requesterOrganisationId) || isActiveMember(user, booking.ownerOrganisationId);
}
