import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { bookingRequestSchema, type BookingRequest, type Conflict, type Premises } from '../../../../shared/premises';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { useCurrentUser } from '../../lib/current-user';
import { paths, signInPath } from '../../lib/paths';
import { BusyButton, ErrorSummary, SelectField, TextAreaField, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { Notice } from '../../lib/ui/status';
import { useRequestBooking, type BookingResult } from './api';
import { activeOrganisations, localDateLabel, reasonLabel, timeRange, weekdayName, type OrganisationChoice } from './labels';
import { TimeSelect } from './time-select';
import { firstOnOrAfter, isIsoDate, isoWeekday, seriesDates, todayInStockholm } from './week';

const idPrefix = 'booking';

export interface BookingPrefill {
  date?: string;
  from?: string;
  to?: string;
}

interface Values {
  organisationId: string;
  mode: 'single' | 'weekly';
  date: string;
  weekday: string;
  startTime: string;
  endTime: string;
  weeks: string;
  purpose: string;
  attendees: string;
}

interface Refusal {
  conflicts: Conflict[];
  requested: number;
  input: BookingRequest;
  message: string;
}

function ConflictList({ conflicts }: { conflicts: Conflict[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="conflict-list">
      {conflicts.map((c) => (
        <li key={`${c.date}-${c.start}`}>
          {t('booking.conflictItem', { date: localDateLabel(locale, c.date), time: timeRange(c.start, c.end), reason: reasonLabel(t, c.reason) })}
        </li>
      ))}
    </ul>
  );
}

/** Who may ask: signed in, with an organisation; the form itself once that is known. */
export function BookingForm({ premises, prefill }: { premises: Premises; prefill: BookingPrefill }) {
  const { t } = useI18n();
  const { user, isLoading } = useCurrentUser();
  const location = useLocation();
  const organisations = activeOrganisations(user);
  if (isLoading) return null;
  if (!user) {
    return (
      <p>
        <Link to={signInPath(location.pathname + location.search)}>{t('booking.signInToBook')}</Link>
      </p>
    );
  }
  if (premises.archived) return <Notice kind="warning">{t('booking.archived')}</Notice>;
  if (!organisations.length) {
    return (
      <p>
        {t('booking.needOrganisation')} <Link to={paths.directory}>{t('booking.findOrganisation')}</Link>
      </p>
    );
  }
  // Keyed by the person: the form's starting values (the acting organisation) depend on who it is.
  return <BookingRequestForm key={user.id} premises={premises} prefill={prefill} organisations={organisations} />;
}

/** The request form: one time, or the same weekday and time for some weeks; for one of one's organisations. */
function BookingRequestForm({ premises, prefill, organisations }: { premises: Premises; prefill: BookingPrefill; organisations: OrganisationChoice[] }) {
  const { t, locale, plural } = useI18n();
  const request = useRequestBooking(premises.id);
  const defaultOrg = organisations.find((o) => o.id !== premises.organisation.id) ?? organisations[0];
  const startDate = isIsoDate(prefill.date) ? prefill.date : '';
  const [values, set] = useFormValues<Values>(() => ({
    organisationId: defaultOrg?.id ?? '',
    mode: 'single',
    date: startDate,
    weekday: String(startDate ? isoWeekday(startDate) : 2),
    startTime: prefill.from ?? '',
    endTime: prefill.to ?? '',
    weeks: '4',
    purpose: '',
    attendees: '',
  }));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [result, setResult] = useState<BookingResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const weekly = values.mode === 'weekly';
  const weeks = Number(values.weeks);
  const firstDate = weekly && isIsoDate(values.date) ? firstOnOrAfter(values.date, Number(values.weekday)) : values.date;
  const preview = weekly && isIsoDate(firstDate) && Number.isInteger(weeks) && weeks >= 2 && weeks <= 52 ? seriesDates(firstDate, weeks) : [];
  const own = values.organisationId === premises.organisation.id;

  const labels: Record<string, string> = {
    organisationId: t('booking.organisation'),
    date: weekly ? t('booking.fromDate') : t('booking.date'),
    weekday: t('booking.weekday'),
    startTime: t('booking.startTime'),
    endTime: t('booking.endTime'),
    weeks: t('booking.weeks'),
    purpose: t('booking.purpose'),
    attendees: t('booking.attendees'),
  };

  const send = (input: BookingRequest, requested: number) => {
    setProblem(null);
    setRefusal(null);
    setResult(null);
    request.mutate(input, {
      onSuccess: (answer) => setResult(answer),
      onError: (error) => {
        if (isApiError(error, 409) && error.problem.conflicts?.length) {
          setRefusal({ conflicts: error.problem.conflicts, requested, input, message: error.problem.detail ?? error.problem.title });
        } else {
          setProblem(problemFromError(error, t));
        }
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const parsed = bookingRequestSchema.safeParse({
      organisationId: values.organisationId,
      date: firstDate,
      startTime: values.startTime,
      endTime: values.endTime,
      weeks: weekly ? (values.weeks.trim() ? Number(values.weeks) : undefined) : 1,
      purpose: values.purpose,
      attendees: values.attendees.trim() ? Number(values.attendees) : undefined,
    });
    if (!parsed.success) {
      setRefusal(null);
      setResult(null);
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    send(parsed.data, parsed.data.weeks);
  };

  const bookTheRest = () => {
    if (!refusal) return;
    send({ ...refusal.input, skipConflicts: true }, refusal.requested);
  };

  const free = refusal ? refusal.requested - refusal.conflicts.length : 0;
  const booked = result?.bookings ?? [];
  const approved = booked.length > 0 && booked.every((b) => b.status === 'approved');

  return (
    <>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      {refusal && (
        <div className="notice notice-warning" role="alert" tabIndex={-1} ref={refusalRef} aria-labelledby="booking-refusal-title">
          <h3 id="booking-refusal-title" className="notice-title">
            {refusal.requested > 1 ? t('booking.conflictsTitle', { count: refusal.conflicts.length, total: refusal.requested }) : t('booking.conflictTitle')}
          </h3>
          <ConflictList conflicts={refusal.conflicts} />
          {free > 0 ? (
            <>
              <p>{plural('booking.restQuestion', free)}</p>
              <div className="button-row">
                <BusyButton type="button" busy={request.isPending} busyText={t('booking.sending')} onClick={bookTheRest}>
                  {plural('booking.bookTheRest', free)}
                </BusyButton>
                <button type="button" className="button button-secondary" onClick={() => setRefusal(null)}>
                  {t('booking.changeRequest')}
                </button>
              </div>
            </>
          ) : (
            <p>{t('booking.chooseAnother')}</p>
          )}
        </div>
      )}
      {result && (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={resultRef}>
          <p className="notice-title">
            {approved ? plural('booking.bookedDirectly', booked.length) : plural('booking.requestSent', booked.length, { name: premises.organisation.name })}
          </p>
          <ul className="conflict-list">
            {booked.map((b) => (
              <li key={b.id}>
                {localDateLabel(locale, b.localDate)} {timeRange(b.localStart, b.localEnd)}
              </li>
            ))}
          </ul>
          {result.skipped.length > 0 && (
            <>
              <p>{t('booking.skipped')}</p>
              <ConflictList conflicts={result.skipped} />
            </>
          )}
          <p>
            <Link to={paths.bookings}>{t('booking.seeBookings')}</Link>
          </p>
        </div>
      )}
      <form noValidate onSubmit={submit} className="form booking-form" aria-labelledby="booking-heading">
        {organisations.length > 1 ? (
          <SelectField
            idPrefix={idPrefix}
            name="organisationId"
            label={labels.organisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            value={values.organisationId}
            onValueChange={set('organisationId')}
            error={problem?.fields.organisationId}
            hint={t('booking.organisationHint')}
          />
        ) : (
          <p>{t('booking.forOrganisation', { name: organisations[0].name })}</p>
        )}
        {own && <p className="field-hint">{t('booking.ownHint')}</p>}
        <fieldset className="fieldset">
          <legend className="field-label">{t('booking.modeLegend')}</legend>
          <div className="radio">
            <input type="radio" id="booking-mode-single" name="mode" value="single" checked={!weekly} onChange={() => set('mode')('single')} />
            <label htmlFor="booking-mode-single">{t('booking.modeSingle')}</label>
          </div>
          <div className="radio">
            <input type="radio" id="booking-mode-weekly" name="mode" value="weekly" checked={weekly} onChange={() => set('mode')('weekly')} />
            <label htmlFor="booking-mode-weekly">{t('booking.modeWeekly')}</label>
          </div>
        </fieldset>
        {weekly && (
          <SelectField
            idPrefix={idPrefix}
            name="weekday"
            label={labels.weekday}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(locale, d) }))}
            value={values.weekday}
            onValueChange={set('weekday')}
          />
        )}
        <TextField
          idPrefix={idPrefix}
          name="date"
          type="date"
          className="input-short"
          min={todayInStockholm()}
          label={labels.date}
          hint={weekly ? t('booking.fromDateHint') : undefined}
          value={values.date}
          onValueChange={set('date')}
          error={problem?.fields.date}
        />
        <div className="time-pair">
          <TimeSelect idPrefix={idPrefix} name="startTime" label={labels.startTime} placeholder="–" value={values.startTime} onValueChange={set('startTime')} error={problem?.fields.startTime} />
          <TimeSelect idPrefix={idPrefix} name="endTime" label={labels.endTime} placeholder="–" value={values.endTime} onValueChange={set('endTime')} error={problem?.fields.endTime} />
        </div>
        {weekly && (
          <>
            <TextField
              idPrefix={idPrefix}
              name="weeks"
              type="number"
              inputMode="numeric"
              min={2}
              max={52}
              className="input-short"
              label={labels.weeks}
              hint={t('booking.weeksHint')}
              value={values.weeks}
              onValueChange={set('weeks')}
              error={problem?.fields.weeks}
            />
            {preview.length > 0 && (
              <details className="series-preview">
                <summary>{plural('booking.previewSummary', preview.length, { first: localDateLabel(locale, preview[0], 'short'), last: localDateLabel(locale, preview.at(-1)!, 'short') })}</summary>
                <ul>
                  {preview.map((date) => (
                    <li key={date}>{localDateLabel(locale, date)}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
        <TextAreaField idPrefix={idPrefix} name="purpose" rows={3} label={labels.purpose} hint={t('booking.purposeHint')} value={values.purpose} onValueChange={set('purpose')} error={problem?.fields.purpose} />
        <TextField
          idPrefix={idPrefix}
          name="attendees"
          type="number"
          inputMode="numeric"
          min={1}
          max={premises.capacity}
          className="input-short"
          label={labels.attendees}
          hint={t('booking.attendeesHint', { max: premises.capacity })}
          value={values.attendees}
          onValueChange={set('attendees')}
          error={problem?.fields.attendees}
        />
        <div className="form-actions">
          <BusyButton busy={request.isPending} busyText={t('booking.sending')}>
            {own ? t('booking.submitOwn') : t('booking.submit')}
          </BusyButton>
        </div>
      </form>
    </>
  );
}
