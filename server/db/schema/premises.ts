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
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookingStatuses, costTypes, premisesTypes } from '../../../shared/premises';
import { organisations } from './organisations';
import { referenceItems } from './reference';
import { users } from './users';

/** A PostgreSQL tstzrange, read and written in its text form '["2026-11-24 17:00:00+00","…")'. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const premisesType = pgEnum('premises_type', premisesTypes);
export const costType = pgEnum('cost_type', costTypes);
export const bookingStatus = pgEnum('booking_status', bookingStatuses);

export const premises = pgTable(
  'premises',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    type: premisesType().notNull(),
    address: text().notNull(),
    districtId: uuid()
      .notNull()
      .references(() => referenceItems.id, { onDelete: 'restrict' }),
    capacity: integer().notNull(),
    stepFreeAccess: boolean().notNull().default(false),
    hearingLoop: boolean().notNull().default(false),
    accessibleToilet: boolean().notNull().default(false),
    equipment: text().notNull().default(''),
    houseRules: text().notNull().default(''),
    costType: costType().notNull(),
    costDescription: text().notNull().default(''),
    approver: text().notNull().default(''),
    description: text().notNull().default(''),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('premises_district_capacity').on(t.districtId, t.capacity),
    index('premises_organisation').on(t.organisationId),
    check('premises_capacity_positive', sql`${t.capacity} > 0`),
  ],
);

export const premisesOpeningHours = pgTable(
  'premises_opening_hours',
  {
    premisesId: uuid()
      .notNull()
      .references(() => premises.id, { onDelete: 'cascade' }),
    /** ISO weekday, Monday = 1. */
    weekday: smallint().notNull(),
    opens: time().notNull(),
    closes: time().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.premisesId, t.weekday, t.opens] }),
    check('opening_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('opening_hours_order', sql`${t.opens} < ${t.closes}`),
  ],
);

export const premisesClosedDates = pgTable(
  'premises_closed_dates',
  {
    premisesId: uuid()
      .notNull()
      .references(() => premises.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.premisesId, t.date] })],
);

export const bookingSeries = pgTable('booking_series', {
  id: uuid().primaryKey().defaultRandom(),
  premisesId: uuid()
    .notNull()
    .references(() => premises.id, { onDelete: 'cascade' }),
  requesterOrganisationId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  weeks: integer().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Two approved bookings of the same premises never overlap: the exclusion constraint
// bookings_no_double_booking (btree_gist) is added by hand in the migration, since drizzle
// cannot declare it.
export const bookings = pgTable(
  'bookings',
  {
    id: uuid().primaryKey().defaultRandom(),
    premisesId: uuid()
      .notNull()
      .references(() => premises.id, { onDelete: 'cascade' }),
    requesterOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    seriesId: uuid().references(() => bookingSeries.id, { onDelete: 'set null' }),
    during: tstzrange().notNull(),
    status: bookingStatus().notNull().default('pending'),
    purpose: text().notNull(),
    attendees: integer().notNull(),
    decisionMessage: text(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_requester').on(t.requesterOrganisationId, t.status),
    index('bookings_series').on(t.seriesId),
    check('bookings_during_not_empty', sql`not isempty(${t.during}) and lower_inf(${t.during}) = false and upper_inf(${t.during}) = false`),
  ],
);

export const premisesWanted = pgTable(
  'premises_wanted',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    title: text().notNull(),
    description: text().notNull(),
    capacity: integer().notNull(),
    districtId: uuid().references(() => referenceItems.id, { onDelete: 'restrict' }),
    when: text().notNull(),
    open: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('premises_wanted_open').on(t.open, t.createdAt)],
);

export const premisesOffers = pgTable(
  'premises_offers',
  {
    id: uuid().primaryKey().defaultRandom(),
    wantedId: uuid()
      .notNull()
      .references(() => premisesWanted.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    premisesId: uuid().references(() => premises.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    message: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('premises_offers_wanted').on(t.wantedId)],
);

// A secret address per organisation for its bookings calendar (iCal), so calendar apps can
// subscribe without a session (they cannot send cookies). The token is a capability like a
// private calendar link elsewhere; an organisation admin renews it to revoke the old address.
export const calendarTokens = pgTable('calendar_tokens', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  token: text().notNull().unique('calendar_tokens_token'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
