import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { signupSchema } from '../../../../shared/auth';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { useSignup } from './api';

export function SignUpPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const signup = useSignup();
  const [values, set] = useFormValues({ name: '', email: '', password: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const labels = { name: t('auth.name'), email: t('auth.email'), password: t('auth.password') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (signup.isPending) return;
    const parsed = signupSchema.safeParse({ ...values, locale });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    signup.mutate(parsed.data, {
      // Signing up does not sign in: the server answers the same for new and taken addresses.
      onSuccess: (answer) => navigate(paths.signIn, { state: { flash: answer.message, email: parsed.data.email } }),
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <div className="narrow">
      <PageHeading>{t('auth.signUp.title')}</PageHeading>
      <p className="lead">{t('auth.signUp.intro')}</p>
      <ErrorSummary problem={problem} idPrefix="signup" labels={labels} />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField idPrefix="signup" name="name" autoComplete="name" required label={labels.name} value={values.name} onValueChange={set('name')} error={problem?.fields.name} />
        <TextField
          idPrefix="signup"
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
          idPrefix="signup"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          label={labels.password}
          hint={t('auth.passwordHint')}
          value={values.password}
          onValueChange={set('password')}
          error={problem?.fields.password}
        />
        <p className="field-hint">{t('auth.signUp.privacy')}</p>
        <div className="form-actions">
          <BusyButton busy={signup.isPending} busyText={t('auth.signUp.busy')}>
            {t('auth.signUp.submit')}
          </BusyButton>
        </div>
        <LiveStatus hidden message={signup.isPending ? t('auth.signUp.busy') : null} />
      </form>
      <p>
        {t('auth.signUp.haveAccount')} <Link to={paths.signIn}>{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
