import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, MeResponse } from '../../../shared/auth';
import type { SystemRole } from '../../../shared/roles';
import { api } from './api';

export const meQueryKey = ['auth', 'me'] as const;

/** Who is signed in (null for visitors). Shared by the shell, guards and every feature. */
export function useCurrentUser() {
  const query = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api<MeResponse>('/auth/me', { signal }),
    staleTime: 60_000,
  });
  return { user: query.data?.user ?? null, isLoading: query.isPending, query };
}

export function useSetCurrentUser() {
  const queryClient = useQueryClient();
  return (user: CurrentUser | null) => queryClient.setQueryData<MeResponse>(meQueryKey, { user });
}

export function hasRole(user: CurrentUser | null, roles: readonly SystemRole[]): boolean {
  return !!user && roles.includes(user.role);
}

/** The coordinator and administrators: the city's side that may act for any organisation. */
export const isStaff = (user: CurrentUser | null) => hasRole(user, ['coordinator', 'admin']);
