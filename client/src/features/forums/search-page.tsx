import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchQuerySchema } from '../../../../shared/forums';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths, threadPath } from '../../lib/paths';
import { SelectField, TextField, problemFromIssues, type FormProblem, ErrorSummary } from '../../lib/ui/form';
import { LoadError } from '../../lib/ui/status';
import { useForumList, useSearch, type SearchParams } from './api';
import { forumName } from './labels';

// Swedish words in the URL: /forum/sok?q=bidrag&forum=bidrag&fran=2026-01-01&till=…&sortering=nyast&sida=2
const sortParams = { relevance: 'relevans', newest: 'nyast' } as const;

interface FormValues {
  q: string;
  forum: string;
  from: string;
  to: string;
  sort: 'relevance' | 'newest';
  /** From a mention's link: only posts by this person or organisation (ids). */
  author: string;
  organisation: string;
}

function readForm(params: URLSearchParams): FormValues {
  return {
    q: params.get('q') ?? '',
    forum: params.get('forum') ?? '',
    from: params.get('fran') ?? '',
    to: params.get('till') ?? '',
    sort: params.get('sortering') === sortParams.newest ? 'newest' : 'relevance',
    author: params.get('author') ?? '',
    organisation: params.get('organisation') ?? '',
  };
}

function toParams(values: FormValues, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  if (values.q.trim()) params.set('q', values.q.trim());
  if (values.forum) params.set('forum', values.forum);
  if (values.from) params.set('fran', values.from);
  if (values.to) params.set('till', values.to);
  if (values.sort === 'newest') params.set('sortering', sortParams.newest);
  if (values.author) params.set('author', values.author);
  if (values.organisation) params.set('organisation', values.organisation);
  if (page > 1) params.set('sida', String(page));
  return params;
}

export function SearchPage() {
  const { t, locale, plural, number, dateTime } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const forums = useForumList();
  const current = readForm(searchParams);
  const page = Math.max(1, Number.parseInt(searchParams.get('sida') ?? '1', 10) || 1);
  const [values, setValues] = useState<FormValues>(current);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const forumBySlug = (slug: string) => forums.data?.forums.find((f) => f.slug === slug);

  // Back and forward change the URL: the form follows it.
  const urlKey = searchParams.toString();
  useEffect(() => setValues(readForm(searchParams)), [urlKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The API query from the URL; the forum filter waits for the forum list to map slug to id.
  let query: SearchParams | null = null;
  const byWho = !!(current.author || current.organisation);
  if ((current.q.trim().length >= 2 || (byWho && !current.q.trim())) && (!current.forum || forums.data)) {
    const parsed = searchQuerySchema.safeParse({
      q: current.q.trim() || undefined,
      forum: current.forum ? (forumBySlug(current.forum)?.id ?? undefined) : undefined,
      from: current.from || undefined,
      to: current.to || undefined,
      sort: current.sort,
      author: current.author || undefined,
      organisation: current.organisation || undefined,
      page,
    });
    if (parsed.success) query = parsed.data;
  }
  const results = useSearch(query);

  useEffect(() => {
    if (focusResults.current && !results.isFetching && results.data) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [results.isFetching, results.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = searchQuerySchema.safeParse({
      q: values.q.trim() || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      sort: values.sort,
      author: values.author || undefined,
      organisation: values.organisation || undefined,
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    focusResults.current = true;
    setSearchParams(toParams(values));
  };

  const set = (key: keyof FormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const data = results.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / Math.max(1, data.pageSize))) : 1;
  const searching = results.isFetching;
  const labels = { q: t('forumSearch.q'), from: t('forumSearch.from'), to: t('forumSearch.to') };
  const status = !query
    ? ''
    : searching
      ? t('forumSearch.searching')
      : results.isError
        ? t('forumSearch.failed')
        : data && data.total === 0
          ? t('forumSearch.none')
          : data
            ? data.totalAtLeast
              ? t('forumSearch.countAtLeast', { count: number(data.total) })
              : plural('forumSearch.count', data.total)
            : '';

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.forums}>{t('forum.allForums')}</Link>
      </p>
      <PageHeading>{t('forumSearch.title')}</PageHeading>
      <p className="lead">{t('forumSearch.intro')}</p>
      <ErrorSummary problem={problem} idPrefix="search" labels={labels} />
      {(current.author || current.organisation) && (
        <div className="notice">
          <p>{current.author ? t('forumSearch.byPerson') : t('forumSearch.byOrganisation')}</p>
          <p>
            <Link to={{ search: `?${toParams({ ...current, author: '', organisation: '' }).toString()}` }}>{t('forumSearch.removeFilter')}</Link>
          </p>
        </div>
      )}
      <form role="search" noValidate onSubmit={submit} className="form search-filters" aria-label={t('forumSearch.title')}>
        <TextField idPrefix="search" name="q" type="search" label={labels.q} hint={t('forumSearch.qHint')} value={values.q} onValueChange={set('q')} error={problem?.fields.q} autoComplete="off" />
        <SelectField
          idPrefix="search"
          name="forum"
          label={t('forumSearch.forum')}
          value={values.forum}
          onValueChange={set('forum')}
          placeholder={t('forumSearch.allForums')}
          options={(forums.data?.forums ?? []).map((f) => ({ value: f.slug, label: forumName(f, locale) }))}
        />
        <div className="date-range">
          <TextField idPrefix="search" name="from" type="date" label={labels.from} optionalText={t('form.optional')} value={values.from} onValueChange={set('from')} error={problem?.fields.from} />
          <TextField idPrefix="search" name="to" type="date" label={labels.to} optionalText={t('form.optional')} value={values.to} onValueChange={set('to')} error={problem?.fields.to} />
        </div>
        <SelectField
          idPrefix="search"
          name="sort"
          label={t('forumSearch.sort')}
          value={values.sort}
          onValueChange={set('sort')}
          options={[
            { value: 'relevance', label: t('forumSearch.sortRelevance') },
            { value: 'newest', label: t('forumSearch.sortNewest') },
          ]}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('forumSearch.submit')}
          </button>
        </div>
      </form>

      <section aria-labelledby="search-results-heading" className="section" aria-busy={searching}>
        <h2 id="search-results-heading" tabIndex={-1} ref={resultsHeading}>
          {t('forumSearch.results')}
        </h2>
        <p role="status" className={searching ? 'result-status result-status-busy' : 'result-status'}>
          {searching && <span className="spinner" aria-hidden="true" />}
          {status || (!query ? t('forumSearch.prompt') : '')}
        </p>
        {results.isError && <LoadError error={results.error} onRetry={() => results.refetch()} />}
        {data && data.hits.length > 0 && (
          <ol className={searching ? 'result-list result-list-stale' : 'result-list'} start={(data.page - 1) * data.pageSize + 1}>
            {data.hits.map((hit) => (
              <li key={hit.postId} className="result-card search-hit">
                <h3 className="result-title">
                  <Link to={threadPath(hit.forum.slug, hit.threadId, hit.postId)}>{hit.threadTitle}</Link>
                </h3>
                <p className="result-meta">
                  {forumName(hit.forum, locale)}
                  {hit.author && <> · {hit.author.name}</>}
                  {hit.organisation && <> ({hit.organisation.name})</>}
                  {' · '}
                  <time dateTime={hit.createdAt}>{dateTime(hit.createdAt)}</time>
                </p>
                {/* Escaped text with <mark> around the matching words, made on the server. */}
                <p className="search-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              </li>
            ))}
          </ol>
        )}
        {data && totalPages > 1 && (
          <nav className="pagination" aria-label={t('pagination.label')}>
            {page > 1 ? (
              <Link to={{ search: `?${toParams(current, page - 1).toString()}` }} rel="prev" onClick={() => (focusResults.current = true)}>
                {t('pagination.previous')}
              </Link>
            ) : (
              <span className="pagination-placeholder" />
            )}
            <span className="pagination-info">{t('pagination.info', { page: number(page), pages: number(totalPages) })}</span>
            {page < totalPages ? (
              <Link to={{ search: `?${toParams(current, page + 1).toString()}` }} rel="next" onClick={() => (focusResults.current = true)}>
                {t('pagination.next')}
              </Link>
            ) : (
              <span className="pagination-placeholder" />
            )}
          </nav>
        )}
      </section>
    </>
  );
}
