import type { CurrentUser } from '../../../../shared/auth';
import { isStaff } from '../../lib/current-user';
import { ownFirst, useAllOrganisations, type OrganisationName } from '../organisations/all-organisations';

export interface ActingOrganisations {
  /** The person's own active organisations first; for staff, every other organisation after them. */
  organisations: { id: string; name: string }[];
  /** Staff's list of all organisations is still loading. */
  loading: boolean;
}

/**
 * The organisations a person may speak for on the grants pages, mirroring the server's canActFor:
 * active members for their organisations, the coordinator and administrators for any (e.g. entering
 * know-how an organisation told them about at a dialogue meeting).
 */
export function useActingOrganisations(user: CurrentUser | null): ActingOrganisations {
  const everyone = useAllOrganisations(isStaff(user));
  return { organisations: actingOrganisations(user, everyone.data), loading: isStaff(user) && everyone.isPending };
}

/** Own active organisations first, then (staff only) the rest of `everyone`. */
export function actingOrganisations(user: CurrentUser | null, everyone?: readonly OrganisationName[]): { id: string; name: string }[] {
  const own = (user?.memberships ?? []).filter((m) => m.status === 'active').map((m) => ({ id: m.organisationId, name: m.organisationName }));
  if (!isStaff(user)) return own;
  return ownFirst(own, everyone, (o) => ({ id: o.id, name: o.name }));
}
