import { Link } from 'react-router';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { paths, signInPath } from '../../lib/paths';
import { LoadError, Loading } from '../../lib/ui/status';
import { useActingOrganisations } from './acting-organisations';
import { useGrantCalls, usePartnerMutations, usePartnerPosts } from './api';
import { PartnerForm, PartnerItem, type PartnerActions } from './call-posts';
import { grantListPageSize } from './list-query';
import { GrantsNav } from './parts';

/** /bidrag/partner: "partners wanted" posts across all calls (and in general), newest first. */
export function GrantPartnersPage() {
  const { t, plural } = useI18n();
  const { user } = useCurrentUser();
  const list = usePartnerPosts();
  const mutations = usePartnerMutations();
  const { organisations, loading: organisationsLoading } = useActingOrganisations(user);
  // The open calls a post may be about (the first page, by next deadline).
  const calls = useGrantCalls({ page: 1, pageSize: Math.max(grantListPageSize, 100) });
  const actions: PartnerActions = {
    edit: (id, input, done, fail) => mutations.edit.mutate({ id, input }, { onSuccess: done, onError: fail }),
    remove: (id, done) => mutations.remove.mutate(id, { onSuccess: done }),
    editBusy: mutations.edit.isPending,
    removeBusy: mutations.remove.isPending,
  };
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeading>{t('grants.partnersPageTitle')}</PageHeading>
      <p className="lead">{t('grants.partnersPageIntro')}</p>
      <GrantsNav />
      <div className="profile">
        <section className="profile-main section" aria-labelledby="partner-posts-heading" aria-busy={list.isFetching}>
          <h2 id="partner-posts-heading">{t('grants.partnersOpen')}</h2>
          {list.isPending && <Loading />}
          {list.isError && <LoadError error={list.error} onRetry={() => list.refetch()} />}
          {list.data && (
            <p className="result-status" role="status">
              {items.length ? plural('grants.partnerCount', items.length) : t('grants.noPartnersAnywhere')}
            </p>
          )}
          {items.length > 0 && (
            <ul className="grant-post-list">
              {items.map((post) => (
                <PartnerItem key={post.id} post={post} actions={actions} showCall />
              ))}
            </ul>
          )}
        </section>
        <aside className="profile-side" aria-labelledby="partners-form-heading">
          {organisations.length > 0 ? (
            <PartnerForm
              organisations={organisations}
              callId={null}
              calls={(calls.data?.items ?? []).map((c) => ({ id: c.id, title: c.title }))}
              busy={mutations.create.isPending}
              onSubmit={(input, done, fail) => mutations.create.mutate(input, { onSuccess: done, onError: fail })}
            />
          ) : (
            <>
              <h2 id="partners-form-heading">{t('grants.partnersFormTitle')}</h2>
              {organisationsLoading ? (
                <Loading />
              ) : user ? (
                <p className="muted">{t('grants.membersOnly')}</p>
              ) : (
                <p>
                  <Link className="button button-secondary" to={signInPath(paths.grantPartners)}>
                    {t('grants.signInToTakePart')}
                  </Link>
                </p>
              )}
            </>
          )}
        </aside>
      </div>
    </>
  );
}
