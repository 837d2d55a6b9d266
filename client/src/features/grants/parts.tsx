import { useId, useState } from 'react';
import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { paths } from '../../lib/paths';
import { BusyButton, SelectField } from '../../lib/ui/form';
import { errorText } from '../../lib/ui/status';
import { useCallActions } from './api';
import { daysBetween, daysLeftText, deadlineUrgency, stockholmToday } from './deadlines';
import './grants.css';

/** Calls and partner posts as two tabs-like links (plain navigation, so Back works). */
export function GrantsNav() {
  const { t } = useI18n();
  return (
    <nav className="grants-nav" aria-label={t('grants.navLabel')}>
      <ul>
        <li>
          <NavLink to={paths.grants} end>
            {t('grants.navCalls')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.grantPartners}>{t('grants.navPartners')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** "12 dagar kvar", "Sista dagen i dag", … with a colour that is never the only signal. */
export function DaysLeft({ date, today = stockholmToday() }: { date: string; today?: string }) {
  const { t, plural } = useI18n();
  const days = daysBetween(today, date);
  if (Number.isNaN(days)) return null;
  const text = daysLeftText(days);
  return <span className={`days-left days-left-${deadlineUrgency(days)}`}>{text.key === 'grants.daysLeft' ? plural('grants.daysLeft', text.count) : t(text.key)}</span>;
}

/** A toggle button (aria-pressed) to follow a call: reminders 7 days and 1 day before its deadlines. */
export function CallFollowButton({ callId, title, following, withHint = true }: { callId: string; title: string; following: boolean; withHint?: boolean }) {
  const { t } = useI18n();
  const { follow } = useCallActions(callId);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const busy = follow.isPending;
  return (
    <div className="follow-toggle">
      <button
        type="button"
        className={following ? 'button button-secondary button-small toggle-on' : 'button button-secondary button-small'}
        aria-pressed={following}
        aria-describedby={withHint ? hintId : undefined}
        aria-busy={busy || undefined}
        onClick={() => {
          if (busy) return;
          setError(null);
          const next = !following;
          follow.mutate(next, {
            onSuccess: () => announce(t(next ? 'grants.followed' : 'grants.unfollowed', { title })),
            onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
          });
        }}
      >
        <span className="toggle-mark" aria-hidden="true">
          {following ? '✓' : '+'}
        </span>
        {t('grants.follow')}
        {!withHint && <span className="visually-hidden">: {title}</span>}
      </button>
      {withHint && (
        <span id={hintId} className="muted follow-hint">
          {t('grants.followHint')}
        </span>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Ta bort" that asks once more before removing. */
export function RemoveButton({ what, busy, onConfirm }: { what: string; busy: boolean; onConfirm(): void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-link" onClick={() => setAsking(true)}>
        {t('common.remove')}
        <span className="visually-hidden"> {what}</span>
      </button>
    );
  }
  return (
    <div className="confirm-box" role="group" aria-label={t('grants.confirmRemove', { what })}>
      <p>{t('grants.confirmRemove', { what })}</p>
      <div className="button-row">
        <BusyButton type="button" variant="danger" busy={busy} busyText={t('common.removing')} onClick={onConfirm} autoFocus>
          {t('grants.confirmRemoveYes')}
        </BusyButton>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Which organisation one speaks for: a choice when there are several, a plain line when one. */
export function OrganisationChoice({
  idPrefix,
  organisations,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  organisations: { id: string; name: string }[];
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  const { t } = useI18n();
  if (organisations.length === 1) {
    return <p className="muted">{t('grants.forOrganisation', { name: organisations[0].name })}</p>;
  }
  return (
    <SelectField
      idPrefix={idPrefix}
      name="organisationId"
      label={t('grants.organisation')}
      value={value}
      onValueChange={onChange}
      placeholder={t('grants.chooseOrganisation')}
      options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      error={error}
    />
  );
}
