import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { ApiError, newIdempotencyKey } from '../../lib/api';
import { problemFromError, type FormProblem } from '../../lib/ui/form';

/**
 * Sending a post so that it is never lost nor doubled: one Idempotency-Key per text, kept with the
 * draft (so it survives a reload) and reused for every retry until the server has answered with
 * success; a retry after a lost answer then returns the post the first attempt created.
 */
export function useSendOnce<T extends { idempotencyKey?: string | null }>(draft: T, setDraft: (update: (draft: T) => T) => void) {
  return {
    key: () => {
      if (draft.idempotencyKey) return draft.idempotencyKey;
      const key = newIdempotencyKey();
      setDraft((current) => ({ ...current, idempotencyKey: key }));
      return key;
    },
  };
}

/** A failure as form errors, with a plain word about the kept draft when the network failed. */
export function useSendProblem() {
  const { t } = useI18n();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const fail = (error: unknown) => {
    const base = problemFromError(error, t);
    if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) {
      setProblem({ ...base, message: `${base.message} ${t('composer.draftKept')}` });
    } else if (error instanceof ApiError && error.status === 429) {
      setProblem({ ...base, message: `${base.message} ${t('composer.draftKept')}` });
    } else {
      setProblem(base);
    }
  };
  return [problem, setProblem, fail] as const;
}
