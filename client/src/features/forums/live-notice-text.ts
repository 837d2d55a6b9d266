import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { withCursor } from '../../lib/realtime';
import type { LiveNotice, LiveResult } from './live-reducers';

/** Words for a live change, for the polite announcer. */
export function useLiveNoticeText() {
  const { t } = useI18n();
  return (notice: LiveNotice): string => {
    switch (notice.kind) {
      case 'newThread':
        return t('live.newThread', { title: notice.title });
      case 'reply':
      case 'edited':
      case 'removed':
      case 'hidden':
      case 'unhidden':
      case 'reactions':
        return notice.name ? t(`live.${notice.kind}`, { name: notice.name }) : t(`live.${notice.kind}Unknown`);
      default:
        return t(`live.${notice.kind}`, { title: notice.title });
    }
  };
}

/**
 * Applies a live event to the cached data under `key` (moving its cursor to the event), announces
 * what changed, and reloads when the event cannot be applied from its data alone.
 */
export function applyLive<T extends { cursor: number }>(
  queryClient: QueryClient,
  key: QueryKey,
  event: LiveEvent,
  reduce: (data: T) => LiveResult<T>,
  describe?: (notice: LiveNotice) => string,
) {
  const old = queryClient.getQueryData<T>(key);
  if (!old) return;
  const result = reduce(old);
  queryClient.setQueryData<T>(key, withCursor(old, event, () => result.data));
  if (result.notice && describe) announce(describe(result.notice));
  if (result.refetch) void queryClient.invalidateQueries({ queryKey: key });
}
