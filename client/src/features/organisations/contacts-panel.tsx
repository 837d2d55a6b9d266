import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { contactInputSchema, type Contact, type OrganisationDetail } from '../../../../shared/organisations';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { signInPath } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { Notice, VisuallyHidden, errorText } from '../../lib/ui/status';
import { useContactMutations } from './api';

function ContactForm({
  idPrefix,
  contact,
  busy,
  onSave,
  onCancel,
  problem,
}: {
  idPrefix: string;
  contact?: Contact;
  busy: boolean;
  onSave(values: { name: string; title: string; email: string; phone: string }): void;
  onCancel(): void;
  problem: FormProblem | null;
}) {
  const { t } = useI18n();
  const [values, set] = useFormValues({
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  });
  const labels = { name: t('contact.name'), title: t('contact.title'), email: t('contact.email'), phone: t('contact.phone') };
  const optional = t('form.optional');
  return (
    <form
      noValidate
      className="form contact-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!busy) onSave(values);
      }}
    >
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <TextField idPrefix={idPrefix} name="name" autoComplete="off" autoFocus required label={labels.name} value={values.name} onValueChange={set('name')} error={problem?.fields.name} />
      <TextField idPrefix={idPrefix} name="title" autoComplete="off" label={labels.title} optionalText={optional} hint={t('contact.titleHint')} value={values.title} onValueChange={set('title')} error={problem?.fields.title} />
      <TextField idPrefix={idPrefix} name="email" type="email" autoComplete="off" spellCheck={false} label={labels.email} optionalText={optional} value={values.email} onValueChange={set('email')} error={problem?.fields.email} />
      <TextField idPrefix={idPrefix} name="phone" type="tel" autoComplete="off" label={labels.phone} optionalText={optional} value={values.phone} onValueChange={set('phone')} error={problem?.fields.phone} />
      <div className="form-actions">
        <BusyButton busy={busy} busyText={t('common.saving')}>
          {t('contact.save')}
        </BusyButton>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ContactCard({ organisation, contact, onStatus }: { organisation: OrganisationDetail; contact: Contact; onStatus(message: string): void }) {
  const { t, date, locale } = useI18n();
  const mutations = useContactMutations(organisation.id);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmRemove'>('view');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const canEdit = organisation.viewer.canEdit;
  const idPrefix = `contact-${contact.id}`;
  // When a form or question closes, focus goes back to the button that opened it.
  const returnFocusTo = useRef<string | null>(null);
  const backToView = (buttonId: string) => {
    returnFocusTo.current = buttonId;
    setMode('view');
  };
  useEffect(() => {
    if (mode === 'view' && returnFocusTo.current) {
      document.getElementById(returnFocusTo.current)?.focus();
      returnFocusTo.current = null;
    }
  }, [mode]);

  const save = (values: { name: string; title: string; email: string; phone: string }) => {
    const parsed = contactInputSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    mutations.update.mutate(
      { contactId: contact.id, input: parsed.data },
      {
        onSuccess: () => {
          backToView(`${idPrefix}-edit`);
          onStatus(t('contact.saved', { name: parsed.data.name }));
        },
        onError: (error) => setProblem(problemFromError(error, t)),
      },
    );
  };

  if (mode === 'edit') {
    return (
      <li className="contact-card">
        <h3>{t('contact.editTitle', { name: contact.name })}</h3>
        <ContactForm idPrefix={idPrefix} contact={contact} busy={mutations.update.isPending} onSave={save} onCancel={() => backToView(`${idPrefix}-edit`)} problem={problem} />
      </li>
    );
  }

  return (
    <li className={contact.needsConfirmation ? 'contact-card contact-card-stale' : 'contact-card'}>
      <h3>{contact.name}</h3>
      {contact.title && <p className="contact-title">{contact.title}</p>}
      {(contact.email || contact.phone) && (
        <ul className="contact-details">
          {contact.email && (
            <li>
              <span className="visually-hidden">{t('contact.email')}: </span>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </li>
          )}
          {contact.phone && (
            <li>
              <span className="visually-hidden">{t('contact.phone')}: </span>
              <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
            </li>
          )}
        </ul>
      )}
      <p className="contact-confirmed">
        {t('contact.lastConfirmed')}: <time dateTime={contact.lastConfirmedAt}>{date(contact.lastConfirmedAt)}</time>
      </p>
      {contact.needsConfirmation && (
        <p className="warning-text">
          <span className="warning-icon" aria-hidden="true">
            !
          </span>
          {t('contact.needsConfirmation')}
        </p>
      )}
      {actionError && (
        <p className="field-error" role="alert">
          {actionError}
        </p>
      )}
      {canEdit && mode === 'view' && (
        <div className="button-row">
          <BusyButton
            type="button"
            variant={contact.needsConfirmation ? 'primary' : 'secondary'}
            busy={mutations.confirm.isPending}
            busyText={t('contact.confirming')}
            onClick={() => {
              setActionError(null);
              mutations.confirm.mutate(contact.id, {
                onSuccess: () => onStatus(t('contact.confirmed', { name: contact.name })),
                onError: (error) => setActionError(errorText(error, t('error.unexpectedShort'))),
              });
            }}
          >
            {t('contact.confirm')}
            <VisuallyHidden> {contact.name}</VisuallyHidden>
          </BusyButton>
          <button type="button" id={`${idPrefix}-edit`} className="button button-secondary" onClick={() => setMode('edit')}>
            {t('common.edit')}
            <VisuallyHidden> {contact.name}</VisuallyHidden>
          </button>
          <button type="button" id={`${idPrefix}-remove`} className="button button-secondary" onClick={() => setMode('confirmRemove')}>
            {t('common.remove')}
            <VisuallyHidden> {contact.name}</VisuallyHidden>
          </button>
        </div>
      )}
      {canEdit && mode === 'confirmRemove' && (
        <div className="confirm-box" role="group" aria-label={t('contact.removeQuestion', { name: contact.name })}>
          <p>{t('contact.removeQuestion', { name: contact.name })}</p>
          <div className="button-row">
            <BusyButton
              type="button"
              variant="danger"
              autoFocus
              busy={mutations.remove.isPending}
              busyText={t('common.removing')}
              onClick={() => {
                setActionError(null);
                mutations.remove.mutate(contact.id, {
                  onSuccess: () => onStatus(t('contact.removed', { name: contact.name })),
                  onError: (error) => {
                    backToView(`${idPrefix}-remove`);
                    setActionError(errorText(error, t('error.unexpectedShort')));
                  },
                });
              }}
            >
              {t('contact.removeYes')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => backToView(`${idPrefix}-remove`)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

export function ContactsPanel({ organisation }: { organisation: OrganisationDetail }) {
  const { t, locale } = useI18n();
  const location = useLocation();
  const { user } = useCurrentUser();
  const mutations = useContactMutations(organisation.id);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canEdit = organisation.viewer.canEdit;
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && !adding) document.getElementById('add-contact')?.focus();
    wasAdding.current = adding;
  }, [adding]);
  const staleCount = organisation.contacts.filter((c) => c.needsConfirmation).length;

  const add = (values: { name: string; title: string; email: string; phone: string }) => {
    const parsed = contactInputSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    mutations.add.mutate(parsed.data, {
      onSuccess: () => {
        setAdding(false);
        setStatus(t('contact.added', { name: parsed.data.name }));
      },
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <section aria-labelledby="contacts-heading" className="section">
      <h2 id="contacts-heading">{t('contact.sectionTitle')}</h2>
      {!user && (
        <p className="muted">
          <Link to={signInPath(location.pathname)}>{t('contact.signInForDetails')}</Link>
        </p>
      )}
      {canEdit && staleCount > 0 && (
        <Notice kind="warning" title={t('contact.staleNoticeTitle')}>
          <p>{t('contact.staleNoticeText')}</p>
        </Notice>
      )}
      <LiveStatus message={status} />
      {organisation.contacts.length === 0 ? (
        <p className="muted">{t('contact.none')}</p>
      ) : (
        <ul className="contact-list">
          {organisation.contacts.map((contact) => (
            <ContactCard key={contact.id} organisation={organisation} contact={contact} onStatus={setStatus} />
          ))}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <div className="card">
            <h3>{t('contact.addTitle')}</h3>
            <ContactForm idPrefix="new-contact" busy={mutations.add.isPending} onSave={add} onCancel={() => setAdding(false)} problem={problem} />
          </div>
        ) : (
          <p>
            <button
              type="button"
              id="add-contact"
              className="button button-secondary"
              onClick={() => {
                setStatus(null);
                setProblem(null);
                setAdding(true);
              }}
            >
              {t('contact.add')}
            </button>
          </p>
        ))}
    </section>
  );
}
