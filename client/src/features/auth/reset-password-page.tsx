import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { resetConfirmSchema } from '../../../../shared/auth';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, TextField, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { Notice } from '../../lib/ui/status';
import { useConfirmPasswordReset } from './api';

export function ResetPasswordPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);

  if (!token) {
    return (
      <div className="narrow">
        <PageHeading>{t('auth.reset.title')}</PageHeading>
        <Notice kind="warning">
          <p>{t('auth.reset.noToken')}</p>
        </Notice>
        <p>
          <Link to={paths.forgotPassword}>{t('auth.reset.requestNew')}</Link>
        </p>
      </div>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending) return;
    const parsed = resetConfirmSchema.safeParse({ token, password });
    if (!parsed.success) {
      const found = problemFromIssues(parsed.error.issues, locale, t);
      // A malformed token is not something the person can fix in this form.
      if (found.fields.token) found.fields = { ...found.fields, token: t('auth.reset.badToken') };
      setProblem(found);
      return;
    }
    setProblem(null);
    confirm.mutate(parsed.data, {
      onSuccess: () => navigate(paths.signIn, { replace: true, state: { flash: t('flash.passwordReset') } }),
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <div className="narrow">
      <PageHeading>{t('auth.reset.title')}</PageHeading>
      <p className="lead">{t('auth.reset.intro')}</p>
      <ErrorSummary problem={problem} idPrefix="reset" labels={{ password: t('auth.newPassword') }} />
      <form noValidate onSubmit={onSubmit} className="form">
        <TextField
          idPrefix="reset"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          label={t('auth.newPassword')}
          hint={t('auth.passwordHint')}
          value={password}
          onValueChange={setPassword}
          error={problem?.fields.password}
        />
        <div className="form-actions">
          <BusyButton busy={confirm.isPending} busyText={t('common.saving')}>
            {t('auth.reset.submit')}
          </BusyButton>
        </div>
        <LiveStatus hidden message={confirm.isPending ? t('common.saving') : null} />
      </form>
      {problem && (
        <p>
          <Link to={paths.forgotPassword}>{t('auth.reset.requestNew')}</Link>
        </p>
      )}
    </div>
  );
}
