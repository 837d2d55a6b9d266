import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Booking } from '../../../../shared/premises';
import { organisationRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { bookingPath, paths, premisesPath } from '../../lib/paths';
import { useLiveRoom, withCursor } from '../../lib/realtime';
import { BusyButton, SelectField } from '../../lib/ui/form';
import { LoadError, Loading, errorText } from '../../lib/ui/status';
import { api } from '../../lib/api';
import { isOwnChange, loadMoreBookings, premisesKeys, useBookingList, useCalendarLink, usePastBookings, usePendingCount, type CalendarLink } from './api';
import { BookingActions } from './booking-actions';
import { activeOrganisations, isAdminOf, localDateLabel, statusLabel, timeRange, weekdayName } from './labels';
import { applyBookingListEvent, groupBookings, isNewsTo, pendingInSeries, type BookingList, type BookingNotice, type BookingSide } from './live';
import { PremisesNav } from './premises-nav';
import { isoWeekday } from './week';
import './premises.css';

const sideParam = 'visa';
const sideValues: Record<BookingSide, string> = { requester: 'av-oss', owner: 'till-oss' };

/** Words for a change in a booking list, for the polite announcer. */
export function useBookingNoticeText() {
  const { t, locale } = useI18n();
  return (notice: BookingNotice) => {
    const b = notice.booking;
    const when = `${localDateLabel(locale, b.localDate, 'short')} ${timeRange(b.localStart, b.localEnd)}`;
    if (notice.kind === 'newRequest') return t('bookings.live.newRequest', { premises: b.premisesName, when, name: b.requester?.organisation.name ?? '' });
    return t('bookings.live.status', { premises: b.premisesName, when, status: statusLabel(t, b.status) });
  };
}

/**
 * Keeps one side's lists current from the organisation's room: the coming list (whose cursor the
 * room resumes from), the past list where a booking on it changed, and the owner's pending count.
 */
function useLiveBookingList(organisationId: string | null, side: BookingSide, cursor: number | undefined) {
  const queryClient = useQueryClient();
  const noticeText = useBookingNoticeText();
  const { user } = useCurrentUser();
  const key = premisesKeys.bookings(organisationId ?? 'none', side);
  useLiveRoom(
    organisationId ? organisationRoom(organisationId) : null,
    cursor,
    (event: LiveEvent) => {
      const old = queryClient.getQueryData<BookingList>(key);
      if (!old || !organisationId) return;
      const now = Date.now();
      const result = applyBookingListEvent(old, event, organisationId, side, { when: 'upcoming', now });
      queryClient.setQueryData<BookingList>(key, withCursor(old, event, () => result.data));
      queryClient.setQueryData<BookingList>(premisesKeys.pastBookings(organisationId, side), (past) =>
        past && applyBookingListEvent(past, event, organisationId, side, { when: 'past', now }).data,
      );
      if (side === 'owner' && result.data !== old) void queryClient.invalidateQueries({ queryKey: premisesKeys.pendingCount(organisationId) });
      if (result.notice && isNewsTo(result.notice, user?.id ?? null, isOwnChange(result.notice.booking))) announce(noticeText(result.notice));
    },
    // Events could not be replayed: the lists, past list and count under this key load afresh.
    { onReset: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );
}

/** "Show more" under a list that has further pages, busy while the page loads. */
function MoreBookings({ organisationId, side, when, list }: { organisationId: string; side: BookingSide; when: 'upcoming' | 'past'; list: BookingList }) {
  const { t, plural } = useI18n();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!list.next) return null;
  const more = async () => {
    setLoading(true);
    setError(null);
    try {
      await loadMoreBookings(queryClient, organisationId, side, when);
    } catch (e) {
      setError(errorText(e, t('error.unexpectedShort')));
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="more-bookings">
      <p className="muted" aria-live="polite">
        {plural('bookings.shownOf', list.total, { shown: list.bookings.length })}
      </p>
      <BusyButton type="button" variant="secondary" busy={loading} busyText={t('common.loading')} onClick={() => void more()}>
        {t('bookings.showMore')}
      </BusyButton>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function StatusBadge({ booking }: { booking: Booking }) {
  const { t } = useI18n();
  return <span className={`badge badge-status badge-${booking.status}`}>{statusLabel(t, booking.status)}</span>;
}

function BookingGroupCard({ bookings, side, all }: { bookings: Booking[]; side: BookingSide; all: Booking[] }) {
  const { t, locale, plural } = useI18n();
  const first = bookings[0];
  const series = !!first.seriesId && bookings.length > 1;
  const requester = first.requester;
  const headingId = `booking-group-${first.id}`;
  return (
    <li className="card booking-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="booking-card-title">
        <Link to={premisesPath(first.premisesId)}>{first.premisesName}</Link>
        {series && (
          <span className="booking-card-series">
            {' – '}
            {plural('bookings.seriesSummary', bookings.length, { weekday: weekdayName(locale, isoWeekday(first.localDate)), time: timeRange(first.localStart, first.localEnd) })}
          </span>
        )}
      </h3>
      {requester && (
        <p className="muted">
          {side === 'owner' ? t('bookings.from', { name: requester.organisation.name }) : t('bookings.for', { name: requester.organisation.name })}
          {requester.person && ` · ${requester.person.name}`}
          {side === 'owner' && requester.person && (
            <>
              {' · '}
              <a href={`mailto:${requester.person.email}`}>{requester.person.email}</a>
            </>
          )}
        </p>
      )}
      {requester && (
        <p>
          {requester.purpose} · {plural('bookings.attendees', requester.attendees)}
        </p>
      )}
      <ul className="booking-dates">
        {bookings.map((booking) => (
          <li key={booking.id} className={`booking-date booking-date-${booking.status}`} data-booking-id={booking.id}>
            <p className="booking-date-line">
              <Link to={bookingPath(booking.id)}>
                {localDateLabel(locale, booking.localDate)} {timeRange(booking.localStart, booking.localEnd)}
              </Link>{' '}
              <StatusBadge booking={booking} />
            </p>
            {booking.decisionMessage && <p className="muted">{t('bookings.decisionMessage', { message: booking.decisionMessage })}</p>}
            <BookingActions booking={booking} seriesPending={booking === bookings.find((b) => b.status === 'pending') ? pendingInSeries(all, booking.seriesId) : []} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function BookingGroups({ bookings, side, label, organisationId }: { bookings: Booking[]; side: BookingSide; label: string; organisationId: string }) {
  return (
    <ul className="card-list booking-list" aria-label={label} data-organisation={organisationId}>
      {groupBookings(bookings).map((group) => (
        <BookingGroupCard key={group.key} bookings={group.bookings} side={side} all={bookings} />
      ))}
    </ul>
  );
}

/** Bookings that ended in the last 90 days, shown when asked for. */
function PastBookings({ organisationId, side }: { organisationId: string; side: BookingSide }) {
  const { t } = useI18n();
  const past = usePastBookings(organisationId, side, true);
  const headingId = `past-bookings-${side}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('bookings.pastTitle')}</h2>
      {past.isPending ? (
        <Loading />
      ) : past.isError ? (
        <LoadError error={past.error} onRetry={() => past.refetch()} />
      ) : past.data.bookings.length === 0 ? (
        <p>{t('bookings.nonePast')}</p>
      ) : (
        <>
          <BookingGroups bookings={past.data.bookings} side={side} label={t('bookings.pastTitle')} organisationId={organisationId} />
          <MoreBookings organisationId={organisationId} side={side} when="past" list={past.data} />
        </>
      )}
    </section>
  );
}

function BookingListView({ organisationId, side, list }: { organisationId: string; side: BookingSide; list: ReturnType<typeof useBookingList> }) {
  const { t } = useI18n();
  const [showPast, setShowPast] = useState(false);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  // A booking that ended while the page was open moves out of sight (it is on the past list).
  const now = Date.now();
  const coming = list.data.bookings.filter((b) => new Date(b.end).getTime() > now);
  return (
    <>
      {coming.length === 0 ? (
        <p>{side === 'owner' ? t('bookings.noneToUs') : t('bookings.noneByUs')}</p>
      ) : (
        <BookingGroups bookings={coming} side={side} label={side === 'owner' ? t('bookings.tabOwner') : t('bookings.tabRequester')} organisationId={organisationId} />
      )}
      <MoreBookings organisationId={organisationId} side={side} when="upcoming" list={list.data} />
      <p>
        <button type="button" className="button button-secondary" onClick={() => setShowPast(!showPast)} aria-expanded={showPast}>
          {t('bookings.showPast')}
        </button>
      </p>
      {showPast && <PastBookings organisationId={organisationId} side={side} />}
    </>
  );
}

function CalendarLinkPanel({ organisationId, admin }: { organisationId: string; admin: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(false);
  const [renewing, setRenewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const link = useCalendarLink(organisationId, shown);
  const renew = async () => {
    setRenewing(true);
    setError(null);
    try {
      const answer = await api<CalendarLink>('/bookings/calendar-link', { method: 'POST', body: { organisationId } });
      queryClient.setQueryData(premisesKeys.calendarLink(organisationId), answer);
      announce(t('bookings.ical.renewed'));
    } catch (e) {
      setError(errorText(e, t('error.unexpectedShort')));
    } finally {
      setRenewing(false);
    }
  };
  return (
    <section aria-labelledby="ical-heading" className="ical-panel">
      <h2 id="ical-heading">{t('bookings.ical.title')}</h2>
      <p>{t('bookings.ical.intro')}</p>
      {!shown ? (
        <button type="button" className="button button-secondary" onClick={() => setShown(true)}>
          {t('bookings.ical.show')}
        </button>
      ) : link.isPending ? (
        <Loading />
      ) : link.isError ? (
        <LoadError error={link.error} onRetry={() => link.refetch()} />
      ) : (
        <>
          <div className="field">
            <label htmlFor="ical-url" className="field-label">
              {t('bookings.ical.address')}
            </label>
            <p id="ical-url-hint" className="field-hint">
              {t('bookings.ical.secret')}
            </p>
            <input id="ical-url" className="input" readOnly value={link.data.url} aria-describedby="ical-url-hint" onFocus={(e) => e.currentTarget.select()} />
          </div>
          {admin && (
            <BusyButton type="button" variant="secondary" busy={renewing} busyText={t('common.saving')} onClick={() => void renew()}>
              {t('bookings.ical.renew')}
            </BusyButton>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** An organisation's bookings: what it asked for, and requests for its premises; live from its room. */
export function BookingsPage() {
  const { t, plural } = useI18n();
  const { user } = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const organisations = activeOrganisations(user);
  const wanted = searchParams.get('organisation');
  const organisation = organisations.find((o) => o.id === wanted || o.slug === wanted) ?? organisations.find((o) => o.admin) ?? organisations[0] ?? null;
  const organisationId = organisation?.id ?? null;
  const side: BookingSide = searchParams.get(sideParam) === sideValues.owner ? 'owner' : 'requester';
  const requested = useBookingList(organisationId, 'requester');
  const owned = useBookingList(organisationId, 'owner');
  useLiveBookingList(organisationId, 'requester', requested.data?.cursor);
  useLiveBookingList(organisationId, 'owner', owned.data?.cursor);

  const link = (next: BookingSide) => {
    const params = new URLSearchParams(searchParams);
    params.set(sideParam, sideValues[next]);
    return `?${params.toString()}`;
  };
  const pendingToUs = usePendingCount(organisationId).data ?? 0;
  const tabs: { side: BookingSide; label: string }[] = [
    { side: 'requester', label: t('bookings.tabRequester') },
    { side: 'owner', label: pendingToUs > 0 ? `${t('bookings.tabOwner')} (${plural('bookings.pendingCount', pendingToUs)})` : t('bookings.tabOwner') },
  ];

  return (
    <>
      <PageHeading>{t('bookings.title')}</PageHeading>
      <p className="lead">{t('bookings.intro')}</p>
      <PremisesNav />
      {!organisation ? (
        <p>
          {t('booking.needOrganisation')} <Link to={paths.directory}>{t('booking.findOrganisation')}</Link>
        </p>
      ) : (
        <>
          {organisations.length > 1 && (
            <SelectField
              idPrefix="bookings"
              name="organisation"
              label={t('bookings.organisation')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              value={organisation.id}
              onValueChange={(value) =>
                setSearchParams((current) => {
                  const params = new URLSearchParams(current);
                  params.set('organisation', value);
                  return params;
                })
              }
            />
          )}
          <nav className="subnav booking-tabs" aria-label={t('bookings.tabsLabel', { name: organisation.name })}>
            <ul>
              {tabs.map((tab) => (
                <li key={tab.side}>
                  <Link to={{ search: link(tab.side) }} aria-current={tab.side === side ? 'page' : undefined} preventScrollReset>
                    {tab.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <h2>{side === 'owner' ? t('bookings.headingOwner', { name: organisation.name }) : t('bookings.headingRequester', { name: organisation.name })}</h2>
          {side === 'owner' && !organisation.admin && <p className="muted">{t('bookings.onlyAdminsDecide')}</p>}
          <BookingListView key={`${organisation.id}-${side}`} organisationId={organisation.id} side={side} list={side === 'owner' ? owned : requested} />
          <CalendarLinkPanel key={organisation.id} organisationId={organisation.id} admin={isAdminOf(user, organisation.id)} />
        </>
      )}
    </>
  );
}
