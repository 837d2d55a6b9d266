import { useId, useState } from 'react';
import type { Forum } from '../../../../shared/forums';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { errorText } from '../../lib/ui/status';
import { useFollowForum, useThreadMutations } from './api';

/** A toggle button (aria-pressed): its name stays the same, its state is read as pressed or not. */
function FollowToggle({ following, busy, label, hint, hintId: sharedHintId, onToggle }: { following: boolean; busy: boolean; label: string; hint?: string; hintId?: string; onToggle(): void }) {
  const ownHintId = useId();
  const hintId = hint ? ownHintId : sharedHintId;
  return (
    <div className="follow-toggle">
      <button
        type="button"
        className={following ? 'button button-secondary button-small toggle-on' : 'button button-secondary button-small'}
        aria-pressed={following}
        aria-describedby={hintId}
        aria-busy={busy || undefined}
        onClick={() => {
          if (!busy) onToggle();
        }}
      >
        <span className="toggle-mark" aria-hidden="true">
          {following ? '✓' : '+'}
        </span>
        {label}
      </button>
      {hint && (
        <span id={hintId} className="muted follow-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Follow a forum. On a list, `hintId` points at one shared explanation instead of repeating it. */
export function FollowButton({ forum, name, hintId }: { kind: 'forum'; forum: Forum; name: string; hintId?: string }) {
  const { t } = useI18n();
  const follow = useFollowForum();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <FollowToggle
        following={forum.following}
        busy={follow.isPending}
        label={t('forums.follow', { name })}
        hint={hintId ? undefined : t('forums.followHint')}
        hintId={hintId}
        onToggle={() => {
          setError(null);
          const next = !forum.following;
          follow.mutate(
            { forum, follow: next },
            {
              onSuccess: () => announce(t(next ? 'forums.followed' : 'forums.unfollowed', { name })),
              onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
            },
          );
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function ThreadFollowButton({ threadId, following, title }: { threadId: string; following: boolean; title: string }) {
  const { t } = useI18n();
  const { follow } = useThreadMutations(threadId);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <FollowToggle
        following={following}
        busy={follow.isPending}
        label={t('thread.follow')}
        hint={t('thread.followHint')}
        onToggle={() => {
          setError(null);
          const next = !following;
          follow.mutate(next, {
            onSuccess: () => announce(t(next ? 'thread.followed' : 'thread.unfollowed', { title })),
            onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
          });
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
