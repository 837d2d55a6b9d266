import { useQueryClient } from '@tanstack/react-query';
import type { Booking, Calendar, Premises } from '../../../../shared/premises';
import { premisesRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { useCurrentUser } from '../../lib/current-user';
import { useLiveRoom, withCursor } from '../../lib/realtime';
import { LoadError, Loading } from '../../lib/ui/status';
import { isOwnChange, premisesKeys, useCalendar } from './api';
import { localDateLabel, timeRange } from './labels';
import { applyCalendarEvent, isNewsTo, type BookingNotice } from './live';
import { addDays, isoWeekNumber, layoutDay, slotsByDay, weekWindow } from './week';

/** Words for a change in a calendar, for the polite announcer. */
export function useCalendarNoticeText() {
  const { t, locale } = useI18n();
  return (notice: BookingNotice) => {
    const when = `${localDateLabel(locale, notice.booking.localDate, 'short')} ${timeRange(notice.booking.localStart, notice.booking.localEnd)}`;
    if (notice.kind === 'busy') return t('calendar.live.busy', { when });
    if (notice.kind === 'freed') return t('calendar.live.freed', { when });
    return t('calendar.live.requested', { when });
  };
}

function SlotText({ slot }: { slot: Booking }) {
  const { t } = useI18n();
  const time = timeRange(slot.localStart, slot.localEnd);
  const who = slot.requester?.organisation.name;
  if (slot.status === 'pending') {
    return (
      <>
        <span className="slot-time">{time}</span> <span className="badge badge-pending">{t('calendar.pending')}</span>
        {who && <span className="slot-who">{t('calendar.requestedBy', { name: who })}</span>}
      </>
    );
  }
  return (
    <>
      <span className="slot-time">{time}</span> <span className="badge badge-busy">{t('calendar.busy')}</span>
      {who && <span className="slot-who">{who}</span>}
    </>
  );
}

function DayBar({ day, slots, window }: { day: Calendar['days'][number]; slots: Booking[]; window: { from: string; to: string } }) {
  const layout = layoutDay(day.closed ? [] : day.openingHours, slots, window);
  // A picture of the day for sighted people; the table's words say the same.
  return (
    <div className={day.closed ? 'day-bar day-bar-closed' : 'day-bar'} aria-hidden="true">
      {layout.segments.map((segment, index) => (
        <span key={index} className={`day-bar-${segment.kind}`} style={{ insetInlineStart: `${segment.left}%`, inlineSize: `${segment.width}%` }} />
      ))}
    </div>
  );
}

/**
 * A week of a premises as a table: a row per day (the day is the row's header), its opening hours,
 * and its booked times in words. Prev/next week; busy times arrive live from the premises' room.
 */
export function WeekCalendar({ premises, week, onWeekChange }: { premises: Premises; week: string | null; onWeekChange(week: string): void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const query = useCalendar(premises.id, week);
  const key = premisesKeys.calendar(premises.id, week);
  const noticeText = useCalendarNoticeText();
  const { user } = useCurrentUser();
  const data = query.data;

  useLiveRoom(
    premisesRoom(premises.id),
    data?.cursor,
    (event: LiveEvent) => {
      const old = queryClient.getQueryData<Calendar>(key);
      // Other weeks in the cache may hold this booking too: they reload when shown again.
      void queryClient.invalidateQueries({ queryKey: premisesKeys.calendars(premises.id), predicate: (q) => q.queryKey[3] !== week, refetchType: 'none' });
      if (!old) return;
      const result = applyCalendarEvent(old, event);
      queryClient.setQueryData<Calendar>(key, withCursor(old, event, () => result.data));
      if (result.notice && isNewsTo(result.notice, user?.id ?? null, isOwnChange(result.notice.booking))) announce(noticeText(result.notice));
    },
    { onReset: () => void queryClient.invalidateQueries({ queryKey: premisesKeys.calendars(premises.id) }) },
  );

  if (query.isPending) return <Loading text={t('calendar.loading')} />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (!data) return null;

  const byDay = slotsByDay(data);
  const window = weekWindow(data);
  const weekEnd = addDays(data.weekStart, 6);
  const weekLabel = t('calendar.weekLabel', {
    week: isoWeekNumber(data.weekStart),
    from: localDateLabel(locale, data.weekStart, 'short'),
    to: localDateLabel(locale, weekEnd, 'short'),
  });
  const closedNote = (date: string) => premises.closedDates.find((c) => c.date === date)?.note;
  // Step from the week asked for, not the one still shown while it loads: two quick presses of
  // "next" then "previous" come back to where they started.
  const current = week ?? data.weekStart;

  return (
    <div className={query.isFetching ? 'week-calendar week-calendar-loading' : 'week-calendar'}>
      <div className="week-nav">
        <button type="button" className="button button-secondary" onClick={() => onWeekChange(addDays(current, -7))}>
          <span aria-hidden="true">←</span>
          {t('calendar.previousWeek')}
        </button>
        <p className="week-nav-label" role="status">
          {query.isFetching ? t('calendar.loading') : weekLabel}
        </p>
        <button type="button" className="button button-secondary" onClick={() => onWeekChange(addDays(current, 7))}>
          {t('calendar.nextWeek')}
          <span aria-hidden="true">→</span>
        </button>
      </div>
      <table className="calendar-table">
        <caption>{t('calendar.caption', { name: premises.name, week: weekLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.day')}</th>
            <th scope="col">{t('calendar.open')}</th>
            <th scope="col">{t('calendar.booked')}</th>
          </tr>
        </thead>
        <tbody>
          {data.days.map((day) => {
            const slots = byDay.get(day.date) ?? [];
            const note = closedNote(day.date);
            return (
              <tr key={day.date} data-date={day.date}>
                <th scope="row">{localDateLabel(locale, day.date, 'short')}</th>
                <td>
                  {day.closed
                    ? note
                      ? t('calendar.closedWithNote', { note })
                      : t('calendar.closed')
                    : day.openingHours.length
                      ? day.openingHours.map((h) => timeRange(h.opens, h.closes)).join(', ')
                      : premises.openingHours.length
                        ? t('calendar.closed')
                        : t('calendar.byArrangement')}
                </td>
                <td>
                  <DayBar day={day} slots={slots} window={window} />
                  {slots.length === 0 ? (
                    <span className="muted">{t('calendar.noBookings')}</span>
                  ) : (
                    <ul className="slot-list">
                      {slots.map((slot) => (
                        <li key={slot.id} className={`slot slot-${slot.status}`}>
                          <SlotText slot={slot} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted calendar-legend">{t('calendar.legend', { from: window.from, to: window.to })}</p>
    </div>
  );
}
