import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Forum } from '../../../../shared/forums';
import { forumRoom, forumsRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { hasRole, useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { forumPath, paths } from '../../lib/paths';
import { useLiveRoom } from '../../lib/realtime';
import { LiveStatus } from '../../lib/ui/form';
import { LoadError, Loading, errorText } from '../../lib/ui/status';
import { forumKeys, useForumAdmin, useForumList } from './api';
import { CreateForumForm, ForumAdminControls, focusSoon } from './forum-admin';
import { FollowButton } from './follow-button';
import { forumDescription, forumName } from './labels';

/** Counts and unread state come from the server: any activity in a forum reloads the list (debounced). */
function useDebouncedRefetch() {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: forumKeys.list });
    }, 300);
  };
}

const listChangingEvents = new Set<LiveEvent['type']>(['thread.created', 'post.created', 'thread.moved', 'forum.updated', 'post.deleted', 'post.hidden', 'post.unhidden']);

function LiveForumRoom({ forumId, cursor, onChange }: { forumId: string; cursor: number; onChange(): void }) {
  useLiveRoom(forumRoom(forumId), cursor, (event) => {
    if (listChangingEvents.has(event.type)) onChange();
  });
  return null;
}

export function ForumSearchForm({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${paths.forumSearch}?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="search-form forum-search-form" onSubmit={submit} aria-label={t('forumSearch.title')}>
      <label htmlFor="forum-quick-search" className="field-label">
        {t('forums.searchLabel')}
      </label>
      <div className="search-row">
        <input id="forum-quick-search" className="input" type="search" name="q" value={q} onChange={(event) => setQ(event.target.value)} autoComplete="off" />
        <button type="submit" className="button button-primary">
          {t('forumSearch.submit')}
        </button>
      </div>
    </form>
  );
}

function ForumCard({ forum, admin }: { forum: Forum; admin?: ReactNode }) {
  const { t, locale, plural, dateTime } = useI18n();
  const { user } = useCurrentUser();
  const name = forumName(forum, locale);
  const description = forumDescription(forum, locale);
  return (
    <li className={forum.archived ? 'card forum-card forum-card-archived' : 'card forum-card'}>
      <h2 className="forum-card-title" id={`forum-${forum.id}-name`} tabIndex={-1}>
        <Link to={forumPath(forum.slug)}>{name}</Link>
      </h2>
      {(forum.restricted || forum.archived || (forum.unreadCount ?? 0) > 0) && (
        <p className="tags">
          {(forum.unreadCount ?? 0) > 0 && <span className="badge badge-unread">{plural('forums.unread', forum.unreadCount ?? 0)}</span>}
          {forum.restricted && <span className="badge badge-restricted">{t('forums.restricted')}</span>}
          {forum.archived && <span className="badge badge-archived">{t('forums.archived')}</span>}
        </p>
      )}
      {description && <p>{description}</p>}
      <p className="muted forum-stats">
        {plural('forums.threadCount', forum.threadCount)} · {plural('forums.postCount', forum.postCount)}
        {forum.lastPostAt && (
          <>
            {' · '}
            {t('forums.lastActivity')} <time dateTime={forum.lastPostAt}>{dateTime(forum.lastPostAt)}</time>
          </>
        )}
      </p>
      {user && <FollowButton kind="forum" forum={forum} name={name} hintId="forum-follow-hint" />}
      {admin}
    </li>
  );
}

export function ForumListPage() {
  const { t, locale } = useI18n();
  const { user } = useCurrentUser();
  const query = useForumList();
  const { order } = useForumAdmin();
  const refetchSoon = useDebouncedRefetch();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const staff = hasRole(user, ['coordinator', 'admin']);
  const data = query.data;
  const forums = data?.forums ?? [];

  useLiveRoom(forumsRoom, data?.cursor, refetchSoon, { onReset: () => void queryClient.invalidateQueries({ queryKey: forumKeys.list }) });

  const move = (forum: Forum, delta: -1 | 1) => {
    const from = forums.findIndex((f) => f.id === forum.id);
    const to = from + delta;
    if (to < 0 || to >= forums.length) return;
    const ids = forums.map((f) => f.id);
    [ids[from], ids[to]] = [ids[to], ids[from]];
    setError(null);
    order.mutate(ids, {
      onSuccess: () => {
        announce(t('reference.moved', { name: forumName(forum, locale), position: to + 1, count: forums.length }));
        const button = `forum-${forum.id}-${delta < 0 ? 'up' : 'down'}`;
        const atEnd = (delta < 0 && to === 0) || (delta > 0 && to === forums.length - 1);
        focusSoon(atEnd ? `forum-${forum.id}-name` : button);
      },
      onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
    });
  };

  return (
    <>
      <PageHeading>{t('forums.title')}</PageHeading>
      <p className="lead">{t('forums.intro')}</p>
      <ForumSearchForm />
      {user && (
        <p id="forum-follow-hint" className="muted">
          {t('forums.followListHint')}
        </p>
      )}
      {!user && (
        <p>
          <Link to={`${paths.signIn}?next=${encodeURIComponent(paths.forums)}`}>{t('forums.signInToPost')}</Link>
        </p>
      )}
      <LiveStatus message={order.isPending ? t('reference.moving') : null} kind="info" />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {data && (
        <>
          {forums.map((forum) => (
            <LiveForumRoom key={forum.id} forumId={forum.id} cursor={data.cursor} onChange={refetchSoon} />
          ))}
          {forums.length === 0 ? (
            <p>{t('forums.none')}</p>
          ) : (
            <ul className="card-list forum-list" aria-label={t('forums.listLabel')}>
              {forums.map((forum, index) => (
                <ForumCard
                  key={forum.id}
                  forum={forum}
                  admin={staff ? <ForumAdminControls forum={forum} index={index} count={forums.length} onMove={move} moving={order.isPending} /> : undefined}
                />
              ))}
            </ul>
          )}
          {staff && <CreateForumForm />}
        </>
      )}
    </>
  );
}
