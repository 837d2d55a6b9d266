import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { premisesInputSchema, type Premises, type PremisesData } from '../../../../shared/premises';
import { fieldErrors } from '../../../../shared/validation';
import { useI18n } from '../../i18n/use-i18n';
import { announce } from '../../lib/announcer';
import { ApiError } from '../../lib/api';
import { useReference } from '../../lib/reference-data';
import {
  BusyButton,
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  problemFromError,
  problemFromIssues,
  useFormValues,
  type FormProblem,
} from '../../lib/ui/form';
import { costOptions, typeOptions, weekdayName, type OrganisationChoice } from './labels';
import { accessibilityFilters } from './search-query';
import { TimeSelect } from './time-select';

const idPrefix = 'premises';

interface HoursRow {
  key: number;
  weekday: number;
  opens: string;
  closes: string;
}

interface ClosedRow {
  key: number;
  date: string;
  note: string;
}

export interface PremisesFormValues {
  organisationId: string;
  name: string;
  type: string;
  address: string;
  district: string;
  capacity: string;
  stepFreeAccess: boolean;
  hearingLoop: boolean;
  accessibleToilet: boolean;
  equipment: string;
  houseRules: string;
  costType: string;
  costDescription: string;
  approver: string;
  description: string;
  openingHours: HoursRow[];
  closedDates: ClosedRow[];
}

let nextKey = 1;
const key = () => nextKey++;

export function emptyPremisesValues(organisationId: string): PremisesFormValues {
  return {
    organisationId,
    name: '',
    type: '',
    address: '',
    district: '',
    capacity: '',
    stepFreeAccess: false,
    hearingLoop: false,
    accessibleToilet: false,
    equipment: '',
    houseRules: '',
    costType: 'free',
    costDescription: '',
    approver: '',
    description: '',
    // A sensible start: weekday evenings; the owner changes them.
    openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ key: key(), weekday, opens: '08:00', closes: '21:00' })),
    closedDates: [],
  };
}

export function valuesFromPremises(p: Premises): PremisesFormValues {
  return {
    organisationId: p.organisation.id,
    name: p.name,
    type: p.type,
    address: p.address,
    district: p.district.slug,
    capacity: String(p.capacity),
    stepFreeAccess: p.stepFreeAccess,
    hearingLoop: p.hearingLoop,
    accessibleToilet: p.accessibleToilet,
    equipment: p.equipment,
    houseRules: p.houseRules,
    costType: p.costType,
    costDescription: p.costDescription,
    approver: p.approver,
    description: p.description,
    openingHours: p.openingHours.map((h) => ({ key: key(), ...h })),
    closedDates: p.closedDates.map((c) => ({ key: key(), ...c })),
  };
}

/** Messages by their full path ("openingHours.2.closes"), to show beside one row of a list. */
function detailedErrors(source: { issues?: Parameters<typeof fieldErrors>[0]; error?: unknown }, locale: 'sv' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  if (source.issues) for (const e of fieldErrors(source.issues, locale)) out[e.field] ??= e.message;
  if (source.error instanceof ApiError) for (const e of source.error.problem.errors ?? []) out[e.field] ??= e.message;
  return out;
}

/** The listing form for "new" and "edit": every field, opening hours per weekday, closed dates. */
export function PremisesForm({
  initial,
  organisations,
  fixedOrganisation,
  submitText,
  busy,
  cancelTo,
  onSubmit,
}: {
  initial: PremisesFormValues;
  organisations: OrganisationChoice[];
  fixedOrganisation?: string;
  submitText: string;
  busy: boolean;
  cancelTo: string;
  onSubmit(data: PremisesData, fail: (error: unknown) => void): void;
}) {
  const { t, locale } = useI18n();
  const reference = useReference();
  const [values, set, setValues] = useFormValues(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [details, setDetails] = useState<Record<string, string>>({});
  const optional = t('form.optional');

  const labels: Record<string, string> = {
    organisationId: t('premisesForm.organisation'),
    name: t('premisesForm.name'),
    type: t('premises.typeLabel'),
    address: t('premises.address'),
    district: t('premises.district'),
    capacity: t('premisesForm.capacity'),
    equipment: t('premises.equipment'),
    houseRules: t('premises.houseRules'),
    costType: t('premises.cost'),
    costDescription: t('premisesForm.costDescription'),
    approver: t('premises.approver'),
    description: t('premisesForm.description'),
    openingHours: t('premises.openingHours'),
    closedDates: t('premises.closedDates'),
  };

  // The rows as sent: their index in these arrays is the index in the error paths.
  const sentHours = values.openingHours;
  const sentClosed = values.closedDates;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = premisesInputSchema.safeParse({
      organisationId: values.organisationId,
      name: values.name,
      type: values.type || undefined,
      address: values.address,
      district: values.district || undefined,
      capacity: values.capacity.trim() ? Number(values.capacity) : undefined,
      stepFreeAccess: values.stepFreeAccess,
      hearingLoop: values.hearingLoop,
      accessibleToilet: values.accessibleToilet,
      equipment: values.equipment,
      houseRules: values.houseRules,
      costType: values.costType || undefined,
      costDescription: values.costDescription,
      approver: values.approver,
      description: values.description,
      openingHours: sentHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
      closedDates: sentClosed.map(({ date, note }) => ({ date, note })),
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      setDetails(detailedErrors({ issues: parsed.error.issues }, locale));
      return;
    }
    setProblem(null);
    setDetails({});
    onSubmit(parsed.data, (error) => {
      setProblem(problemFromError(error, t));
      setDetails(detailedErrors({ error }, locale));
    });
  };

  const hourError = (row: HoursRow, field: 'opens' | 'closes' | 'weekday') => details[`openingHours.${sentHours.indexOf(row)}.${field}`];
  const closedError = (row: ClosedRow, field: 'date' | 'note') => details[`closedDates.${sentClosed.indexOf(row)}.${field}`];

  const addHours = (weekday: number) => {
    const last = values.openingHours.filter((h) => h.weekday === weekday).at(-1);
    const row = { key: key(), weekday, opens: last ? last.closes : '08:00', closes: last ? '23:00' : '21:00' };
    setValues((v) => ({ ...v, openingHours: [...v.openingHours, row].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)) }));
    announce(t('premisesForm.hoursAdded', { day: weekdayName(locale, weekday) }));
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-hours-${row.key}-opens`)?.focus());
  };
  const removeHours = (row: HoursRow) => {
    setValues((v) => ({ ...v, openingHours: v.openingHours.filter((h) => h.key !== row.key) }));
    announce(t('premisesForm.hoursRemoved', { day: weekdayName(locale, row.weekday) }));
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-day-${row.weekday}-add`)?.focus());
  };
  const changeHours = (row: HoursRow, field: 'opens' | 'closes', value: string) =>
    setValues((v) => ({ ...v, openingHours: v.openingHours.map((h) => (h.key === row.key ? { ...h, [field]: value } : h)) }));
  const copyMondayToWeekdays = () => {
    const monday = values.openingHours.filter((h) => h.weekday === 1);
    setValues((v) => ({
      ...v,
      openingHours: [...v.openingHours.filter((h) => h.weekday > 5), ...[1, 2, 3, 4, 5].flatMap((weekday) => monday.map((h) => ({ key: key(), weekday, opens: h.opens, closes: h.closes })))].sort(
        (a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens),
      ),
    }));
    announce(t('premisesForm.copied'));
  };

  const addClosed = () => {
    const row = { key: key(), date: '', note: '' };
    setValues((v) => ({ ...v, closedDates: [...v.closedDates, row] }));
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-closed-${row.key}-date`)?.focus());
  };
  const removeClosed = (row: ClosedRow) => {
    setValues((v) => ({ ...v, closedDates: v.closedDates.filter((c) => c.key !== row.key) }));
    announce(t('premisesForm.closedRemoved'));
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-closed-add`)?.focus());
  };
  const changeClosed = (row: ClosedRow, field: 'date' | 'note', value: string) =>
    setValues((v) => ({ ...v, closedDates: v.closedDates.map((c) => (c.key === row.key ? { ...c, [field]: value } : c)) }));

  return (
    <>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form premises-form">
        <fieldset className="form-section">
          <legend>{t('premisesForm.basics')}</legend>
          {fixedOrganisation ? (
            <p>{t('premisesForm.owner', { name: fixedOrganisation })}</p>
          ) : (
            <SelectField
              idPrefix={idPrefix}
              name="organisationId"
              label={labels.organisationId}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              value={values.organisationId}
              onValueChange={set('organisationId')}
              error={problem?.fields.organisationId}
            />
          )}
          <TextField idPrefix={idPrefix} name="name" label={labels.name} hint={t('premisesForm.nameHint')} value={values.name} onValueChange={set('name')} error={problem?.fields.name} />
          <SelectField idPrefix={idPrefix} name="type" label={labels.type} placeholder={t('organisationForm.choose')} options={typeOptions(t)} value={values.type} onValueChange={set('type')} error={problem?.fields.type} />
          <TextField idPrefix={idPrefix} name="address" autoComplete="street-address" label={labels.address} value={values.address} onValueChange={set('address')} error={problem?.fields.address} />
          <SelectField
            idPrefix={idPrefix}
            name="district"
            label={labels.district}
            placeholder={t('organisationForm.choose')}
            options={reference.choices('district', [values.district]).map((item) => ({ value: item.slug, label: reference.name('district', item.slug) }))}
            value={values.district}
            onValueChange={set('district')}
            error={problem?.fields.district}
          />
          <TextField
            idPrefix={idPrefix}
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            className="input-short"
            label={labels.capacity}
            value={values.capacity}
            onValueChange={set('capacity')}
            error={problem?.fields.capacity}
          />
          <TextAreaField idPrefix={idPrefix} name="description" rows={4} label={labels.description} optionalText={optional} value={values.description} onValueChange={set('description')} error={problem?.fields.description} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('premises.accessibility')}</legend>
          {accessibilityFilters.map((name) => (
            <CheckboxField key={name} idPrefix={idPrefix} name={name} label={t(`premises.${name}`)} checked={values[name]} onCheckedChange={set(name)} error={problem?.fields[name]} />
          ))}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('premisesForm.useSection')}</legend>
          <TextAreaField idPrefix={idPrefix} name="equipment" rows={3} label={labels.equipment} optionalText={optional} hint={t('premisesForm.equipmentHint')} value={values.equipment} onValueChange={set('equipment')} error={problem?.fields.equipment} />
          <TextAreaField idPrefix={idPrefix} name="houseRules" rows={4} label={labels.houseRules} optionalText={optional} value={values.houseRules} onValueChange={set('houseRules')} error={problem?.fields.houseRules} />
          <SelectField idPrefix={idPrefix} name="costType" label={labels.costType} options={costOptions(t)} value={values.costType} onValueChange={set('costType')} error={problem?.fields.costType} />
          <TextField idPrefix={idPrefix} name="costDescription" label={labels.costDescription} optionalText={optional} hint={t('premisesForm.costHint')} value={values.costDescription} onValueChange={set('costDescription')} error={problem?.fields.costDescription} />
          <TextField idPrefix={idPrefix} name="approver" label={labels.approver} optionalText={optional} hint={t('premisesForm.approverHint')} value={values.approver} onValueChange={set('approver')} error={problem?.fields.approver} />
        </fieldset>

        <fieldset id={`${idPrefix}-openingHours`} className={problem?.fields.openingHours ? 'form-section field-has-error' : 'form-section'} tabIndex={-1} aria-describedby={`${idPrefix}-openingHours-hint`}>
          <legend>{labels.openingHours}</legend>
          <p id={`${idPrefix}-openingHours-hint`} className="field-hint">
            {t('premisesForm.hoursHint')}
          </p>
          {problem?.fields.openingHours && !Object.keys(details).some((k) => k.startsWith('openingHours.')) && <p className="field-error">{problem.fields.openingHours}</p>}
          <p>
            <button type="button" className="button button-secondary button-small" onClick={copyMondayToWeekdays}>
              {t('premisesForm.copyMonday')}
            </button>
          </p>
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
            const day = weekdayName(locale, weekday);
            const rows = values.openingHours.filter((h) => h.weekday === weekday);
            return (
              <fieldset key={weekday} className="fieldset hours-day">
                <legend className="field-label">{day}</legend>
                {rows.length === 0 && <p className="muted">{t('calendar.closed')}</p>}
                {rows.map((row) => (
                  <div key={row.key} className="hours-row">
                    <TimeSelect
                      idPrefix={`${idPrefix}-hours-${row.key}`}
                      name="opens"
                      label={t('premisesForm.opens')}
                      value={row.opens}
                      onValueChange={(v) => changeHours(row, 'opens', v)}
                      error={hourError(row, 'opens') ?? hourError(row, 'weekday')}
                    />
                    <TimeSelect idPrefix={`${idPrefix}-hours-${row.key}`} name="closes" label={t('premisesForm.closes')} value={row.closes} onValueChange={(v) => changeHours(row, 'closes', v)} error={hourError(row, 'closes')} />
                    <button type="button" className="button button-secondary button-small" onClick={() => removeHours(row)}>
                      {t('premisesForm.removeHours')}
                      <span className="visually-hidden">
                        {' '}
                        {day} {row.opens}–{row.closes}
                      </span>
                    </button>
                  </div>
                ))}
                <button type="button" id={`${idPrefix}-day-${weekday}-add`} className="button button-link" onClick={() => addHours(weekday)}>
                  {t('premisesForm.addHours')}
                  <span className="visually-hidden"> {day}</span>
                </button>
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset id={`${idPrefix}-closedDates`} className={problem?.fields.closedDates ? 'form-section field-has-error' : 'form-section'} tabIndex={-1}>
          <legend>{labels.closedDates}</legend>
          <p className="field-hint">{t('premisesForm.closedHint')}</p>
          {problem?.fields.closedDates && !Object.keys(details).some((k) => k.startsWith('closedDates.')) && <p className="field-error">{problem.fields.closedDates}</p>}
          {values.closedDates.map((row, index) => (
            <div key={row.key} className="closed-row">
              <TextField idPrefix={`${idPrefix}-closed-${row.key}`} name="date" type="date" className="input-short" label={t('premisesForm.closedDate', { n: index + 1 })} value={row.date} onValueChange={(v) => changeClosed(row, 'date', v)} error={closedError(row, 'date')} />
              <TextField idPrefix={`${idPrefix}-closed-${row.key}`} name="note" label={t('premisesForm.closedNote', { n: index + 1 })} optionalText={optional} value={row.note} onValueChange={(v) => changeClosed(row, 'note', v)} error={closedError(row, 'note')} />
              <button type="button" className="button button-secondary button-small" onClick={() => removeClosed(row)}>
                {t('premisesForm.removeClosed')}
                <span className="visually-hidden"> {t('premisesForm.closedDate', { n: index + 1 })}</span>
              </button>
            </div>
          ))}
          <button type="button" id={`${idPrefix}-closed-add`} className="button button-secondary" onClick={addClosed}>
            {t('premisesForm.addClosed')}
          </button>
        </fieldset>

        <div className="form-actions">
          <BusyButton busy={busy} busyText={t('common.saving')}>
            {submitText}
          </BusyButton>
          <Link to={cancelTo} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
