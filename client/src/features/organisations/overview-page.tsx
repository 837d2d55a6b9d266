import { Link } from 'react-router';
import type { ReferenceKind } from '../../../../shared/reference';
import { legalForms, type LegalForm, type Overview } from '../../../../shared/organisations';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';
import { useReference } from '../../lib/reference-data';
import { LoadError, Loading } from '../../lib/ui/status';
import { useOverview } from './api';
import { BarChart, type Bar } from './bar-chart';
import { directoryParams } from './directory-query';
import { legalFormLabel } from './labels';

type Counts = Overview['byDistrict'];

export function OverviewPage() {
  const { t, number } = useI18n();
  const reference = useReference();
  const query = useOverview();
  const overview = query.data;

  // Bars follow the coordinator's order of the reference list; values nobody chose still show as 0.
  const referenceBars = (kind: ReferenceKind, counts: Counts): Bar[] => {
    const bySlug = new Map(counts.map((c) => [c.slug, c.count]));
    const known = reference.items(kind).filter((item) => !item.archived || bySlug.has(item.slug));
    const bars = known.map((item) => ({ key: item.slug, label: reference.name(kind, item.slug), value: bySlug.get(item.slug) ?? 0 }));
    for (const count of counts) {
      if (!known.some((item) => item.slug === count.slug)) bars.push({ key: count.slug, label: reference.name(kind, count.slug), value: count.count });
    }
    return bars.sort((a, b) => b.value - a.value);
  };
  const legalFormBars = (counts: Counts): Bar[] =>
    legalForms
      .map((form: LegalForm) => ({ key: form, label: legalFormLabel(t, form), value: counts.find((c) => c.slug === form)?.count ?? 0 }))
      .sort((a, b) => b.value - a.value);

  const unit = t('overview.organisations');
  return (
    <>
      <PageHeading>{t('overview.title')}</PageHeading>
      <p className="lead">{t('overview.intro')}</p>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {overview && (
        <>
          <div className="key-figures">
            <p className="key-figure">
              <span className="key-figure-value">{number(overview.total)}</span>
              <span className="key-figure-label">{t('overview.total')}</span>
            </p>
            <p className="key-figure">
              <span className="key-figure-value">{number(overview.signed)}</span>
              <span className="key-figure-label">{t('overview.signed')}</span>
            </p>
          </div>
          <p>
            <Link to={`${paths.directory}?${directoryParams.signed}=ja`}>{t('overview.seeSigned')}</Link>
          </p>
          <div className="chart-grid">
            <BarChart title={t('overview.byDistrict')} description={t('overview.multiHint')} unit={unit} bars={referenceBars('district', overview.byDistrict)} />
            <BarChart title={t('overview.byTargetGroup')} description={t('overview.multiHint')} unit={unit} bars={referenceBars('targetGroup', overview.byTargetGroup)} />
            <BarChart title={t('overview.byResource')} description={t('overview.multiHint')} unit={unit} bars={referenceBars('resource', overview.byResource)} />
            <BarChart title={t('overview.byLegalForm')} unit={unit} bars={legalFormBars(overview.byLegalForm)} />
          </div>
        </>
      )}
    </>
  );
}
