import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { grantRoom, type GrantCallDetail } from '../../../../shared/grants';
import { message } from '../../../../shared/messages';
import type { LiveEvent } from '../../../../shared/realtime';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { isApiError } from '../../lib/api';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { editGrantCallPath, paths, signInPath } from '../../lib/paths';
import { useLiveRoom, withCursor } from '../../lib/realtime';
import { BusyButton } from '../../lib/ui/form';
import { LoadError, Loading, Notice, errorText } from '../../lib/ui/status';
import { grantKeys, useCallActions, useCallPosts, useGrantCall } from './api';
import { AskForHelpForm, HelpList, KnowHowList, OfferKnowHowForm, PartnerForm, PartnerItem, callPartnerActions } from './call-posts';
import { daysBetween, stockholmToday } from './deadlines';
import { useActingOrganisations } from './acting-organisations';
import { DocumentsSection } from './documents-panel';
import { amountText, funderKindLabel, funderName, referenceLabel } from './labels';
import { applyGrantEvent, type GrantNotice } from './live-reducers';
import { CallFollowButton, DaysLeft } from './parts';

/** Words for a live change, for the polite announcer. */
export function useGrantNoticeText() {
  const { t } = useI18n();
  return (notice: GrantNotice): string => {
    if ('organisation' in notice) return t(`grants.live.${notice.kind}`, { name: notice.organisation ?? t('grants.anOrganisation') });
    return t(`grants.live.${notice.kind}`, { title: notice.title ?? '' });
  };
}

function Facts({ detail }: { detail: GrantCallDetail }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const call = detail.call;
  const amount = amountText(i18n, call.amountMin, call.amountMax);
  return (
    <dl className="facts grant-facts">
      <div>
        <dt>{t('grants.funder')}</dt>
        <dd>
          {funderName(call, locale)} <span className="muted">({funderKindLabel(t, call.funderKind)})</span>
        </dd>
      </div>
      <div>
        <dt>{t('grants.amount')}</dt>
        <dd>{amount ?? <span className="muted">{t('grants.amountNotGiven')}</span>}</dd>
      </div>
      <div>
        <dt>{t('grants.eligibility')}</dt>
        <dd className="preserve-lines">{call.eligibility || <span className="muted">{t('grants.notGiven')}</span>}</dd>
      </div>
      <div>
        <dt>{t('grants.targetGroups')}</dt>
        <dd>
          {call.targetGroups.length ? (
            <ul className="inline-list">
              {call.targetGroups.map((g) => (
                <li key={g.slug}>{referenceLabel(g, locale)}</li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('grants.allTargetGroups')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('grants.url')}</dt>
        <dd>
          <a href={call.url} rel="noopener noreferrer" target="_blank">
            {t('grants.readCall')}
            <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
          </a>
        </dd>
      </div>
    </dl>
  );
}

function Deadlines({ detail }: { detail: GrantCallDetail }) {
  const { t, date } = useI18n();
  const today = stockholmToday();
  return (
    <section className="section" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t('grants.deadlines')}</h2>
      <ul className="deadline-list">
        {detail.call.deadlines.map((d) => {
          const past = daysBetween(today, d.date) < 0;
          return (
            <li key={d.id} className={past ? 'deadline deadline-past' : d.date === detail.call.nextDeadline ? 'deadline deadline-next' : 'deadline'}>
              <time dateTime={d.date}>{date(d.date)}</time>
              {d.note && <span> – {d.note}</span>} <DaysLeft date={d.date} today={today} />
              {d.date === detail.call.nextDeadline && <span className="visually-hidden"> ({t('grants.nextDeadline')})</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function EditorTools({ detail }: { detail: GrantCallDetail }) {
  const { t } = useI18n();
  const { archive } = useCallActions(detail.call.id);
  const archived = detail.call.archived;
  return (
    <div className="button-row grant-editor-tools">
      <Link to={editGrantCallPath(detail.call.id)} className="button button-secondary">
        {t('grants.editCall')}
      </Link>
      <BusyButton
        type="button"
        variant="secondary"
        busy={archive.isPending}
        busyText={t('common.saving')}
        onClick={() =>
          archive.mutate(!archived, {
            onSuccess: () => announce(t(archived ? 'grants.restoredByYou' : 'grants.archivedByYou')),
            onError: (e) => announce(errorText(e, t('error.unexpectedShort'))),
          })
        }
      >
        {archived ? t('grants.restore') : t('grants.archive')}
      </BusyButton>
    </div>
  );
}

export function GrantCallPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { user } = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useGrantCall(id);
  const detail = query.data;
  const posts = useCallPosts(id);
  const noticeText = useGrantNoticeText();
  const key = grantKeys.call(id);
  const notFound = isApiError(query.error, 404) || isApiError(query.error, 400);

  useLiveRoom(
    detail ? grantRoom(detail.call.id) : null,
    detail?.cursor,
    (event: LiveEvent) => {
      const old = queryClient.getQueryData<GrantCallDetail>(key);
      if (!old) return;
      const result = applyGrantEvent(old, event, { userId: user?.id ?? null });
      queryClient.setQueryData<GrantCallDetail>(key, withCursor(old, event, () => result.data));
      if (result.notice) announce(noticeText(result.notice));
    },
    { onReset: () => void queryClient.invalidateQueries({ queryKey: key }) },
  );

  const call = detail?.call;
  const heading = call ? call.title : notFound ? t('grants.notFoundTitle') : query.isError ? t('error.loadFailed') : t('common.loading');
  const { organisations, loading: organisationsLoading } = useActingOrganisations(user);
  const canSpeak = organisations.length > 0 && !call?.archived;

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.grants}>{t('grants.backToList')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      {query.isPending && <Loading />}
      {notFound && <p>{t('grants.notFoundText')}</p>}
      {query.isError && !notFound && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {detail && call && (
        <>
          {call.archived && <Notice kind="warning">{t('grants.archivedNotice')}</Notice>}
          <div className="grant-tools">
            {user && <CallFollowButton callId={call.id} title={call.title} following={detail.viewer.following} />}
            {detail.viewer.canEdit && <EditorTools detail={detail} />}
          </div>
          <div className="profile">
            <div className="profile-main">
              {call.description && (
                <section className="section" aria-labelledby="about-call-heading">
                  <h2 id="about-call-heading">{t('grants.aboutCall')}</h2>
                  <p className="preserve-lines">{call.description}</p>
                </section>
              )}
              <Deadlines detail={detail} />

              <section className="section" aria-labelledby="knowhow-heading">
                <h2 id="knowhow-heading">{t('grants.knowHowTitle')}</h2>
                <p className="muted">{t('grants.knowHowIntro')}</p>
                <KnowHowList detail={detail} posts={posts} />
              </section>

              <section className="section" aria-labelledby="help-heading">
                <h2 id="help-heading">{t('grants.helpTitle')}</h2>
                <HelpList detail={detail} posts={posts} />
              </section>

              <section className="section" aria-labelledby="call-partners-heading">
                <h2 id="call-partners-heading">{t('grants.partnersTitle')}</h2>
                {detail.partnerPosts.length ? (
                  <ul className="grant-post-list">
                    {detail.partnerPosts.map((p) => (
                      <PartnerItem key={p.id} post={p} actions={callPartnerActions(posts)} callArchived={call.archived} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('grants.noPartners')}</p>
                )}
                <p>
                  <Link to={paths.grantPartners}>{t('grants.allPartners')}</Link>
                </p>
              </section>

              <section className="section" aria-labelledby="take-part-heading">
                <h2 id="take-part-heading">{t('grants.takePartTitle')}</h2>
                {canSpeak ? (
                  <div className="grant-forms">
                    <OfferKnowHowForm detail={detail} organisations={organisations} posts={posts} />
                    {/* Asks and partner posts are about applying: not once every deadline has passed (know-how still is). */}
                    {call.nextDeadline ? (
                      <>
                        <AskForHelpForm organisations={organisations} posts={posts} />
                        <PartnerForm
                          organisations={organisations}
                          callId={call.id}
                          busy={posts.postPartners.isPending}
                          onSubmit={(input, done, fail) => posts.postPartners.mutate(input, { onSuccess: done, onError: fail })}
                        />
                      </>
                    ) : (
                      <p className="muted">{message(locale, 'error.grantClosed')}</p>
                    )}
                  </div>
                ) : organisationsLoading ? (
                  <Loading />
                ) : !user ? (
                  <p>
                    <Link className="button button-secondary" to={signInPath(`/bidrag/${call.id}`)}>
                      {t('grants.signInToTakePart')}
                    </Link>
                  </p>
                ) : call.archived ? (
                  <p className="muted">{t('grants.archivedNoPosting')}</p>
                ) : (
                  <p className="muted">{t('grants.membersOnly')}</p>
                )}
              </section>

              <DocumentsSection detail={detail} />
            </div>
            <aside className="profile-side" aria-labelledby="call-facts-heading">
              <h2 id="call-facts-heading">{t('grants.factsTitle')}</h2>
              <Facts detail={detail} />
            </aside>
          </div>
        </>
      )}
    </>
  );
}
