import { z } from 'zod';
import { isoDate, optionError, optionalText, slug, storable, text, typeError, uuid } from './validation';

// Grant know-how (bidragskunskap): grant calls with deadlines, organisations that know a call and
// can help, organisations asking for help, "partners wanted" posts for joint applications, and
// shared documents. Deadlines are local dates in Europe/Stockholm (the call closes that day).

export const funderKinds = ['cityAdministration', 'foundation', 'state', 'eu', 'other'] as const;
export const funderKindSchema = z.enum(funderKinds, { error: optionError });
export type FunderKind = z.infer<typeof funderKindSchema>;

/** What an organisation's know-how of a call rests on: it applied, or it received the grant. */
export const knowHowStatuses = ['applied', 'received'] as const;
export const knowHowStatusSchema = z.enum(knowHowStatuses, { error: optionError });
export type KnowHowStatus = z.infer<typeof knowHowStatusSchema>;

export const documentCategories = ['template', 'budget', 'example', 'other'] as const;
export const documentCategorySchema = z.enum(documentCategories, { error: optionError });
export type DocumentCategory = z.infer<typeof documentCategorySchema>;

/** File types that may be uploaded, decided from the bytes (see server/features/grants/sniff.ts). */
export const documentFileTypes = {
  pdf: { label: 'PDF', contentType: 'application/pdf', extensions: ['pdf'] },
  docx: { label: 'Word (docx)', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { label: 'Excel (xlsx)', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  odt: { label: 'OpenDocument (odt)', contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { label: 'OpenDocument (ods)', contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  png: { label: 'PNG', contentType: 'image/png', extensions: ['png'] },
  jpeg: { label: 'JPEG', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  text: { label: 'text', contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'csv'] },
} as const;
export type DocumentFileType = keyof typeof documentFileTypes;
export const maxDocumentBytes = 5 * 1024 * 1024;
/** What a file input may offer to pick (the server still checks the contents). */
export const documentAccept = '.pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt,.csv';

const amount = z
  .number({ error: typeError })
  .int({ error: 'field.invalidType' })
  .min(0, { error: 'field.tooSmall' })
  .max(1_000_000_000, { error: 'field.tooBig' });

/** An https:// address (grant calls and shared links point at other sites; plain http is refused). */
export const httpsUrl = z
  .string({ error: typeError })
  .trim()
  .max(500, { error: 'field.tooLong' })
  .pipe(z.url({ protocol: /^https$/, error: 'grants.httpsOnly' }))
  // z.url keeps the text as given, and lets a NUL or a lone surrogate through in the path: PostgreSQL cannot store them (a NUL was a 500).
  .refine(storable, { error: 'field.invalidCharacters', when: (payload) => !payload.issues.length });

/** A local date between 2000 and 2100 (PostgreSQL refuses year 0, and nobody means year 9999). */
export const grantDate = isoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { error: 'grants.dateRange', when: (payload) => !payload.issues.length });

export const deadlineInputSchema = z.strictObject({
  date: grantDate,
  /** E.g. "Steg 1: intresseanmälan". */
  note: optionalText(120).default(''),
});

export const grantCallInputSchema = z
  .strictObject({
    funderKind: funderKindSchema,
    /** Slug of a reference item of kind administration; required for (and only for) cityAdministration. */
    administration: slug.nullish(),
    /** The funder's name; may be left empty for a city administration (its name is shown). */
    funderName: optionalText(160).default(''),
    title: text(200, 3),
    url: httpsUrl,
    amountMin: amount.nullish(),
    amountMax: amount.nullish(),
    /** Who may apply, in the funder's words. */
    eligibility: optionalText(2000).default(''),
    description: optionalText(5000).default(''),
    targetGroups: z.array(slug, { error: typeError }).max(30, { error: 'field.tooBig' }).default([]),
    deadlines: z.array(deadlineInputSchema, { error: typeError }).min(1, { error: 'grants.deadlineRequired' }).max(20, { error: 'field.tooBig' }),
  })
  .superRefine((value, ctx) => {
    if (value.funderKind === 'cityAdministration' && !value.administration) {
      ctx.addIssue({ code: 'custom', path: ['administration'], message: 'grants.administrationRequired' });
    }
    if (value.funderKind !== 'cityAdministration' && value.administration) {
      ctx.addIssue({ code: 'custom', path: ['administration'], message: 'grants.administrationOnlyForCity' });
    }
    if (value.funderKind !== 'cityAdministration' && !value.funderName) {
      ctx.addIssue({ code: 'custom', path: ['funderName'], message: 'field.required' });
    }
    if (value.amountMin != null && value.amountMax != null && value.amountMin > value.amountMax) {
      ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'grants.amountRange' });
    }
    const seen = new Set<string>();
    value.deadlines.forEach((d, i) => {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'date'], message: 'grants.duplicateDeadline' });
      seen.add(d.date);
    });
  });
export type GrantCallInput = z.input<typeof grantCallInputSchema>;
export type GrantCallData = z.output<typeof grantCallInputSchema>;

export const grantCallUpdateSchema = z.strictObject({ archived: z.boolean({ error: typeError }) });

const booleanQuery = z.enum(['true', 'false'], { error: optionError }).transform((v) => v === 'true');

export const grantCallListQuerySchema = z
  .strictObject({
    q: z.string({ error: typeError }).trim().max(100, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' }).optional(),
    funderKind: funderKindSchema.optional(),
    targetGroup: slug.optional(),
    /** Only calls with a deadline on or after / on or before this local date. */
    deadlineFrom: grantDate.optional(),
    deadlineTo: grantDate.optional(),
    /** Also calls whose deadlines have all passed (listed after the open ones). */
    includePast: booleanQuery.default(false),
    /** Only calls the signed-in person follows (for a visitor: none). */
    following: booleanQuery.default(false),
    page: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10_000, { error: 'field.tooBig' }).default(1),
    pageSize: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(100, { error: 'field.tooBig' }).default(20),
  })
  .refine((q) => !q.deadlineFrom || !q.deadlineTo || q.deadlineFrom <= q.deadlineTo, { path: ['deadlineTo'], error: 'field.dateOrder' });
export type GrantCallListQuery = z.input<typeof grantCallListQuerySchema>;

const organisationRef = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
const referenceRef = z.object({ slug: z.string(), nameSv: z.string(), nameEn: z.string() });

export const deadlineSchema = z.object({ id: z.uuid(), date: z.string(), note: z.string(), past: z.boolean() });

/** A call as everyone sees it (also the data of live events: no per-viewer fields). */
export const grantCallSchema = z.object({
  id: z.uuid(),
  funderKind: funderKindSchema,
  administration: referenceRef.nullable(),
  funderName: z.string(),
  title: z.string(),
  url: z.string(),
  amountMin: z.number().int().nullable(),
  amountMax: z.number().int().nullable(),
  eligibility: z.string(),
  description: z.string(),
  targetGroups: z.array(referenceRef),
  deadlines: z.array(deadlineSchema),
  /** The next deadline today or later (Europe/Stockholm), or null when all have passed. */
  nextDeadline: z.string().nullable(),
  createdById: z.uuid().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GrantCall = z.infer<typeof grantCallSchema>;

export const grantCallSummarySchema = grantCallSchema.extend({
  knowHowCount: z.number().int(),
  openHelpRequestCount: z.number().int(),
  following: z.boolean(),
});
export type GrantCallSummary = z.infer<typeof grantCallSummarySchema>;

export const grantCallListSchema = z.object({
  items: z.array(grantCallSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Subscribe to room `grants` with since: cursor to hear of changes. */
  cursor: z.number().int(),
});
export type GrantCallList = z.infer<typeof grantCallListSchema>;

export const grantDocumentSchema = z.object({
  id: z.uuid(),
  callId: z.uuid().nullable(),
  knowHowId: z.uuid().nullable(),
  title: z.string(),
  category: documentCategorySchema,
  kind: z.enum(['link', 'file']),
  /** For links. */
  url: z.string().nullable(),
  /** For files: the name, checked type and size, and where to download it. */
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  downloadUrl: z.string().nullable(),
  uploadedById: z.uuid().nullable(),
  createdAt: z.string(),
});
export type GrantDocument = z.infer<typeof grantDocumentSchema>;

export const knowHowSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  organisation: organisationRef,
  status: knowHowStatusSchema,
  /** The year they applied or received it, if given. */
  year: z.number().int().nullable(),
  description: z.string(),
  documents: z.array(grantDocumentSchema),
  createdById: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowHow = z.infer<typeof knowHowSchema>;

export const helpRequestSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  organisation: organisationRef,
  text: z.string(),
  open: z.boolean(),
  createdById: z.uuid().nullable(),
  createdAt: z.string(),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

export const partnerPostSchema = z.object({
  id: z.uuid(),
  organisation: organisationRef,
  call: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  title: z.string(),
  text: z.string(),
  open: z.boolean(),
  createdById: z.uuid().nullable(),
  createdAt: z.string(),
});
export type PartnerPost = z.infer<typeof partnerPostSchema>;

export const grantCallDetailSchema = z.object({
  call: grantCallSchema,
  /** Organisations that applied for or received this call and can help. */
  knowHow: z.array(knowHowSchema),
  /** Open requests for help with this call. */
  helpRequests: z.array(helpRequestSchema),
  /** Open "partners wanted" posts about this call. */
  partnerPosts: z.array(partnerPostSchema),
  /** Documents attached to the call itself (know-how documents sit with their know-how). */
  documents: z.array(grantDocumentSchema),
  viewer: z.object({
    following: z.boolean(),
    canEdit: z.boolean(),
    canAddDocuments: z.boolean(),
    /** Organisations the viewer may speak for here (offer know-how, ask for help). */
    organisationIds: z.array(z.uuid()),
  }),
  /** Subscribe to room grant:<id> with since: cursor. */
  cursor: z.number().int(),
});
export type GrantCallDetail = z.infer<typeof grantCallDetailSchema>;

export const knowHowInputSchema = z.strictObject({
  organisationId: uuid,
  status: knowHowStatusSchema,
  year: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(2000, { error: 'field.tooSmall' }).max(2100, { error: 'field.tooBig' }).nullish(),
  description: text(1000, 10),
});
export type KnowHowInput = z.input<typeof knowHowInputSchema>;

export const knowHowUpdateSchema = z.strictObject({
  status: knowHowStatusSchema.optional(),
  year: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(2000, { error: 'field.tooSmall' }).max(2100, { error: 'field.tooBig' }).nullish(),
  description: text(1000, 10).optional(),
});

export const helpRequestInputSchema = z.strictObject({
  organisationId: uuid,
  text: text(2000, 10),
});
export const helpRequestUpdateSchema = z.strictObject({
  text: text(2000, 10).optional(),
  open: z.boolean({ error: typeError }).optional(),
});

export const partnerPostInputSchema = z.strictObject({
  organisationId: uuid,
  callId: uuid.nullish(),
  title: text(200, 3),
  text: text(3000, 10),
});
export const partnerPostUpdateSchema = z.strictObject({
  title: text(200, 3).optional(),
  text: text(3000, 10).optional(),
  open: z.boolean({ error: typeError }).optional(),
});
export const partnerListQuerySchema = z.strictObject({
  /** Also closed posts. */
  all: booleanQuery.default(false),
  callId: uuid.optional(),
});
export const partnerPostListSchema = z.object({ items: z.array(partnerPostSchema) });

export const linkDocumentInputSchema = z.strictObject({
  title: text(200, 2),
  category: documentCategorySchema.default('other'),
  url: httpsUrl,
});
export type LinkDocumentInput = z.input<typeof linkDocumentInputSchema>;

/** The text fields of a multipart upload (the part named `file` carries the bytes). */
export const uploadFieldsSchema = z.strictObject({
  /** Default: the file's name without its extension. */
  title: optionalText(200).optional(),
  category: documentCategorySchema.default('other'),
});

export const organisationKnowHowSchema = z.object({
  organisation: organisationRef,
  knowHow: z.array(knowHowSchema.extend({ call: z.object({ id: z.uuid(), title: z.string(), nextDeadline: z.string().nullable(), archived: z.boolean() }) })),
  helpRequests: z.array(helpRequestSchema.extend({ call: z.object({ id: z.uuid(), title: z.string(), nextDeadline: z.string().nullable(), archived: z.boolean() }) })),
  partnerPosts: z.array(partnerPostSchema),
});
export type OrganisationKnowHow = z.infer<typeof organisationKnowHowSchema>;

export const grantRoom = (callId: string) => `grant:${callId}`;
/** The list of calls: `grants.changed` when one is added, changed or archived. */
export const grantsRoom = 'grants';
