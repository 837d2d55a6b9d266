import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Premises } from '../../../../shared/premises';
import { useI18n } from '../../i18n/use-i18n';
import { isApiError } from '../../lib/api';
import { isStaff, useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { paths, premisesPath } from '../../lib/paths';
import { useReferenceQuery } from '../../lib/reference-data';
import { Dialog } from '../../lib/ui/dialog';
import { BusyButton } from '../../lib/ui/form';
import { LoadError, Loading, errorText } from '../../lib/ui/status';
import { ownFirst, useAllOrganisations } from '../organisations/all-organisations';
import { useArchivePremises, usePremises, useSavePremises } from './api';
import { activeOrganisations, type OrganisationChoice } from './labels';
import { PremisesForm, emptyPremisesValues, valuesFromPremises } from './premises-form';
import './premises.css';

/** /lokaler/ny: an organisation admin (or staff) lists a room an organisation lends. */
export function NewPremisesPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const navigate = useNavigate();
  const reference = useReferenceQuery();
  const save = useSavePremises(null);
  const staff = isStaff(user);
  const everyone = useAllOrganisations(staff);
  const own = activeOrganisations(user).filter((o) => o.admin);
  // Staff choose among all organisations, their own first.
  const organisations: OrganisationChoice[] = staff ? ownFirst(own, everyone.data, (o) => ({ ...o, admin: false })) : own;

  return (
    <div className="narrow-wide">
      <p className="breadcrumb">
        <Link to={paths.premises}>{t('premises.backToSearch')}</Link>
      </p>
      <PageHeading>{t('premisesForm.newTitle')}</PageHeading>
      <p className="lead">{t('premisesForm.newIntro')}</p>
      {(reference.isPending || (staff && everyone.isPending)) && <Loading />}
      {everyone.isError && <LoadError error={everyone.error} onRetry={() => everyone.refetch()} />}
      {staff && everyone.isPending ? null : organisations.length === 0 ? (
        <p>{t('premisesForm.onlyAdmins')}</p>
      ) : (
        reference.data && (
          <PremisesForm
            initial={emptyPremisesValues(organisations[0].id)}
            organisations={organisations}
            submitText={t('premisesForm.create')}
            busy={save.isPending}
            cancelTo={paths.premises}
            onSubmit={(data, fail) =>
              save.mutate(data, {
                onSuccess: (premises) => navigate(premisesPath(premises.id), { state: { flash: t('premisesForm.created') } }),
                onError: fail,
              })
            }
          />
        )
      )}
    </div>
  );
}

function ArchiveButton({ premises }: { premises: Premises }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const archive = useArchivePremises(premises.id);
  const [open, setOpen] = useState(false);
  if (premises.archived) return null;
  return (
    <section aria-labelledby="archive-heading" className="section">
      <h2 id="archive-heading">{t('premisesForm.archiveTitle')}</h2>
      <p>{t('premisesForm.archiveText')}</p>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        {t('premisesForm.archive')}
      </button>
      <Dialog id="archive-dialog" title={t('premisesForm.archiveConfirmTitle', { name: premises.name })} open={open} onClose={() => setOpen(false)}>
        <p>{t('premisesForm.archiveText')}</p>
        {archive.isError && (
          <p className="field-error" role="alert">
            {errorText(archive.error, t('error.unexpectedShort'))}
          </p>
        )}
        <div className="form-actions">
          <BusyButton
            type="button"
            variant="danger"
            busy={archive.isPending}
            busyText={t('common.saving')}
            onClick={() => archive.mutate(undefined, { onSuccess: () => navigate(paths.premises, { state: { flash: t('premisesForm.archived', { name: premises.name }) } }) })}
          >
            {t('premisesForm.archive')}
          </BusyButton>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

/** /lokaler/:id/redigera: the owner's admins (and staff) edit a listing. */
export function EditPremisesPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = usePremises(id);
  const reference = useReferenceQuery();
  // Owned here, not by the form, so that a refetch after saving cannot take the save with it.
  const save = useSavePremises(id);
  const premises = query.data;

  return (
    <div className="narrow-wide">
      <p className="breadcrumb">
        <Link to={premises ? premisesPath(premises.id) : paths.premises}>{premises ? t('premisesForm.back', { name: premises.name }) : t('premises.backToSearch')}</Link>
      </p>
      <PageHeading>{premises ? t('premisesForm.editTitle', { name: premises.name }) : t('premisesForm.editTitlePlain')}</PageHeading>
      {(query.isPending || reference.isPending) && <Loading />}
      {query.isError && (isApiError(query.error, 404) ? <p>{t('premises.notFound')}</p> : <LoadError error={query.error} onRetry={() => query.refetch()} />)}
      {premises && !premises.canManage && <p>{t('premisesForm.forbidden')}</p>}
      {premises && premises.canManage && reference.data && (
        <>
          <PremisesForm
            key={premises.id}
            initial={valuesFromPremises(premises)}
            organisations={[]}
            fixedOrganisation={premises.organisation.name}
            submitText={t('premisesForm.save')}
            busy={save.isPending}
            cancelTo={premisesPath(premises.id)}
            onSubmit={(data, fail) =>
              save.mutate(data, {
                onSuccess: (saved) => navigate(premisesPath(saved.id), { state: { flash: t('premisesForm.saved') } }),
                onError: fail,
              })
            }
          />
          <ArchiveButton premises={premises} />
        </>
      )}
    </div>
  );
}
