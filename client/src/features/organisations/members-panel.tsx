import { useState } from 'react';
import type { Member, OrganisationDetail } from '../../../../shared/organisations';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { BusyButton, LiveStatus } from '../../lib/ui/form';
import { LoadError, Loading, VisuallyHidden, errorText } from '../../lib/ui/status';
import { useMemberMutations, useMembers } from './api';

type Mutations = ReturnType<typeof useMemberMutations>;

function PendingRow({ member, mutations, onDone, onError }: { member: Member; mutations: Mutations; onDone(text: string): void; onError(text: string): void }) {
  const { t, date } = useI18n();
  const [busy, setBusy] = useState<'approve' | 'decline' | null>(null);
  const run = (kind: 'approve' | 'decline') => {
    setBusy(kind);
    const options = {
      onSuccess: () => onDone(t(kind === 'approve' ? 'members.approved' : 'members.declined', { name: member.name })),
      onError: (e: unknown) => onError(errorText(e, t('error.unexpectedShort'))),
      onSettled: () => setBusy(null),
    };
    if (kind === 'approve') mutations.approve.mutate(member.userId, options);
    else mutations.remove.mutate(member.userId, options);
  };
  return (
    <li className="member-row">
      <div>
        <p className="member-name">{member.name}</p>
        <p className="muted">
          {member.email} · {t('members.requestedAt', { date: date(member.requestedAt) })}
        </p>
      </div>
      <div className="button-row">
        <BusyButton type="button" busy={busy === 'approve'} busyText={t('members.approving')} onClick={() => run('approve')}>
          {t('members.approve')}
          <VisuallyHidden> {member.name}</VisuallyHidden>
        </BusyButton>
        <BusyButton type="button" variant="secondary" busy={busy === 'decline'} busyText={t('common.removing')} onClick={() => run('decline')}>
          {t('members.decline')}
          <VisuallyHidden> {member.name}</VisuallyHidden>
        </BusyButton>
      </div>
    </li>
  );
}

function ActiveRow({ member, mutations, isSelf, onDone, onError }: { member: Member; mutations: Mutations; isSelf: boolean; onDone(text: string): void; onError(text: string): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'role' | 'remove' | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const nextRole = member.role === 'admin' ? 'member' : 'admin';
  const fail = (e: unknown) => onError(errorText(e, t('error.unexpectedShort')));
  return (
    <li className="member-row">
      <div>
        <p className="member-name">
          {member.name}
          {isSelf && <span className="muted"> ({t('members.you')})</span>}
        </p>
        <p className="muted">
          {member.email} · {t(`membershipRole.${member.role}`)}
        </p>
      </div>
      {confirmRemove ? (
        <div className="confirm-box">
          <p>{t('members.removeQuestion', { name: member.name })}</p>
          <div className="button-row">
            <BusyButton
              type="button"
              variant="danger"
              autoFocus
              busy={busy === 'remove'}
              busyText={t('common.removing')}
              onClick={() => {
                setBusy('remove');
                mutations.remove.mutate(member.userId, {
                  onSuccess: () => onDone(t('members.removed', { name: member.name })),
                  onError: (e) => {
                    setConfirmRemove(false);
                    fail(e);
                  },
                  onSettled: () => setBusy(null),
                });
              }}
            >
              {t('members.removeYes')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setConfirmRemove(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <BusyButton
            type="button"
            variant="secondary"
            busy={busy === 'role'}
            busyText={t('common.saving')}
            onClick={() => {
              setBusy('role');
              mutations.changeRole.mutate(
                { userId: member.userId, role: nextRole },
                {
                  onSuccess: () => onDone(t('members.roleChanged', { name: member.name, role: t(`membershipRole.${nextRole}`) })),
                  onError: fail,
                  onSettled: () => setBusy(null),
                },
              );
            }}
          >
            {nextRole === 'admin' ? t('members.makeAdmin') : t('members.makeMember')}
            <VisuallyHidden> {member.name}</VisuallyHidden>
          </BusyButton>
          <button type="button" className="button button-secondary" onClick={() => setConfirmRemove(true)}>
            {t('common.remove')}
            <VisuallyHidden> {member.name}</VisuallyHidden>
          </button>
        </div>
      )}
    </li>
  );
}

/** For those who manage the organisation's members: requests to approve, roles, removal. */
export function MembersPanel({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const members = useMembers(organisation.id, organisation.viewer.canManageMembers);
  const mutations = useMemberMutations(organisation.id);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = members.data?.items ?? [];
  const pending = items.filter((m) => m.status === 'pending');
  const active = items.filter((m) => m.status === 'active');
  const done = (text: string) => {
    setError(null);
    setStatus(text);
  };
  const failed = (text: string) => {
    setStatus(null);
    setError(text);
  };

  return (
    <section aria-labelledby="members-heading" className="section">
      <h2 id="members-heading">{t('members.title')}</h2>
      <LiveStatus message={status} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {members.isPending && <Loading />}
      {members.isError && <LoadError error={members.error} onRetry={() => members.refetch()} />}
      {members.data && (
        <>
          <h3>{t('members.pendingTitle', { count: pending.length })}</h3>
          {pending.length === 0 ? (
            <p className="muted">{t('members.noPending')}</p>
          ) : (
            <ul className="member-list">
              {pending.map((member) => (
                <PendingRow key={member.userId} member={member} mutations={mutations} onDone={done} onError={failed} />
              ))}
            </ul>
          )}
          <h3>{t('members.activeTitle', { count: active.length })}</h3>
          {active.length === 0 ? (
            <p className="muted">{t('members.noActive')}</p>
          ) : (
            <ul className="member-list">
              {active.map((member) => (
                <ActiveRow key={member.userId} member={member} mutations={mutations} isSelf={member.userId === user?.id} onDone={done} onError={failed} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
