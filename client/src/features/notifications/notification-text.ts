import type { Notification } from '../../../../shared/notifications';
import type { I18n } from '../../i18n/use-i18n';
import { safeNext, threadPathById } from '../../lib/paths';

/** "Anna svarade i tråden …" and the like. */
export function notificationText(t: I18n['t'], notification: Notification): string {
  const params = { name: notification.actor?.name ?? t('notifications.someone'), title: notification.threadTitle ?? t('notifications.aThread') };
  switch (notification.kind) {
    case 'reply':
      return t('notifications.reply', params);
    case 'newThread':
      return t('notifications.newThread', params);
    case 'mention':
      return t('notifications.mention', params);
    case 'postHidden':
      return t('notifications.postHidden', params);
    case 'bookingRequested':
      return t('notifications.bookingRequested', params);
    case 'bookingApproved':
      return t('notifications.bookingApproved', params);
    case 'bookingDeclined':
      return t('notifications.bookingDeclined', params);
    case 'bookingCancelled':
      return t('notifications.bookingCancelled', params);
    case 'grantDeadlineWeek':
    case 'grantDeadlineDay':
    case 'grantKnowHowOffered':
    case 'grantHelpAsked':
    case 'premisesOffered':
      return t(`notifications.${notification.kind}`, { text: notification.text ?? '' });
    default:
      return t('notifications.generic');
  }
}

/** Where a notification leads: its thread (and post), or its own same-site link. */
export function notificationHref(notification: Notification): string | null {
  if (notification.threadId) return threadPathById(notification.threadId, notification.postId);
  return safeNext(notification.link);
}
