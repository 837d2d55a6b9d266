import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { isStaff, useCurrentUser } from '../../lib/current-user';
import { paths } from '../../lib/paths';
import { activeOrganisations } from './labels';

/** The premises section's own links: search, wanted posts, one's bookings, listing a room. */
export function PremisesNav() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const organisations = activeOrganisations(user);
  const items: { to: string; label: string; end?: boolean }[] = [
    { to: paths.premises, label: t('premises.nav.search'), end: true },
    { to: paths.premisesWanted, label: t('premises.nav.wanted') },
  ];
  if (organisations.length > 0 || isStaff(user)) items.push({ to: paths.bookings, label: t('premises.nav.bookings') });
  if (organisations.some((o) => o.admin) || isStaff(user)) items.push({ to: paths.newPremises, label: t('premises.nav.new') });
  return (
    <nav className="subnav premises-subnav" aria-label={t('premises.nav.label')}>
      <ul>
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
