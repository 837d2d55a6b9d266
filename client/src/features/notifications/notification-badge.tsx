import { NavLink } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '../../../../shared/notifications';
import { userRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { meQueryKey } from '../../lib/current-user';
import { paths } from '../../lib/paths';
import { useLiveRoom, withCursor } from '../../lib/realtime';
import { notificationKeys, useNotifications } from './api';
import { applyNotificationEvent } from './live';
import { notificationText } from './notification-text';

/** The header's link to one's notifications, with the unread count, kept current live. */
export function NotificationBadge({ userId }: { userId: string }) {
  const { t, plural, number } = useI18n();
  const queryClient = useQueryClient();
  const query = useNotifications(userId);
  const key = notificationKeys.list(userId);
  const unread = query.data?.unreadCount ?? 0;

  useLiveRoom(
    userRoom(userId),
    query.data?.cursor,
    (event: LiveEvent) => {
      const old = queryClient.getQueryData<NotificationList>(key);
      if (!old) return;
      const known = event.type === 'notification.created' && old.notifications.some((n) => n.id === (event as LiveEvent<'notification.created'>).data.notification.id);
      const result = applyNotificationEvent(old, event);
      queryClient.setQueryData<NotificationList>(key, withCursor(old, event, () => result.data));
      if (event.type === 'notification.created' && !known) {
        announce(t('notifications.new', { text: notificationText(t, (event as LiveEvent<'notification.created'>).data.notification) }));
      }
      if (result.refetch) void queryClient.invalidateQueries({ queryKey: key });
      // One's name, language, role or memberships changed (in another tab, or by an admin): the
      // header, menus and guards follow without a reload.
      if (event.type === 'account.changed') void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    {
      onReset: () => {
        void queryClient.invalidateQueries({ queryKey: key });
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      },
    },
  );

  return (
    // The name says the count in words ("Aviseringar, 3 olästa"); the badge shows the number. The
    // words are hidden text rather than an aria-label, so that the name starts with what one sees.
    <NavLink to={paths.notifications} className="button button-quiet notification-link">
      {unread > 0 ? (
        <>
          <span className="visually-hidden">{`${t('notifications.title')}, ${plural('notifications.unreadCount', unread)}`}</span>
          <span aria-hidden="true">{t('notifications.title')}</span>
          <span className="count-badge" aria-hidden="true">
            {number(unread)}
          </span>
        </>
      ) : (
        t('notifications.title')
      )}
    </NavLink>
  );
}
