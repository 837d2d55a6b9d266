import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { funderKinds, grantsRoom, type GrantCallSummary } from '../../../../shared/grants';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { grantCallPath, paths } from '../../lib/paths';
import { useLiveRoom } from '../../lib/realtime';
import { useReference } from '../../lib/reference-data';
import { CheckboxField, SelectField } from '../../lib/ui/form';
import { LoadError } from '../../lib/ui/status';
import { grantKeys, useGrantCalls } from './api';
import { amountText, canAddCall, funderKindLabel, funderName } from './labels';
import { activeGrantFilters, funderKindParam, readGrantQuery, withGrantChanges, type GrantFilter } from './list-query';
import { CallFollowButton, DaysLeft, GrantsNav } from './parts';

function CallCard({ call, signedIn }: { call: GrantCallSummary; signedIn: boolean }) {
  const i18n = useI18n();
  const { t, locale, date, plural } = i18n;
  const amount = amountText(i18n, call.amountMin, call.amountMax);
  const lastDeadline = call.deadlines.at(-1)?.date ?? null;
  return (
    <li className="result-card grant-card">
      <h3 className="result-title">
        <Link to={grantCallPath(call.id)}>{call.title}</Link>
      </h3>
      <p className="result-meta">
        <span className="visually-hidden">{t('grants.funder')}: </span>
        {funderKindLabel(t, call.funderKind)} · {funderName(call, locale)}
      </p>
      <dl className="grant-card-facts">
        <div>
          <dt>{t('grants.nextDeadline')}</dt>
          <dd>
            {call.nextDeadline ? (
              <>
                <time dateTime={call.nextDeadline}>{date(call.nextDeadline)}</time> <DaysLeft date={call.nextDeadline} />
              </>
            ) : lastDeadline ? (
              <>
                <time dateTime={lastDeadline}>{date(lastDeadline)}</time> <span className="days-left days-left-past">{t('grants.daysLeftPast')}</span>
              </>
            ) : (
              t('grants.noDeadline')
            )}
          </dd>
        </div>
        {amount && (
          <div>
            <dt>{t('grants.amount')}</dt>
            <dd>{amount}</dd>
          </div>
        )}
        <div>
          <dt>{t('grants.activity')}</dt>
          <dd>
            {plural('grants.knowHowCount', call.knowHowCount)} · {plural('grants.helpCount', call.openHelpRequestCount)}
          </dd>
        </div>
      </dl>
      {call.archived && <p className="badge badge-archived">{t('grants.archived')}</p>}
      {signedIn && <CallFollowButton callId={call.id} title={call.title} following={call.following} withHint={false} />}
    </li>
  );
}

export function GrantListPage() {
  const { t, plural, number } = useI18n();
  const { user } = useCurrentUser();
  const reference = useReference();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = readGrantQuery(searchParams);
  const list = useGrantCalls(query);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  const urlQ = query.q ?? '';
  const [qInput, setQInput] = useState(urlQ);
  const lastPushedQ = useRef(urlQ);

  // Anyone's change to a call (added, edited, archived, its counts) reloads the list quietly.
  useLiveRoom(grantsRoom, list.data?.cursor, () => void queryClient.invalidateQueries({ queryKey: grantKeys.lists }), {
    onReset: () => void queryClient.invalidateQueries({ queryKey: grantKeys.lists }),
  });

  const update = (changes: Partial<Record<GrantFilter, string | undefined>>, replace = false) => {
    if ('q' in changes) lastPushedQ.current = changes.q ?? '';
    setSearchParams((current) => withGrantChanges(current, changes), { replace, preventScrollReset: true });
  };

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

  const data = list.data;
  const total = data?.total ?? 0;
  const totalPages = Math.max(1, Math.ceil(total / (data?.pageSize ?? query.pageSize)));
  const searching = list.isFetching;
  const status = searching ? t('grants.searching') : list.isError ? t('grants.loadFailed') : total === 0 ? t('grants.none') : plural('grants.count', total);
  const filtersInUse = activeGrantFilters(query);
  const pageLink = (target: number) => ({ search: `?${withGrantChanges(searchParams, { page: String(target) }).toString()}` });
  const idPrefix = 'grant-filter';

  return (
    <>
      <PageHeading>{t('grants.title')}</PageHeading>
      <p className="lead">{t('grants.intro')}</p>
      <GrantsNav />
      {canAddCall(user) && (
        <p>
          <Link to={paths.newGrantCall} className="button button-secondary">
            {t('grants.addCall')}
          </Link>
        </p>
      )}

      <div className="directory">
        <section className="directory-filters" aria-labelledby="grant-filters-heading">
          <h2 id="grant-filters-heading">{t('grants.filtersTitle')}</h2>
          <form role="search" onSubmit={onSearch} className="search-form">
            <label htmlFor="grant-q" className="field-label">
              {t('grants.searchLabel')}
            </label>
            <p id="grant-q-hint" className="field-hint">
              {t('grants.searchHint')}
            </p>
            <div className="search-row">
              <input id="grant-q" name="q" type="search" className="input" value={qInput} maxLength={100} aria-describedby="grant-q-hint" onChange={(e) => setQInput(e.target.value)} />
              <button type="submit" className="button button-primary">
                {t('grants.searchButton')}
              </button>
            </div>
          </form>
          <SelectField
            idPrefix={idPrefix}
            name="funderKind"
            label={t('grants.funderKind')}
            value={query.funderKind ? funderKindParam[query.funderKind] : ''}
            onValueChange={(value) => update({ funderKind: value || undefined })}
            placeholder={t('grants.all')}
            options={funderKinds.map((kind) => ({ value: funderKindParam[kind], label: funderKindLabel(t, kind) }))}
          />
          <SelectField
            idPrefix={idPrefix}
            name="targetGroup"
            label={t('grants.targetGroup')}
            value={query.targetGroup ?? ''}
            onValueChange={(value) => update({ targetGroup: value || undefined })}
            placeholder={t('grants.all')}
            options={reference.choices('targetGroup', query.targetGroup ? [query.targetGroup] : []).map((item) => ({ value: item.slug, label: reference.name('targetGroup', item.slug) }))}
          />
          <fieldset className="fieldset grant-date-range">
            <legend className="field-label">{t('grants.deadlineRange')}</legend>
            <div className="field">
              <label htmlFor={`${idPrefix}-from`} className="field-label">
                {t('grants.deadlineFrom')}
              </label>
              <input
                id={`${idPrefix}-from`}
                type="date"
                className="input input-short"
                value={query.deadlineFrom ?? ''}
                min="2000-01-01"
                max="2100-12-31"
                onChange={(e) => update({ deadlineFrom: e.target.value || undefined }, true)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${idPrefix}-to`} className="field-label">
                {t('grants.deadlineTo')}
              </label>
              <input
                id={`${idPrefix}-to`}
                type="date"
                className="input input-short"
                value={query.deadlineTo ?? ''}
                min="2000-01-01"
                max="2100-12-31"
                onChange={(e) => update({ deadlineTo: e.target.value || undefined }, true)}
              />
            </div>
          </fieldset>
          <CheckboxField
            idPrefix={idPrefix}
            name="includePast"
            label={t('grants.includePast')}
            checked={!!query.includePast}
            onCheckedChange={(checked) => update({ includePast: checked ? 'ja' : undefined })}
          />
          {user && (
            <CheckboxField
              idPrefix={idPrefix}
              name="following"
              label={t('grants.onlyFollowing')}
              checked={!!query.following}
              onCheckedChange={(checked) => update({ following: checked ? 'ja' : undefined })}
            />
          )}
          {filtersInUse > 0 && (
            <p>
              <Link to={paths.grants} className="button button-link" onClick={() => (lastPushedQ.current = '')}>
                {t('grants.clearFilters')}
              </Link>
            </p>
          )}
        </section>

        <section className="directory-results" aria-labelledby="grant-results-heading">
          <h2 id="grant-results-heading" tabIndex={-1} ref={resultsHeading}>
            {t('grants.resultsTitle')}
          </h2>
          <p className="result-status" role="status">
            {searching && <span className="spinner" aria-hidden="true" />}
            {status}
          </p>
          {list.isError && <LoadError error={list.error} onRetry={() => list.refetch()} />}
          {data && data.items.length > 0 && (
            <ul className={searching ? 'result-list result-list-stale' : 'result-list'} aria-busy={searching}>
              {data.items.map((call) => (
                <CallCard key={call.id} call={call} signedIn={!!user} />
              ))}
            </ul>
          )}
          {totalPages > 1 && (
            <nav className="pagination" aria-label={t('pagination.label')}>
              {query.page > 1 ? (
                <Link to={pageLink(query.page - 1)} rel="prev" preventScrollReset onClick={() => (focusResults.current = true)}>
                  {t('pagination.previous')}
                </Link>
              ) : (
                <span className="pagination-placeholder" />
              )}
              <span className="pagination-info">{t('pagination.info', { page: number(query.page), pages: number(totalPages) })}</span>
              {query.page < totalPages ? (
                <Link to={pageLink(query.page + 1)} rel="next" preventScrollReset onClick={() => (focusResults.current = true)}>
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
