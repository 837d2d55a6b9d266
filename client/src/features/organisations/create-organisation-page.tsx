import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { PageHeading } from '../../lib/page';
import { organisationPath, paths } from '../../lib/paths';
import { useCreateOrganisation } from './api';
import { OrganisationForm, emptyOrganisationValues } from './organisation-form';

export function CreateOrganisationPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  return (
    <div className="narrow-wide">
      <PageHeading>{t('createOrganisation.title')}</PageHeading>
      <p className="lead">{t('createOrganisation.intro')}</p>
      <OrganisationForm
        initial={emptyOrganisationValues()}
        submitText={t('createOrganisation.submit')}
        busy={create.isPending}
        cancelTo={paths.directory}
        onSubmit={(data, fail) =>
          create.mutate(data, {
            onSuccess: (detail) => navigate(organisationPath(detail.slug), { state: { flash: t('flash.organisationCreated') } }),
            onError: fail,
          })
        }
      />
    </div>
  );
}
