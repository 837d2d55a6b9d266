import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../i18n/use-i18n';
import { PageHeading } from '../lib/page';
import { paths } from '../lib/paths';

/** A page that crashed while rendering: say so plainly and offer a way on. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <>
        <PageHeading>{t('notFound.title')}</PageHeading>
        <p>{t('notFound.text')}</p>
      </>
    );
  }
  console.error(error);
  return (
    <>
      <PageHeading>{t('routeError.title')}</PageHeading>
      <p>{t('routeError.text')}</p>
      <p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>{' '}
        <Link to={paths.home}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
