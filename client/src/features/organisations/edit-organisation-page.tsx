import { Link, useNavigate, useParams } from 'react-router';
import type { OrganisationDetail } from '../../../../shared/organisations';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { PageHeading } from '../../lib/page';
import { organisationPath, paths } from '../../lib/paths';
import { useReferenceQuery } from '../../lib/reference-data';
import { LoadError, Loading } from '../../lib/ui/status';
import { useOrganisation, useUpdateOrganisation } from './api';
import { OrganisationForm, valuesFromDetail } from './organisation-form';

function EditForm({ organisation, update }: { organisation: OrganisationDetail; update: ReturnType<typeof useUpdateOrganisation> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <OrganisationForm
      initial={valuesFromDetail(organisation)}
      submitText={t('editOrganisation.submit')}
      busy={update.isPending}
      cancelTo={organisationPath(organisation.slug)}
      onSubmit={(data, fail) =>
        update.mutate(data, {
          onSuccess: (detail) => navigate(organisationPath(detail.slug), { state: { flash: t('flash.organisationSaved') } }),
          onError: fail,
        })
      }
    />
  );
}

export function EditOrganisationPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const query = useOrganisation(slug);
  const reference = useReferenceQuery();
  const organisation = query.data;
  // Owned here, not by the form: saving refreshes the profile, and the form must not take the
  // pending save (and its "go to the profile" step) with it if it re-renders.
  const update = useUpdateOrganisation(organisation?.id ?? '');
  const heading = organisation ? t('editOrganisation.title', { name: organisation.name }) : t('editOrganisation.titlePlain');

  return (
    <div className="narrow-wide">
      <p className="breadcrumb">
        <Link to={organisation ? organisationPath(organisation.slug) : paths.directory}>
          {organisation ? t('editOrganisation.back', { name: organisation.name }) : t('organisation.backToDirectory')}
        </Link>
      </p>
      <PageHeading>{heading}</PageHeading>
      {(query.isPending || reference.isPending) && <Loading />}
      {query.isError && (isApiError(query.error, 404) ? <p>{t('organisation.notFoundText')}</p> : <LoadError error={query.error} onRetry={() => query.refetch()} />)}
      {organisation && !organisation.viewer.canEdit && <p>{t('editOrganisation.forbidden')}</p>}
      {/* The form starts from the loaded profile and the reference lists, so it waits for both. */}
      {organisation && organisation.viewer.canEdit && reference.data && <EditForm key={organisation.id} organisation={organisation} update={update} />}
    </div>
  );
}
