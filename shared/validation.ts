import { z } from 'zod';
import { isMessageKey, message, type Locale, type MessageKey } from './messages';

// Building blocks for the feature schemas. Each failure carries a message key (see messages.ts).

/** A missing value reads "required"; a value of the wrong type reads "wrong type". */
export const typeError = (issue: { input?: unknown }): MessageKey =>
  issue.input === undefined ? 'field.required' : 'field.invalidType';

/** The same for a choice among fixed options. */
export const optionError = (issue: { input?: unknown }): MessageKey =>
  issue.input === undefined ? 'field.required' : 'field.invalidOption';

/** Text PostgreSQL can store: no NUL character, no lone UTF-16 surrogate (which JSON allows). */
export const storable = (value: string) => !/\u0000|\p{Cs}/u.test(value);

export const text = (max: number, min = 1) =>
  z
    .string({ error: typeError })
    .trim()
    .min(min, { error: min <= 1 ? 'field.required' : 'field.tooShort' })
    .max(max, { error: 'field.tooLong' })
    .refine(storable, { error: 'field.invalidCharacters' });

export const optionalText = (max: number) =>
  z.string({ error: typeError }).trim().max(max, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' });

export const email = z
  .string({ error: typeError })
  .trim()
  .max(254, { error: 'field.tooLong' })
  .pipe(z.email({ error: 'field.email' }))
  .transform((value) => value.toLowerCase());

export const url = z
  .string({ error: typeError })
  .trim()
  .max(500, { error: 'field.tooLong' })
  .pipe(z.url({ protocol: /^https?$/, error: 'field.url' }))
  // The URL parser lets a NUL or a lone surrogate through in the path; PostgreSQL cannot store them.
  .refine(storable, { error: 'field.invalidCharacters', when: (payload) => !payload.issues.length });

export const phone = z
  .string({ error: typeError })
  .trim()
  .max(30, { error: 'field.tooLong' })
  .regex(/^\+?[0-9 ()-]{5,}$/, { error: 'field.phone' });

export const uuid = z.uuid({ error: (issue) => (issue.input === undefined ? 'field.required' : 'field.uuid') });

/** YYYY-MM-DD. PostgreSQL has no year 0 (1 BC comes before 1 AD), so 0000 is refused here, not by the database. */
export const isoDate = z.iso
  .date({ error: (issue) => (issue.input === undefined ? 'field.required' : 'field.date') })
  .refine((d) => !d.startsWith('0000'), { error: 'field.dateYearZero', when: (payload) => !payload.issues.length });

export const slug = z
  .string({ error: typeError })
  .min(2, { error: 'field.tooShort' })
  .max(80, { error: 'field.tooLong' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'field.slug' });

/** Luhn (mod 10) over the ten digits of a Swedish organisation number. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Accepts "NNNNNN-NNNN" or ten digits; always yields "NNNNNN-NNNN". */
export const orgNumber = z
  .string({ error: typeError })
  .trim()
  .max(20, { error: 'orgNumber.format' })
  .superRefine((value, ctx) => {
    if (!/^\d{6}-?\d{4}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'orgNumber.format' });
    } else if (!luhnValid(value.replace('-', ''))) {
      ctx.addIssue({ code: 'custom', message: 'orgNumber.checksum' });
    }
  })
  .transform((value) => {
    const digits = value.replace('-', '');
    return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  });

export const password = z
  .string({ error: typeError })
  .min(8, { error: 'password.tooShort' })
  .max(128, { error: 'password.tooLong' });

export interface FieldError {
  field: string;
  message: string;
}

type IssueLike = {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  input?: unknown;
  keys?: string[];
  expected?: string;
};

/** Turns zod issues into field errors in the given language. */
export function fieldErrors(issues: readonly IssueLike[], locale: Locale): FieldError[] {
  // Each unknown field is named on its own rather than blamed on the object holding it.
  const split = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys?.length ? issue.keys.map((key) => ({ ...issue, path: [...issue.path, key], keys: [key] })) : [issue],
  );
  const fieldOf = (issue: IssueLike) => issue.path.map(String).join('.') || '(body)';
  // A value of the wrong type gets only that message (zod still measures an array against a string's
  // length limits), and a field never gets the same message twice.
  const wrongType = new Set(split.filter((issue) => issue.code === 'invalid_type').map(fieldOf));
  const errors: FieldError[] = [];
  for (const issue of split) {
    const field = fieldOf(issue);
    if (wrongType.has(field) && issue.code !== 'invalid_type') continue;
    const said = issueMessage(issue, locale);
    if (!errors.some((e) => e.field === field && e.message === said)) errors.push({ field, message: said });
  }
  return errors;
}

function issueMessage(issue: IssueLike, locale: Locale): string {
  const params: Record<string, string | number> = {
    min: issue.minimum !== undefined ? Number(issue.minimum) : '',
    max: issue.maximum !== undefined ? Number(issue.maximum) : '',
    keys: (issue.keys ?? []).join(', '),
  };
  if (isMessageKey(issue.message)) return message(locale, issue.message, params);
  const byCode: Record<string, MessageKey> = {
    invalid_type: issue.input === undefined ? 'field.required' : 'field.invalidType',
    too_small: issue.origin === 'string' ? 'field.tooShort' : 'field.tooSmall',
    too_big: issue.origin === 'string' ? 'field.tooLong' : 'field.tooBig',
    invalid_value: 'field.invalidOption',
    invalid_union: 'field.invalid',
    unrecognized_keys: 'field.unknownField',
    invalid_format: 'field.invalid',
  };
  return message(locale, byCode[issue.code] ?? 'field.invalid', params);
}
