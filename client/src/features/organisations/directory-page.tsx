import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OrganisationSummary } from '../../../../shared/organisations';
import type { ReferenceKind } from '../../../../shared/reference';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { organisationPath, paths } from '../../lib/paths';
import { useReference, type ReferenceLookup } from '../../lib/reference-data';
import { SelectField, type Option } from '../../lib/ui/form';
import { LoadError } from '../../lib/ui/status';
import { useOrganisationList } from './api';
import { directoryParams, readDirectoryQuery, signedParam, withDirectoryChanges, type DirectoryFilter } from './directory-query';
import { legalFormLabel, legalFormOptions } from './labels';

function ResultCard({ organisation, reference }: { organisation: OrganisationSummary; reference: ReferenceLookup }) {
  const { t } = useI18n();
  const districts = reference.names('district', organisation.districts);
  const targetGroups = reference.names('targetGroup', organisation.targetGroups);
  return (
    <li className="result-card">
      <h3 className="result-title">
        <Link to={organisationPath(organisation.slug)}>{organisation.name}</Link>
      </h3>
      <p className="result-meta">
        {legalFormLabel(t, organisation.legalForm)}
        {districts.length > 0 && <> · {districts.join(', ')}</>}
      </p>
      {organisation.excerpt && <p className="result-excerpt">{organisation.excerpt}</p>}
      {targetGroups.length > 0 && (
        <p className="tags">
          <span className="visually-hidden">{t('organisation.targetGroups')}: </span>
          {targetGroups.map((name) => (
            <span key={name} className="tag">
              {name}
            </span>
          ))}
        </p>
      )}
      {organisation.signedAgreement && <p className="badge badge-signed">{t('organisation.signedBadge')}</p>}
    </li>
  );
}

export function DirectoryPage() {
  const { t, plural, number } = useI18n();
  const reference = useReference();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = readDirectoryQuery(searchParams);
  const list = useOrganisationList(query);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  const urlQ = query.q ?? '';
  const [qInput, setQInput] = useState(urlQ);
  const lastPushedQ = useRef(urlQ);

  const update = (changes: Partial<Record<DirectoryFilter, string | undefined>>, replace = false) => {
    if ('q' in changes) lastPushedQ.current = changes.q ?? '';
    setSearchParams((current) => withDirectoryChanges(current, changes), { replace, preventScrollReset: true });
  };

  // Back/forward changes the URL under us: show its search text, unless it is what we just typed.
  useEffect(() => {
    if (urlQ !== lastPushedQ.current) {
      lastPushedQ.current = urlQ;
      setQInput(urlQ);
    }
  }, [urlQ]);

  // Search as one types, after a pause; the URL entry is replaced so Back is not flooded.
  useEffect(() => {
    const wanted = qInput.trim();
    if (wanted === lastPushedQ.current) return;
    const timer = setTimeout(() => update({ q: wanted || undefined }, true), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qInput]);

  useEffect(() => {
    if (focusResults.current && !list.isFetching) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [list.isFetching, list.data]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: qInput.trim() || undefined });
  };

  const referenceOptions = (kind: ReferenceKind): Option[] =>
    reference.choices(kind, []).map((item) => ({ value: item.slug, label: reference.name(kind, item.slug) }));

  const filters: { key: DirectoryFilter; label: string; options: Option[]; value: string }[] = [
    { key: 'district', label: t('organisation.district'), options: referenceOptions('district'), value: query.district ?? '' },
    { key: 'targetGroup', label: t('organisation.targetGroup'), options: referenceOptions('targetGroup'), value: query.targetGroup ?? '' },
    { key: 'administration', label: t('organisation.administration'), options: referenceOptions('administration'), value: query.administration ?? '' },
    { key: 'resource', label: t('organisation.resource'), options: referenceOptions('resource'), value: query.resource ?? '' },
    { key: 'legalForm', label: t('organisation.legalForm'), options: legalFormOptions(t), value: query.legalForm ?? '' },
    {
      key: 'signed',
      label: t('organisation.signedAgreement'),
      options: [
        { value: 'ja', label: t('directory.signedYes') },
        { value: 'nej', label: t('directory.signedNo') },
      ],
      value: signedParam(query.signed),
    },
  ];
  const activeFilters = filters.filter((f) => f.value).length + (query.q ? 1 : 0);

  const data = list.data;
  const total = data?.total ?? 0;
  const page = query.page;
  const totalPages = Math.max(1, Math.ceil(total / pageSizeOf(data)));
  const searching = list.isFetching;
  const status = searching
    ? t('directory.searching')
    : list.isError
      ? t('directory.failed')
      : total === 0
        ? t('directory.none')
        : plural('directory.count', total);

  const pageLink = (target: number) => ({ search: `?${withDirectoryChanges(searchParams, { page: String(target) }).toString()}` });

  return (
    <>
      <PageHeading>{t('directory.title')}</PageHeading>
      <p className="lead">{t('directory.intro')}</p>
      <p>
        <Link to={paths.newOrganisation} className="button button-secondary">
          {t('directory.register')}
        </Link>
      </p>

      <div className="directory">
        <section className="directory-filters" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('directory.filtersTitle')}</h2>
          <form role="search" onSubmit={onSearch} className="search-form">
            <label htmlFor="directory-q" className="field-label">
              {t('directory.searchLabel')}
            </label>
            <p id="directory-q-hint" className="field-hint">
              {t('directory.searchHint')}
            </p>
            <div className="search-row">
              <input
                id="directory-q"
                name="q"
                type="search"
                className="input"
                value={qInput}
                onChange={(event) => setQInput(event.target.value)}
                aria-describedby="directory-q-hint"
                autoComplete="off"
                spellCheck={false}
              />
              <button type="submit" className="button button-primary">
                {t('directory.searchButton')}
              </button>
            </div>
          </form>
          {filters.map((filter) => (
            <SelectField
              key={filter.key}
              idPrefix="filter"
              name={directoryParams[filter.key]}
              label={filter.label}
              value={filter.value}
              placeholder={t('directory.all')}
              options={filter.options}
              onValueChange={(value) => update({ [filter.key]: value || undefined })}
            />
          ))}
          {activeFilters > 0 && (
            <p>
              <Link to={paths.directory} onClick={() => setQInput('')}>
                {t('directory.clear')}
              </Link>
            </p>
          )}
        </section>

        <section className="directory-results" aria-labelledby="results-heading" aria-busy={searching}>
          <h2 id="results-heading" tabIndex={-1} ref={resultsHeading}>
            {t('directory.resultsTitle')}
          </h2>
          <p role="status" className={searching ? 'result-status result-status-busy' : 'result-status'}>
            {searching && <span className="spinner" aria-hidden="true" />}
            {status}
          </p>
          {list.isError && <LoadError error={list.error} onRetry={() => list.refetch()} />}
          {data && data.items.length > 0 && (
            <ul className={searching ? 'result-list result-list-stale' : 'result-list'}>
              {data.items.map((organisation) => (
                <ResultCard key={organisation.id} organisation={organisation} reference={reference} />
              ))}
            </ul>
          )}
          {data && total === 0 && !searching && <p>{t('directory.noneHint')}</p>}
          {data && totalPages > 1 && (
            <nav className="pagination" aria-label={t('pagination.label')}>
              {page > 1 ? (
                <Link to={pageLink(page - 1)} preventScrollReset onClick={() => (focusResults.current = true)} rel="prev">
                  {t('pagination.previous')}
                </Link>
              ) : (
                <span className="pagination-placeholder" />
              )}
              <span className="pagination-info">{t('pagination.info', { page: number(page), pages: number(totalPages) })}</span>
              {page < totalPages ? (
                <Link to={pageLink(page + 1)} preventScrollReset onClick={() => (focusResults.current = true)} rel="next">
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

function pageSizeOf(data: { pageSize: number } | undefined) {
  return data?.pageSize && data.pageSize > 0 ? data.pageSize : 20;
}
