import { useState, type FormEvent } from 'react';
import { postEditSchema, reactionEmoji, reactions, type Post, type Reaction } from '../../../../shared/forums';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { useInternalLinks } from '../../lib/internal-links';
import { postAnchor } from '../../lib/paths';
import { BusyButton, ErrorSummary, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { Loading, VisuallyHidden, errorText } from '../../lib/ui/status';
import { useRevisions, useThreadMutations } from './api';
import { Composer } from './composer';
import { reactionName } from './labels';

export interface PostContext {
  threadId: string;
  viewerId: string | null;
  canModerate: boolean;
  /** May reply (and so quote, and edit one's own posts). */
  canReply: boolean;
  /** May react: signed in, and the forum is not archived (staff always). */
  canReact: boolean;
  myReactions: Reaction[];
  isNew: boolean;
  isFirst: boolean;
  quotedAuthor: string | null;
  onQuote(post: Post): void;
  onFlag(post: Post): void;
  onHide(post: Post): void;
}

function EditHistory({ post }: { post: Post }) {
  const { t, plural, dateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const revisions = useRevisions(post.id, open);
  return (
    <details className="post-history" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{plural('post.editedTimes', post.editCount)}</summary>
      {revisions.isPending && open && <Loading />}
      {revisions.isError && <p className="field-error">{errorText(revisions.error, t('error.unexpectedShort'))}</p>}
      {revisions.data && (
        <ol className="revision-list">
          {revisions.data.revisions.map((revision, index) => (
            <li key={`${revision.editedAt}-${index}`}>
              <p className="muted">
                {t('post.revisionFrom', { date: dateTime(revision.editedAt) })}
                {revision.editor && <> · {revision.editor.name}</>}
              </p>
              <pre className="revision-body">{revision.body}</pre>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function Reactions({ post, context }: { post: Post; context: PostContext }) {
  const { t, number } = useI18n();
  const { react } = useThreadMutations(context.threadId);
  const [busy, setBusy] = useState<Reaction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = (reaction: Reaction) => post.reactions.find((r) => r.reaction === reaction)?.count ?? 0;
  // "Tack, 3: Anna, Bo och 1 till": who reacted, for the tooltip and the screen reader alike.
  const who = (reaction: Reaction) => {
    const found = post.reactions.find((r) => r.reaction === reaction);
    if (!found || !found.names.length) return '';
    const more = found.count - found.names.length;
    return `: ${found.names.join(', ')}${more > 0 ? ` ${t('post.reactionsMore', { count: number(more) })}` : ''}`;
  };
  const signedIn = !!context.viewerId && context.canReact;
  const shown = signedIn ? reactions : reactions.filter((r) => count(r) > 0);
  if (!shown.length) return null;
  return (
    <div className="reactions" role="group" aria-label={t('post.reactions')}>
      {shown.map((reaction) => {
        const n = count(reaction);
        const label = `${reactionName(t, reaction)}, ${number(n)}${who(reaction)}`;
        if (!signedIn) {
          return (
            <span key={reaction} className="reaction reaction-static" title={label}>
              <span aria-hidden="true">
                {reactionEmoji[reaction]} {number(n)}
              </span>
              <VisuallyHidden>{label}</VisuallyHidden>
            </span>
          );
        }
        const pressed = context.myReactions.includes(reaction);
        return (
          <button
            key={reaction}
            type="button"
            className={pressed ? 'reaction reaction-on' : 'reaction'}
            aria-pressed={pressed}
            title={label}
            aria-busy={busy === reaction || undefined}
            onClick={() => {
              if (busy) return;
              setBusy(reaction);
              setError(null);
              react.mutate(
                { postId: post.id, reaction, on: !pressed },
                { onError: (e) => setError(errorText(e, t('error.unexpectedShort'))), onSettled: () => setBusy(null) },
              );
            }}
          >
            <span aria-hidden="true" className="reaction-emoji">
              {reactionEmoji[reaction]}
            </span>
            <span aria-hidden="true">{number(n)}</span>
            <VisuallyHidden>{label}</VisuallyHidden>
          </button>
        );
      })}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function EditForm({ post, context, onDone }: { post: Post; context: PostContext; onDone(saved: boolean): void }) {
  const { t, locale } = useI18n();
  const { edit } = useThreadMutations(context.threadId);
  const [body, setBody] = useState(post.body ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const idPrefix = `edit-${post.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (edit.isPending) return;
    const parsed = postEditSchema.safeParse({ body });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    edit.mutate({ postId: post.id, body: parsed.data.body }, { onSuccess: () => onDone(true), onError: (e) => setProblem(problemFromError(e, t)) });
  };
  return (
    <form noValidate onSubmit={submit} className="form post-edit-form">
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={{ body: t('post.editLabel') }} />
      <Composer idPrefix={idPrefix} label={t('post.editLabel')} value={body} onChange={setBody} error={problem?.fields.body} autoFocus />
      <div className="form-actions">
        <BusyButton busy={edit.isPending} busyText={t('common.saving')}>
          {t('post.saveEdit')}
        </BusyButton>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function PostItem({ post, context }: { post: Post; context: PostContext }) {
  const { t, dateTime } = useI18n();
  const { remove, unhide } = useThreadMutations(context.threadId);
  const internalLinks = useInternalLinks();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmRemove'>('view');
  const [error, setError] = useState<string | null>(null);
  const anchor = postAnchor(post.id);
  const headingId = `${anchor}-heading`;
  const author = post.author?.name ?? t('post.unknownAuthor');
  const own = !!context.viewerId && post.author?.id === context.viewerId;
  const signedIn = !!context.viewerId;
  const bodyVisible = !post.deleted && post.bodyHtml !== null;
  const about = <VisuallyHidden> {t('post.fromName', { name: author })}</VisuallyHidden>;

  const actions = signedIn && !post.deleted && mode === 'view' && (
    <div className="button-row post-actions">
      {context.canReply && bodyVisible && !post.hidden && (
        <button type="button" className="button button-secondary button-small" onClick={() => context.onQuote(post)}>
          {t('post.quote')}
          {about}
        </button>
      )}
      {own && bodyVisible && context.canReply && (
        <button type="button" className="button button-secondary button-small" id={`${anchor}-edit`} onClick={() => setMode('edit')}>
          {t('post.edit')}
          {about}
        </button>
      )}
      {(own || context.canModerate) && (
        <button type="button" className="button button-secondary button-small" onClick={() => setMode('confirmRemove')}>
          {t('post.remove')}
          {about}
        </button>
      )}
      {!own && !post.hidden && (
        <button type="button" className="button button-secondary button-small" onClick={() => context.onFlag(post)}>
          {t('post.flag')}
          {about}
        </button>
      )}
      {context.canModerate && !post.hidden && (
        <button type="button" className="button button-secondary button-small" onClick={() => context.onHide(post)}>
          {t('post.hide')}
          {about}
        </button>
      )}
      {context.canModerate && post.hidden && (
        <BusyButton
          type="button"
          variant="secondary"
          className="button-small"
          busy={unhide.isPending}
          busyText={t('common.saving')}
          onClick={() =>
            unhide.mutate(post.id, {
              onSuccess: () => announce(t('post.unhidden', { name: author })),
              onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
            })
          }
        >
          {t('post.unhide')}
          {about}
        </BusyButton>
      )}
    </div>
  );

  return (
    <article className={['post', context.isNew ? 'post-new' : '', post.hidden ? 'post-is-hidden' : ''].filter(Boolean).join(' ')} id={anchor} tabIndex={-1} aria-labelledby={headingId}>
      <header className="post-header">
        <h2 className="post-author" id={headingId}>
          {author}
          {post.organisation && <span className="post-organisation"> {t('post.forOrganisation', { name: post.organisation.name })}</span>}
          {context.isNew && (
            <>
              {' '}
              <span className="badge badge-new">{t('post.new')}</span>
            </>
          )}
        </h2>
        <p className="post-meta muted">
          <time dateTime={post.createdAt}>{dateTime(post.createdAt)}</time>
          {context.isFirst && <> · {t('post.threadStart')}</>}
          {post.editedAt && !post.deleted && (
            <>
              {' · '}
              {t('post.edited', { date: dateTime(post.editedAt) })}
            </>
          )}
        </p>
      </header>
      {post.quotedPostId && context.quotedAuthor !== null && (
        <p className="post-quoted muted">
          <a href={`#${postAnchor(post.quotedPostId)}`}>{t('post.replyTo', { name: context.quotedAuthor })}</a>
        </p>
      )}
      {post.deleted ? (
        <p className="post-removed">{t('post.removed')}</p>
      ) : post.hidden && !bodyVisible ? (
        <p className="post-removed">{t('post.hiddenForOthers')}</p>
      ) : (
        <>
          {post.hidden && (
            <div className="notice notice-warning post-hidden-notice">
              <p className="notice-title">{own ? t('post.hiddenTitle') : t('post.hiddenTitleStaff')}</p>
              <p>{post.hidden.reason ? t('post.hiddenReason', { reason: post.hidden.reason }) : t('post.hiddenNoReason')}</p>
            </div>
          )}
          {mode === 'edit' ? (
            <EditForm
              post={post}
              context={context}
              onDone={(saved) => {
                setMode('view');
                if (saved) announce(t('post.saved'));
                focusSoon(saved ? anchor : `${anchor}-edit`);
              }}
            />
          ) : (
            // Rendered and sanitised on the server from Markdown (no raw HTML, no script links).
            <div className="post-body prose" onClick={internalLinks} dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }} />
          )}
        </>
      )}
      {post.editCount > 0 && !post.deleted && bodyVisible && <EditHistory post={post} />}
      {!post.deleted && !(post.hidden && !bodyVisible) && <Reactions post={post} context={context} />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {mode === 'confirmRemove' && (
        <div className="confirm-box">
          <p>{own ? t('post.removeQuestion') : t('post.removeQuestionOther', { name: author })}</p>
          <div className="button-row">
            <BusyButton
              type="button"
              variant="danger"
              autoFocus
              busy={remove.isPending}
              busyText={t('common.removing')}
              onClick={() =>
                remove.mutate(post.id, {
                  onSuccess: () => {
                    setMode('view');
                    announce(t('post.removedDone'));
                    focusSoon(anchor);
                  },
                  onError: (e) => {
                    setMode('view');
                    setError(errorText(e, t('error.unexpectedShort')));
                  },
                })
              }
            >
              {t('post.removeYes')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {actions}
    </article>
  );
}
