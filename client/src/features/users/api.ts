import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserRoleUpdate, UserSummary } from '../../../../shared/users';
import { api, queryString } from '../../lib/api';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

export function useUsers(q: string) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ signal }) => api<{ items: UserSummary[] }>(`/users${queryString({ q })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSetUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserRoleUpdate }) => api<UserSummary>(`/users/${id}/role`, { method: 'PATCH', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
