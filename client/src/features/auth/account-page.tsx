import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { changePasswordSchema, localeSchema } from '../../../../shared/auth';
import type { Locale } from '../../../../shared/messages';
import { text } from '../../../../shared/validation';
import { useLocaleStore } from '../../i18n/locale-store';
import { translate } from '../../i18n/translate';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { organisationPath, paths } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { useChangePassword, useUpdateProfile } from './api';

const nameSchema = text(120);

function DetailsForm() {
  const { t, locale } = useI18n();
  const { user } = useCurrentUser();
  const update = useUpdateProfile();
  const [name, setName] = useState(user?.name ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const parsed = nameSchema.safeParse(name);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ['name'] })), locale, t));
      return;
    }
    setProblem(null);
    setSaved(null);
    update.mutate(
      { name: parsed.data },
      { onSuccess: () => setSaved(t('account.details.saved')), onError: (error) => setProblem(problemFromError(error, t)) },
    );
  };

  return (
    <section aria-labelledby="account-details" className="section">
      <h2 id="account-details">{t('account.details.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('auth.email')}</dt>
          <dd>{user?.email}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{user ? t(`role.${user.role}`) : ''}</dd>
        </div>
      </dl>
      <ErrorSummary problem={problem} idPrefix="account" labels={{ name: t('auth.name') }} />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField idPrefix="account" name="name" autoComplete="name" required label={t('auth.name')} value={name} onValueChange={setName} error={problem?.fields.name} />
        <div className="form-actions">
          <BusyButton busy={update.isPending} busyText={t('common.saving')}>
            {t('account.details.submit')}
          </BusyButton>
        </div>
        <LiveStatus message={update.isPending ? t('common.saving') : saved} />
      </form>
    </section>
  );
}

function LanguageForm() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const setLocale = useLocaleStore((s) => s.setLocale);
  const update = useUpdateProfile();
  const [choice, setChoice] = useState<Locale>(user?.locale ?? 'sv');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const locale = localeSchema.parse(choice);
    setProblem(null);
    setSaved(null);
    update.mutate(
      { locale },
      {
        onSuccess: () => {
          setLocale(locale);
          setSaved(translate(locale, 'account.language.saved'));
        },
        onError: (error) => setProblem(problemFromError(error, t)),
      },
    );
  };

  return (
    <section aria-labelledby="account-language" className="section">
      <h2 id="account-language">{t('account.language.title')}</h2>
      <ErrorSummary problem={problem} idPrefix="language" labels={{}} />
      <form noValidate onSubmit={onSubmit} className="form">
        <fieldset className="fieldset">
          <legend className="field-label">{t('account.language.legend')}</legend>
          <p className="field-hint">{t('account.language.hint')}</p>
          {(['sv', 'en'] as const).map((option) => (
            <div className="radio" key={option}>
              <input type="radio" id={`language-${option}`} name="locale" value={option} checked={choice === option} onChange={() => setChoice(option)} />
              <label htmlFor={`language-${option}`} lang={option}>
                {option === 'sv' ? 'Svenska' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-actions">
          <BusyButton busy={update.isPending} busyText={t('common.saving')}>
            {t('account.language.submit')}
          </BusyButton>
        </div>
        <LiveStatus message={update.isPending ? t('common.saving') : saved} />
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t, locale } = useI18n();
  const change = useChangePassword();
  const [values, set, setValues] = useFormValues({ currentPassword: '', newPassword: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const labels = { currentPassword: t('account.password.current'), newPassword: t('auth.newPassword') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const parsed = changePasswordSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    setSaved(null);
    change.mutate(parsed.data, {
      onSuccess: () => {
        setValues({ currentPassword: '', newPassword: '' });
        setSaved(t('account.password.saved'));
      },
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <section aria-labelledby="account-password" className="section">
      <h2 id="account-password">{t('account.password.title')}</h2>
      <p>{t('account.password.intro')}</p>
      <ErrorSummary problem={problem} idPrefix="password" labels={labels} />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField
          idPrefix="password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          label={labels.currentPassword}
          value={values.currentPassword}
          onValueChange={set('currentPassword')}
          error={problem?.fields.currentPassword}
        />
        <TextField
          idPrefix="password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          label={labels.newPassword}
          hint={t('auth.passwordHint')}
          value={values.newPassword}
          onValueChange={set('newPassword')}
          error={problem?.fields.newPassword}
        />
        <div className="form-actions">
          <BusyButton busy={change.isPending} busyText={t('common.saving')}>
            {t('account.password.submit')}
          </BusyButton>
        </div>
        <LiveStatus message={change.isPending ? t('common.saving') : saved} />
      </form>
    </section>
  );
}

function Memberships() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const memberships = user?.memberships ?? [];
  return (
    <section aria-labelledby="account-memberships" className="section">
      <h2 id="account-memberships">{t('account.memberships.title')}</h2>
      {memberships.length === 0 ? (
        <p>{t('account.memberships.none')}</p>
      ) : (
        <ul className="card-list">
          {memberships.map((membership) => (
            <li key={membership.organisationId} className="card">
              <p className="card-title">
                <Link to={organisationPath(membership.organisationSlug)}>{membership.organisationName}</Link>
              </p>
              <p>
                {membership.status === 'pending'
                  ? t('membership.pendingShort')
                  : t('account.memberships.role', { role: t(`membershipRole.${membership.role}`) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.directory}>{t('account.memberships.find')}</Link> · <Link to={paths.newOrganisation}>{t('directory.register')}</Link>
      </p>
    </section>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <div className="two-column">
        <div>
          <DetailsForm />
          <LanguageForm />
          <PasswordForm />
        </div>
        <Memberships />
      </div>
    </>
  );
}
