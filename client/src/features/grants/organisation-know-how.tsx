import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { grantCallPath } from '../../lib/paths';
import { LoadError } from '../../lib/ui/status';
import { useOrganisationKnowHow } from './api';
import { knowHowStatusLabel } from './labels';

/** "Bidragskunskap" on an organisation's profile: calls it knows, and what it asks for help with. */
export function OrganisationKnowHowSection({ organisationId }: { organisationId: string }) {
  const { t, date } = useI18n();
  const query = useOrganisationKnowHow(organisationId);
  const data = query.data;
  const knowHow = (data?.knowHow ?? []).filter((k) => !k.call.archived);
  const asks = (data?.helpRequests ?? []).filter((h) => h.open && !h.call.archived);
  const partners = (data?.partnerPosts ?? []).filter((p) => p.open);
  return (
    <section aria-labelledby="org-grants-heading" className="section" aria-busy={query.isPending}>
      <h2 id="org-grants-heading">{t('grants.orgTitle')}</h2>
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {query.isPending && <p className="muted">{t('common.loading')}</p>}
      {data && !knowHow.length && !asks.length && !partners.length && <p className="muted">{t('grants.orgNone')}</p>}
      {knowHow.length > 0 && (
        <>
          <h3>{t('grants.orgKnows')}</h3>
          <ul className="link-list">
            {knowHow.map((k) => (
              <li key={k.id}>
                <Link to={grantCallPath(k.call.id)}>{k.call.title}</Link>{' '}
                <span className="muted">
                  – {knowHowStatusLabel(t, k.status)}
                  {k.year ? ` (${k.year})` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {asks.length > 0 && (
        <>
          <h3>{t('grants.orgAsks')}</h3>
          <ul className="link-list">
            {asks.map((h) => (
              <li key={h.id}>
                <Link to={grantCallPath(h.call.id)}>{h.call.title}</Link>
                {h.call.nextDeadline && (
                  <span className="muted">
                    {' '}
                    – {t('grants.nextDeadline')} <time dateTime={h.call.nextDeadline}>{date(h.call.nextDeadline)}</time>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {partners.length > 0 && (
        <>
          <h3>{t('grants.orgPartners')}</h3>
          <ul className="link-list">
            {partners.map((p) => (
              <li key={p.id}>{p.call ? <Link to={grantCallPath(p.call.id)}>{p.title}</Link> : p.title}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
