import { useState, type FormEvent } from 'react';
import type { Booking, Conflict } from '../../../../shared/premises';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { isApiError } from '../../lib/api';
import { useCurrentUser } from '../../lib/current-user';
import { Dialog } from '../../lib/ui/dialog';
import { BusyButton, TextAreaField } from '../../lib/ui/form';
import { errorText } from '../../lib/ui/status';
import { useBookingDecisions } from './api';
import { isAdminOf, localDateLabel, reasonLabel, timeRange } from './labels';

type Action = 'approve' | 'decline' | 'cancel' | 'approveSeries';

/** Whether one may withdraw/cancel: the person who asked, or the requester's admins; before it starts. */
export function canCancel(user: ReturnType<typeof useCurrentUser>['user'], booking: Booking, now = Date.now()): boolean {
  if (!user || !booking.requester) return false;
  if (booking.status !== 'pending' && booking.status !== 'approved') return false;
  if (new Date(booking.start).getTime() <= now) return false;
  return booking.requester.person?.id === user.id || isAdminOf(user, booking.requester.organisation.id);
}

export const canDecide = (user: ReturnType<typeof useCurrentUser>['user'], booking: Booking) => booking.status === 'pending' && isAdminOf(user, booking.ownerOrganisationId);

/** "Godkänn", "Avböj" (owner admins), "Avboka" (requester), each confirmed in a dialog with an optional message. */
export function BookingActions({ booking, seriesPending = [] }: { booking: Booking; seriesPending?: Booking[] }) {
  const { t, locale, plural } = useI18n();
  const { user } = useCurrentUser();
  const decisions = useBookingDecisions();
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [clashes, setClashes] = useState<Conflict[] | null>(null);
  const when = `${localDateLabel(locale, booking.localDate)} ${timeRange(booking.localStart, booking.localEnd)}`;
  const who = booking.requester?.organisation.name ?? '';
  const decide = canDecide(user, booking);
  const cancel = canCancel(user, booking);
  const series = decide && booking.seriesId && seriesPending.length > 1;
  if (!decide && !cancel) return null;

  const open = (next: Action) => {
    setAction(next);
    setMessage('');
    setError(null);
    setClashes(null);
  };
  const close = () => setAction(null);
  const busy = decisions.approve.isPending || decisions.decline.isPending || decisions.cancel.isPending || decisions.approveSeries.isPending;

  const fail = (e: unknown) => {
    if (isApiError(e, 409) && e.problem.conflicts?.length && action === 'approveSeries') setClashes(e.problem.conflicts);
    setError(errorText(e, t('error.unexpectedShort')));
  };

  const run = (skipConflicts = false) => {
    const done = (text: string) => {
      announce(text);
      close();
    };
    if (action === 'approve') decisions.approve.mutate({ id: booking.id, message }, { onSuccess: () => done(t('bookings.done.approved', { when })), onError: fail });
    if (action === 'decline') decisions.decline.mutate({ id: booking.id, message }, { onSuccess: () => done(t('bookings.done.declined', { when })), onError: fail });
    if (action === 'cancel') decisions.cancel.mutate({ id: booking.id }, { onSuccess: () => done(t('bookings.done.cancelled', { when })), onError: fail });
    if (action === 'approveSeries' && booking.seriesId) {
      decisions.approveSeries.mutate(
        { seriesId: booking.seriesId, message, skipConflicts },
        { onSuccess: (answer) => done(plural('bookings.done.seriesApproved', answer.approved.length)), onError: fail },
      );
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) run();
  };

  const titles: Record<Action, string> = {
    approve: t('bookings.approveTitle', { when }),
    decline: t('bookings.declineTitle', { when }),
    cancel: booking.status === 'pending' ? t('bookings.withdrawTitle', { when }) : t('bookings.cancelTitle', { when }),
    approveSeries: plural('bookings.approveSeriesTitle', seriesPending.length),
  };
  const confirmText: Record<Action, string> = {
    approve: t('bookings.approveConfirm'),
    decline: t('bookings.declineConfirm'),
    cancel: booking.status === 'pending' ? t('bookings.withdrawConfirm') : t('bookings.cancelConfirm'),
    approveSeries: plural('bookings.approveSeriesConfirm', seriesPending.length),
  };
  const dialogId = `booking-${booking.id}-dialog`;

  return (
    <div className="button-row booking-actions">
      {decide && (
        <>
          <button type="button" className="button button-primary button-small" onClick={() => open('approve')} aria-label={t('bookings.approveLabel', { when, who })}>
            {t('bookings.approve')}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => open('decline')} aria-label={t('bookings.declineLabel', { when, who })}>
            {t('bookings.decline')}
          </button>
        </>
      )}
      {series && (
        <button type="button" className="button button-secondary button-small" onClick={() => open('approveSeries')}>
          {plural('bookings.approveSeries', seriesPending.length)}
        </button>
      )}
      {cancel && (
        <button type="button" className="button button-secondary button-small" onClick={() => open('cancel')} aria-label={`${booking.status === 'pending' ? t('bookings.withdraw') : t('bookings.cancel')}: ${when}`}>
          {booking.status === 'pending' ? t('bookings.withdraw') : t('bookings.cancel')}
        </button>
      )}
      <Dialog id={dialogId} title={action ? titles[action] : ''} open={action !== null} onClose={close}>
        {action && (
          <form className="form" onSubmit={submit} noValidate>
            {who && action !== 'cancel' && <p>{t('bookings.dialogFrom', { name: who, purpose: booking.requester?.purpose ?? '' })}</p>}
            {action !== 'cancel' && (
              <TextAreaField
                idPrefix={dialogId}
                name="message"
                rows={3}
                label={action === 'decline' ? t('bookings.declineMessage') : t('bookings.message')}
                optionalText={t('form.optional')}
                hint={t('bookings.messageHint')}
                value={message}
                onValueChange={setMessage}
              />
            )}
            {error && (
              <div className="field-error" role="alert">
                <p>{error}</p>
                {clashes && (
                  <ul>
                    {clashes.map((c) => (
                      <li key={`${c.date}-${c.start}`}>
                        {t('booking.conflictItem', { date: localDateLabel(locale, c.date), time: timeRange(c.start, c.end), reason: reasonLabel(t, c.reason) })}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            <div className="form-actions">
              <BusyButton busy={busy} busyText={t('common.saving')} variant={action === 'decline' || action === 'cancel' ? 'danger' : 'primary'}>
                {confirmText[action]}
              </BusyButton>
              {clashes && seriesPending.length > clashes.length && (
                <BusyButton type="button" variant="secondary" busy={busy} busyText={t('common.saving')} onClick={() => run(true)}>
                  {plural('bookings.approveRest', seriesPending.length - clashes.length)}
                </BusyButton>
              )}
              <button type="button" className="button button-secondary" onClick={close}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
