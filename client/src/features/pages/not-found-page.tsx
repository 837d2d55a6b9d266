import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="lead">{t('notFound.text')}</p>
      <ul className="link-list">
        <li>
          <Link to={paths.home}>{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to={paths.directory}>{t('home.linkDirectory')}</Link>
        </li>
      </ul>
    </>
  );
}
