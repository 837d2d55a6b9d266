import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { resetRequestSchema } from '../../../../shared/auth';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { useRequestPasswordReset } from './api';

export function ForgotPasswordPage() {
  const { t, locale } = useI18n();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    const parsed = resetRequestSchema.safeParse({ email });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    setAnswer(null);
    request.mutate(parsed.data, {
      onSuccess: (result) => setAnswer(result.message),
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <div className="narrow">
      <PageHeading>{t('auth.forgot.title')}</PageHeading>
      <p className="lead">{t('auth.forgot.intro')}</p>
      <ErrorSummary problem={problem} idPrefix="forgot" labels={{ email: t('auth.email') }} />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField
          idPrefix="forgot"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          label={t('auth.email')}
          value={email}
          onValueChange={setEmail}
          error={problem?.fields.email}
        />
        <div className="form-actions">
          <BusyButton busy={request.isPending} busyText={t('auth.forgot.busy')}>
            {t('auth.forgot.submit')}
          </BusyButton>
        </div>
        <LiveStatus message={request.isPending ? t('auth.forgot.busy') : answer} kind={request.isPending ? 'info' : 'success'} />
      </form>
      <p>
        <Link to={paths.signIn}>{t('auth.forgot.back')}</Link>
      </p>
    </div>
  );
}
