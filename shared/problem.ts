import { z } from 'zod';

/** RFC 9457 problem details, with field-level errors in the user's language. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** Booking clashes: the local dates and times that cannot be booked, and why. */
  conflicts: z
    .array(z.object({ date: z.string(), start: z.string(), end: z.string(), reason: z.enum(['booked', 'closed', 'outsideHours', 'past']) }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;
