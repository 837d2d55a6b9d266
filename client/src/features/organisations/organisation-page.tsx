import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { OrganisationDetail } from '../../../../shared/organisations';
import type { ReferenceKind } from '../../../../shared/reference';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { PageHeading } from '../../lib/page';
import { editOrganisationPath, paths } from '../../lib/paths';
import { useReference } from '../../lib/reference-data';
import { LoadError, Loading } from '../../lib/ui/status';
import { OrganisationKnowHowSection } from '../grants/organisation-know-how';
import { useOrganisation } from './api';
import { ContactsPanel } from './contacts-panel';
import { legalFormLabel, sizeClassLabel } from './labels';
import { MembersPanel } from './members-panel';
import { MembershipPanel } from './membership-panel';

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part, index) => (
          <p key={index} className="preserve-lines">
            {part}
          </p>
        ))}
    </>
  );
}

function Facts({ organisation }: { organisation: OrganisationDetail }) {
  const { t, date } = useI18n();
  const reference = useReference();
  const list = (kind: ReferenceKind, slugs: string[]) =>
    slugs.length ? (
      <ul className="inline-list">
        {reference.names(kind, slugs).map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    ) : (
      <span className="muted">{t('organisation.noneGiven')}</span>
    );
  const rows: { label: string; value: ReactNode }[] = [
    { label: t('organisation.orgNumber'), value: organisation.orgNumber },
    { label: t('organisation.legalForm'), value: legalFormLabel(t, organisation.legalForm) },
    { label: t('organisation.sizeClass'), value: sizeClassLabel(t, organisation.sizeClass) },
    {
      label: t('organisation.signedAgreement'),
      value: organisation.signedAgreement
        ? organisation.signedAt
          ? t('organisation.signedOn', { date: date(organisation.signedAt) })
          : t('organisation.signedYes')
        : t('organisation.signedNo'),
    },
    {
      label: t('organisation.website'),
      value: organisation.website ? (
        <a href={organisation.website} rel="noopener noreferrer" target="_blank">
          {organisation.website.replace(/^https?:\/\//, '')}
          <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
        </a>
      ) : (
        <span className="muted">{t('organisation.noneGiven')}</span>
      ),
    },
    {
      label: t('organisation.email'),
      value: organisation.email ? <a href={`mailto:${organisation.email}`}>{organisation.email}</a> : <span className="muted">{t('organisation.noneGiven')}</span>,
    },
    {
      label: t('organisation.phone'),
      value: organisation.phone ? <a href={`tel:${organisation.phone.replace(/[^+\d]/g, '')}`}>{organisation.phone}</a> : <span className="muted">{t('organisation.noneGiven')}</span>,
    },
    { label: t('organisation.districts'), value: list('district', organisation.districts) },
    { label: t('organisation.targetGroups'), value: list('targetGroup', organisation.targetGroups) },
    { label: t('organisation.administrations'), value: list('administration', organisation.administrations) },
  ];
  return (
    <dl className="facts">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OrganisationPage() {
  const { slug = '' } = useParams();
  const { t, date } = useI18n();
  const reference = useReference();
  const query = useOrganisation(slug);
  const organisation = query.data;
  const notFound = isApiError(query.error, 404);

  const heading = organisation ? organisation.name : notFound ? t('organisation.notFoundTitle') : query.isError ? t('error.loadFailed') : t('common.loading');

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.directory}>{t('organisation.backToDirectory')}</Link>
      </p>
      <PageHeading title={organisation?.name ?? heading}>{heading}</PageHeading>
      {query.isPending && <Loading />}
      {notFound && (
        <>
          <p>{t('organisation.notFoundText')}</p>
          <p>
            <Link to={paths.directory}>{t('organisation.backToDirectory')}</Link>
          </p>
        </>
      )}
      {query.isError && !notFound && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {organisation && (
        <>
          <div className="profile-intro">
            {organisation.signedAgreement && <p className="badge badge-signed">{t('organisation.signedBadge')}</p>}
            {organisation.viewer.canEdit && (
              <p>
                <Link to={editOrganisationPath(organisation.slug)} className="button button-secondary">
                  {t('organisation.edit')}
                </Link>
              </p>
            )}
          </div>
          <div className="profile">
            <div className="profile-main">
              <section aria-labelledby="about-heading" className="section">
                <h2 id="about-heading">{t('organisation.about')}</h2>
                {organisation.description ? <Paragraphs text={organisation.description} /> : <p className="muted">{t('organisation.noDescription')}</p>}
              </section>
              <section aria-labelledby="resources-heading" className="section">
                <h2 id="resources-heading">{t('organisation.resourcesTitle')}</h2>
                {organisation.resources.length > 0 ? (
                  <ul className="tags">
                    {reference.names('resource', organisation.resources).map((name) => (
                      <li key={name} className="tag">
                        {name}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('organisation.noResources')}</p>
                )}
                {organisation.resourceDescription && <Paragraphs text={organisation.resourceDescription} />}
              </section>
              <OrganisationKnowHowSection organisationId={organisation.id} />
              <ContactsPanel organisation={organisation} />
              {organisation.viewer.canManageMembers && <MembersPanel organisation={organisation} />}
            </div>
            <aside className="profile-side" aria-labelledby="facts-heading">
              <h2 id="facts-heading">{t('organisation.factsTitle')}</h2>
              <Facts organisation={organisation} />
              <p className="muted">{t('organisation.updatedAt', { date: date(organisation.updatedAt) })}</p>
              <MembershipPanel organisation={organisation} />
            </aside>
          </div>
        </>
      )}
    </>
  );
}
