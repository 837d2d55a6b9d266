import { z } from 'zod';
import { membershipRoleSchema } from './roles';
import { email, isoDate, optionalText, orgNumber, phone, slug, storable, text, typeError, url, optionError } from './validation';

export const legalForms = ['nonProfitAssociation', 'foundation', 'economicAssociation', 'religiousCommunity', 'svbCompany'] as const;
export const legalFormSchema = z.enum(legalForms, { error: optionError });
export type LegalForm = z.infer<typeof legalFormSchema>;

/** How many people are active in the organisation (members, volunteers and staff). */
export const sizeClasses = ['under10', 'from10to49', 'from50to249', 'from250'] as const;
export const sizeClassSchema = z.enum(sizeClasses, { error: optionError });
export type SizeClass = z.infer<typeof sizeClassSchema>;

const slugList = z.array(slug, { error: typeError }).max(50, { error: 'field.tooBig' });
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

export const organisationInputSchema = z
  .strictObject({
    name: text(160, 2),
    orgNumber,
    legalForm: legalFormSchema,
    description: optionalText(5000).default(''),
    website: optional(url),
    email: optional(email),
    phone: optional(phone),
    sizeClass: sizeClassSchema,
    signedAgreement: z.boolean({ error: typeError }),
    signedAt: optional(isoDate),
    districts: slugList.default([]),
    targetGroups: slugList.default([]),
    administrations: slugList.default([]),
    resources: slugList.default([]),
    resourceDescription: optionalText(2000).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.signedAt && !value.signedAgreement) {
      ctx.addIssue({ code: 'custom', path: ['signedAt'], message: 'signedAt.requiresSigned' });
    }
  });
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export type OrganisationData = z.output<typeof organisationInputSchema>;

const booleanQuery = z.enum(['true', 'false'], { error: optionError }).transform((v) => v === 'true');

export const organisationListQuerySchema = z.strictObject({
  q: z.string({ error: typeError }).trim().max(100, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' }).optional(),
  district: slug.optional(),
  targetGroup: slug.optional(),
  administration: slug.optional(),
  resource: slug.optional(),
  legalForm: legalFormSchema.optional(),
  signed: booleanQuery.optional(),
  page: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10000, { error: 'field.tooBig' }).default(1),
  pageSize: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(100, { error: 'field.tooBig' }).default(20),
});
export type OrganisationListQuery = z.input<typeof organisationListQuerySchema>;

export const organisationSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  legalForm: legalFormSchema,
  sizeClass: sizeClassSchema,
  signedAgreement: z.boolean(),
  excerpt: z.string(),
  districts: z.array(z.string()),
  targetGroups: z.array(z.string()),
  resources: z.array(z.string()),
});
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;

export const organisationListSchema = z.object({
  items: z.array(organisationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OrganisationList = z.infer<typeof organisationListSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  // Personal details are shown to signed-in people only.
  email: z.string().nullable(),
  phone: z.string().nullable(),
  lastConfirmedAt: z.string(),
  needsConfirmation: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactInputSchema = z.strictObject({
  name: text(120),
  title: optionalText(120).default(''),
  email: optional(email),
  phone: optional(phone),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactData = z.output<typeof contactInputSchema>;

export const organisationDetailSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  orgNumber: z.string(),
  legalForm: legalFormSchema,
  description: z.string(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  sizeClass: sizeClassSchema,
  signedAgreement: z.boolean(),
  signedAt: z.string().nullable(),
  districts: z.array(z.string()),
  targetGroups: z.array(z.string()),
  administrations: z.array(z.string()),
  resources: z.array(z.string()),
  resourceDescription: z.string(),
  contacts: z.array(contactSchema),
  updatedAt: z.string(),
  viewer: z.object({
    canEdit: z.boolean(),
    canManageMembers: z.boolean(),
    membership: z.object({ role: membershipRoleSchema, status: z.enum(['pending', 'active']) }).nullable(),
  }),
});
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;

export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: membershipRoleSchema,
  status: z.enum(['pending', 'active']),
  requestedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.object({ items: z.array(memberSchema) });

export const memberUpdateSchema = z.strictObject({ role: membershipRoleSchema });

export const countSchema = z.object({ slug: z.string(), count: z.number().int() });
export const overviewSchema = z.object({
  total: z.number().int(),
  signed: z.number().int(),
  byDistrict: z.array(countSchema),
  byTargetGroup: z.array(countSchema),
  byResource: z.array(countSchema),
  byLegalForm: z.array(countSchema),
});
export type Overview = z.infer<typeof overviewSchema>;
