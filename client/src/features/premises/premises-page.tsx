import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Premises } from '../../../../shared/premises';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { PageHeading, usePageTitle } from '../../lib/page';
import { editPremisesPath, organisationPath, paths } from '../../lib/paths';
import { LoadError, Loading, Notice } from '../../lib/ui/status';
import { usePremises } from './api';
import { BookingForm } from './booking-form';
import { costLabel, localDateLabel, typeLabel, weekdayName } from './labels';
import { PremisesNav } from './premises-nav';
import { premisesParams, readPremisesQuery } from './search-query';
import { WeekCalendar } from './week-calendar';
import { isIsoDate, mondayOf } from './week';
import './premises.css';

const weekParam = 'vecka';

function Facts({ premises }: { premises: Premises }) {
  const { t, locale, plural } = useI18n();
  const yesNo = (value: boolean) => (value ? t('premises.yes') : t('premises.no'));
  const rows: [string, ReactNode][] = [
    [t('premises.typeLabel'), typeLabel(t, premises.type)],
    [t('premises.address'), premises.address],
    [t('premises.district'), locale === 'en' ? premises.district.nameEn : premises.district.nameSv],
    [t('premises.capacity'), plural('premises.capacityUpTo', premises.capacity)],
    [t('premises.owner'), <Link to={organisationPath(premises.organisation.slug)}>{premises.organisation.name}</Link>],
    [t('premises.cost'), [costLabel(t, premises.costType), premises.costDescription].filter(Boolean).join(' – ')],
    [t('premises.approver'), premises.approver || t('premises.approverDefault', { name: premises.organisation.name })],
  ];
  return (
    <dl className="facts premises-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div>
        <dt>{t('premises.accessibility')}</dt>
        <dd>
          <ul className="plain-list">
            <li>
              {t('premises.stepFreeAccess')}: {yesNo(premises.stepFreeAccess)}
            </li>
            <li>
              {t('premises.hearingLoop')}: {yesNo(premises.hearingLoop)}
            </li>
            <li>
              {t('premises.accessibleToilet')}: {yesNo(premises.accessibleToilet)}
            </li>
          </ul>
        </dd>
      </div>
      {premises.equipment && (
        <div>
          <dt>{t('premises.equipment')}</dt>
          <dd className="preserve-lines">{premises.equipment}</dd>
        </div>
      )}
      {premises.houseRules && (
        <div>
          <dt>{t('premises.houseRules')}</dt>
          <dd className="preserve-lines">{premises.houseRules}</dd>
        </div>
      )}
    </dl>
  );
}

function OpeningHours({ premises }: { premises: Premises }) {
  const { t, locale } = useI18n();
  if (!premises.openingHours.length) return <p>{t('premises.noOpeningHours')}</p>;
  return (
    <table className="opening-hours">
      <caption className="visually-hidden">{t('premises.openingHours')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('premises.weekday')}</th>
          <th scope="col">{t('premises.hours')}</th>
        </tr>
      </thead>
      <tbody>
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const hours = premises.openingHours.filter((h) => h.weekday === weekday);
          return (
            <tr key={weekday}>
              <th scope="row">{weekdayName(locale, weekday)}</th>
              <td>{hours.length ? hours.map((h) => `${h.opens}–${h.closes}`).join(', ') : t('calendar.closed')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PremisesPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = usePremises(id);
  const premises = query.data;
  usePageTitle(premises?.name ?? t('premises.title'));

  // A "free then" search carries its date and times here: the form starts from them, the calendar at that week.
  const prefillQuery = readPremisesQuery(searchParams);
  const prefill = { date: prefillQuery.date, from: prefillQuery.from, to: prefillQuery.to };
  const weekRaw = searchParams.get(weekParam);
  const week = isIsoDate(weekRaw) ? mondayOf(weekRaw) : prefill.date ? mondayOf(prefill.date) : null;
  const changeWeek = (next: string) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.set(weekParam, next);
        return params;
      },
      { preventScrollReset: true, replace: true },
    );

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <PageHeading>{isApiError(query.error, 404) ? t('premises.notFound') : t('premises.title')}</PageHeading>
        {isApiError(query.error, 404) ? (
          <p>
            <Link to={paths.premises}>{t('premises.backToSearch')}</Link>
          </p>
        ) : (
          <LoadError error={query.error} onRetry={() => query.refetch()} />
        )}
      </>
    );
  }
  if (!premises) return null;

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.premises}>{t('premises.backToSearch')}</Link>
      </p>
      <PageHeading>{premises.name}</PageHeading>
      <p className="lead">
        {typeLabel(t, premises.type)} · {locale === 'en' ? premises.district.nameEn : premises.district.nameSv} · {premises.organisation.name}
      </p>
      <PremisesNav />
      {premises.archived && <Notice kind="warning">{t('booking.archived')}</Notice>}
      {premises.canManage && (
        <p className="button-row">
          <Link to={editPremisesPath(premises.id)} className="button button-secondary">
            {t('premises.edit')}
          </Link>
          <Link to={`${paths.bookings}?organisation=${premises.organisation.id}&visa=till-oss`} className="button button-secondary">
            {t('premises.requestsToUs')}
          </Link>
        </p>
      )}
      {premises.description && <p className="preserve-lines">{premises.description}</p>}

      <div className="premises-layout">
        <section aria-labelledby="premises-facts-heading" className="premises-about">
          <h2 id="premises-facts-heading">{t('premises.factsTitle')}</h2>
          <Facts premises={premises} />
          <h3>{t('premises.openingHours')}</h3>
          <OpeningHours premises={premises} />
          {premises.closedDates.length > 0 && (
            <>
              <h3>{t('premises.closedDates')}</h3>
              <ul>
                {premises.closedDates.map((c) => (
                  <li key={c.date}>
                    {localDateLabel(locale, c.date)}
                    {c.note && ` – ${c.note}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="calendar-heading" className="premises-calendar">
          <h2 id="calendar-heading">{t('calendar.title')}</h2>
          <p className="muted">{t('calendar.intro')}</p>
          <WeekCalendar premises={premises} week={week} onWeekChange={changeWeek} />
          <p>
            <a href={`/api/premises/${premises.id}/calendar.ics`}>{t('calendar.ical')}</a>
          </p>
        </section>
      </div>

      <section aria-labelledby="booking-heading" className="booking-section">
        <h2 id="booking-heading">{t('booking.title')}</h2>
        <BookingForm key={`${premises.id}-${searchParams.get(premisesParams.date) ?? ''}`} premises={premises} prefill={prefill} />
      </section>
    </>
  );
}
