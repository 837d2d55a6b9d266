CREATE TYPE "public"."grant_document_category" AS ENUM('template', 'budget', 'example', 'other');--> statement-breakpoint
CREATE TYPE "public"."grant_funder_kind" AS ENUM('cityAdministration', 'foundation', 'state', 'eu', 'other');--> statement-breakpoint
CREATE TYPE "public"."grant_know_how_status" AS ENUM('applied', 'received');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grantDeadlineWeek';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grantDeadlineDay';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grantKnowHowOffered';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grantHelpAsked';--> statement-breakpoint
CREATE TABLE "grant_call_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "grant_call_deadlines_call_date" UNIQUE("call_id","date")
);
--> statement-breakpoint
CREATE TABLE "grant_call_target_groups" (
	"call_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	CONSTRAINT "grant_call_target_groups_call_id_reference_id_pk" PRIMARY KEY("call_id","reference_id")
);
--> statement-breakpoint
CREATE TABLE "grant_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"funder_kind" "grant_funder_kind" NOT NULL,
	"administration_id" uuid,
	"funder_name" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"amount_min" integer,
	"amount_max" integer,
	"eligibility" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_calls_administration" CHECK (("grant_calls"."funder_kind" = 'cityAdministration') = ("grant_calls"."administration_id" is not null)),
	CONSTRAINT "grant_calls_amounts" CHECK (("grant_calls"."amount_min" is null or "grant_calls"."amount_min" >= 0) and ("grant_calls"."amount_max" is null or "grant_calls"."amount_max" >= 0)
      and ("grant_calls"."amount_min" is null or "grant_calls"."amount_max" is null or "grant_calls"."amount_min" <= "grant_calls"."amount_max"))
);
--> statement-breakpoint
CREATE TABLE "grant_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid,
	"know_how_id" uuid,
	"title" text NOT NULL,
	"category" "grant_document_category" DEFAULT 'other' NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"content" "bytea",
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_documents_target" CHECK (("grant_documents"."call_id" is null) <> ("grant_documents"."know_how_id" is null)),
	CONSTRAINT "grant_documents_link_or_file" CHECK (("grant_documents"."url" is not null and "grant_documents"."content" is null and "grant_documents"."file_name" is null)
        or ("grant_documents"."url" is null and "grant_documents"."content" is not null and "grant_documents"."file_name" is not null and "grant_documents"."content_type" is not null and "grant_documents"."size" = octet_length("grant_documents"."content"))),
	CONSTRAINT "grant_documents_size" CHECK ("grant_documents"."size" is null or "grant_documents"."size" between 1 and 5242880)
);
--> statement-breakpoint
CREATE TABLE "grant_follows" (
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_follows_call_id_user_id_pk" PRIMARY KEY("call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "grant_help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_know_how" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "grant_know_how_status" NOT NULL,
	"year" smallint,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_know_how_call_organisation" UNIQUE("call_id","organisation_id"),
	CONSTRAINT "grant_know_how_year" CHECK ("grant_know_how"."year" is null or "grant_know_how"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "grant_partner_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"call_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_reminders" (
	"user_id" uuid NOT NULL,
	"deadline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_reminders_user_id_deadline_id_kind_pk" PRIMARY KEY("user_id","deadline_id","kind"),
	CONSTRAINT "grant_reminders_kind" CHECK ("grant_reminders"."kind" in ('week', 'day'))
);
--> statement-breakpoint
ALTER TABLE "grant_call_deadlines" ADD CONSTRAINT "grant_call_deadlines_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_call_target_groups" ADD CONSTRAINT "grant_call_target_groups_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_call_target_groups" ADD CONSTRAINT "grant_call_target_groups_reference_id_reference_items_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."reference_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_administration_id_reference_items_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."reference_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_documents" ADD CONSTRAINT "grant_documents_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_documents" ADD CONSTRAINT "grant_documents_know_how_id_grant_know_how_id_fk" FOREIGN KEY ("know_how_id") REFERENCES "public"."grant_know_how"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_documents" ADD CONSTRAINT "grant_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_follows" ADD CONSTRAINT "grant_follows_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_follows" ADD CONSTRAINT "grant_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_help_requests" ADD CONSTRAINT "grant_help_requests_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_help_requests" ADD CONSTRAINT "grant_help_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_help_requests" ADD CONSTRAINT "grant_help_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_know_how" ADD CONSTRAINT "grant_know_how_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_know_how" ADD CONSTRAINT "grant_know_how_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_know_how" ADD CONSTRAINT "grant_know_how_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_partner_posts" ADD CONSTRAINT "grant_partner_posts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_partner_posts" ADD CONSTRAINT "grant_partner_posts_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_partner_posts" ADD CONSTRAINT "grant_partner_posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reminders" ADD CONSTRAINT "grant_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reminders" ADD CONSTRAINT "grant_reminders_deadline_id_grant_call_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."grant_call_deadlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_call_deadlines_date" ON "grant_call_deadlines" USING btree ("date");--> statement-breakpoint
CREATE INDEX "grant_call_target_groups_reference" ON "grant_call_target_groups" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "grant_calls_title_trgm" ON "grant_calls" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "grant_calls_funder_kind" ON "grant_calls" USING btree ("funder_kind");--> statement-breakpoint
CREATE INDEX "grant_documents_call" ON "grant_documents" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "grant_documents_know_how" ON "grant_documents" USING btree ("know_how_id");--> statement-breakpoint
CREATE INDEX "grant_follows_user" ON "grant_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "grant_help_requests_call" ON "grant_help_requests" USING btree ("call_id","open");--> statement-breakpoint
CREATE INDEX "grant_help_requests_organisation" ON "grant_help_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "grant_know_how_organisation" ON "grant_know_how" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "grant_partner_posts_open" ON "grant_partner_posts" USING btree ("open","created_at");--> statement-breakpoint
CREATE INDEX "grant_partner_posts_call" ON "grant_partner_posts" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "grant_partner_posts_organisation" ON "grant_partner_posts" USING btree ("organisation_id");