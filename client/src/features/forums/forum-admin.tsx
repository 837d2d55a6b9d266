import { useId, useMemo, useState, type FormEvent } from 'react';
import { forumInputSchema, forumUpdateSchema, type Forum, type ForumAccess } from '../../../../shared/forums';
import { systemRoles } from '../../../../shared/roles';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import {
  BusyButton,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  TextAreaField,
  TextField,
  problemFromError,
  problemFromIssues,
  useFormValues,
  type FormProblem,
} from '../../lib/ui/form';
import { VisuallyHidden, errorText } from '../../lib/ui/status';
import { useForumAdmin, useMentionables } from './api';
import { forumName } from './labels';
import { useAllOrganisations } from '../organisations/all-organisations';

// The coordinator's forum tools on the forum list: create, rename and describe, restrict who may
// read, archive, and reorder with buttons (keyboard and screen-reader friendly, unlike dragging).

interface AccessValue {
  restricted: boolean;
  roles: string[];
  organisationIds: string[];
  userIds: string[];
}

export const accessValue = (access: ForumAccess | null | undefined): AccessValue => ({
  restricted: !!access,
  roles: access?.roles ?? [],
  organisationIds: access?.organisationIds ?? [],
  userIds: access?.userIds ?? [],
});

export const accessInput = (value: AccessValue): ForumAccess | null =>
  value.restricted ? { roles: value.roles as ForumAccess['roles'], organisationIds: value.organisationIds, userIds: value.userIds } : null;

/** People to give access: found by name (the mention search), listed with a remove button each. */
function PeoplePicker({ idPrefix, value, onChange, error }: { idPrefix: string; value: string[]; onChange(ids: string[]): void; error?: string }) {
  const { t, plural } = useI18n();
  const [q, setQ] = useState('');
  const [names, setNames] = useState<Record<string, string>>({});
  const results = useMentionables(q);
  const people = (results.data?.results ?? []).filter((r) => r.kind === 'user' && !value.includes(r.id));
  const fieldId = `${idPrefix}-userIds`;
  return (
    <fieldset className="fieldset" id={fieldId} aria-describedby={error ? `${fieldId}-error` : undefined}>
      <legend className="field-label">{t('forumAdmin.people')}</legend>
      {error && (
        <p id={`${fieldId}-error`} className="field-error">
          {error}
        </p>
      )}
      {value.length === 0 ? (
        <p className="muted">{t('forumAdmin.noPeople')}</p>
      ) : (
        <ul className="chosen-list">
          {value.map((id) => (
            <li key={id}>
              <span>{names[id] ?? t('forumAdmin.personId', { id })}</span>
              <button type="button" className="button button-secondary button-small" onClick={() => onChange(value.filter((v) => v !== id))}>
                {t('common.remove')}
                <VisuallyHidden> {names[id] ?? id}</VisuallyHidden>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field-label" htmlFor={`${fieldId}-search`}>
        {t('forumAdmin.findPerson')}
      </label>
      <input id={`${fieldId}-search`} className="input" type="search" value={q} onChange={(event) => setQ(event.target.value)} autoComplete="off" />
      <p role="status" className="muted">
        {q.trim() && results.data ? plural('forumAdmin.found', people.length) : ''}
      </p>
      {q.trim() && people.length > 0 && (
        <ul className="chosen-list">
          {people.slice(0, 8).map((person) => (
            <li key={person.id}>
              <span>{person.name}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setNames((current) => ({ ...current, [person.id]: person.name }));
                  onChange([...value, person.id]);
                  announce(t('forumAdmin.personAdded', { name: person.name }));
                }}
              >
                {t('forumAdmin.add')}
                <VisuallyHidden> {person.name}</VisuallyHidden>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** Organisations to give access: a checkbox list one can filter by name. */
function OrganisationPicker({ idPrefix, value, onChange, error }: { idPrefix: string; value: string[]; onChange(ids: string[]): void; error?: string }) {
  const { t } = useI18n();
  const organisations = useAllOrganisations(true);
  const [filter, setFilter] = useState('');
  const shown = (organisations.data ?? []).filter((o) => value.includes(o.id) || (filter.trim() && o.name.toLowerCase().includes(filter.trim().toLowerCase())));
  return (
    <div className="field">
      <label className="field-label" htmlFor={`${idPrefix}-org-filter`}>
        {t('forumAdmin.findOrganisation')}
      </label>
      <p className="field-hint" id={`${idPrefix}-org-filter-hint`}>
        {t('forumAdmin.findOrganisationHint')}
      </p>
      <input
        id={`${idPrefix}-org-filter`}
        className="input"
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        aria-describedby={`${idPrefix}-org-filter-hint`}
        autoComplete="off"
      />
      <CheckboxGroup
        idPrefix={idPrefix}
        name="organisationIds"
        legend={t('forumAdmin.organisations')}
        options={shown.map((o) => ({ value: o.id, label: o.name }))}
        value={value}
        onValueChange={onChange}
        error={error}
        hint={shown.length === 0 ? t('forumAdmin.noOrganisations') : undefined}
      />
    </div>
  );
}

function AccessFields({ idPrefix, value, onChange, problem }: { idPrefix: string; value: AccessValue; onChange(value: AccessValue): void; problem: FormProblem | null }) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section">
      <legend>{t('forumAdmin.access')}</legend>
      <CheckboxField
        idPrefix={idPrefix}
        name="restricted"
        label={t('forumAdmin.restricted')}
        hint={t('forumAdmin.restrictedHint')}
        checked={value.restricted}
        onCheckedChange={(restricted) => onChange({ ...value, restricted })}
      />
      {value.restricted && (
        <>
          <CheckboxGroup
            idPrefix={idPrefix}
            name="roles"
            legend={t('forumAdmin.roles')}
            hint={t('forumAdmin.rolesHint')}
            options={systemRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            value={value.roles}
            onValueChange={(roles) => onChange({ ...value, roles })}
            error={problem?.fields.access}
          />
          <OrganisationPicker idPrefix={idPrefix} value={value.organisationIds} onChange={(organisationIds) => onChange({ ...value, organisationIds })} />
          <PeoplePicker idPrefix={idPrefix} value={value.userIds} onChange={(userIds) => onChange({ ...value, userIds })} />
        </>
      )}
    </fieldset>
  );
}

/** Field errors such as "access.organisationIds" belong to the access section. */
const accessLabels = (t: ReturnType<typeof useI18n>['t']) => ({
  slug: t('forumAdmin.slug'),
  nameSv: t('forumAdmin.nameSv'),
  nameEn: t('forumAdmin.nameEn'),
  descriptionSv: t('forumAdmin.descriptionSv'),
  descriptionEn: t('forumAdmin.descriptionEn'),
  access: t('forumAdmin.access'),
});

function NameFields({ idPrefix, values, set, problem }: { idPrefix: string; values: { nameSv: string; nameEn: string; descriptionSv: string; descriptionEn: string }; set: (key: 'nameSv' | 'nameEn' | 'descriptionSv' | 'descriptionEn') => (value: string) => void; problem: FormProblem | null }) {
  const { t } = useI18n();
  const labels = accessLabels(t);
  return (
    <>
      <TextField idPrefix={idPrefix} name="nameSv" lang="sv" required label={labels.nameSv} value={values.nameSv} onValueChange={set('nameSv')} error={problem?.fields.nameSv} />
      <TextField idPrefix={idPrefix} name="nameEn" lang="en" required label={labels.nameEn} value={values.nameEn} onValueChange={set('nameEn')} error={problem?.fields.nameEn} />
      <TextAreaField idPrefix={idPrefix} name="descriptionSv" rows={2} label={labels.descriptionSv} optionalText={t('form.optional')} value={values.descriptionSv} onValueChange={set('descriptionSv')} error={problem?.fields.descriptionSv} />
      <TextAreaField idPrefix={idPrefix} name="descriptionEn" rows={2} label={labels.descriptionEn} optionalText={t('form.optional')} value={values.descriptionEn} onValueChange={set('descriptionEn')} error={problem?.fields.descriptionEn} />
    </>
  );
}

export function CreateForumForm() {
  const { t, locale } = useI18n();
  const { create } = useForumAdmin();
  const idPrefix = 'new-forum';
  const empty = { slug: '', nameSv: '', nameEn: '', descriptionSv: '', descriptionEn: '' };
  const [values, set, setValues] = useFormValues(empty);
  const [access, setAccess] = useState<AccessValue>(accessValue(null));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const labels = accessLabels(t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = forumInputSchema.safeParse({ ...values, access: accessInput(access) });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    create.mutate(parsed.data, {
      onSuccess: (forum) => {
        setValues(empty);
        setAccess(accessValue(null));
        announce(t('forumAdmin.created', { name: forumName(forum, locale) }));
      },
      onError: (error) => setProblem(problemFromError(error, t)),
    });
  };

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="section card">
      <h2 id={`${idPrefix}-heading`}>{t('forumAdmin.createTitle')}</h2>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form">
        <NameFields idPrefix={idPrefix} values={values} set={set} problem={problem} />
        <TextField
          idPrefix={idPrefix}
          name="slug"
          required
          spellCheck={false}
          autoComplete="off"
          label={labels.slug}
          hint={t('forumAdmin.slugHint')}
          value={values.slug}
          onValueChange={set('slug')}
          error={problem?.fields.slug}
        />
        <AccessFields idPrefix={idPrefix} value={access} onChange={setAccess} problem={problem} />
        <div className="form-actions">
          <BusyButton busy={create.isPending} busyText={t('common.saving')}>
            {t('forumAdmin.create')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}

function EditForumForm({ forum, onDone }: { forum: Forum; onDone(message?: string): void }) {
  const { t, locale } = useI18n();
  const { update } = useForumAdmin();
  const idPrefix = `edit-forum-${forum.id}`;
  const [values, set] = useFormValues({ nameSv: forum.nameSv, nameEn: forum.nameEn, descriptionSv: forum.descriptionSv, descriptionEn: forum.descriptionEn });
  const [access, setAccess] = useState<AccessValue>(accessValue(forum.access));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const labels = accessLabels(t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const parsed = forumUpdateSchema.safeParse({ ...values, access: accessInput(access) });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    update.mutate(
      { id: forum.id, input: parsed.data },
      {
        onSuccess: (saved) => onDone(t('forumAdmin.saved', { name: forumName(saved, locale) })),
        onError: (error) => setProblem(problemFromError(error, t)),
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} className="form forum-edit-form">
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <NameFields idPrefix={idPrefix} values={values} set={set} problem={problem} />
      <AccessFields idPrefix={idPrefix} value={access} onChange={setAccess} problem={problem} />
      <div className="form-actions">
        <BusyButton busy={update.isPending} busyText={t('common.saving')}>
          {t('common.save')}
        </BusyButton>
        <button type="button" className="button button-secondary" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Per forum: move up/down, edit, archive or restore. */
export function ForumAdminControls({ forum, index, count, onMove, moving }: { forum: Forum; index: number; count: number; onMove(forum: Forum, delta: -1 | 1): void; moving: boolean }) {
  const { t, locale } = useI18n();
  const { update } = useForumAdmin();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = forumName(forum, locale);
  const headingId = useId();

  const setArchived = (archived: boolean) => {
    setError(null);
    update.mutate(
      { id: forum.id, input: { archived } },
      {
        onSuccess: () => announce(t(archived ? 'forumAdmin.archived' : 'forumAdmin.restored', { name })),
        onError: (e) => setError(errorText(e, t('error.unexpectedShort'))),
      },
    );
  };

  const controls = useMemo(() => `forum-${forum.id}`, [forum.id]);
  return (
    <div className="forum-admin" aria-labelledby={headingId} role="group">
      <p id={headingId} className="visually-hidden">
        {t('forumAdmin.toolsFor', { name })}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {editing ? (
        <EditForumForm
          forum={forum}
          onDone={(message) => {
            setEditing(false);
            if (message) announce(message);
            focusSoon(`${controls}-edit`);
          }}
        />
      ) : (
        <div className="button-row">
          <button type="button" id={`${controls}-up`} className="button button-secondary button-small" disabled={index === 0 || moving} onClick={() => onMove(forum, -1)}>
            {t('reference.moveUp')}
            <VisuallyHidden> {name}</VisuallyHidden>
          </button>
          <button type="button" id={`${controls}-down`} className="button button-secondary button-small" disabled={index === count - 1 || moving} onClick={() => onMove(forum, 1)}>
            {t('reference.moveDown')}
            <VisuallyHidden> {name}</VisuallyHidden>
          </button>
          <button type="button" id={`${controls}-edit`} className="button button-secondary button-small" onClick={() => setEditing(true)}>
            {t('forumAdmin.edit')}
            <VisuallyHidden> {name}</VisuallyHidden>
          </button>
          <BusyButton type="button" variant="secondary" className="button-small" busy={update.isPending} busyText={t('common.saving')} onClick={() => setArchived(!forum.archived)}>
            {forum.archived ? t('reference.restore') : t('reference.archive')}
            <VisuallyHidden> {name}</VisuallyHidden>
          </BusyButton>
        </div>
      )}
    </div>
  );
}
