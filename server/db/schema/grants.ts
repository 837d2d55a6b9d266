import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { documentCategories, funderKinds, knowHowStatuses } from '../../../shared/grants';
import { organisations } from './organisations';
import { referenceItems } from './reference';
import { users } from './users';

/** Uploaded bytes live in PostgreSQL, so that PGlite and a server alike need no file system. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  // node-postgres gives a Buffer, PGlite a Uint8Array.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const grantFunderKind = pgEnum('grant_funder_kind', funderKinds);
export const grantKnowHowStatus = pgEnum('grant_know_how_status', knowHowStatuses);
export const grantDocumentCategory = pgEnum('grant_document_category', documentCategories);

export const grantCalls = pgTable(
  'grant_calls',
  {
    id: uuid().primaryKey().defaultRandom(),
    funderKind: grantFunderKind().notNull(),
    /** The city administration that announces it (reference item of kind administration). */
    administrationId: uuid().references(() => referenceItems.id, { onDelete: 'restrict' }),
    funderName: text().notNull().default(''),
    title: text().notNull(),
    url: text().notNull(),
    amountMin: integer(),
    amountMax: integer(),
    eligibility: text().notNull().default(''),
    description: text().notNull().default(''),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grant_calls_title_trgm').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    index('grant_calls_funder_kind').on(t.funderKind),
    check('grant_calls_administration', sql`(${t.funderKind} = 'cityAdministration') = (${t.administrationId} is not null)`),
    check('grant_calls_amounts', sql`(${t.amountMin} is null or ${t.amountMin} >= 0) and (${t.amountMax} is null or ${t.amountMax} >= 0)
      and (${t.amountMin} is null or ${t.amountMax} is null or ${t.amountMin} <= ${t.amountMax})`),
  ],
);

/** Local dates in Europe/Stockholm: the call closes at the end of that day. */
export const grantCallDeadlines = pgTable(
  'grant_call_deadlines',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => grantCalls.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
  },
  (t) => [unique('grant_call_deadlines_call_date').on(t.callId, t.date), index('grant_call_deadlines_date').on(t.date)],
);

export const grantCallTargetGroups = pgTable(
  'grant_call_target_groups',
  {
    callId: uuid()
      .notNull()
      .references(() => grantCalls.id, { onDelete: 'cascade' }),
    referenceId: uuid()
      .notNull()
      .references(() => referenceItems.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.callId, t.referenceId] }), index('grant_call_target_groups_reference').on(t.referenceId)],
);

export const grantFollows = pgTable(
  'grant_follows',
  {
    callId: uuid()
      .notNull()
      .references(() => grantCalls.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index('grant_follows_user').on(t.userId)],
);

// One row per person, deadline and kind of reminder: the reminder job claims a reminder by
// inserting its row (ON CONFLICT DO NOTHING), so it is sent once however many nodes run the job,
// and unfollowing and following again does not send it twice.
export const grantReminders = pgTable(
  'grant_reminders',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deadlineId: uuid()
      .notNull()
      .references(() => grantCallDeadlines.id, { onDelete: 'cascade' }),
    /** 'week': 7 days before (or up to 2 days before, if the job was late); 'day': 1 day before (or on the day). */
    kind: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deadlineId, t.kind] }), check('grant_reminders_kind', sql`${t.kind} in ('week', 'day')`)],
);

/** "We applied for / received this call and can help": one per organisation and call. */
export const grantKnowHow = pgTable(
  'grant_know_how',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => grantCalls.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: grantKnowHowStatus().notNull(),
    year: smallint(),
    description: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('grant_know_how_call_organisation').on(t.callId, t.organisationId),
    index('grant_know_how_organisation').on(t.organisationId),
    check('grant_know_how_year', sql`${t.year} is null or ${t.year} between 2000 and 2100`),
  ],
);

export const grantHelpRequests = pgTable(
  'grant_help_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => grantCalls.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    open: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('grant_help_requests_call').on(t.callId, t.open), index('grant_help_requests_organisation').on(t.organisationId)],
);

/** "Partners wanted" for a joint application, about a call or in general. */
export const grantPartnerPosts = pgTable(
  'grant_partner_posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    callId: uuid().references(() => grantCalls.id, { onDelete: 'set null' }),
    title: text().notNull(),
    text: text().notNull(),
    open: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('grant_partner_posts_open').on(t.open, t.createdAt), index('grant_partner_posts_call').on(t.callId), index('grant_partner_posts_organisation').on(t.organisationId)],
);

// A document is attached to a call or to a know-how entry, and is either a link or an uploaded file
// whose type was decided from its bytes.
export const grantDocuments = pgTable(
  'grant_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid().references(() => grantCalls.id, { onDelete: 'cascade' }),
    knowHowId: uuid().references(() => grantKnowHow.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    category: grantDocumentCategory().notNull().default('other'),
    url: text(),
    fileName: text(),
    contentType: text(),
    size: integer(),
    content: bytea(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grant_documents_call').on(t.callId),
    index('grant_documents_know_how').on(t.knowHowId),
    check('grant_documents_target', sql`(${t.callId} is null) <> (${t.knowHowId} is null)`),
    check(
      'grant_documents_link_or_file',
      sql`(${t.url} is not null and ${t.content} is null and ${t.fileName} is null)
        or (${t.url} is null and ${t.content} is not null and ${t.fileName} is not null and ${t.contentType} is not null and ${t.size} = octet_length(${t.content}))`,
    ),
    // 5 MB, as maxDocumentBytes in shared/grants.ts.
    check('grant_documents_size', sql`${t.size} is null or ${t.size} between 1 and 5242880`),
  ],
);
