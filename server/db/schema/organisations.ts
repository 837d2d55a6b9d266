import { sql } from 'drizzle-orm';
import { boolean, date, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { legalForms, sizeClasses } from '../../../shared/organisations';
import { membershipRoles, membershipStatuses } from '../../../shared/roles';
import { referenceItems } from './reference';
import { users } from './users';

export const legalForm = pgEnum('legal_form', legalForms);
export const sizeClass = pgEnum('size_class', sizeClasses);
export const membershipRole = pgEnum('membership_role', membershipRoles);
export const membershipStatus = pgEnum('membership_status', membershipStatuses);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique('organisations_slug'),
    name: text().notNull(),
    orgNumber: text().notNull().unique('organisations_org_number'),
    legalForm: legalForm().notNull(),
    description: text().notNull().default(''),
    website: text(),
    email: text(),
    phone: text(),
    sizeClass: sizeClass().notNull(),
    signedAgreement: boolean().notNull().default(false),
    signedAt: date({ mode: 'string' }),
    resourceDescription: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_name_trgm').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('organisations_name_sort').on(sql`lower(${t.name})`),
  ],
);

// Links an organisation to districts, target groups, administrations and resources it offers.
export const organisationReferences = pgTable(
  'organisation_references',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    referenceId: uuid()
      .notNull()
      .references(() => referenceItems.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.referenceId] }), index('organisation_references_reference').on(t.referenceId)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    title: text().notNull().default(''),
    email: text(),
    phone: text(),
    lastConfirmedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // When the organisation's admins were last reminded to confirm this contact (yearly check).
    reminderSentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_organisation').on(t.organisationId), index('contacts_last_confirmed').on(t.lastConfirmedAt)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: membershipRole().notNull().default('member'),
    status: membershipStatus().notNull().default('pending'),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [unique('memberships_user_organisation').on(t.userId, t.organisationId), index('memberships_organisation').on(t.organisationId)],
);
