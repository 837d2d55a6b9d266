import { z } from 'zod';
import { isoDate, optionError, optionalText, slug, storable, text, typeError, uuid } from './validation';

// Premises (lokaler) that organisations lend each other, and bookings of them. Times are
// Europe/Stockholm wall-clock: a request names a local date and local start/end times, so that a
// weekly series keeps its local time across daylight-saving changes.

export const premisesTypes = ['meetingRoom', 'hall', 'office', 'kitchen', 'workshop', 'outdoor'] as const;
export const premisesTypeSchema = z.enum(premisesTypes, { error: optionError });
export type PremisesType = z.infer<typeof premisesTypeSchema>;

export const costTypes = ['free', 'fee', 'costSharing'] as const;
export const costTypeSchema = z.enum(costTypes, { error: optionError });

export const bookingStatuses = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: Monday = 1

/** "HH:MM", 00:00–24:00, any minute (the booking form offers quarter hours). */
const localTimePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const localTime = z.string({ error: typeError }).regex(localTimePattern, { error: 'field.time' });
/** `a` is before `b`, or one of them is no time at all (then that field has its own error). */
const inOrder = (a: unknown, b: unknown) => typeof a !== 'string' || typeof b !== 'string' || !localTimePattern.test(a) || !localTimePattern.test(b) || a < b;

/** A local date PostgreSQL and JavaScript both handle (no year 0, no series into year 10000). */
export const premisesDate = isoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { error: 'premises.dateRange', when: (payload) => !payload.issues.length });

const openingSlot = z
  .strictObject({
    weekday: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(7, { error: 'field.tooBig' }),
    opens: localTime,
    closes: localTime,
  })
  .refine((s) => inOrder(s.opens, s.closes), { error: 'premises.closesBeforeOpens', path: ['closes'] });

export const premisesInputSchema = z.strictObject({
  organisationId: uuid,
  name: text(120, 2),
  type: premisesTypeSchema,
  address: text(200, 3),
  district: slug,
  capacity: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10_000, { error: 'field.tooBig' }),
  stepFreeAccess: z.boolean({ error: typeError }).default(false),
  hearingLoop: z.boolean({ error: typeError }).default(false),
  accessibleToilet: z.boolean({ error: typeError }).default(false),
  equipment: optionalText(1000).default(''),
  houseRules: optionalText(3000).default(''),
  costType: costTypeSchema,
  costDescription: optionalText(500).default(''),
  /** Who approves requests (e.g. "the board's premises group"). */
  approver: optionalText(200).default(''),
  description: optionalText(3000).default(''),
  /** Empty: bookable at any time by arrangement. */
  openingHours: z.array(openingSlot, { error: typeError }).max(28, { error: 'field.tooBig' }).default([]),
  closedDates: z
    .array(z.strictObject({ date: premisesDate, note: optionalText(200).default('') }), { error: typeError })
    .max(366, { error: 'field.tooBig' })
    .default([]),
});
export type PremisesInput = z.input<typeof premisesInputSchema>;
export type PremisesData = z.output<typeof premisesInputSchema>;

export const premisesSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  name: z.string(),
  type: premisesTypeSchema,
  address: z.string(),
  district: z.object({ slug: z.string(), nameSv: z.string(), nameEn: z.string() }),
  capacity: z.number().int(),
  stepFreeAccess: z.boolean(),
  hearingLoop: z.boolean(),
  accessibleToilet: z.boolean(),
  equipment: z.string(),
  houseRules: z.string(),
  costType: costTypeSchema,
  costDescription: z.string(),
  approver: z.string(),
  description: z.string(),
  openingHours: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() })),
  closedDates: z.array(z.object({ date: z.string(), note: z.string() })),
  archived: z.boolean(),
  /** The viewer is an admin of the owner organisation (or staff): may edit and decide on requests. */
  canManage: z.boolean(),
});
export type Premises = z.infer<typeof premisesSchema>;

const booleanQuery = z.enum(['true', 'false'], { error: optionError }).transform((v) => v === 'true');

export const premisesSearchSchema = z
  .strictObject({
    q: z.string({ error: typeError }).trim().max(100, { error: 'field.tooLong' }).refine(storable, { error: 'field.invalidCharacters' }).optional(),
    district: slug.optional(),
    type: premisesTypeSchema.optional(),
    capacity: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10_000, { error: 'field.tooBig' }).optional(),
    stepFreeAccess: booleanQuery.optional(),
    hearingLoop: booleanQuery.optional(),
    accessibleToilet: booleanQuery.optional(),
    /** Free on this local date, between `from` and `to` (local times); all three or none. */
    date: premisesDate.optional(),
    from: localTime.optional(),
    to: localTime.optional(),
    organisationId: uuid.optional(),
    page: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10_000, { error: 'field.tooBig' }).default(1),
    pageSize: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(100, { error: 'field.tooBig' }).default(20),
  })
  .superRefine((q, ctx) => {
    const given = [q.date, q.from, q.to].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) ctx.addIssue({ code: 'custom', path: [q.date ? (q.from ? 'to' : 'from') : 'date'], message: 'premises.freeNeedsDateAndTimes' });
    if (q.from && q.to && !inOrder(q.from, q.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'premises.endBeforeStart' });
  });
export type PremisesSearch = z.input<typeof premisesSearchSchema>;

export const premisesListSchema = z.object({
  items: z.array(premisesSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** One request: a single local date, or a weekly series of `weeks` occurrences from `date`. */
export const bookingRequestSchema = z
  .strictObject({
    organisationId: uuid,
    date: premisesDate,
    startTime: localTime,
    endTime: localTime,
    /** 1 = a single occurrence; 2–52 = the same weekday and times for that many weeks. */
    weeks: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(52, { error: 'field.tooBig' }).default(1),
    purpose: text(500, 3),
    attendees: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10_000, { error: 'field.tooBig' }),
    /** When some dates conflict: false answers 409 listing them; true books the rest. */
    skipConflicts: z.boolean({ error: typeError }).default(false),
  })
  .refine((r) => inOrder(r.startTime, r.endTime), { error: 'premises.endBeforeStart', path: ['endTime'] });
export type BookingRequest = z.input<typeof bookingRequestSchema>;

export const conflictReasons = ['booked', 'closed', 'outsideHours', 'past'] as const;
export const conflictSchema = z.object({
  date: z.string(),
  start: z.string(),
  end: z.string(),
  reason: z.enum(conflictReasons),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const bookingSchema = z.object({
  id: z.uuid(),
  premisesId: z.uuid(),
  premisesName: z.string(),
  seriesId: z.uuid().nullable(),
  start: z.string(),
  end: z.string(),
  /** Local date and times in Europe/Stockholm, for display. */
  localDate: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  status: z.enum(bookingStatuses),
  /** Requester details: only for the two organisations involved and staff. */
  requester: z
    .object({
      organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
      person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
      purpose: z.string(),
      attendees: z.number().int(),
    })
    .nullable(),
  ownerOrganisationId: z.uuid(),
  decisionMessage: z.string().nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingResultSchema = z.object({ bookings: z.array(bookingSchema), skipped: z.array(conflictSchema) });
/**
 * One page of an organisation's bookings. Upcoming ones (not yet ended) come first-date-first;
 * past ones (ended within bookingListDays) latest-first. `next` is the `after` of the next page.
 */
export const bookingListSchema = z.object({
  bookings: z.array(bookingSchema),
  cursor: z.number().int(),
  /** How many bookings match, over all pages. */
  total: z.number().int(),
  next: z.string().nullable(),
});
export const bookingListQuerySchema = z.strictObject({
  organisationId: uuid,
  side: z.enum(['requester', 'owner'], { error: optionError }).default('requester'),
  status: z.enum(bookingStatuses, { error: optionError }).optional(),
  when: z.enum(['upcoming', 'past'], { error: optionError }).default('upcoming'),
  /** The last booking of the page before (its id); the page goes on from there. */
  after: uuid.optional(),
  limit: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(500, { error: 'field.tooBig' }).default(100),
});
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;
/** How far back an organisation's list of past bookings reaches (as far as its iCal feed). */
export const bookingListDays = 90;

export const decisionSchema = z.strictObject({ message: optionalText(1000).default('') });
export const seriesDecisionSchema = z.strictObject({ message: optionalText(1000).default(''), skipConflicts: z.boolean({ error: typeError }).default(false) });

export const calendarQuerySchema = z.strictObject({
  /** The Monday (or any day) of the week to show; default: this week. */
  week: premisesDate.optional(),
});
export const calendarSchema = z.object({
  premisesId: z.uuid(),
  weekStart: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      closed: z.boolean(),
      openingHours: z.array(z.object({ opens: z.string(), closes: z.string() })),
    }),
  ),
  /** Busy (approved) and requested (pending) times; details only for those allowed to see them. */
  slots: z.array(bookingSchema),
  cursor: z.number().int(),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const wantedInputSchema = z.strictObject({
  organisationId: uuid,
  title: text(120, 3),
  description: text(3000, 3),
  capacity: z.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10_000, { error: 'field.tooBig' }),
  district: slug.nullable().default(null),
  /** When the room is needed, in words ("Tisdagar 18–20 från januari"). */
  when: text(300, 3),
});
export const wantedSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  title: z.string(),
  description: z.string(),
  capacity: z.number().int(),
  district: z.object({ slug: z.string(), nameSv: z.string(), nameEn: z.string() }).nullable(),
  when: z.string(),
  open: z.boolean(),
  createdAt: z.string(),
  offers: z.array(
    z.object({
      id: z.uuid(),
      organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
      premisesId: z.uuid().nullable(),
      message: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type Wanted = z.infer<typeof wantedSchema>;
export const wantedListSchema = z.object({ items: z.array(wantedSchema), cursor: z.number().int() });
export type WantedList = z.infer<typeof wantedListSchema>;
/** The wanted posts: `wanted.changed` when one is added, closed, reopened or answered (anyone may join). */
export const wantedRoom = 'wanted';
export const offerInputSchema = z.strictObject({ organisationId: uuid, premisesId: uuid.nullable().default(null), message: text(2000, 3) });
export const wantedUpdateSchema = z.strictObject({ open: z.boolean({ error: typeError }) });
export const calendarLinkSchema = z.object({ url: z.string() });
