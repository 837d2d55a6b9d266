CREATE TYPE "public"."booking_status" AS ENUM('pending', 'approved', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."cost_type" AS ENUM('free', 'fee', 'costSharing');--> statement-breakpoint
CREATE TYPE "public"."premises_type" AS ENUM('meetingRoom', 'hall', 'office', 'kitchen', 'workshop', 'outdoor');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'bookingRequested';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'bookingApproved';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'bookingDeclined';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'bookingCancelled';--> statement-breakpoint
CREATE TABLE "booking_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"requester_organisation_id" uuid NOT NULL,
	"weeks" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"premises_id" uuid NOT NULL,
	"requester_organisation_id" uuid NOT NULL,
	"requested_by" uuid,
	"series_id" uuid,
	"during" "tstzrange" NOT NULL,
	"status" "booking_status" DEFAULT 'pending' NOT NULL,
	"purpose" text NOT NULL,
	"attendees" integer NOT NULL,
	"decision_message" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_during_not_empty" CHECK (not isempty("bookings"."during") and lower_inf("bookings"."during") = false and upper_inf("bookings"."during") = false)
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_tokens_token" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "premises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "premises_type" NOT NULL,
	"address" text NOT NULL,
	"district_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"step_free_access" boolean DEFAULT false NOT NULL,
	"hearing_loop" boolean DEFAULT false NOT NULL,
	"accessible_toilet" boolean DEFAULT false NOT NULL,
	"equipment" text DEFAULT '' NOT NULL,
	"house_rules" text DEFAULT '' NOT NULL,
	"cost_type" "cost_type" NOT NULL,
	"cost_description" text DEFAULT '' NOT NULL,
	"approver" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premises_capacity_positive" CHECK ("premises"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "premises_closed_dates" (
	"premises_id" uuid NOT NULL,
	"date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "premises_closed_dates_premises_id_date_pk" PRIMARY KEY("premises_id","date")
);
--> statement-breakpoint
CREATE TABLE "premises_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wanted_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"premises_id" uuid,
	"created_by" uuid,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "premises_opening_hours" (
	"premises_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	CONSTRAINT "premises_opening_hours_premises_id_weekday_opens_pk" PRIMARY KEY("premises_id","weekday","opens"),
	CONSTRAINT "opening_hours_weekday" CHECK ("premises_opening_hours"."weekday" between 1 and 7),
	CONSTRAINT "opening_hours_order" CHECK ("premises_opening_hours"."opens" < "premises_opening_hours"."closes")
);
--> statement-breakpoint
CREATE TABLE "premises_wanted" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"capacity" integer NOT NULL,
	"district_id" uuid,
	"when" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_requester_organisation_id_organisations_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_requester_organisation_id_organisations_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_id_booking_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."booking_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD CONSTRAINT "calendar_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_district_id_reference_items_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."reference_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_closed_dates" ADD CONSTRAINT "premises_closed_dates_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_offers" ADD CONSTRAINT "premises_offers_wanted_id_premises_wanted_id_fk" FOREIGN KEY ("wanted_id") REFERENCES "public"."premises_wanted"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_offers" ADD CONSTRAINT "premises_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_offers" ADD CONSTRAINT "premises_offers_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_offers" ADD CONSTRAINT "premises_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_opening_hours" ADD CONSTRAINT "premises_opening_hours_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_wanted" ADD CONSTRAINT "premises_wanted_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_wanted" ADD CONSTRAINT "premises_wanted_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises_wanted" ADD CONSTRAINT "premises_wanted_district_id_reference_items_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."reference_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_requester" ON "bookings" USING btree ("requester_organisation_id","status");--> statement-breakpoint
CREATE INDEX "bookings_series" ON "bookings" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "premises_district_capacity" ON "premises" USING btree ("district_id","capacity");--> statement-breakpoint
CREATE INDEX "premises_organisation" ON "premises" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "premises_offers_wanted" ON "premises_offers" USING btree ("wanted_id");--> statement-breakpoint
CREATE INDEX "premises_wanted_open" ON "premises_wanted" USING btree ("open","created_at");--> statement-breakpoint
-- Written by hand (drizzle cannot declare it): two approved bookings of the same premises never overlap.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_double_booking" EXCLUDE USING gist ("premises_id" WITH =, "during" WITH &&) WHERE ("status" = 'approved');
