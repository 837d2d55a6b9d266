import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { loginSchema } from '../../../../shared/auth';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { paths, safeNext } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { useLogin } from './api';

export function SignInPage() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { user } = useCurrentUser();
  const login = useLogin();
  const presetEmail = (location.state as { email?: string } | null)?.email ?? '';
  const [values, set] = useFormValues({ email: presetEmail, password: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const labels = { email: t('auth.email'), password: t('auth.password') };
  const next = safeNext(searchParams.get('next'));

  if (user && !login.isPending && !login.isSuccess) {
    return (
      <>
        <PageHeading>{t('auth.signIn.title')}</PageHeading>
        <p>{t('auth.signIn.already', { name: user.name })}</p>
        <p>
          <Link to={next ?? paths.directory}>{t('auth.signIn.continue')}</Link>
        </p>
      </>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    const parsed = loginSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    login.mutate(parsed.data, {
      onSuccess: () => navigate(next ?? paths.home, { replace: true, state: { flash: t('flash.signedIn') } }),
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <div className="narrow">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      <p className="lead">{t('auth.signIn.intro')}</p>
      <ErrorSummary problem={problem} idPrefix="signin" labels={labels} />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField
          idPrefix="signin"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          label={labels.email}
          value={values.email}
          onValueChange={set('email')}
          error={problem?.fields.email}
        />
        <TextField
          idPrefix="signin"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          label={labels.password}
          value={values.password}
          onValueChange={set('password')}
          error={problem?.fields.password}
        />
        <div className="form-actions">
          <BusyButton busy={login.isPending} busyText={t('auth.signIn.busy')}>
            {t('auth.signIn.submit')}
          </BusyButton>
        </div>
        <LiveStatus hidden message={login.isPending ? t('auth.signIn.busy') : null} />
      </form>
      <ul className="link-list">
        <li>
          <Link to={paths.forgotPassword}>{t('auth.signIn.forgot')}</Link>
        </li>
        <li>
          <Link to={paths.signUp}>{t('auth.signIn.noAccount')}</Link>
        </li>
      </ul>
    </div>
  );
}
