import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api';
import { NotificationBadge } from '../features/notifications/notification-badge';
import { useLocaleStore } from '../i18n/locale-store';
import { useI18n } from '../i18n/use-i18n';
import { hasRole, useCurrentUser } from '../lib/current-user';
import { flashOf } from '../lib/flash';
import { Announcer } from '../lib/announcer';
import { paths } from '../lib/paths';
import { reconnectLive } from '../lib/realtime';
import { BusyButton } from '../lib/ui/form';
import { LiveConnectionNotice } from '../lib/ui/live-notice';

/** The live connection learns who one is at its handshake: connect again when that changes. */
function useLiveIdentity() {
  const { user, isLoading } = useCurrentUser();
  const userId = isLoading ? undefined : (user?.id ?? null);
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (userId === undefined) return;
    if (previous.current !== undefined && previous.current !== userId) reconnectLive();
    previous.current = userId;
  }, [userId]);
}

/** Moves focus to the new page's heading after client-side navigation (not on first load). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

function LanguageSwitch() {
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const other = locale === 'sv' ? 'en' : 'sv';
  // Each label is written in its own language, so it carries its own lang attribute.
  return (
    <button type="button" className="button button-quiet language-switch" lang={other} onClick={() => setLocale(other)}>
      {other === 'en' ? 'In English' : 'På svenska'}
    </button>
  );
}

function MainNavigation() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const items: { to: string; label: string; end?: boolean }[] = [
    { to: paths.home, label: t('nav.home'), end: true },
    { to: paths.directory, label: t('nav.directory') },
    { to: paths.overview, label: t('nav.overview') },
    { to: paths.forums, label: t('nav.forums') },
    { to: paths.premises, label: t('nav.premises') },
    { to: paths.grants, label: t('nav.grants') },
  ];
  if (hasRole(user, ['coordinator', 'admin'])) items.push({ to: paths.moderation, label: t('nav.moderation') });
  if (hasRole(user, ['coordinator', 'admin'])) items.push({ to: paths.reference, label: t('nav.reference') });
  if (hasRole(user, ['admin'])) items.push({ to: paths.users, label: t('nav.users') });
  if (user) items.push({ to: paths.account, label: t('nav.account') });
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="container">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserTools() {
  const { t } = useI18n();
  const { user, isLoading } = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  if (isLoading) {
    // Holds the signed-out links' place, unseen, until we know who this is: on a phone the header
    // wraps, and links appearing late would push the page down under a finger or a click.
    return (
      <span className="user-tools-pending" aria-hidden="true">
        <span className="button button-quiet">{t('nav.signIn')}</span>
        <span className="button button-quiet">{t('nav.signUp')}</span>
      </span>
    );
  }
  if (!user) {
    return (
      <>
        <Link to={paths.signIn} className="button button-quiet">
          {t('nav.signIn')}
        </Link>
        <Link to={paths.signUp} className="button button-quiet">
          {t('nav.signUp')}
        </Link>
      </>
    );
  }
  return (
    <>
      <span className="signed-in-as">{t('nav.signedInAs', { name: user.name })}</span>
      <NotificationBadge userId={user.id} />
      <BusyButton
        type="button"
        variant="link"
        className="button-quiet"
        busy={logout.isPending}
        busyText={t('nav.signingOut')}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => navigate(paths.home, { state: { flash: t('flash.signedOut') } }),
          })
        }
      >
        {t('nav.signOut')}
      </BusyButton>
    </>
  );
}

export function Layout() {
  const { t } = useI18n();
  const location = useLocation();
  const flash = flashOf(location.state);
  useFocusOnNavigation();
  useLiveIdentity();

  return (
    <div className="site">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          const main = document.getElementById('main');
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to={paths.home} className="site-name">
            <span className="site-logo" aria-hidden="true" />
            <span>
              Mötesplatsen
              <span className="site-tagline">{t('site.tagline')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <UserTools />
            <LanguageSwitch />
          </div>
        </div>
        <MainNavigation />
      </header>
      <main id="main" tabIndex={-1}>
        <div className="container">
          <div className="flash-region" role="status">
            {flash && <p className="notice notice-success">{flash}</p>}
          </div>
          <Outlet />
        </div>
        <LiveConnectionNotice />
        <Announcer />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p>{t('footer.about')}</p>
          <ul className="footer-links">
            <li>
              <Link to={paths.accessibility}>{t('footer.accessibility')}</Link>
            </li>
            <li>
              <Link to={paths.overview}>{t('nav.overview')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
