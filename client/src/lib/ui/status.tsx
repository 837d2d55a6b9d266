import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { ApiError } from '../api';

export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {text ?? t('common.loading')}
    </p>
  );
}

export function Notice({
  kind = 'info',
  title,
  children,
  role,
}: {
  kind?: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`notice notice-${kind}`} role={role}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return fallback;
}

/** A failed load, announced, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Notice kind="error" role="alert" title={t('error.loadFailed')}>
      <p>{errorText(error, t('error.unexpectedShort'))}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </Notice>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
