import { z } from 'zod';
import { systemRoleSchema } from './roles';
import { storable, typeError } from './validation';

// Administrator's view of accounts: who has which system role.
export const userListQuerySchema = z.strictObject({
  q: z.string({ error: typeError }).trim().max(100, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' }).optional(),
});

export const userSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: systemRoleSchema,
  administrationId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;
export const userListSchema = z.object({ items: z.array(userSummarySchema) });

export const userRoleUpdateSchema = z
  .strictObject({
    role: systemRoleSchema,
    administrationId: z.uuid({ error: 'field.uuid' }).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'official' && !value.administrationId) {
      ctx.addIssue({ code: 'custom', path: ['administrationId'], message: 'official.administrationRequired' });
    }
  });
export type UserRoleUpdate = z.infer<typeof userRoleUpdateSchema>;
