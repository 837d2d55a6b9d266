import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReferenceCreate, ReferenceItem, ReferenceUpdate } from '../../../../shared/reference';
import { api } from '../../lib/api';
import { referenceQueryKey } from '../../lib/reference-data';

function useRefreshReference() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: referenceQueryKey });
}

export function useCreateReference() {
  const refresh = useRefreshReference();
  return useMutation({
    mutationFn: (input: ReferenceCreate) => api<ReferenceItem>('/reference', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateReference() {
  const refresh = useRefreshReference();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ReferenceUpdate }) => api<ReferenceItem>(`/reference/${id}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}

/** Renumbers a kind's items in the given order, sending only the ones whose position changed. */
export function useReorderReference() {
  const refresh = useRefreshReference();
  return useMutation({
    mutationFn: async (ordered: ReferenceItem[]) => {
      const changed = ordered.map((item, index) => ({ item, index })).filter(({ item, index }) => item.sortOrder !== index);
      for (const { item, index } of changed) {
        await api<ReferenceItem>(`/reference/${item.id}`, { method: 'PATCH', body: { sortOrder: index } });
      }
    },
    onSettled: refresh,
  });
}

export function useDeleteReference() {
  const refresh = useRefreshReference();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/reference/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
