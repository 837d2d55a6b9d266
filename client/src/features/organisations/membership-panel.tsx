import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { OrganisationDetail } from '../../../../shared/organisations';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { signInPath } from '../../lib/paths';
import { BusyButton, LiveStatus } from '../../lib/ui/form';
import { errorText } from '../../lib/ui/status';
import { useMemberMutations } from './api';

/** The viewer's own relation to the organisation: ask to join, withdraw, or leave. */
export function MembershipPanel({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useI18n();
  const location = useLocation();
  const { user } = useCurrentUser();
  const mutations = useMemberMutations(organisation.id);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const membership = organisation.viewer.membership;

  const leave = (doneText: string) => {
    if (!user) return;
    setError(null);
    mutations.remove.mutate(user.id, {
      onSuccess: () => {
        setConfirmLeave(false);
        setStatus(doneText);
      },
      onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
    });
  };

  return (
    <section aria-labelledby="membership-heading" className="section membership-panel">
      <h2 id="membership-heading">{t('membership.title')}</h2>
      <LiveStatus message={status} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!user && (
        <p>
          <Link to={signInPath(location.pathname)}>{t('membership.signInToJoin')}</Link>
        </p>
      )}
      {user && !membership && (
        <>
          <p>{t('membership.joinIntro')}</p>
          <BusyButton
            type="button"
            busy={mutations.join.isPending}
            busyText={t('membership.joining')}
            onClick={() => {
              setError(null);
              mutations.join.mutate(undefined, {
                onSuccess: () => setStatus(t('membership.joinSent')),
                onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
              });
            }}
          >
            {t('membership.join')}
          </BusyButton>
        </>
      )}
      {user && membership?.status === 'pending' && (
        <>
          <p>{t('membership.pending')}</p>
          <BusyButton type="button" variant="secondary" busy={mutations.remove.isPending} busyText={t('common.removing')} onClick={() => leave(t('membership.withdrawn'))}>
            {t('membership.withdraw')}
          </BusyButton>
        </>
      )}
      {user && membership?.status === 'active' && (
        <>
          <p>{t('membership.active', { role: t(`membershipRole.${membership.role}`) })}</p>
          {confirmLeave ? (
            <div className="confirm-box">
              <p>{t('membership.leaveQuestion', { name: organisation.name })}</p>
              <div className="button-row">
                <BusyButton type="button" variant="danger" autoFocus busy={mutations.remove.isPending} busyText={t('common.removing')} onClick={() => leave(t('membership.left'))}>
                  {t('membership.leaveYes')}
                </BusyButton>
                <button type="button" className="button button-secondary" onClick={() => setConfirmLeave(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setConfirmLeave(true)}>
              {t('membership.leave')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
