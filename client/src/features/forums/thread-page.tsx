import { Fragment, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { flagInputSchema, postInputSchema, threadReplyPageSize, type Post, type ThreadPage as ThreadPageData } from '../../../../shared/forums';
import { forumRoom, type LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { isApiError } from '../../lib/api';
import { useCurrentUser } from '../../lib/current-user';
import { useDraft } from '../../lib/drafts';
import { PageHeading } from '../../lib/page';
import { forumPath, paths, postAnchor, signInPath, threadPath } from '../../lib/paths';
import { useLiveRoom } from '../../lib/realtime';
import { Dialog } from '../../lib/ui/dialog';
import { BusyButton, ErrorSummary, LiveStatus, SelectField, TextAreaField, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { LoadError, Loading, Notice, errorText } from '../../lib/ui/status';
import { forumKeys, useForumList, useThread, useThreadMutations } from './api';
import { Composer, OnBehalfField } from './composer';
import { ThreadFollowButton } from './follow-button';
import { forumName } from './labels';
import { applyThreadEvent } from './live-reducers';
import { applyLive, useLiveNoticeText } from './live-notice-text';
import { useSendOnce, useSendProblem } from './post-form';
import { PostItem } from './post-item';

interface ReplyDraft {
  body: string;
  quotedPostId: string | null;
  organisationId: string;
  idempotencyKey?: string | null;
}
const emptyReply: ReplyDraft = { body: '', quotedPostId: null, organisationId: '', idempotencyKey: null };

/** "> " before every line of the quoted post, with who wrote it. */
export function quoteText(post: Post, wrote: string): string {
  const lines = (post.body ?? '').trim().split('\n');
  return `> ${wrote}\n${lines.map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n`;
}

function ReplyForm({
  data,
  draft,
  setDraft,
  clearDraft,
  textarea,
}: {
  data: ThreadPageData;
  draft: ReplyDraft;
  setDraft: (update: (draft: ReplyDraft) => ReplyDraft) => void;
  clearDraft(): void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t, locale } = useI18n();
  const { reply } = useThreadMutations(data.thread.id);
  const send = useSendOnce(draft, setDraft);
  const [problem, setProblem, fail] = useSendProblem();
  const [done, setDone] = useState<string | null>(null);
  const idPrefix = 'reply';
  const labels = { body: t('reply.bodyLabel'), organisationId: t('composer.onBehalf'), quotedPostId: t('reply.quoting') };
  const quoted = draft.quotedPostId ? data.posts.find((p) => p.id === draft.quotedPostId) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reply.isPending) return;
    const parsed = postInputSchema.safeParse({ body: draft.body, quotedPostId: draft.quotedPostId, organisationId: draft.organisationId || null });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    setDone(null);
    reply.mutate(
      { input: parsed.data, idempotencyKey: send.key() },
      {
        onSuccess: () => {
          clearDraft();
          setDone(t('reply.published'));
        },
        onError: fail,
      },
    );
  };

  return (
    <section aria-labelledby="reply-heading" className="section card reply-form">
      <h2 id="reply-heading">{t('reply.title')}</h2>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form">
        {quoted && (
          <div className="quote-chip">
            <p>{t('reply.quotingName', { name: quoted.author?.name ?? t('post.unknownAuthor') })}</p>
            <button type="button" className="button button-secondary button-small" onClick={() => setDraft((d) => ({ ...d, quotedPostId: null }))}>
              {t('reply.removeQuote')}
            </button>
          </div>
        )}
        <Composer
          idPrefix={idPrefix}
          label={labels.body}
          value={draft.body}
          onChange={(body) => {
            setDone(null);
            setDraft((d) => ({ ...d, body }));
          }}
          error={problem?.fields.body}
          textareaRef={textarea}
        />
        <OnBehalfField idPrefix={idPrefix} value={draft.organisationId} onChange={(organisationId) => setDraft((d) => ({ ...d, organisationId }))} error={problem?.fields.organisationId} />
        <p className="muted">{t('composer.draftSaved')}</p>
        <div className="form-actions">
          <BusyButton busy={reply.isPending} busyText={t('reply.publishing')}>
            {t('reply.submit')}
          </BusyButton>
        </div>
        <LiveStatus message={done} />
      </form>
    </section>
  );
}

type ReasonAction = { kind: 'flag' | 'hide'; post: Post } | null;

function ReasonDialog({ action, threadId, onClose }: { action: ReasonAction; threadId: string; onClose(): void }) {
  const { t, locale } = useI18n();
  const { flag, hide } = useThreadMutations(threadId);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const kind = action?.kind ?? 'flag';
  const mutation = kind === 'flag' ? flag : hide;
  const name = action?.post.author?.name ?? t('post.unknownAuthor');
  const idPrefix = `${kind}-dialog`;

  useEffect(() => {
    setReason('');
    setProblem(null);
  }, [action]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action || mutation.isPending) return;
    const parsed = flagInputSchema.safeParse({ reason });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    mutation.mutate(
      { postId: action.post.id, reason: parsed.data.reason },
      {
        onSuccess: () => {
          announce(kind === 'flag' ? t('flag.sent') : t('post.hiddenDone', { name }));
          const postId = action.post.id;
          onClose();
          // The "Hide" button is gone now: continue from the post itself.
          if (kind === 'hide') setTimeout(() => document.getElementById(postAnchor(postId))?.focus(), 50);
        },
        onError: (error) => setProblem(problemFromError(error, t)),
      },
    );
  };

  return (
    <Dialog id="reason-dialog" title={kind === 'flag' ? t('flag.title', { name }) : t('hide.title', { name })} open={!!action} onClose={onClose}>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={{ reason: t('flag.reason') }} />
      <form noValidate onSubmit={submit} className="form">
        <p>{kind === 'flag' ? t('flag.intro') : t('hide.intro')}</p>
        <TextAreaField idPrefix={idPrefix} name="reason" rows={4} label={kind === 'flag' ? t('flag.reason') : t('hide.reason')} value={reason} onValueChange={setReason} error={problem?.fields.reason} />
        <div className="form-actions">
          <BusyButton busy={mutation.isPending} busyText={t('common.saving')} variant={kind === 'hide' ? 'danger' : 'primary'}>
            {kind === 'flag' ? t('flag.submit') : t('hide.submit')}
          </BusyButton>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ModerationTools({ data }: { data: ThreadPageData }) {
  const { t, locale } = useI18n();
  const { moderate } = useThreadMutations(data.thread.id);
  const forums = useForumList();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pin' | 'lock' | 'move' | null>(null);
  const { thread } = data;

  const run = (kind: 'pin' | 'lock' | 'move', input: Parameters<typeof moderate.mutate>[0], done: string) => {
    setBusy(kind);
    setError(null);
    moderate.mutate(input, {
      onSuccess: () => announce(done),
      onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
      onSettled: () => setBusy(null),
    });
  };
  // An archived forum takes no threads (the server refuses the move): it is not offered.
  const others = (forums.data?.forums ?? []).filter((f) => f.id !== data.forum.id && !f.archived);
  const targetForum = others.find((f) => f.id === target);

  return (
    <section aria-labelledby="moderation-heading" className="section card moderation-tools">
      <h2 id="moderation-heading">{t('moderation.threadTools')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <BusyButton type="button" variant="secondary" busy={busy === 'pin'} busyText={t('common.saving')} onClick={() => run('pin', { pinned: !thread.pinned }, t(thread.pinned ? 'moderation.unpinned' : 'moderation.pinnedDone'))}>
          {thread.pinned ? t('moderation.unpin') : t('moderation.pin')}
        </BusyButton>
        <BusyButton type="button" variant="secondary" busy={busy === 'lock'} busyText={t('common.saving')} onClick={() => run('lock', { locked: !thread.locked }, t(thread.locked ? 'moderation.unlocked' : 'moderation.lockedDone'))}>
          {thread.locked ? t('moderation.unlock') : t('moderation.lock')}
        </BusyButton>
      </div>
      <form
        className="form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (!targetForum) {
            setError(t('moderation.chooseForum'));
            return;
          }
          run('move', { forumId: targetForum.id }, t('moderation.moved', { name: forumName(targetForum, locale) }));
        }}
      >
        <SelectField
          idPrefix="move"
          name="forumId"
          label={t('moderation.moveTo')}
          value={target}
          onValueChange={setTarget}
          placeholder={t('moderation.chooseForumPlaceholder')}
          options={others.map((f) => ({ value: f.id, label: forumName(f, locale) }))}
        />
        <div className="form-actions">
          <BusyButton busy={busy === 'move'} busyText={t('moderation.moving')} variant="secondary">
            {t('moderation.move')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}

export function ThreadPage() {
  const { threadId = '' } = useParams();
  const location = useLocation();
  const { t, locale, plural } = useI18n();
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useThread(threadId);
  const data = query.data;
  const notFound = isApiError(query.error, 404) || isApiError(query.error, 403) || isApiError(query.error, 400);
  const noticeText = useLiveNoticeText();
  const key = forumKeys.thread(threadId);
  const { markRead, earlier } = useThreadMutations(threadId);
  const [reasonAction, setReasonAction] = useState<ReasonAction>(null);
  const replyTextarea = useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<ReplyDraft>(user ? `reply.${threadId}` : null, emptyReply, (d) => !d.body.trim());

  // "New" means after the last visit before this one; kept for the whole visit (reading resets it on the server).
  const [visit, setVisit] = useState<{ threadId: string; since: string } | null>(null);
  useEffect(() => {
    if (data && visit?.threadId !== threadId) setVisit({ threadId, since: data.lastReadAt ?? new Date().toISOString() });
  }, [data, threadId, visit?.threadId]);

  useLiveRoom(
    data ? forumRoom(data.forum.id) : null,
    data?.cursor,
    (event: LiveEvent) => applyLive<ThreadPageData>(queryClient, key, event, (old) => applyThreadEvent(old, event, { userId: user?.id ?? null }), noticeText),
    { onReset: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );

  // Reading clears "unread": when the thread is shown, and again when new posts arrive while here.
  const postCount = data?.posts.length ?? 0;
  const loaded = !!data;
  useEffect(() => {
    if (!user || !loaded) return;
    const timer = setTimeout(() => markRead.mutate(), 800);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id, threadId, loaded, postCount]);

  // A link to one post (#inlagg-…) lands on it once the posts are there.
  const landed = useRef<string | null>(null);
  useEffect(() => {
    if (!data || !location.hash || landed.current === location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    // A link to an older reply: fetch earlier pages until it is there (or there are no more).
    if (!target && data.earlierReplies > 0 && data.posts[1] && !earlier.isPending && !earlier.isError) {
      earlier.mutate(data.posts[1].id);
      return;
    }
    if (target) {
      landed.current = location.hash;
      requestAnimationFrame(() => {
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
      });
    }
  }, [data, location.hash]); // eslint-disable-line react-hooks/exhaustive-deps

  const quote = (post: Post) => {
    const wrote = t('reply.wrote', { name: post.author?.name ?? t('post.unknownAuthor') });
    setDraft((d) => ({ ...d, quotedPostId: post.id, body: `${d.body ? `${d.body.trimEnd()}\n\n` : ''}${quoteText(post, wrote)}` }));
    requestAnimationFrame(() => {
      const area = replyTextarea.current;
      if (!area) return;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
    announce(t('reply.quoted', { name: post.author?.name ?? t('post.unknownAuthor') }));
  };

  const authors = useMemo(() => new Map((data?.posts ?? []).map((p) => [p.id, p.author?.name ?? t('post.unknownAuthor')])), [data?.posts, t]);
  const since = visit?.threadId === threadId ? visit.since : null;
  const isNew = (post: Post) => !!user && !!since && post.author?.id !== user.id && post.createdAt > since;
  const newCount = data ? data.posts.filter(isNew).length : 0;
  const firstNew = data?.posts.find(isNew);

  const heading = data ? data.thread.title : notFound ? t('thread.notFoundTitle') : query.isError ? t('error.loadFailed') : t('common.loading');
  const canReply = !!data && !!user && data.canPost && (!data.thread.locked || data.canModerate);

  return (
    <>
      <nav className="breadcrumb" aria-label={t('thread.breadcrumb')}>
        <Link to={paths.forums}>{t('forum.allForums')}</Link>
        {data && (
          <>
            {' '}
            <Link to={forumPath(data.forum.slug)}>{forumName(data.forum, locale)}</Link>
          </>
        )}
      </nav>
      <PageHeading title={heading}>{heading}</PageHeading>
      {query.isPending && <Loading />}
      {notFound && (
        <>
          <p>{t('thread.notFoundText')}</p>
          <p>
            <Link to={paths.forums}>{t('forum.allForums')}</Link>
          </p>
        </>
      )}
      {query.isError && !notFound && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {data && (
        <>
          <div className="thread-intro">
            {(data.thread.pinned || data.thread.locked) && (
              <p className="tags">
                {data.thread.pinned && <span className="badge badge-pinned">{t('thread.pinned')}</span>}
                {data.thread.locked && <span className="badge badge-locked">{t('thread.locked')}</span>}
              </p>
            )}
            <p className="muted">
              {plural('thread.replies', data.thread.replyCount)}
              {newCount > 0 && firstNew && (
                <>
                  {' · '}
                  <a href={`#${postAnchor(firstNew.id)}`}>{plural('thread.newPosts', newCount)}</a>
                </>
              )}
            </p>
            {user && <ThreadFollowButton threadId={data.thread.id} following={data.following} title={data.thread.title} />}
          </div>
          {data.thread.locked && <Notice kind="warning">{t('thread.lockedNotice')}</Notice>}
          {data.forum.archived && <Notice kind="warning">{t('forum.archivedNoPosting')}</Notice>}
          {data.canModerate && <ModerationTools data={data} />}

          <ol className="post-list" aria-label={t('thread.postsLabel')}>
            {data.posts.map((post, index) => (
              <Fragment key={post.id}>
              <li>
                <PostItem
                  post={post}
                  context={{
                    threadId: data.thread.id,
                    viewerId: user?.id ?? null,
                    canModerate: data.canModerate,
                    canReply,
                    canReact: !!user && (!data.forum.archived || data.canModerate),
                    myReactions: data.myReactions[post.id] ?? [],
                    isNew: isNew(post),
                    isFirst: index === 0,
                    quotedAuthor: post.quotedPostId ? (authors.get(post.quotedPostId) ?? null) : null,
                    onQuote: quote,
                    onFlag: (p) => setReasonAction({ kind: 'flag', post: p }),
                    onHide: (p) => setReasonAction({ kind: 'hide', post: p }),
                  }}
                />
              </li>
              {index === 0 && data.earlierReplies > 0 && data.posts[1] && (
                <li className="earlier-replies">
                  <p className="muted">{plural('thread.earlier', data.earlierReplies)}</p>
                  <BusyButton
                    type="button"
                    variant="secondary"
                    busy={earlier.isPending}
                    busyText={t('thread.loadingEarlier')}
                    onClick={() => {
                      const count = Math.min(threadReplyPageSize, data.earlierReplies);
                      earlier.mutate(data.posts[1].id, {
                        onSuccess: (page) => {
                          announce(plural('thread.earlierShown', count));
                          // The button may be gone now: keep the keyboard where the reading goes on.
                          const first = page.posts[0];
                          if (first) requestAnimationFrame(() => document.getElementById(postAnchor(first.id))?.focus());
                        },
                      });
                    }}
                  >
                    {t('thread.showEarlier')}
                  </BusyButton>
                  {earlier.isError && <LoadError error={earlier.error} onRetry={() => earlier.mutate(data.posts[1].id)} />}
                </li>
              )}
              </Fragment>
            ))}
          </ol>

          {canReply ? (
            <ReplyForm data={data} draft={draft} setDraft={setDraft} clearDraft={clearDraft} textarea={replyTextarea} />
          ) : !user ? (
            <p>
              <Link className="button button-secondary" to={signInPath(threadPath(data.forum.slug, data.thread.id))}>
                {t('thread.signInToReply')}
              </Link>
            </p>
          ) : null}
          <ReasonDialog action={reasonAction} threadId={data.thread.id} onClose={() => setReasonAction(null)} />
        </>
      )}
    </>
  );
}
