import { z } from 'zod';
import { membershipRoleSchema, systemRoleSchema } from './roles';
import { email, password, text, typeError, optionError } from './validation';

export const localeSchema = z.enum(['sv', 'en'], { error: optionError });

export const signupSchema = z.strictObject({
  name: text(120),
  email,
  password,
  locale: localeSchema.optional(),
});
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.strictObject({
  email,
  // Sign-in accepts any length up to the maximum so that old passwords keep working.
  password: z.string({ error: typeError }).min(1, { error: 'field.required' }).max(128, { error: 'password.tooLong' }),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ error: typeError }).min(1, { error: 'field.required' }).max(128, { error: 'password.tooLong' }),
  newPassword: password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const resetRequestSchema = z.strictObject({ email });
export type ResetRequestInput = z.infer<typeof resetRequestSchema>;

export const resetConfirmSchema = z.strictObject({
  token: z.string({ error: typeError }).min(10, { error: 'field.invalid' }).max(200, { error: 'field.invalid' }),
  password,
});
export type ResetConfirmInput = z.infer<typeof resetConfirmSchema>;

export const membershipSummarySchema = z.object({
  organisationId: z.uuid(),
  organisationSlug: z.string(),
  organisationName: z.string(),
  role: membershipRoleSchema,
  status: z.enum(['pending', 'active']),
});
export type MembershipSummary = z.infer<typeof membershipSummarySchema>;

export const currentUserSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: systemRoleSchema,
  administrationId: z.uuid().nullable(),
  locale: localeSchema,
  memberships: z.array(membershipSummarySchema),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const meResponseSchema = z.object({ user: currentUserSchema.nullable() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** Answers that do not reveal whether an e-mail is registered. */
export const acceptedSchema = z.object({ message: z.string() });
export type Accepted = z.infer<typeof acceptedSchema>;
