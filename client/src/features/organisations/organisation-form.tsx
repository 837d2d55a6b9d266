import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { organisationInputSchema, type LegalForm, type OrganisationData, type OrganisationDetail, type SizeClass } from '../../../../shared/organisations';
import type { ReferenceKind } from '../../../../shared/reference';
import { useI18n } from '../../i18n/use-i18n';
import { useReference } from '../../lib/reference-data';
import {
  BusyButton,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  LiveStatus,
  SelectField,
  TextAreaField,
  TextField,
  problemFromError,
  problemFromIssues,
  useFormValues,
  type FormProblem,
} from '../../lib/ui/form';
import { legalFormOptions, sizeClassOptions } from './labels';

export interface OrganisationFormValues {
  name: string;
  orgNumber: string;
  legalForm: LegalForm | '';
  description: string;
  website: string;
  email: string;
  phone: string;
  sizeClass: SizeClass | '';
  signedAgreement: boolean;
  signedAt: string;
  districts: string[];
  targetGroups: string[];
  administrations: string[];
  resources: string[];
  resourceDescription: string;
}

export function emptyOrganisationValues(): OrganisationFormValues {
  return {
    name: '',
    orgNumber: '',
    legalForm: '',
    description: '',
    website: '',
    email: '',
    phone: '',
    sizeClass: '',
    signedAgreement: false,
    signedAt: '',
    districts: [],
    targetGroups: [],
    administrations: [],
    resources: [],
    resourceDescription: '',
  };
}

export function valuesFromDetail(detail: OrganisationDetail): OrganisationFormValues {
  return {
    name: detail.name,
    orgNumber: detail.orgNumber,
    legalForm: detail.legalForm,
    description: detail.description,
    website: detail.website ?? '',
    email: detail.email ?? '',
    phone: detail.phone ?? '',
    sizeClass: detail.sizeClass,
    signedAgreement: detail.signedAgreement,
    signedAt: detail.signedAt?.slice(0, 10) ?? '',
    districts: detail.districts,
    targetGroups: detail.targetGroups,
    administrations: detail.administrations,
    resources: detail.resources,
    resourceDescription: detail.resourceDescription,
  };
}

const idPrefix = 'organisation';

/** The profile form, shared by "register" and "edit". Validated with the API's own schema first. */
export function OrganisationForm({
  initial,
  submitText,
  busy,
  onSubmit,
  cancelTo,
}: {
  initial: OrganisationFormValues;
  submitText: string;
  busy: boolean;
  onSubmit(data: OrganisationData, fail: (error: unknown) => void): void;
  cancelTo: string;
}) {
  const { t, locale } = useI18n();
  const reference = useReference();
  const [values, set] = useFormValues(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const optional = t('form.optional');

  const labels: Record<string, string> = {
    name: t('organisation.name'),
    orgNumber: t('organisation.orgNumber'),
    legalForm: t('organisation.legalForm'),
    description: t('organisation.description'),
    website: t('organisation.website'),
    email: t('organisation.email'),
    phone: t('organisation.phone'),
    sizeClass: t('organisation.sizeClass'),
    signedAgreement: t('organisation.signedAgreementQuestion'),
    signedAt: t('organisation.signedAt'),
    districts: t('organisation.districts'),
    targetGroups: t('organisation.targetGroups'),
    administrations: t('organisation.administrations'),
    resources: t('organisation.resources'),
    resourceDescription: t('organisation.resourceDescription'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = organisationInputSchema.safeParse({
      ...values,
      legalForm: values.legalForm || undefined,
      sizeClass: values.sizeClass || undefined,
      signedAt: values.signedAgreement ? values.signedAt : '',
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error.issues, locale, t));
      return;
    }
    setProblem(null);
    onSubmit(parsed.data, (error) => setProblem(problemFromError(error, t)));
  };

  const group = (kind: ReferenceKind, name: 'districts' | 'targetGroups' | 'administrations' | 'resources', hint?: string) => (
    <CheckboxGroup
      idPrefix={idPrefix}
      name={name}
      legend={labels[name]}
      optionalText={optional}
      hint={hint}
      value={values[name]}
      onValueChange={set(name)}
      error={problem?.fields[name]}
      options={reference.choices(kind, values[name]).map((item) => ({
        value: item.slug,
        label: reference.name(kind, item.slug) + (item.archived ? ` (${t('reference.archived')})` : ''),
      }))}
    />
  );

  return (
    <>
      <ErrorSummary problem={problem} idPrefix={idPrefix} labels={labels} />
      <form noValidate onSubmit={submit} className="form organisation-form">
        <fieldset className="form-section">
          <legend>{t('organisationForm.basics')}</legend>
          <TextField idPrefix={idPrefix} name="name" required autoComplete="organization" label={labels.name} value={values.name} onValueChange={set('name')} error={problem?.fields.name} />
          <TextField
            idPrefix={idPrefix}
            name="orgNumber"
            required
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            label={labels.orgNumber}
            hint={t('organisationForm.orgNumberHint')}
            value={values.orgNumber}
            onValueChange={set('orgNumber')}
            error={problem?.fields.orgNumber}
          />
          <SelectField
            idPrefix={idPrefix}
            name="legalForm"
            label={labels.legalForm}
            placeholder={t('organisationForm.choose')}
            options={legalFormOptions(t)}
            value={values.legalForm}
            onValueChange={(value) => set('legalForm')(value as LegalForm | '')}
            error={problem?.fields.legalForm}
          />
          <SelectField
            idPrefix={idPrefix}
            name="sizeClass"
            label={labels.sizeClass}
            hint={t('organisationForm.sizeHint')}
            placeholder={t('organisationForm.choose')}
            options={sizeClassOptions(t)}
            value={values.sizeClass}
            onValueChange={(value) => set('sizeClass')(value as SizeClass | '')}
            error={problem?.fields.sizeClass}
          />
          <TextAreaField
            idPrefix={idPrefix}
            name="description"
            rows={6}
            label={labels.description}
            optionalText={optional}
            hint={t('organisationForm.descriptionHint')}
            value={values.description}
            onValueChange={set('description')}
            error={problem?.fields.description}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('organisationForm.contact')}</legend>
          <TextField
            idPrefix={idPrefix}
            name="website"
            type="url"
            autoComplete="url"
            spellCheck={false}
            label={labels.website}
            optionalText={optional}
            hint={t('organisationForm.websiteHint')}
            value={values.website}
            onValueChange={set('website')}
            error={problem?.fields.website}
          />
          <TextField idPrefix={idPrefix} name="email" type="email" autoComplete="email" spellCheck={false} label={labels.email} optionalText={optional} value={values.email} onValueChange={set('email')} error={problem?.fields.email} />
          <TextField idPrefix={idPrefix} name="phone" type="tel" autoComplete="tel" label={labels.phone} optionalText={optional} value={values.phone} onValueChange={set('phone')} error={problem?.fields.phone} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('organisationForm.agreement')}</legend>
          <CheckboxField
            idPrefix={idPrefix}
            name="signedAgreement"
            label={labels.signedAgreement}
            hint={t('organisationForm.agreementHint')}
            checked={values.signedAgreement}
            onCheckedChange={set('signedAgreement')}
            error={problem?.fields.signedAgreement}
          />
          {values.signedAgreement && (
            <TextField
              idPrefix={idPrefix}
              name="signedAt"
              type="date"
              className="input-short"
              label={labels.signedAt}
              optionalText={optional}
              hint={t('organisationForm.signedAtHint')}
              value={values.signedAt}
              onValueChange={set('signedAt')}
              error={problem?.fields.signedAt}
            />
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('organisationForm.work')}</legend>
          {group('district', 'districts', t('organisationForm.districtsHint'))}
          {group('targetGroup', 'targetGroups')}
          {group('administration', 'administrations', t('organisationForm.administrationsHint'))}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('organisationForm.resourcesSection')}</legend>
          {group('resource', 'resources', t('organisationForm.resourcesHint'))}
          <TextAreaField
            idPrefix={idPrefix}
            name="resourceDescription"
            rows={4}
            label={labels.resourceDescription}
            optionalText={optional}
            hint={t('organisationForm.resourceDescriptionHint')}
            value={values.resourceDescription}
            onValueChange={set('resourceDescription')}
            error={problem?.fields.resourceDescription}
          />
        </fieldset>

        <div className="form-actions">
          <BusyButton busy={busy} busyText={t('common.saving')}>
            {submitText}
          </BusyButton>
          <Link to={cancelTo} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
        <LiveStatus hidden message={busy ? t('common.saving') : null} />
      </form>
    </>
  );
}
