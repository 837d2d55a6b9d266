import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { offerInputSchema, wantedInputSchema, wantedRoom, type Wanted } from '../../../../shared/premises';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { isStaff, useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { useLiveRoom } from '../../lib/realtime';
import { organisationPath, premisesPath, signInPath } from '../../lib/paths';
import { useReference } from '../../lib/reference-data';
import { BusyButton, ErrorSummary, SelectField, TextAreaField, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { LoadError, Loading, errorText } from '../../lib/ui/status';
import { premisesKeys, usePremisesSearch, useWantedList, useWantedMutations } from './api';
import { activeOrganisations, isAdminOf, type OrganisationChoice } from './labels';
import { PremisesNav } from './premises-nav';
import './premises.css';

function OrganisationField({ idPrefix, organisations, value, onValueChange, error }: { idPrefix: string; organisations: OrganisationChoice[]; value: string; onValueChange(v: string): void; error?: string }) {
  const { t } = useI18n();
  if (organisations.length === 1) return <p>{t('wanted.asOrganisation', { name: organisations[0].name })}</p>;
  return (
    <SelectField idPrefix={idPrefix} name="organisationId" label={t('booking.organisation')} options={organisations.map((o) => ({ value: o.id, label: o.name }))} value={value} onValueChange={onValueChange} error={error} />
  );
}

function CreateWantedForm({ organisations, onDone }: { organisations: OrganisationChoice[]; onDone(title: string): void }) {
  const { t, locale } = useI18n();
  const reference = useReference();
  const { create } = useWantedMutations();
  const idPrefix = 'wanted';
  const [values, set] = useFormValues({ organisationId: organisations[0].id, title: '', description: '', capacity: '', district: '', when: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const labels: Record<string, string> = {
    organisationId: t('booking.organisation'),
    title: t('wanted.titleField'),
    description: t('wanted.description'),
    capacity: t('wanted.capacity'),
    district: t('premises.district'),
    when: t('wanted.when'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = wantedInputSchema.safeParse({ ...values, capacity: values.capacity.trim() ? Number(values.capacity) : undefined, district: values.district || null });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    create.mutate(parsed.data, { onSuccess: (w) => onDone(w.title), onError: (e) => setProblem(problemFromError(e, t)) });
  };
  return (
    <>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form" aria-labelledby="wanted-new-heading">
        <OrganisationField idPrefix={idPrefix} organisations={organisations} value={values.organisationId} onValueChange={set('organisationId')} error={problem?.fields.organisationId} />
        <TextField idPrefix={idPrefix} name="title" label={labels.title} hint={t('wanted.titleHint')} value={values.title} onValueChange={set('title')} error={problem?.fields.title} />
        <TextAreaField idPrefix={idPrefix} name="description" rows={4} label={labels.description} value={values.description} onValueChange={set('description')} error={problem?.fields.description} />
        <TextField idPrefix={idPrefix} name="capacity" type="number" inputMode="numeric" min={1} className="input-short" label={labels.capacity} value={values.capacity} onValueChange={set('capacity')} error={problem?.fields.capacity} />
        <SelectField
          idPrefix={idPrefix}
          name="district"
          label={labels.district}
          placeholder={t('wanted.anyDistrict')}
          options={reference.choices('district').map((item) => ({ value: item.slug, label: reference.name('district', item.slug) }))}
          value={values.district}
          onValueChange={set('district')}
          error={problem?.fields.district}
        />
        <TextField idPrefix={idPrefix} name="when" label={labels.when} hint={t('wanted.whenHint')} value={values.when} onValueChange={set('when')} error={problem?.fields.when} />
        <div className="form-actions">
          <BusyButton busy={create.isPending} busyText={t('common.saving')}>
            {t('wanted.publish')}
          </BusyButton>
        </div>
      </form>
    </>
  );
}

function OfferForm({ wanted, organisations, onDone }: { wanted: Wanted; organisations: OrganisationChoice[]; onDone(): void }) {
  const { t, locale } = useI18n();
  const { offer } = useWantedMutations();
  const idPrefix = `offer-${wanted.id}`;
  const [values, set] = useFormValues({ organisationId: organisations[0].id, premisesId: '', message: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const own = usePremisesSearch({ organisationId: values.organisationId, pageSize: 100 });
  const labels: Record<string, string> = { organisationId: t('booking.organisation'), premisesId: t('wanted.offerPremises'), message: t('wanted.offerMessage') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (offer.isPending) return;
    const parsed = offerInputSchema.safeParse({ organisationId: values.organisationId, premisesId: values.premisesId || null, message: values.message });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    offer.mutate({ wantedId: wanted.id, input: parsed.data }, { onSuccess: onDone, onError: (e) => setProblem(problemFromError(e, t)) });
  };
  return (
    <>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form offer-form">
        <OrganisationField idPrefix={idPrefix} organisations={organisations} value={values.organisationId} onValueChange={set('organisationId')} error={problem?.fields.organisationId} />
        <SelectField
          idPrefix={idPrefix}
          name="premisesId"
          label={labels.premisesId}
          optionalText={t('form.optional')}
          placeholder={t('wanted.noPremises')}
          options={(own.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={values.premisesId}
          onValueChange={set('premisesId')}
          error={problem?.fields.premisesId}
        />
        <TextAreaField idPrefix={idPrefix} name="message" rows={3} label={labels.message} value={values.message} onValueChange={set('message')} error={problem?.fields.message} />
        <div className="form-actions">
          <BusyButton busy={offer.isPending} busyText={t('common.saving')}>
            {t('wanted.sendOffer')}
          </BusyButton>
        </div>
      </form>
    </>
  );
}

function WantedCard({ wanted, organisations: mine }: { wanted: Wanted; organisations: OrganisationChoice[] }) {
  const { t, locale, plural, date } = useI18n();
  // One answers others' posts, not one's own organisation's.
  const organisations = mine.filter((o) => o.id !== wanted.organisation.id);
  const { user } = useCurrentUser();
  const { setOpen } = useWantedMutations();
  const [offering, setOffering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = `wanted-${wanted.id}-title`;
  const canClose = isAdminOf(user, wanted.organisation.id) || isStaff(user);
  const district = wanted.district ? (locale === 'en' ? wanted.district.nameEn : wanted.district.nameSv) : t('wanted.anyDistrict');
  return (
    <li className="card wanted-card" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {wanted.title}
      </h3>
      <p className="muted">
        <Link to={organisationPath(wanted.organisation.slug)}>{wanted.organisation.name}</Link> · <time dateTime={wanted.createdAt}>{date(wanted.createdAt)}</time>
        {!wanted.open && (
          <>
            {' · '}
            <span className="badge badge-archived">{t('wanted.closed')}</span>
          </>
        )}
      </p>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('wanted.capacity')}</dt>
          <dd>{plural('wanted.people', wanted.capacity)}</dd>
        </div>
        <div>
          <dt>{t('premises.district')}</dt>
          <dd>{district}</dd>
        </div>
        <div>
          <dt>{t('wanted.when')}</dt>
          <dd>{wanted.when}</dd>
        </div>
      </dl>
      <p className="preserve-lines">{wanted.description}</p>
      <h4>{plural('wanted.offerCount', wanted.offers.length)}</h4>
      {wanted.offers.length > 0 && (
        <ul className="offer-list">
          {wanted.offers.map((o) => (
            <li key={o.id}>
              <strong>{o.organisation.name}</strong>
              {o.premisesId && (
                <>
                  {' · '}
                  <Link to={premisesPath(o.premisesId)}>{t('wanted.seePremises')}</Link>
                </>
              )}
              <p className="preserve-lines">{o.message}</p>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {organisations.length > 0 && wanted.open && !offering && (
          <button type="button" className="button button-secondary button-small" onClick={() => setOffering(true)}>
            {t('wanted.offer')}
            <span className="visually-hidden">: {wanted.title}</span>
          </button>
        )}
        {canClose && (
          <BusyButton
            type="button"
            variant="secondary"
            className="button-small"
            busy={setOpen.isPending}
            busyText={t('common.saving')}
            onClick={() =>
              setOpen.mutate(
                { wantedId: wanted.id, open: !wanted.open },
                { onSuccess: (w) => announce(w.open ? t('wanted.reopened') : t('wanted.closedDone')), onError: (e) => setError(errorText(e, t('error.unexpectedShort'))) },
              )
            }
          >
            {wanted.open ? t('wanted.close') : t('wanted.reopen')}
          </BusyButton>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {offering && (
        <section aria-label={t('wanted.offerFormLabel', { title: wanted.title })}>
          <OfferForm
            wanted={wanted}
            organisations={organisations}
            onDone={() => {
              setOffering(false);
              announce(t('wanted.offerSent'));
              requestAnimationFrame(() => document.getElementById(headingId)?.focus());
            }}
          />
          <button type="button" className="button button-link" onClick={() => setOffering(false)}>
            {t('common.cancel')}
          </button>
        </section>
      )}
    </li>
  );
}

/** /lokaler/sokes: "we need a room for …" posts, and owners' offers in answer. */
export function WantedPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const location = useLocation();
  const query = useWantedList();
  const queryClient = useQueryClient();
  // Anyone's new post, offer, closing or reopening reloads the list quietly; after a gap, too.
  const reload = () => void queryClient.invalidateQueries({ queryKey: premisesKeys.wanted });
  useLiveRoom(wantedRoom, query.data?.cursor, reload, { onReset: reload });
  const organisations = activeOrganisations(user);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const createdRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  return (
    <>
      <PageHeading>{t('wanted.title')}</PageHeading>
      <p className="lead">{t('wanted.intro')}</p>
      <PremisesNav />
      {created && (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={createdRef}>
          {t('wanted.published', { title: created })}
        </p>
      )}
      {!user ? (
        <p>
          <Link to={signInPath(location.pathname)}>{t('wanted.signIn')}</Link>
        </p>
      ) : organisations.length === 0 ? (
        <p>{t('booking.needOrganisation')}</p>
      ) : creating ? (
        <section aria-labelledby="wanted-new-heading" className="section">
          <h2 id="wanted-new-heading">{t('wanted.newTitle')}</h2>
          <CreateWantedForm
            organisations={organisations}
            onDone={(title) => {
              setCreating(false);
              setCreated(title);
            }}
          />
          <button type="button" className="button button-link" onClick={() => setCreating(false)}>
            {t('common.cancel')}
          </button>
        </section>
      ) : (
        <p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('wanted.newTitle')}
          </button>
        </p>
      )}
      <h2>{t('wanted.listTitle')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <p>{t('wanted.none')}</p>
        ) : (
          <ul className="card-list wanted-list">
            {query.data.items.map((w) => (
              <WantedCard key={w.id} wanted={w} organisations={organisations} />
            ))}
          </ul>
        ))}
    </>
  );
}
