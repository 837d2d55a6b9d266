import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { BusyButton, LiveStatus } from '../../lib/ui/form';
import { LoadError, Loading, errorText } from '../../lib/ui/status';
import { useMarkNotificationsRead, useNotifications } from './api';
import { notificationHref, notificationText } from './notification-text';

export function NotificationsPage() {
  const { t, plural, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const userId = user?.id ?? '';
  const query = useNotifications(userId || null);
  const markRead = useMarkNotificationsRead(userId);
  const data = query.data;

  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="lead">{t('notifications.intro')}</p>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {data && (
        <>
          <p>{data.unreadCount === 0 ? t('notifications.allRead') : plural('notifications.unreadSummary', data.unreadCount)}</p>
          {data.unreadCount > 0 && (
            <p>
              <BusyButton type="button" variant="secondary" busy={markRead.isPending && !markRead.variables} busyText={t('common.saving')} onClick={() => markRead.mutate(undefined)}>
                {t('notifications.markAllRead')}
              </BusyButton>
            </p>
          )}
          <LiveStatus message={markRead.isSuccess && data.unreadCount === 0 ? t('notifications.markedRead') : null} />
          {markRead.isError && (
            <p className="field-error" role="alert">
              {errorText(markRead.error, t('error.unexpectedShort'))}
            </p>
          )}
          {data.notifications.length === 0 ? (
            <p className="muted">{t('notifications.none')}</p>
          ) : (
            <ul className="notification-list">
              {data.notifications.map((notification) => {
                const text = notificationText(t, notification);
                const unread = !notification.readAt;
                const href = notificationHref(notification);
                return (
                  <li key={notification.id} className={unread ? 'notification notification-unread' : 'notification'}>
                    {unread && <span className="badge badge-unread">{t('notifications.unreadMarker')}</span>}{' '}
                    {href ? (
                      <Link
                        to={href}
                        onClick={() => {
                          if (unread) markRead.mutate([notification.id]);
                        }}
                      >
                        {text}
                      </Link>
                    ) : (
                      <span>{text}</span>
                    )}
                    {notification.text && <p className="muted">{notification.kind === 'postHidden' ? t('post.hiddenReason', { reason: notification.text }) : notification.text}</p>}
                    <p className="muted notification-time">
                      <time dateTime={notification.createdAt}>{dateTime(notification.createdAt)}</time>
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </>
  );
}
