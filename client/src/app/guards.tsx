import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { SystemRole } from '../../../shared/roles';
import { useI18n } from '../i18n/use-i18n';
import { hasRole, useCurrentUser } from '../lib/current-user';
import { PageHeading } from '../lib/page';
import { paths, signInPath } from '../lib/paths';
import { LoadError, Loading } from '../lib/ui/status';

/** Shows its page only to signed-in people (with one of `roles`, when given); explains otherwise. */
export function RequireUser({ roles, children }: { roles?: readonly SystemRole[]; children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const { user, isLoading, query } = useCurrentUser();
  if (isLoading) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (!user) {
    return (
      <>
        <PageHeading>{t('guard.signInTitle')}</PageHeading>
        <p>{t('guard.signInText')}</p>
        <p>
          <Link className="button button-primary" to={signInPath(location.pathname + location.search)}>
            {t('nav.signIn')}
          </Link>
        </p>
        <p>
          {t('guard.noAccount')} <Link to={paths.signUp}>{t('nav.signUp')}</Link>
        </p>
      </>
    );
  }
  if (roles && !hasRole(user, roles)) {
    return (
      <>
        <PageHeading>{t('guard.forbiddenTitle')}</PageHeading>
        <p>{t('guard.forbiddenText')}</p>
        <p>
          <Link to={paths.home}>{t('notFound.home')}</Link>
        </p>
      </>
    );
  }
  return <>{children}</>;
}
