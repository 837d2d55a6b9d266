import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { premisesSearchSchema, type Premises } from '../../../../shared/premises';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths, premisesPath } from '../../lib/paths';
import { useReference } from '../../lib/reference-data';
import { CheckboxField, ErrorSummary, SelectField, TextField, problemFromIssues, useFormValues, type FormProblem } from '../../lib/ui/form';
import { LoadError } from '../../lib/ui/status';
import { usePremisesSearch } from './api';
import { costLabel, localDateLabel, timeRange, typeLabel, typeOptions } from './labels';
import { PremisesNav } from './premises-nav';
import { accessibilityFilters, bookingPrefill, formValuesOf, readPremisesQuery, searchParamsOf, withPage, type PremisesQuery } from './search-query';
import { TimeSelect } from './time-select';
import './premises.css';

const idPrefix = 'premises-search';

function AccessibilityTags({ premises }: { premises: Premises }) {
  const { t } = useI18n();
  const tags = accessibilityFilters.filter((key) => premises[key]);
  if (!tags.length) return null;
  return (
    <ul className="tags" aria-label={t('premises.accessibility')}>
      {tags.map((key) => (
        <li key={key} className="tag">
          {t(`premises.${key}`)}
        </li>
      ))}
    </ul>
  );
}

function ResultCard({ premises, query }: { premises: Premises; query: PremisesQuery }) {
  const { t, locale, plural } = useI18n();
  const district = locale === 'en' ? premises.district.nameEn : premises.district.nameSv;
  return (
    <li className="result-card premises-card">
      <h3 className="result-title">
        <Link to={`${premisesPath(premises.id)}${bookingPrefill(query)}`}>{premises.name}</Link>
      </h3>
      <p className="result-meta">
        {typeLabel(t, premises.type)} · {district} · {plural('premises.capacityUpTo', premises.capacity)}
      </p>
      <p className="result-meta">
        {premises.organisation.name} · {costLabel(t, premises.costType)}
      </p>
      {query.date && query.from && query.to && (
        <p className="badge badge-free">{t('premises.freeThen', { date: localDateLabel(locale, query.date, 'short'), time: timeRange(query.from, query.to) })}</p>
      )}
      <AccessibilityTags premises={premises} />
    </li>
  );
}

export function PremisesSearchPage() {
  const { t, locale, plural, number } = useI18n();
  const reference = useReference();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const query = readPremisesQuery(searchParams);
  const list = usePremisesSearch(query);
  const [values, set, setValues] = useFormValues(() => formValuesOf(query));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const urlKey = searchParams.toString();

  // Back/forward: the form shows what the URL says.
  useEffect(() => {
    setValues(formValuesOf(readPremisesQuery(new URLSearchParams(urlKey))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlKey]);

  useEffect(() => {
    if (focusResults.current && !list.isFetching) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [list.isFetching, list.data]);

  const labels: Record<string, string> = {
    q: t('premises.search.name'),
    district: t('premises.district'),
    type: t('premises.typeLabel'),
    capacity: t('premises.search.capacity'),
    date: t('premises.search.date'),
    from: t('premises.search.from'),
    to: t('premises.search.to'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = premisesSearchSchema.safeParse({
      q: values.q.trim() || undefined,
      district: values.district || undefined,
      type: values.type || undefined,
      capacity: values.capacity.trim() || undefined,
      date: values.date || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    focusResults.current = true;
    navigate({ search: `?${searchParamsOf(values).toString()}` }, { preventScrollReset: true });
  };

  const data = list.data;
  const total = data?.total ?? 0;
  const totalPages = Math.max(1, Math.ceil(total / (data?.pageSize || 20)));
  const searching = list.isFetching;
  const status = searching ? t('premises.search.searching') : list.isError ? t('premises.search.failed') : total === 0 ? t('premises.search.none') : plural('premises.search.count', total);
  const pageLink = (target: number) => ({ search: `?${withPage(searchParams, target).toString()}` });

  return (
    <>
      <PageHeading>{t('premises.title')}</PageHeading>
      <p className="lead">{t('premises.intro')}</p>
      <PremisesNav />

      <div className="directory">
        <section className="directory-filters" aria-labelledby="premises-filters-heading">
          <h2 id="premises-filters-heading">{t('premises.search.title')}</h2>
          <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
          <form role="search" noValidate onSubmit={submit} className="form premises-search-form" aria-labelledby="premises-filters-heading">
            <TextField idPrefix={idPrefix} name="q" type="search" autoComplete="off" label={labels.q} value={values.q} onValueChange={set('q')} error={problem?.fields.q} />
            <SelectField
              idPrefix={idPrefix}
              name="district"
              label={labels.district}
              placeholder={t('premises.search.all')}
              options={reference.choices('district').map((item) => ({ value: item.slug, label: reference.name('district', item.slug) }))}
              value={values.district}
              onValueChange={set('district')}
              error={problem?.fields.district}
            />
            <SelectField idPrefix={idPrefix} name="type" label={labels.type} placeholder={t('premises.search.all')} options={typeOptions(t)} value={values.type} onValueChange={set('type')} error={problem?.fields.type} />
            <TextField
              idPrefix={idPrefix}
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              className="input-short"
              label={labels.capacity}
              value={values.capacity}
              onValueChange={set('capacity')}
              error={problem?.fields.capacity}
            />
            <fieldset className="fieldset premises-free-fields">
              <legend className="field-label">{t('premises.search.freeLegend')}</legend>
              <p className="field-hint">{t('premises.search.freeHint')}</p>
              <TextField idPrefix={idPrefix} name="date" type="date" className="input-short" label={labels.date} value={values.date} onValueChange={set('date')} error={problem?.fields.date} />
              <div className="time-pair">
                <TimeSelect idPrefix={idPrefix} name="from" label={labels.from} placeholder="–" value={values.from} onValueChange={set('from')} error={problem?.fields.from} />
                <TimeSelect idPrefix={idPrefix} name="to" label={labels.to} placeholder="–" value={values.to} onValueChange={set('to')} error={problem?.fields.to} />
              </div>
            </fieldset>
            <fieldset className="fieldset">
              <legend className="field-label">{t('premises.accessibility')}</legend>
              {accessibilityFilters.map((key) => (
                <CheckboxField key={key} idPrefix={idPrefix} name={key} label={t(`premises.${key}`)} checked={values[key]} onCheckedChange={set(key)} />
              ))}
            </fieldset>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t('premises.search.submit')}
              </button>
              {urlKey && (
                <Link to={paths.premises} className="button button-secondary">
                  {t('premises.search.clear')}
                </Link>
              )}
            </div>
          </form>
        </section>

        <section className="directory-results" aria-labelledby="premises-results-heading" aria-busy={searching}>
          <h2 id="premises-results-heading" tabIndex={-1} ref={resultsHeading}>
            {t('premises.search.results')}
          </h2>
          <p role="status" className={searching ? 'result-status result-status-busy' : 'result-status'}>
            {searching && <span className="spinner" aria-hidden="true" />}
            {status}
          </p>
          {list.isError && <LoadError error={list.error} onRetry={() => list.refetch()} />}
          {data && data.items.length > 0 && (
            <ul className={searching ? 'result-list result-list-stale' : 'result-list'}>
              {data.items.map((premises) => (
                <ResultCard key={premises.id} premises={premises} query={query} />
              ))}
            </ul>
          )}
          {data && total === 0 && !searching && (
            <p>
              {t('premises.search.noneHint')} <Link to={paths.premisesWanted}>{t('premises.nav.wanted')}</Link>
            </p>
          )}
          {data && totalPages > 1 && (
            <nav className="pagination" aria-label={t('pagination.label')}>
              {query.page > 1 ? (
                <Link to={pageLink(query.page - 1)} preventScrollReset onClick={() => (focusResults.current = true)} rel="prev">
                  {t('pagination.previous')}
                </Link>
              ) : (
                <span className="pagination-placeholder" />
              )}
              <span className="pagination-info">{t('pagination.info', { page: number(query.page), pages: number(totalPages) })}</span>
              {query.page < totalPages ? (
                <Link to={pageLink(query.page + 1)} preventScrollReset onClick={() => (focusResults.current = true)} rel="next">
                  {t('pagination.next')}
                </Link>
              ) : (
                <span className="pagination-placeholder" />
              )}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
