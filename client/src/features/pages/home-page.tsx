import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { paths } from '../../lib/paths';

export function HomePage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  return (
    <>
      <div className="hero">
        <PageHeading title={t('home.documentTitle')}>{t('home.title')}</PageHeading>
        <p className="lead">{t('home.lead')}</p>
        <div className="button-row">
          <Link to={paths.directory} className="button button-primary">
            {t('home.findOrganisations')}
          </Link>
          {user ? (
            <Link to={paths.newOrganisation} className="button button-secondary">
              {t('directory.register')}
            </Link>
          ) : (
            <Link to={paths.signUp} className="button button-secondary">
              {t('nav.signUp')}
            </Link>
          )}
        </div>
      </div>

      <div className="card-grid">
        <section className="card" aria-labelledby="home-what">
          <h2 id="home-what">{t('home.whatTitle')}</h2>
          <p>{t('home.whatText')}</p>
        </section>
        <section className="card" aria-labelledby="home-who">
          <h2 id="home-who">{t('home.whoTitle')}</h2>
          <ul>
            <li>{t('home.whoOrganisations')}</li>
            <li>{t('home.whoCity')}</li>
            <li>{t('home.whoCoordinator')}</li>
          </ul>
        </section>
        <section className="card" aria-labelledby="home-principles">
          <h2 id="home-principles">{t('home.principlesTitle')}</h2>
          <p>{t('home.principlesText')}</p>
          <ul className="inline-list">
            <li>{t('home.principle.independence')}</li>
            <li>{t('home.principle.dialogue')}</li>
            <li>{t('home.principle.quality')}</li>
            <li>{t('home.principle.longTerm')}</li>
            <li>{t('home.principle.openness')}</li>
            <li>{t('home.principle.diversity')}</li>
          </ul>
        </section>
      </div>

      <section className="section" aria-labelledby="home-start">
        <h2 id="home-start">{t('home.startTitle')}</h2>
        <ul className="link-list">
          <li>
            <Link to={paths.directory}>{t('home.linkDirectory')}</Link>
          </li>
          <li>
            <Link to={paths.overview}>{t('home.linkOverview')}</Link>
          </li>
          <li>
            <Link to={user ? paths.account : paths.signIn}>{user ? t('home.linkAccount') : t('home.linkSignIn')}</Link>
          </li>
          <li>
            <Link to={paths.accessibility}>{t('footer.accessibility')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
