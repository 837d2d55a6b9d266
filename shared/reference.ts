import { z } from 'zod';
import { slug, text, typeError, optionError } from './validation';

// Reference data the coordinator keeps: districts, administrations, target groups, resource kinds.
export const referenceKinds = ['district', 'administration', 'targetGroup', 'resource'] as const;
export const referenceKindSchema = z.enum(referenceKinds, { error: optionError });
export type ReferenceKind = z.infer<typeof referenceKindSchema>;

export const referenceItemSchema = z.object({
  id: z.uuid(),
  kind: referenceKindSchema,
  slug: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;

export const referenceListSchema = z.object({ items: z.array(referenceItemSchema) });
export type ReferenceList = z.infer<typeof referenceListSchema>;

export const referenceCreateSchema = z.strictObject({
  kind: referenceKindSchema,
  slug,
  nameSv: text(120),
  nameEn: text(120),
  sortOrder: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(0, { error: 'field.tooSmall' }).max(10000, { error: 'field.tooBig' }).optional(),
});
export type ReferenceCreate = z.infer<typeof referenceCreateSchema>;

export const referenceUpdateSchema = z.strictObject({
  nameSv: text(120).optional(),
  nameEn: text(120).optional(),
  sortOrder: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(0, { error: 'field.tooSmall' }).max(10000, { error: 'field.tooBig' }).optional(),
  archived: z.boolean({ error: typeError }).optional(),
});
export type ReferenceUpdate = z.infer<typeof referenceUpdateSchema>;
