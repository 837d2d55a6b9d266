import type { NotificationList } from '../../../../shared/notifications';
import type { LiveEvent } from '../../../../shared/realtime';

// How one's own room (user:<id>) changes the notification list. Idempotent: notifications are
// upserted by id and the unread count is absolute.

export interface NotificationResult {
  data: NotificationList;
  /** Which notifications were read elsewhere only the server knows: reload. */
  refetch?: boolean;
}

/** One's notifications and the events of one's own room. */
export function applyNotificationEvent(list: NotificationList, event: LiveEvent): NotificationResult {
  if (event.type === 'notification.created') {
    const { notification, unreadCount } = (event as LiveEvent<'notification.created'>).data;
    const rest = list.notifications.filter((n) => n.id !== notification.id);
    const notifications = [notification, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { data: { ...list, notifications, unreadCount } };
  }
  if (event.type === 'notifications.read') {
    const { unreadCount } = (event as LiveEvent<'notifications.read'>).data;
    if (unreadCount === 0) {
      return { data: { ...list, unreadCount, notifications: list.notifications.map((n) => (n.readAt ? n : { ...n, readAt: event.at })) } };
    }
    // Some were read (in another tab): which ones, only the server knows.
    return { data: { ...list, unreadCount }, refetch: true };
  }
  return { data: list };
}
