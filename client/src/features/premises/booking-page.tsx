import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Booking } from '../../../../shared/premises';
import { organisationRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { isApiError } from '../../lib/api';
import { isStaff, useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { paths, premisesPath } from '../../lib/paths';
import { useLiveRoom } from '../../lib/realtime';
import { LoadError, Loading } from '../../lib/ui/status';
import { isOwnChange, premisesKeys, useBooking, useOrganisationCursor } from './api';
import { BookingActions } from './booking-actions';
import { useBookingNoticeText } from './bookings-page';
import { isMemberOf, localDateLabel, statusLabel, timeRange } from './labels';
import { applyBookingEvent, isNewsTo } from './live';
import './premises.css';

/** One booking, for the two organisations involved (where notifications lead); live from their room. */
export function BookingPage() {
  const { id = '' } = useParams();
  const { t, locale, plural, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useBooking(id);
  const booking = query.data;
  const noticeText = useBookingNoticeText();
  const key = premisesKeys.booking(id);
  // The room of whichever of the two organisations one belongs to, from the cursor of that
  // organisation's list; the booking is read again once that cursor is known, so nothing between
  // the two loads is missed.
  const side = booking?.requester && isMemberOf(user, booking.requester.organisation.id) ? 'requester' : 'owner';
  // Staff who belong to neither follow the owner's room, which they may join (roomAccess.org).
  const organisationId = booking
    ? side === 'requester'
      ? booking.requester!.organisation.id
      : isMemberOf(user, booking.ownerOrganisationId) || isStaff(user)
        ? booking.ownerOrganisationId
        : null
    : null;
  const cursor = useOrganisationCursor(organisationId, side);
  const listLoadedAt = cursor.dataUpdatedAt;
  useEffect(() => {
    if (listLoadedAt) void queryClient.invalidateQueries({ queryKey: key });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listLoadedAt]);
  useLiveRoom(
    organisationId ? organisationRoom(organisationId) : null,
    cursor.data,
    (event: LiveEvent) => {
      const old = queryClient.getQueryData<Booking>(key);
      if (!old) return;
      const result = applyBookingEvent(old, event);
      if (result.data !== old) queryClient.setQueryData<Booking>(key, result.data);
      if (result.notice && isNewsTo(result.notice, user?.id ?? null, isOwnChange(result.notice.booking))) announce(noticeText(result.notice));
    },
    { onReset: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );

  const title = booking ? t('bookingPage.title', { premises: booking.premisesName }) : t('bookingPage.titlePlain');
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.bookings}>{t('bookingPage.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {query.isPending && <Loading />}
      {query.isError &&
        (isApiError(query.error, 404) || isApiError(query.error, 403) ? <p>{t('bookingPage.notFound')}</p> : <LoadError error={query.error} onRetry={() => query.refetch()} />)}
      {booking && (
        <>
          <p className="lead">
            {localDateLabel(locale, booking.localDate)} {timeRange(booking.localStart, booking.localEnd)} –{' '}
            <span className={`badge badge-status badge-${booking.status}`}>{statusLabel(t, booking.status)}</span>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('bookingPage.premises')}</dt>
              <dd>
                <Link to={premisesPath(booking.premisesId)}>{booking.premisesName}</Link>
              </dd>
            </div>
            {booking.requester && (
              <>
                <div>
                  <dt>{t('bookingPage.requester')}</dt>
                  <dd>
                    {booking.requester.organisation.name}
                    {booking.requester.person && (
                      <>
                        {' – '}
                        {booking.requester.person.name} (<a href={`mailto:${booking.requester.person.email}`}>{booking.requester.person.email}</a>)
                      </>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('booking.purpose')}</dt>
                  <dd>{booking.requester.purpose}</dd>
                </div>
                <div>
                  <dt>{t('booking.attendees')}</dt>
                  <dd>{plural('bookings.attendees', booking.requester.attendees)}</dd>
                </div>
              </>
            )}
            {booking.seriesId && (
              <div>
                <dt>{t('bookingPage.series')}</dt>
                <dd>{t('bookingPage.partOfSeries')}</dd>
              </div>
            )}
            {booking.decisionMessage && (
              <div>
                <dt>{t('bookingPage.decisionMessage')}</dt>
                <dd className="preserve-lines">{booking.decisionMessage}</dd>
              </div>
            )}
            <div>
              <dt>{t('bookingPage.requestedAt')}</dt>
              <dd>
                <time dateTime={booking.createdAt}>{dateTime(booking.createdAt)}</time>
              </dd>
            </div>
          </dl>
          <BookingActions booking={booking} />
        </>
      )}
    </>
  );
}
