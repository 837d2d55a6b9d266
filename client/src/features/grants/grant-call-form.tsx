import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrors } from '../../../../shared/validation';
import { funderKinds, grantCallInputSchema, type GrantCall, type GrantCallInput } from '../../../../shared/grants';
import { useI18n } from '../../i18n/use-i18n';
import { ApiError, isApiError } from '../../lib/api';
import { useCurrentUser } from '../../lib/current-user';
import { PageHeading } from '../../lib/page';
import { grantCallPath, paths } from '../../lib/paths';
import { useReference } from '../../lib/reference-data';
import { BusyButton, CheckboxGroup, ErrorSummary, SelectField, TextAreaField, TextField, fieldId, problemFromError, type FormProblem } from '../../lib/ui/form';
import { LoadError, Loading, Notice } from '../../lib/ui/status';
import { useGrantCall, useSaveCall } from './api';
import { canAddCall, funderKindLabel } from './labels';
import './grants.css';

interface DeadlineRow {
  key: number;
  date: string;
  note: string;
}

export interface CallFormValues {
  funderKind: string;
  administration: string;
  funderName: string;
  title: string;
  url: string;
  amountMin: string;
  amountMax: string;
  eligibility: string;
  description: string;
  targetGroups: string[];
  deadlines: DeadlineRow[];
}

let rowKey = 0;
const newRow = (date = '', note = ''): DeadlineRow => ({ key: ++rowKey, date, note });

export const emptyCallValues = (): CallFormValues => ({
  funderKind: '',
  administration: '',
  funderName: '',
  title: '',
  url: 'https://',
  amountMin: '',
  amountMax: '',
  eligibility: '',
  description: '',
  targetGroups: [],
  deadlines: [newRow()],
});

export function valuesFromCall(call: GrantCall): CallFormValues {
  return {
    funderKind: call.funderKind,
    administration: call.administration?.slug ?? '',
    funderName: call.funderName,
    title: call.title,
    url: call.url,
    amountMin: call.amountMin == null ? '' : String(call.amountMin),
    amountMax: call.amountMax == null ? '' : String(call.amountMax),
    eligibility: call.eligibility,
    description: call.description,
    targetGroups: call.targetGroups.map((g) => g.slug),
    deadlines: call.deadlines.length ? call.deadlines.map((d) => newRow(d.date, d.note)) : [newRow()],
  };
}

/** "50 000" and "50000" are both fifty thousand; anything else is left for the schema to refuse. */
export function parseAmount(value: string): number | null | string {
  const compact = value.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  if (!compact) return null;
  return /^\d+$/.test(compact) ? Number(compact) : value;
}

export function callInputFromValues(values: CallFormValues): Record<string, unknown> {
  return {
    funderKind: values.funderKind || undefined,
    administration: values.funderKind === 'cityAdministration' ? values.administration || null : null,
    funderName: values.funderName,
    title: values.title,
    url: values.url === 'https://' ? '' : values.url,
    amountMin: parseAmount(values.amountMin),
    amountMax: parseAmount(values.amountMax),
    eligibility: values.eligibility,
    description: values.description,
    targetGroups: values.targetGroups,
    deadlines: values.deadlines.filter((d) => d.date || d.note).map((d) => ({ date: d.date, note: d.note })),
  };
}

/** Field errors keyed by their full path ("deadlines.1.date") as well as the form's summary. */
interface CallProblem extends FormProblem {
  paths: Record<string, string>;
}

function toProblem(summary: FormProblem, errors: { field: string; message: string }[]): CallProblem {
  const paths: Record<string, string> = {};
  for (const e of errors) paths[e.field] ??= e.message;
  return { ...summary, paths };
}

function CallForm({ initial, callId, onSaved }: { initial: CallFormValues; callId: string | null; onSaved(call: GrantCall): void }) {
  const { t, locale } = useI18n();
  const reference = useReference();
  const save = useSaveCall();
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<CallProblem | null>(null);
  const idPrefix = 'call';
  const set = <K extends keyof CallFormValues>(key: K) => (value: CallFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const labels: Record<string, string> = {
    funderKind: t('grants.funderKind'),
    administration: t('grants.administration'),
    funderName: t('grants.funderName'),
    title: t('grants.callTitle'),
    url: t('grants.url'),
    amountMin: t('grants.amountMin'),
    amountMax: t('grants.amountMax'),
    eligibility: t('grants.eligibility'),
    description: t('grants.description'),
    targetGroups: t('grants.targetGroups'),
    deadlines: t('grants.deadlines'),
  };
  const error = (name: string) => problem?.fields[name];
  const rowError = (index: number, part: 'date' | 'note') => problem?.paths[`deadlines.${index}.${part}`];
  const city = values.funderKind === 'cityAdministration';

  const setRow = (key: number, change: Partial<DeadlineRow>) => setValues((v) => ({ ...v, deadlines: v.deadlines.map((d) => (d.key === key ? { ...d, ...change } : d)) }));
  const addRow = () => {
    const row = newRow();
    setValues((v) => ({ ...v, deadlines: [...v.deadlines, row] }));
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-deadline-${row.key}-date`)?.focus());
  };
  const removeRow = (key: number, index: number) => {
    setValues((v) => ({ ...v, deadlines: v.deadlines.filter((d) => d.key !== key) }));
    // Focus stays in the list: on the row that moved up, or the add button.
    requestAnimationFrame(() => {
      const rows = document.querySelectorAll<HTMLInputElement>(`#${fieldId(idPrefix, 'deadlines')} input[type=date]`);
      (rows[Math.min(index, rows.length - 1)] ?? document.getElementById(`${idPrefix}-add-deadline`))?.focus();
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = grantCallInputSchema.safeParse(callInputFromValues(values));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues, locale);
      const fields: Record<string, string> = {};
      for (const e of errors) fields[e.field.split('.')[0]] ??= e.message;
      setProblem(toProblem({ message: t('form.fixErrors'), fields }, errors));
      return;
    }
    setProblem(null);
    save.mutate(
      { id: callId, input: parsed.data as GrantCallInput },
      {
        onSuccess: (detail) => onSaved(detail.call),
        onError: (e) => {
          const summary = problemFromError(e, t);
          const errors = e instanceof ApiError ? (e.problem.errors ?? []).map((x) => ({ field: x.field, message: x.message })) : [];
          setProblem(toProblem(summary, errors));
        },
      },
    );
  };

  const administrations = reference.choices('administration', values.administration ? [values.administration] : []);
  const targetGroups = reference.choices('targetGroup', values.targetGroups);

  return (
    <>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form">
        <SelectField
          idPrefix={idPrefix}
          name="funderKind"
          label={labels.funderKind}
          value={values.funderKind}
          onValueChange={set('funderKind')}
          placeholder={t('grants.chooseFunderKind')}
          options={funderKinds.map((kind) => ({ value: kind, label: funderKindLabel(t, kind) }))}
          error={error('funderKind')}
        />
        {city && (
          <SelectField
            idPrefix={idPrefix}
            name="administration"
            label={labels.administration}
            value={values.administration}
            onValueChange={set('administration')}
            placeholder={t('grants.chooseAdministration')}
            options={administrations.map((item) => ({ value: item.slug, label: reference.name('administration', item.slug) }))}
            error={error('administration')}
          />
        )}
        <TextField
          idPrefix={idPrefix}
          name="funderName"
          label={labels.funderName}
          hint={city ? t('grants.funderNameCityHint') : t('grants.funderNameHint')}
          optionalText={city ? t('form.optional') : undefined}
          value={values.funderName}
          onValueChange={set('funderName')}
          error={error('funderName')}
          maxLength={160}
        />
        <TextField idPrefix={idPrefix} name="title" label={labels.title} value={values.title} onValueChange={set('title')} error={error('title')} maxLength={200} required />
        <TextField idPrefix={idPrefix} name="url" type="url" label={labels.url} hint={t('grants.urlHint')} value={values.url} onValueChange={set('url')} error={error('url')} maxLength={500} inputMode="url" />
        <div className="grant-amounts">
          <TextField
            idPrefix={idPrefix}
            name="amountMin"
            label={labels.amountMin}
            optionalText={t('form.optional')}
            hint={t('grants.amountHint')}
            value={values.amountMin}
            onValueChange={set('amountMin')}
            error={error('amountMin')}
            inputMode="numeric"
            className="input-short"
          />
          <TextField
            idPrefix={idPrefix}
            name="amountMax"
            label={labels.amountMax}
            optionalText={t('form.optional')}
            hint={t('grants.amountHint')}
            value={values.amountMax}
            onValueChange={set('amountMax')}
            error={error('amountMax')}
            inputMode="numeric"
            className="input-short"
          />
        </div>
        <TextAreaField idPrefix={idPrefix} name="eligibility" label={labels.eligibility} hint={t('grants.eligibilityHint')} optionalText={t('form.optional')} value={values.eligibility} onValueChange={set('eligibility')} error={error('eligibility')} rows={3} />
        <TextAreaField idPrefix={idPrefix} name="description" label={labels.description} optionalText={t('form.optional')} value={values.description} onValueChange={set('description')} error={error('description')} rows={5} />
        <CheckboxGroup
          idPrefix={idPrefix}
          name="targetGroups"
          legend={labels.targetGroups}
          optionalText={t('form.optional')}
          options={targetGroups.map((item) => ({ value: item.slug, label: reference.name('targetGroup', item.slug) }))}
          value={values.targetGroups}
          onValueChange={set('targetGroups')}
          error={error('targetGroups')}
        />
        <fieldset id={fieldId(idPrefix, 'deadlines')} className={error('deadlines') ? 'fieldset field-has-error' : 'fieldset'} aria-describedby={`${idPrefix}-deadlines-hint`}>
          <legend className="field-label">{labels.deadlines}</legend>
          <p id={`${idPrefix}-deadlines-hint`} className="field-hint">
            {t('grants.deadlinesHint')}
          </p>
          {error('deadlines') && !Object.keys(problem?.paths ?? {}).some((p) => p.startsWith('deadlines.')) && <p className="field-error">{error('deadlines')}</p>}
          <ol className="deadline-rows">
            {values.deadlines.map((row, index) => {
              const dateId = `${idPrefix}-deadline-${row.key}-date`;
              const noteId = `${idPrefix}-deadline-${row.key}-note`;
              const dateError = rowError(index, 'date');
              const noteError = rowError(index, 'note');
              return (
                <li key={row.key} className="deadline-row">
                  <div className={dateError ? 'field field-has-error' : 'field'}>
                    <label htmlFor={dateId} className="field-label">
                      {t('grants.deadlineDate', { n: index + 1 })}
                    </label>
                    {dateError && (
                      <p id={`${dateId}-error`} className="field-error">
                        {dateError}
                      </p>
                    )}
                    <input
                      id={dateId}
                      type="date"
                      className="input input-short"
                      value={row.date}
                      min="2000-01-01"
                      max="2100-12-31"
                      onChange={(e) => setRow(row.key, { date: e.target.value })}
                      aria-describedby={dateError ? `${dateId}-error` : undefined}
                      aria-invalid={dateError ? true : undefined}
                    />
                  </div>
                  <div className={noteError ? 'field field-has-error' : 'field'}>
                    <label htmlFor={noteId} className="field-label">
                      {t('grants.deadlineNote', { n: index + 1 })} <span className="field-optional">{t('form.optional')}</span>
                    </label>
                    {noteError && (
                      <p id={`${noteId}-error`} className="field-error">
                        {noteError}
                      </p>
                    )}
                    <input
                      id={noteId}
                      className="input"
                      value={row.note}
                      maxLength={120}
                      placeholder={t('grants.deadlineNotePlaceholder')}
                      onChange={(e) => setRow(row.key, { note: e.target.value })}
                      aria-describedby={noteError ? `${noteId}-error` : undefined}
                      aria-invalid={noteError ? true : undefined}
                    />
                  </div>
                  {values.deadlines.length > 1 && (
                    <button type="button" className="button button-link" onClick={() => removeRow(row.key, index)}>
                      {t('grants.removeDeadline', { n: index + 1 })}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {values.deadlines.length < 20 && (
            <button type="button" id={`${idPrefix}-add-deadline`} className="button button-secondary button-small" onClick={addRow}>
              {t('grants.addDeadline')}
            </button>
          )}
        </fieldset>
        <div className="form-actions">
          <BusyButton busy={save.isPending} busyText={t('common.saving')}>
            {callId ? t('grants.saveCall') : t('grants.createCall')}
          </BusyButton>
          <Link to={callId ? grantCallPath(callId) : paths.grants} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /bidrag/ny */
export function NewGrantCallPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const navigate = useNavigate();
  return (
    <div className="narrow-wide">
      <p className="breadcrumb">
        <Link to={paths.grants}>{t('grants.backToList')}</Link>
      </p>
      <PageHeading>{t('grants.newTitle')}</PageHeading>
      {canAddCall(user) ? (
        <>
          <p className="lead">{t('grants.newIntro')}</p>
          <CallForm initial={emptyCallValues()} callId={null} onSaved={(call) => navigate(grantCallPath(call.id), { state: { flash: t('grants.created') } })} />
        </>
      ) : (
        <Notice>{t('grants.onlyMembersAdd')}</Notice>
      )}
    </div>
  );
}

/** /bidrag/:id/redigera */
export function EditGrantCallPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useGrantCall(id);
  const detail = query.data;
  const notFound = isApiError(query.error, 404) || isApiError(query.error, 400);
  return (
    <div className="narrow-wide">
      <p className="breadcrumb">
        <Link to={detail ? grantCallPath(id) : paths.grants}>{detail ? detail.call.title : t('grants.backToList')}</Link>
      </p>
      <PageHeading title={detail ? t('grants.editTitleOf', { title: detail.call.title }) : t('grants.editTitle')}>{t('grants.editTitle')}</PageHeading>
      {query.isPending && <Loading />}
      {notFound && <p>{t('grants.notFoundText')}</p>}
      {query.isError && !notFound && <LoadError error={query.error} onRetry={() => query.refetch()} />}
      {detail &&
        (detail.viewer.canEdit ? (
          <CallForm key={detail.call.id} initial={valuesFromCall(detail.call)} callId={detail.call.id} onSaved={(call) => navigate(grantCallPath(call.id), { state: { flash: t('grants.saved') } })} />
        ) : (
          <Notice>{t('grants.onlyEditors')}</Notice>
        ))}
    </div>
  );
}
