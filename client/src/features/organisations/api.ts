import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Contact,
  ContactData,
  Member,
  OrganisationData,
  OrganisationDetail,
  OrganisationList,
  Overview,
} from '../../../../shared/organisations';
import type { MembershipRole } from '../../../../shared/roles';
import { api, queryString } from '../../lib/api';
import { meQueryKey } from '../../lib/current-user';
import type { DirectoryQuery } from './directory-query';

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: DirectoryQuery) => ['organisations', 'list', query] as const,
  detail: (ref: string) => ['organisations', 'detail', ref] as const,
  members: (id: string) => ['organisations', 'members', id] as const,
  overview: ['organisations', 'overview'] as const,
};

export function useOrganisationList(query: DirectoryQuery) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: ({ signal }) => api<OrganisationList>(`/organisations${queryString({ ...query })}`, { signal }),
    // Keep the old results on screen while the new ones load, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useOrganisation(ref: string) {
  return useQuery({
    queryKey: organisationKeys.detail(ref),
    queryFn: ({ signal }) => api<OrganisationDetail>(`/organisations/${encodeURIComponent(ref)}`, { signal }),
  });
}

export function useOverview() {
  return useQuery({
    queryKey: organisationKeys.overview,
    queryFn: ({ signal }) => api<Overview>('/organisations/overview', { signal }),
  });
}

export function useMembers(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.members(organisationId),
    queryFn: ({ signal }) => api<{ items: Member[] }>(`/organisations/${organisationId}/members`, { signal }),
    enabled,
  });
}

/** After any change, everything about organisations (and one's own memberships) may be stale. */
function useInvalidateOrganisations() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
  };
}

export function useCreateOrganisation() {
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (input: OrganisationData) => api<OrganisationDetail>('/organisations', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateOrganisations();
  return useMutation({
    mutationFn: (input: OrganisationData) => api<OrganisationDetail>(`/organisations/${id}`, { method: 'PUT', body: input }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(organisationKeys.detail(detail.slug), detail);
      await invalidate();
    },
  });
}

export function useContactMutations(organisationId: string) {
  const invalidate = useInvalidateOrganisations();
  // Not awaited: the caller's own callbacks run at once, while the row that changed is still mounted.
  const refresh = () => void invalidate();
  const base = `/organisations/${organisationId}/contacts`;
  return {
    add: useMutation({
      mutationFn: (input: ContactData) => api<Contact>(base, { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ contactId, input }: { contactId: string; input: ContactData }) =>
        api<Contact>(`${base}/${contactId}`, { method: 'PUT', body: input }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (contactId: string) => api<void>(`${base}/${contactId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    confirm: useMutation({
      mutationFn: (contactId: string) => api<Contact>(`${base}/${contactId}/confirm`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

export function useMemberMutations(organisationId: string) {
  const invalidate = useInvalidateOrganisations();
  // Not awaited: the caller's own callbacks run at once, while the row that changed is still mounted.
  const refresh = () => void invalidate();
  const base = `/organisations/${organisationId}/members`;
  return {
    join: useMutation({
      mutationFn: () => api<Member>(base, { method: 'POST' }),
      onSuccess: refresh,
    }),
    approve: useMutation({
      mutationFn: (userId: string) => api<Member>(`${base}/${userId}/approve`, { method: 'POST' }),
      onSuccess: refresh,
    }),
    changeRole: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: MembershipRole }) =>
        api<Member>(`${base}/${userId}`, { method: 'PATCH', body: { role } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => api<void>(`${base}/${userId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}
