import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '../../../../shared/notifications';
import { api } from '../../lib/api';

export const notificationKeys = {
  list: (userId: string) => ['notifications', userId] as const,
};

/** One's latest notifications and the unread count, kept current live by the header badge. */
export function useNotifications(userId: string | null) {
  return useQuery({
    queryKey: notificationKeys.list(userId ?? 'none'),
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { signal }),
    enabled: !!userId,
  });
}

export function useMarkNotificationsRead(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api<{ unreadCount: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: ({ unreadCount }, ids) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationKeys.list(userId), (old) =>
        old && {
          ...old,
          unreadCount,
          notifications: old.notifications.map((n) => (n.readAt || (ids && !ids.includes(n.id)) ? n : { ...n, readAt: now })),
        },
      );
    },
  });
}
