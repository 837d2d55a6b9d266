import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { moderationReasonSchema, type Flag } from '../../../../shared/forums';
import { moderationRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { PageHeading } from '../../lib/page';
import { paths, threadPathById } from '../../lib/paths';
import { useLiveRoom } from '../../lib/realtime';
import { BusyButton, TextAreaField, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { LoadError, Loading, errorText } from '../../lib/ui/status';
import { forumKeys, useFlags, useForumList, useResolveFlag, type FlagStatus } from './api';
import { forumName } from './labels';

function FlagCard({ flag, forumLabel }: { flag: Flag; forumLabel: string | null }) {
  const { t, dateTime } = useI18n();
  const resolve = useResolveFlag();
  const [mode, setMode] = useState<'view' | 'hide'>('view');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dismiss' | 'hide' | null>(null);
  const { locale } = useI18n();
  const idPrefix = `flag-${flag.id}`;
  const author = flag.post.author?.name ?? t('post.unknownAuthor');
  const headingId = `${idPrefix}-heading`;

  const run = (action: 'dismiss' | 'hide', hideReason?: string) => {
    setBusy(action);
    setError(null);
    resolve.mutate(
      { flagId: flag.id, action, reason: hideReason },
      {
        onSuccess: () => announce(action === 'dismiss' ? t('moderation.dismissed') : t('post.hiddenDone', { name: author })),
        onError: (e) => {
          if (action === 'hide') setProblem(problemFromError(e, t));
          else setError(errorText(e, t('error.unexpectedShort')));
        },
        onSettled: () => setBusy(null),
      },
    );
  };

  const submitHide = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = moderationReasonSchema.safeParse({ reason });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    run('hide', parsed.data.reason);
  };

  return (
    <li className="card flag-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="card-title">
          <Link to={threadPathById(flag.post.threadId, flag.post.id)}>{flag.threadTitle}</Link>
        </h3>
        <p className="muted">
          {forumLabel && <>{forumLabel} · </>}
          {t('moderation.postBy', { name: author })} · <time dateTime={flag.post.createdAt}>{dateTime(flag.post.createdAt)}</time>
        </p>
        <blockquote className="flag-post">
          {flag.post.deleted ? (
            <p>{t('post.removed')}</p>
          ) : flag.post.bodyHtml !== null ? (
            // Sanitised on the server.
            <div className="prose" dangerouslySetInnerHTML={{ __html: flag.post.bodyHtml }} />
          ) : (
            <p>{t('post.hiddenForOthers')}</p>
          )}
        </blockquote>
        <dl className="facts">
          <div>
            <dt>{t('moderation.reporter')}</dt>
            <dd>{flag.reporter?.name ?? t('post.unknownAuthor')}</dd>
          </div>
          <div>
            <dt>{t('moderation.flagReason')}</dt>
            <dd className="preserve-lines">{flag.reason}</dd>
          </div>
          <div>
            <dt>{t('moderation.flaggedAt')}</dt>
            <dd>
              <time dateTime={flag.createdAt}>{dateTime(flag.createdAt)}</time>
            </dd>
          </div>
          {flag.resolvedAt && (
            <div>
              <dt>{t('moderation.resolution')}</dt>
              <dd>
                {flag.resolution === 'hidden' ? t('moderation.resolvedHidden') : t('moderation.resolvedDismissed')}
                {flag.resolvedBy && <> · {flag.resolvedBy.name}</>} · <time dateTime={flag.resolvedAt}>{dateTime(flag.resolvedAt)}</time>
              </dd>
            </div>
          )}
        </dl>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {!flag.resolvedAt && mode === 'view' && (
          <div className="button-row">
            <BusyButton type="button" variant="secondary" busy={busy === 'dismiss'} busyText={t('common.saving')} onClick={() => run('dismiss')}>
              {t('moderation.dismiss')}
              <span className="visually-hidden"> {t('moderation.flagAbout', { title: flag.threadTitle })}</span>
            </BusyButton>
            {!flag.post.hidden && !flag.post.deleted && (
              <button type="button" className="button button-secondary" onClick={() => setMode('hide')}>
                {t('post.hide')}
                <span className="visually-hidden"> {t('post.fromName', { name: author })}</span>
              </button>
            )}
          </div>
        )}
        {!flag.resolvedAt && mode === 'hide' && (
          <form noValidate onSubmit={submitHide} className="form">
            {problem && (
              <p className="field-error" role="alert">
                {problem.message}
              </p>
            )}
            <TextAreaField idPrefix={idPrefix} name="reason" rows={3} label={t('hide.reason')} hint={t('hide.intro')} value={reason} onValueChange={setReason} error={problem?.fields.reason} />
            <div className="form-actions">
              <BusyButton busy={busy === 'hide'} busyText={t('common.saving')} variant="danger">
                {t('hide.submit')}
              </BusyButton>
              <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </article>
    </li>
  );
}

export function ModerationPage() {
  const { t, locale, plural } = useI18n();
  const [searchParams] = useSearchParams();
  const status: FlagStatus = searchParams.get('visa') === 'hanterade' ? 'resolved' : 'open';
  const query = useFlags(status);
  const forums = useForumList();
  const queryClient = useQueryClient();
  const forumLabel = (forumId: string) => {
    const forum = forums.data?.forums.find((f) => f.id === forumId);
    return forum ? forumName(forum, locale) : null;
  };

  useLiveRoom(
    moderationRoom,
    query.data?.cursor,
    (event: LiveEvent) => {
      if (event.type === 'flag.created') announce(t('moderation.newFlag'));
      void queryClient.invalidateQueries({ queryKey: forumKeys.allFlags });
    },
    { onReset: () => void queryClient.invalidateQueries({ queryKey: forumKeys.allFlags }) },
  );

  const flags = query.data?.flags ?? [];
  return (
    <>
      <PageHeading>{t('moderation.title')}</PageHeading>
      <p className="lead">{t('moderation.intro')}</p>
      <nav aria-label={t('moderation.views')} className="subnav">
        <ul>
          <li>
            <Link to={paths.moderation} aria-current={status === 'open' ? 'page' : undefined}>
              {t('moderation.open')}
            </Link>
          </li>
          <li>
            <Link to={`${paths.moderation}?visa=hanterade`} aria-current={status === 'resolved' ? 'page' : undefined}>
              {t('moderation.resolved')}
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="flags-heading" className="section" aria-busy={query.isFetching}>
        <h2 id="flags-heading">{status === 'open' ? t('moderation.open') : t('moderation.resolved')}</h2>
        {query.isPending && <Loading />}
        {query.isError && <LoadError error={query.error} onRetry={() => query.refetch()} />}
        {query.data && (
          <>
            <p className="muted">{flags.length === 0 ? (status === 'open' ? t('moderation.noneOpen') : t('moderation.noneResolved')) : plural('moderation.count', flags.length)}</p>
            <ul className="card-list">
              {flags.map((flag) => (
                <FlagCard key={flag.id} flag={flag} forumLabel={forumLabel(flag.post.forumId)} />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
