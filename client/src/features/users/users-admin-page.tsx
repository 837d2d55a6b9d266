import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { systemRoles, type SystemRole } from '../../../../shared/roles';
import { userRoleUpdateSchema, type UserSummary } from '../../../../shared/users';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { useReference } from '../../lib/reference-data';
import { BusyButton, ErrorSummary, LiveStatus, SelectField, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { LoadError } from '../../lib/ui/status';
import { useSetUserRole, useUsers } from './api';

function UserCard({ account, isSelf, onStatus }: { account: UserSummary; isSelf: boolean; onStatus(text: string): void }) {
  const { t, locale, date } = useI18n();
  const reference = useReference();
  const setRole = useSetUserRole();
  const [role, setRoleValue] = useState<SystemRole>(account.role);
  // Officials belong to an administration; the API takes its id, the reference list has both.
  const administrations = reference.items('administration').filter((a) => !a.archived || a.id === account.administrationId);
  const [administrationId, setAdministrationId] = useState(account.administrationId ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const idPrefix = `user-${account.id}`;
  const labels = { role: t('users.role'), administrationId: t('users.administration') };
  const currentAdministration = administrations.find((a) => a.id === account.administrationId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (setRole.isPending) return;
    const input = { role, administrationId: role === 'official' ? administrationId || null : null };
    const parsed = userRoleUpdateSchema.safeParse(input);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    setRole.mutate(
      { id: account.id, input: parsed.data },
      {
        onSuccess: (saved) => onStatus(t('users.saved', { name: saved.name, role: t(`role.${saved.role}`) })),
        onError: (error) => setProblem(problemFromError(error, t)),
      },
    );
  };

  return (
    <li className="card user-card">
      <h2 className="card-title">
        {account.name}
        {isSelf && <span className="muted"> ({t('members.you')})</span>}
      </h2>
      <p className="muted">
        {account.email} · {t('users.createdAt', { date: date(account.createdAt) })}
      </p>
      <p>
        {t('users.currentRole')}: <strong>{t(`role.${account.role}`)}</strong>
        {account.role === 'official' && currentAdministration && <> ({reference.name('administration', currentAdministration.slug)})</>}
      </p>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form form-inline">
        <SelectField
          idPrefix={idPrefix}
          name="role"
          label={labels.role}
          value={role}
          onValueChange={(value) => setRoleValue(value as SystemRole)}
          options={systemRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
          error={problem?.fields.role}
        />
        {role === 'official' && (
          <SelectField
            idPrefix={idPrefix}
            name="administrationId"
            label={labels.administrationId}
            placeholder={t('organisationForm.choose')}
            value={administrationId}
            onValueChange={setAdministrationId}
            options={administrations.map((a) => ({ value: a.id, label: reference.name('administration', a.slug) }))}
            error={problem?.fields.administrationId}
          />
        )}
        <div className="form-actions">
          <BusyButton busy={setRole.isPending} busyText={t('common.saving')}>
            {t('users.save')}
          </BusyButton>
        </div>
      </form>
    </li>
  );
}

export function UsersAdminPage() {
  const { t, plural } = useI18n();
  const { user } = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const [input, setInput] = useState(q);
  const users = useUsers(q);
  const [status, setStatus] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setSearchParams(input.trim() ? { q: input.trim() } : {}, { preventScrollReset: true });
  };
  const items = users.data?.items ?? [];

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <p className="lead">{t('users.intro')}</p>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="users-q" className="field-label">
          {t('users.searchLabel')}
        </label>
        <div className="search-row">
          <input id="users-q" type="search" className="input" value={input} onChange={(event) => setInput(event.target.value)} autoComplete="off" spellCheck={false} />
          <button type="submit" className="button button-primary">
            {t('directory.searchButton')}
          </button>
        </div>
      </form>
      <p role="status" className="result-status">
        {users.isFetching && <span className="spinner" aria-hidden="true" />}
        {users.isFetching ? t('directory.searching') : users.data ? plural('users.count', items.length) : ''}
      </p>
      <LiveStatus message={status} />
      {users.isError && <LoadError error={users.error} onRetry={() => users.refetch()} />}
      {items.length > 0 && (
        <ul className="card-list">
          {items.map((account) => (
            <UserCard key={`${account.id}-${account.role}-${account.administrationId}`} account={account} isSelf={account.id === user?.id} onStatus={setStatus} />
          ))}
        </ul>
      )}
    </>
  );
}
