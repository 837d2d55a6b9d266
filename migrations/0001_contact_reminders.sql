ALTER TABLE "contacts" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "contacts_last_confirmed" ON "contacts" USING btree ("last_confirmed_at");