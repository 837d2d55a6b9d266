import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  helpRequestInputSchema,
  helpRequestUpdateSchema,
  knowHowInputSchema,
  knowHowStatuses,
  knowHowUpdateSchema,
  partnerPostInputSchema,
  partnerPostUpdateSchema,
  type GrantCallDetail,
  type HelpRequest,
  type KnowHow,
  type PartnerPost,
} from '../../../../shared/grants';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { useCurrentUser } from '../../lib/current-user';
import { organisationPath } from '../../lib/paths';
import { BusyButton, ErrorSummary, LiveStatus, SelectField, TextAreaField, TextField, problemFromError, problemFromIssues, type FormProblem } from '../../lib/ui/form';
import { errorText } from '../../lib/ui/status';
import { useCallPosts } from './api';
import { DocumentList, KnowHowDocumentForms } from './documents-panel';
import { canAddKnowHowDocument, canManagePost, knowHowStatusLabel } from './labels';
import { OrganisationChoice, RemoveButton } from './parts';

type Posts = ReturnType<typeof useCallPosts>;

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

function parseYear(value: string): number | null | string {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The line under an organisation's name: "Har fått bidraget (2025)". */
function knowHowLine(t: ReturnType<typeof useI18n>['t'], knowHow: Pick<KnowHow, 'status' | 'year'>) {
  return knowHow.year ? t('grants.statusWithYear', { status: knowHowStatusLabel(t, knowHow.status), year: knowHow.year }) : knowHowStatusLabel(t, knowHow.status);
}

// --- know-how ------------------------------------------------------------------------------------

function KnowHowFields({
  idPrefix,
  values,
  set,
  problem,
}: {
  idPrefix: string;
  values: { status: string; year: string; description: string };
  set: (key: 'status' | 'year' | 'description') => (value: string) => void;
  problem: FormProblem | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset id={`${idPrefix}-status`} className={problem?.fields.status ? 'fieldset field-has-error' : 'fieldset'}>
        <legend className="field-label">{t('grants.knowHowStatus')}</legend>
        {problem?.fields.status && <p className="field-error">{problem.fields.status}</p>}
        {knowHowStatuses.map((status) => (
          <div className="radio" key={status}>
            <input type="radio" id={`${idPrefix}-status-${status}`} name={`${idPrefix}-status`} value={status} checked={values.status === status} onChange={() => set('status')(status)} />
            <label htmlFor={`${idPrefix}-status-${status}`}>{knowHowStatusLabel(t, status)}</label>
          </div>
        ))}
      </fieldset>
      <TextField idPrefix={idPrefix} name="year" label={t('grants.year')} optionalText={t('form.optional')} inputMode="numeric" className="input-short" maxLength={4} value={values.year} onValueChange={set('year')} error={problem?.fields.year} />
      <TextAreaField idPrefix={idPrefix} name="description" label={t('grants.knowHowDescription')} hint={t('grants.knowHowDescriptionHint')} value={values.description} onValueChange={set('description')} error={problem?.fields.description} rows={4} />
    </>
  );
}

export function OfferKnowHowForm({ detail, organisations, posts }: { detail: GrantCallDetail; organisations: { id: string; name: string }[]; posts: Posts }) {
  const { t, locale } = useI18n();
  const idPrefix = 'offer';
  const taken = new Set(detail.knowHow.map((k) => k.organisation.id));
  const free = organisations.filter((o) => !taken.has(o.id));
  const [values, setValues] = useState({ organisationId: free.length === 1 ? free[0].id : '', status: 'received', year: '', description: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  if (!free.length) return <p className="muted">{t('grants.knowHowAllGiven')}</p>;
  const organisationId = free.length === 1 ? free[0].id : values.organisationId;
  const labels = { organisationId: t('grants.organisation'), status: t('grants.knowHowStatus'), year: t('grants.year'), description: t('grants.knowHowDescription') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (posts.offerKnowHow.isPending) return;
    setDone(null);
    const parsed = knowHowInputSchema.safeParse({ organisationId, status: values.status, year: parseYear(values.year), description: values.description });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    posts.offerKnowHow.mutate(parsed.data, {
      onSuccess: (knowHow) => {
        setValues({ organisationId: '', status: 'received', year: '', description: '' });
        setDone(t('grants.knowHowSaved', { name: knowHow.organisation.name }));
      },
      onError: (e) => setProblem(problemFromError(e, t)),
    });
  };

  return (
    <form noValidate onSubmit={submit} className="form grant-post-form" aria-labelledby="offer-heading">
      <h3 id="offer-heading">{t('grants.offerTitle')}</h3>
      <p className="field-hint">{t('grants.offerIntro')}</p>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <OrganisationChoice idPrefix={idPrefix} organisations={free} value={values.organisationId} onChange={set('organisationId')} error={problem?.fields.organisationId} />
      <KnowHowFields idPrefix={idPrefix} values={values} set={set} problem={problem} />
      <BusyButton busy={posts.offerKnowHow.isPending} busyText={t('common.saving')}>
        {t('grants.offerSubmit')}
      </BusyButton>
      <LiveStatus message={done} />
    </form>
  );
}

function KnowHowItem({ knowHow, posts, archived }: { knowHow: KnowHow; posts: Posts; archived: boolean }) {
  const { t, locale, date } = useI18n();
  const { user } = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState({ status: knowHow.status as string, year: knowHow.year ? String(knowHow.year) : '', description: knowHow.description });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const idPrefix = `knowhow-${knowHow.id}`;
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const mine = canManagePost(user, knowHow);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (posts.editKnowHow.isPending) return;
    const parsed = knowHowUpdateSchema.safeParse({ status: values.status, year: parseYear(values.year), description: values.description });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    posts.editKnowHow.mutate(
      { id: knowHow.id, input: parsed.data },
      {
        onSuccess: () => {
          setEditing(false);
          setProblem(null);
          announce(t('grants.changesSaved'));
        },
        onError: (e) => setProblem(problemFromError(e, t)),
      },
    );
  };

  return (
    <li className="grant-post" aria-labelledby={`${idPrefix}-name`}>
      <h3 id={`${idPrefix}-name`} className="grant-post-title">
        <Link to={organisationPath(knowHow.organisation.slug)}>{knowHow.organisation.name}</Link>
      </h3>
      <p className="grant-post-meta">
        <span className={`badge badge-${knowHow.status}`}>{knowHowLine(t, knowHow)}</span>{' '}
        <span className="muted">
          · <time dateTime={knowHow.createdAt}>{date(knowHow.createdAt)}</time>
        </span>
      </p>
      {editing ? (
        <form noValidate onSubmit={save} className="form" aria-label={t('grants.editKnowHowOf', { name: knowHow.organisation.name })}>
          <ErrorSummary problem={problem} idPrefix={idPrefix} labels={{ status: t('grants.knowHowStatus'), year: t('grants.year'), description: t('grants.knowHowDescription') }} />
          <KnowHowFields idPrefix={idPrefix} values={values} set={set} problem={problem} />
          <div className="button-row">
            <BusyButton busy={posts.editKnowHow.isPending} busyText={t('common.saving')}>
              {t('common.save')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <Paragraphs text={knowHow.description} />
      )}
      {knowHow.documents.length > 0 && <DocumentList documents={knowHow.documents} callId={knowHow.callId} knowHowOrganisationId={knowHow.organisation.id} headingLevel="h4" label={t('grants.documentsOf', { name: knowHow.organisation.name })} />}
      {!archived && canAddKnowHowDocument(user, knowHow.organisation.id) && (
        <KnowHowDocumentForms callId={knowHow.callId} knowHowId={knowHow.id} organisationName={knowHow.organisation.name} />
      )}
      {mine && !editing && (
        <div className="button-row grant-post-actions">
          {/* An archived call is read-only: its know-how may be removed, not edited. */}
          {!archived && (
            <button type="button" className="button button-link" onClick={() => setEditing(true)}>
              {t('common.edit')}
              <span className="visually-hidden"> {t('grants.knowHowOf', { name: knowHow.organisation.name })}</span>
            </button>
          )}
          <RemoveButton
            what={t('grants.knowHowOf', { name: knowHow.organisation.name })}
            busy={posts.removeKnowHow.isPending}
            onConfirm={() =>
              posts.removeKnowHow.mutate(knowHow.id, {
                onSuccess: () => announce(t('grants.removed')),
                onError: (e) => announce(errorText(e, t('error.unexpectedShort'))),
              })
            }
          />
        </div>
      )}
    </li>
  );
}

export function KnowHowList({ detail, posts }: { detail: GrantCallDetail; posts: Posts }) {
  const { t } = useI18n();
  if (!detail.knowHow.length) return <p className="muted">{t('grants.noKnowHow')}</p>;
  return (
    <ul className="grant-post-list">
      {detail.knowHow.map((k) => (
        <KnowHowItem key={k.id} knowHow={k} posts={posts} archived={!!detail.call.archived} />
      ))}
    </ul>
  );
}

// --- asks for help -------------------------------------------------------------------------------

export function AskForHelpForm({ organisations, posts }: { organisations: { id: string; name: string }[]; posts: Posts }) {
  const { t, locale } = useI18n();
  const idPrefix = 'ask';
  const [values, setValues] = useState({ organisationId: organisations.length === 1 ? organisations[0].id : '', text: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const labels = { organisationId: t('grants.organisation'), text: t('grants.helpText') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (posts.askForHelp.isPending) return;
    setDone(null);
    const parsed = helpRequestInputSchema.safeParse({ organisationId: organisations.length === 1 ? organisations[0].id : values.organisationId, text: values.text });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    posts.askForHelp.mutate(parsed.data, {
      onSuccess: () => {
        setValues((v) => ({ ...v, text: '' }));
        setDone(t('grants.helpSaved'));
      },
      onError: (e) => setProblem(problemFromError(e, t)),
    });
  };

  return (
    <form noValidate onSubmit={submit} className="form grant-post-form" aria-labelledby="ask-heading">
      <h3 id="ask-heading">{t('grants.askTitle')}</h3>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <OrganisationChoice idPrefix={idPrefix} organisations={organisations} value={values.organisationId} onChange={set('organisationId')} error={problem?.fields.organisationId} />
      <TextAreaField idPrefix={idPrefix} name="text" label={labels.text} hint={t('grants.helpTextHint')} value={values.text} onValueChange={set('text')} error={problem?.fields.text} rows={4} />
      <BusyButton busy={posts.askForHelp.isPending} busyText={t('common.saving')}>
        {t('grants.askSubmit')}
      </BusyButton>
      <LiveStatus message={done} />
    </form>
  );
}

function HelpItem({ request, posts, archived }: { request: HelpRequest; posts: Posts; archived: boolean }) {
  const { t, locale, date } = useI18n();
  const { user } = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(request.text);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const idPrefix = `help-${request.id}`;
  const mine = canManagePost(user, request);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (posts.editHelp.isPending) return;
    const parsed = helpRequestUpdateSchema.safeParse({ text });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    posts.editHelp.mutate(
      { id: request.id, input: parsed.data },
      {
        onSuccess: () => {
          setEditing(false);
          setProblem(null);
          announce(t('grants.changesSaved'));
        },
        onError: (e) => setProblem(problemFromError(e, t)),
      },
    );
  };
  return (
    <li className="grant-post" aria-labelledby={`${idPrefix}-name`}>
      <h3 id={`${idPrefix}-name`} className="grant-post-title">
        <Link to={organisationPath(request.organisation.slug)}>{request.organisation.name}</Link>
      </h3>
      <p className="grant-post-meta muted">
        {t('grants.askedOn')} <time dateTime={request.createdAt}>{date(request.createdAt)}</time>
      </p>
      {editing ? (
        <form noValidate onSubmit={save} className="form" aria-label={t('grants.editHelpOf', { name: request.organisation.name })}>
          <ErrorSummary problem={problem} idPrefix={idPrefix} labels={{ text: t('grants.helpText') }} />
          <TextAreaField idPrefix={idPrefix} name="text" label={t('grants.helpText')} value={text} onValueChange={setText} error={problem?.fields.text} rows={4} />
          <div className="button-row">
            <BusyButton busy={posts.editHelp.isPending} busyText={t('common.saving')}>
              {t('common.save')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <Paragraphs text={request.text} />
      )}
      {mine && !editing && (
        <div className="button-row grant-post-actions">
          {/* An archived call is read-only: an ask may be closed or removed, not edited. */}
          {!archived && (
            <button type="button" className="button button-link" onClick={() => setEditing(true)}>
              {t('common.edit')}
              <span className="visually-hidden"> {t('grants.helpOf', { name: request.organisation.name })}</span>
            </button>
          )}
          <BusyButton
            type="button"
            variant="link"
            busy={posts.editHelp.isPending}
            busyText={t('common.saving')}
            onClick={() =>
              posts.editHelp.mutate(
                { id: request.id, input: { open: false } },
                { onSuccess: () => announce(t('grants.helpClosedByYou')), onError: (e) => announce(errorText(e, t('error.unexpectedShort'))) },
              )
            }
          >
            {t('grants.closeHelp')}
            <span className="visually-hidden"> {t('grants.helpOf', { name: request.organisation.name })}</span>
          </BusyButton>
          <RemoveButton
            what={t('grants.helpOf', { name: request.organisation.name })}
            busy={posts.removeHelp.isPending}
            onConfirm={() => posts.removeHelp.mutate(request.id, { onSuccess: () => announce(t('grants.removed')), onError: (e) => announce(errorText(e, t('error.unexpectedShort'))) })}
          />
        </div>
      )}
    </li>
  );
}

export function HelpList({ detail, posts }: { detail: GrantCallDetail; posts: Posts }) {
  const { t } = useI18n();
  if (!detail.helpRequests.length) return <p className="muted">{t('grants.noHelp')}</p>;
  return (
    <ul className="grant-post-list">
      {detail.helpRequests.map((h) => (
        <HelpItem key={h.id} request={h} posts={posts} archived={!!detail.call.archived} />
      ))}
    </ul>
  );
}

// --- partners wanted -----------------------------------------------------------------------------

export function PartnerForm({
  organisations,
  callId,
  busy,
  onSubmit,
  calls,
}: {
  organisations: { id: string; name: string }[];
  callId: string | null;
  busy: boolean;
  onSubmit(input: { organisationId: string; callId: string | null; title: string; text: string }, done: () => void, fail: (e: unknown) => void): void;
  /** On the partners page: which call it is about (optional). */
  calls?: { id: string; title: string }[];
}) {
  const { t, locale } = useI18n();
  const idPrefix = 'partners';
  const [values, setValues] = useState({ organisationId: organisations.length === 1 ? organisations[0].id : '', callId: callId ?? '', title: '', text: '' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const labels = { organisationId: t('grants.organisation'), callId: t('grants.partnerCall'), title: t('grants.partnerTitle'), text: t('grants.partnerText') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const parsed = partnerPostInputSchema.safeParse({
      organisationId: organisations.length === 1 ? organisations[0].id : values.organisationId,
      callId: values.callId || null,
      title: values.title,
      text: values.text,
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    onSubmit(
      { organisationId: parsed.data.organisationId, callId: parsed.data.callId ?? null, title: parsed.data.title, text: parsed.data.text },
      () => {
        setValues((v) => ({ ...v, title: '', text: '' }));
        setDone(t('grants.partnersSaved'));
      },
      (e) => setProblem(problemFromError(e, t)),
    );
  };

  return (
    <form noValidate onSubmit={submit} className="form grant-post-form" aria-labelledby="partners-form-heading">
      <h3 id="partners-form-heading">{t('grants.partnersFormTitle')}</h3>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <OrganisationChoice idPrefix={idPrefix} organisations={organisations} value={values.organisationId} onChange={set('organisationId')} error={problem?.fields.organisationId} />
      {calls && (
        <SelectField
          idPrefix={idPrefix}
          name="callId"
          label={labels.callId}
          optionalText={t('form.optional')}
          value={values.callId}
          onValueChange={set('callId')}
          placeholder={t('grants.partnerNoCall')}
          options={calls.map((c) => ({ value: c.id, label: c.title }))}
          error={problem?.fields.callId}
        />
      )}
      <TextField idPrefix={idPrefix} name="title" label={labels.title} value={values.title} onValueChange={set('title')} error={problem?.fields.title} maxLength={200} />
      <TextAreaField idPrefix={idPrefix} name="text" label={labels.text} hint={t('grants.partnerTextHint')} value={values.text} onValueChange={set('text')} error={problem?.fields.text} rows={4} />
      <BusyButton busy={busy} busyText={t('common.saving')}>
        {t('grants.partnersSubmit')}
      </BusyButton>
      <LiveStatus message={done} />
    </form>
  );
}

export interface PartnerActions {
  edit(id: string, input: { title?: string; text?: string; open?: boolean }, done: () => void, fail: (e: unknown) => void): void;
  remove(id: string, done: () => void): void;
  editBusy: boolean;
  removeBusy: boolean;
}

export function PartnerItem({
  post,
  actions,
  showCall = false,
  headingLevel = 'h3',
  callArchived = false,
}: {
  post: PartnerPost;
  actions: PartnerActions;
  showCall?: boolean;
  headingLevel?: 'h2' | 'h3';
  /** On an archived call's page: the post may be closed or removed, not edited or reopened. */
  callArchived?: boolean;
}) {
  const { t, locale, date } = useI18n();
  const { user } = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState({ title: post.title, text: post.text });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const idPrefix = `partner-${post.id}`;
  const mine = canManagePost(user, post);
  const Heading = headingLevel;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (actions.editBusy) return;
    const parsed = partnerPostUpdateSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    actions.edit(
      post.id,
      parsed.data,
      () => {
        setEditing(false);
        setProblem(null);
        announce(t('grants.changesSaved'));
      },
      (e) => setProblem(problemFromError(e, t)),
    );
  };
  return (
    <li className="grant-post" aria-labelledby={`${idPrefix}-title`}>
      <Heading id={`${idPrefix}-title`} className="grant-post-title">
        {post.title}
      </Heading>
      <p className="grant-post-meta muted">
        <Link to={organisationPath(post.organisation.slug)}>{post.organisation.name}</Link> · <time dateTime={post.createdAt}>{date(post.createdAt)}</time>
        {showCall && post.call && (
          <>
            {' · '}
            {t('grants.about')} <Link to={`/bidrag/${post.call.id}`}>{post.call.title}</Link>
          </>
        )}
        {!post.open && (
          <>
            {' '}
            <span className="badge badge-archived">{t('grants.closed')}</span>
          </>
        )}
      </p>
      {editing ? (
        <form noValidate onSubmit={save} className="form" aria-label={t('grants.editPartnersOf', { title: post.title })}>
          <ErrorSummary problem={problem} idPrefix={idPrefix} labels={{ title: t('grants.partnerTitle'), text: t('grants.partnerText') }} />
          <TextField idPrefix={idPrefix} name="title" label={t('grants.partnerTitle')} value={values.title} onValueChange={(v) => setValues((x) => ({ ...x, title: v }))} error={problem?.fields.title} maxLength={200} />
          <TextAreaField idPrefix={idPrefix} name="text" label={t('grants.partnerText')} value={values.text} onValueChange={(v) => setValues((x) => ({ ...x, text: v }))} error={problem?.fields.text} rows={4} />
          <div className="button-row">
            <BusyButton busy={actions.editBusy} busyText={t('common.saving')}>
              {t('common.save')}
            </BusyButton>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <Paragraphs text={post.text} />
      )}
      {mine && !editing && (
        <div className="button-row grant-post-actions">
          {!callArchived && (
            <button type="button" className="button button-link" onClick={() => setEditing(true)}>
              {t('common.edit')}
              <span className="visually-hidden"> {post.title}</span>
            </button>
          )}
          {(post.open || !callArchived) && (
            <BusyButton
              type="button"
              variant="link"
              busy={actions.editBusy}
              busyText={t('common.saving')}
              onClick={() =>
                actions.edit(
                  post.id,
                  { open: !post.open },
                  () => announce(t(post.open ? 'grants.partnersClosedByYou' : 'grants.partnersReopened')),
                  (e) => announce(errorText(e, t('error.unexpectedShort'))),
                )
              }
            >
              {post.open ? t('grants.closePartners') : t('grants.reopenPartners')}
              <span className="visually-hidden"> {post.title}</span>
            </BusyButton>
          )}
          <RemoveButton what={post.title} busy={actions.removeBusy} onConfirm={() => actions.remove(post.id, () => announce(t('grants.removed')))} />
        </div>
      )}
    </li>
  );
}

export function callPartnerActions(posts: Posts): PartnerActions {
  return {
    edit: (id, input, done, fail) => posts.editPartners.mutate({ id, input }, { onSuccess: done, onError: fail }),
    remove: (id, done) => posts.removePartners.mutate(id, { onSuccess: done }),
    editBusy: posts.editPartners.isPending,
    removeBusy: posts.removePartners.isPending,
  };
}
