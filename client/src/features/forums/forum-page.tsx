import { useEffect, useRef, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { threadInputSchema, type Forum, type ForumPage as ForumPageData } from '../../../../shared/forums';
import { forumRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { useCurrentUser } from '../../lib/current-user';
import { useDraft } from '../../lib/drafts';
import { PageHeading } from '../../lib/page';
import { forumPath, paths, signInPath, threadPath } from '../../lib/paths';
import { useLiveRoom } from '../../lib/realtime';
import { BusyButton, ErrorSummary, TextField, problemFromIssues } from '../../lib/ui/form';
import { LoadError, Loading, Notice } from '../../lib/ui/status';
import { forumKeys, useCreateThread, useForumPage } from './api';
import { Composer, OnBehalfField } from './composer';
import { FollowButton } from './follow-button';
import { forumDescription, forumName } from './labels';
import { applyForumEvent } from './live-reducers';
import { applyLive, useLiveNoticeText } from './live-notice-text';
import { useSendOnce, useSendProblem } from './post-form';

interface ThreadDraft {
  title: string;
  body: string;
  organisationId: string;
  idempotencyKey?: string | null;
}
const emptyDraft: ThreadDraft = { title: '', body: '', organisationId: '', idempotencyKey: null };

function NewThreadForm({ forum }: { forum: Forum }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateThread(forum.id);
  const [draft, setDraft, clearDraft] = useDraft<ThreadDraft>(`thread.${forum.id}`, emptyDraft, (d) => !d.title.trim() && !d.body.trim());
  const send = useSendOnce(draft, setDraft);
  const [problem, setProblem, fail] = useSendProblem();
  const idPrefix = 'new-thread';
  const labels = { title: t('newThread.titleLabel'), body: t('newThread.bodyLabel'), organisationId: t('composer.onBehalf') };
  const set = (key: 'title' | 'body' | 'organisationId') => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = threadInputSchema.safeParse({ title: draft.title, body: draft.body, organisationId: draft.organisationId || null });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    create.mutate(
      { input: parsed.data, idempotencyKey: send.key() },
      {
        onSuccess: ({ thread }) => {
          clearDraft();
          navigate(threadPath(forum.slug, thread.id), { state: { flash: t('newThread.published') } });
        },
        onError: fail,
      },
    );
  };

  return (
    <section aria-labelledby="new-thread-heading" className="section card new-thread">
      <h2 id="new-thread-heading">{t('newThread.title')}</h2>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form">
        <TextField idPrefix={idPrefix} name="title" required label={labels.title} value={draft.title} onValueChange={set('title')} error={problem?.fields.title} maxLength={200} />
        <Composer idPrefix={idPrefix} label={labels.body} value={draft.body} onChange={set('body')} error={problem?.fields.body} rows={8} />
        <OnBehalfField idPrefix={idPrefix} value={draft.organisationId} onChange={set('organisationId')} error={problem?.fields.organisationId} />
        <p className="muted">{t('composer.draftSaved')}</p>
        <div className="form-actions">
          <BusyButton busy={create.isPending} busyText={t('newThread.publishing')}>
            {t('newThread.submit')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}

function ThreadList({ data }: { data: ForumPageData }) {
  const { t, plural, dateTime } = useI18n();
  const { user } = useCurrentUser();
  return (
    <ul className="thread-list">
      {data.threads.map((thread) => (
        <li key={thread.id} className={thread.unread && user ? 'thread-item thread-item-unread' : 'thread-item'}>
          <h3 className="thread-item-title">
            <Link to={threadPath(data.forum.slug, thread.id)}>{thread.title}</Link>
          </h3>
          {(thread.pinned || thread.locked || (thread.unread && user)) && (
            <p className="tags thread-markers">
              {thread.unread && user && <span className="badge badge-unread">{t('thread.unread')}</span>}
              {thread.pinned && <span className="badge badge-pinned">{t('thread.pinned')}</span>}
              {thread.locked && <span className="badge badge-locked">{t('thread.locked')}</span>}
            </p>
          )}
          <p className="muted thread-meta">
            {thread.author ? t('thread.startedBy', { name: thread.author.name }) : t('thread.startedByUnknown')}
            {thread.organisation && <> ({thread.organisation.name})</>}
            {' · '}
            {plural('thread.replies', thread.replyCount)}
            {' · '}
            {t('forums.lastActivity')} <time dateTime={thread.lastPostAt}>{dateTime(thread.lastPostAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export function ForumPage() {
  const { slug = '' } = useParams();
  const [searchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('sida') ?? '1', 10) || 1);
  const { t, locale, plural, number } = useI18n();
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useForumPage(slug, page);
  const data = query.data;
  const notFound = isApiError(query.error, 404) || isApiError(query.error, 403);
  const noticeText = useLiveNoticeText();
  const key = forumKeys.page(slug, page);
  const threadsHeading = useRef<HTMLHeadingElement>(null);
  const focusList = useRef(false);

  useLiveRoom(
    data ? forumRoom(data.forum.id) : null,
    data?.cursor,
    (event: LiveEvent) => applyLive<ForumPageData>(queryClient, key, event, (old) => applyForumEvent(old, event, { userId: user?.id ?? null }), noticeText),
    { onReset: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );

  useEffect(() => {
    if (focusList.current && data && !query.isFetching) {
      focusList.current = false;
      threadsHeading.current?.focus();
    }
  }, [data, query.isFetching]);

  const forum = data?.forum;
  const name = forum ? forumName(forum, locale) : null;
  const heading = name ?? (notFound ? t('forum.notFoundTitle') : query.isError ? t('error.loadFailed') : t('common.loading'));
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.forums}>{t('forum.allForums')}</Link>
      </p>
      <PageHeading title={name ?? heading}>{heading}</PageHeading>
      {query.isPending && <Loading />}
      {notFound && <p>{t('forum.notFoundText')}</p>}
      {query.isError && !notFound && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {data && forum && name && (
        <>
          {forumDescription(forum, locale) && <p className="lead">{forumDescription(forum, locale)}</p>}
          {(forum.restricted || forum.archived) && (
            <p className="tags">
              {forum.restricted && <span className="badge badge-restricted">{t('forums.restricted')}</span>}
              {forum.archived && <span className="badge badge-archived">{t('forums.archived')}</span>}
            </p>
          )}
          <div className="forum-tools">
            {user && <FollowButton kind="forum" forum={forum} name={name} />}
            <p>
              <Link to={`${paths.forumSearch}?forum=${encodeURIComponent(forum.slug)}`}>{t('forum.searchThis')}</Link>
              {forum.canPost && (
                <>
                  {' · '}
                  <a href="#new-thread-heading">{t('forum.jumpToNewThread')}</a>
                </>
              )}
            </p>
          </div>

          <section aria-labelledby="threads-heading" className="section" aria-busy={query.isFetching}>
            <h2 id="threads-heading" tabIndex={-1} ref={threadsHeading}>
              {t('forum.threads')}
            </h2>
            <p className="muted">{data.total === 0 ? t('forum.noThreads') : plural('forums.threadCount', data.total)}</p>
            {data.threads.length > 0 && <ThreadList data={data} />}
            {totalPages > 1 && (
              <nav className="pagination" aria-label={t('pagination.label')}>
                {page > 1 ? (
                  <Link to={`${forumPath(forum.slug)}${page - 1 > 1 ? `?sida=${page - 1}` : ''}`} rel="prev" preventScrollReset onClick={() => (focusList.current = true)}>
                    {t('pagination.previous')}
                  </Link>
                ) : (
                  <span className="pagination-placeholder" />
                )}
                <span className="pagination-info">{t('pagination.info', { page: number(page), pages: number(totalPages) })}</span>
                {page < totalPages ? (
                  <Link to={`${forumPath(forum.slug)}?sida=${page + 1}`} rel="next" preventScrollReset onClick={() => (focusList.current = true)}>
                    {t('pagination.next')}
                  </Link>
                ) : (
                  <span className="pagination-placeholder" />
                )}
              </nav>
            )}
          </section>

          {forum.canPost ? (
            <NewThreadForm forum={forum} />
          ) : !user ? (
            <p>
              <Link className="button button-secondary" to={signInPath(forumPath(forum.slug))}>
                {t('forum.signInToPost')}
              </Link>
            </p>
          ) : (
            <Notice>{forum.archived ? t('forum.archivedNoPosting') : t('forum.noPosting')}</Notice>
          )}
        </>
      )}
    </>
  );
}
