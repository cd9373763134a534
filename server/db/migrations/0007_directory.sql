CREATE TYPE "public"."membership_kind" AS ENUM('cluster_member', 'alliance_member', 'network_member', 'consortium_partner', 'signatory', 'partner_region');--> statement-breakpoint
CREATE TYPE "public"."size_class" AS ENUM('micro', 'small', 'medium', 'large');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."indicator_qualifier" AS ENUM('exact', 'approx', 'more_than');--> statement-breakpoint
CREATE TYPE "public"."indicator_unit" AS ENUM('eur', 'count', 'persons', 'rank');--> statement-breakpoint
CREATE TYPE "public"."partnership_event_kind" AS ENUM('agreement', 'delegation_visit', 'talks', 'meeting', 'other');--> statement-breakpoint
ALTER TYPE "public"."token_scope" ADD VALUE 'directory:read';--> statement-breakpoint
ALTER TYPE "public"."token_scope" ADD VALUE 'directory:write';--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "membership_kind" NOT NULL,
	"organisation_id" integer NOT NULL,
	"group_id" integer,
	"partnership_id" integer,
	"person_id" integer,
	"note" text,
	"from" date,
	"until" date,
	"provenance" jsonb NOT NULL,
	CONSTRAINT "memberships_target_ck" CHECK (("memberships"."group_id" is null) <> ("memberships"."partnership_id" is null)),
	CONSTRAINT "memberships_dates_ck" CHECK ("memberships"."from" is null or "memberships"."until" is null or "memberships"."from" <= "memberships"."until")
);
--> statement-breakpoint
CREATE TABLE "nace_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"section" text NOT NULL,
	"label_de" text NOT NULL,
	"label_en" text NOT NULL,
	"label_it" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_merges" (
	"merged_id" integer PRIMARY KEY NOT NULL,
	"merged_name" text NOT NULL,
	"into_id" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"merged_by" integer,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_nace" (
	"organisation_id" integer NOT NULL,
	"code" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"provenance" jsonb NOT NULL,
	CONSTRAINT "organisation_nace_organisation_id_code_pk" PRIMARY KEY("organisation_id","code")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"period" text,
	"value" double precision NOT NULL,
	"qualifier" "indicator_qualifier" DEFAULT 'exact' NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partnership_id" integer NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"unit" "indicator_unit" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partnership_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partnership_id" integer NOT NULL,
	"kind" "partnership_event_kind" NOT NULL,
	"title" text NOT NULL,
	"date" date,
	"date_precision" date_precision,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"participants" jsonb NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_ups" text[] DEFAULT '{}'::text[] NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partnerships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"region_a_id" integer NOT NULL,
	"region_b_id" integer NOT NULL,
	"description" text,
	"agreement_signed_on" date,
	"agreement_precision" date_precision,
	"agreement_until" date,
	"agreement_provenance" jsonb,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"honorific" text,
	"normalised_name" text NOT NULL,
	"email" text,
	"phone" text,
	"contact_visibility" "visibility" DEFAULT 'internal' NOT NULL,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"title" text NOT NULL,
	"from" date,
	"until" date,
	"provenance" jsonb NOT NULL,
	CONSTRAINT "person_roles_dates_ck" CHECK ("person_roles"."from" is null or "person_roles"."until" is null or "person_roles"."from" <= "person_roles"."until")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "size_class" "size_class";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_de" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_it" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "competence_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "visibility" "visibility" DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_group_id_organisations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_merges" ADD CONSTRAINT "organisation_merges_into_id_organisations_id_fk" FOREIGN KEY ("into_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_nace" ADD CONSTRAINT "organisation_nace_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_nace" ADD CONSTRAINT "organisation_nace_code_nace_codes_code_fk" FOREIGN KEY ("code") REFERENCES "public"."nace_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD CONSTRAINT "partnership_events_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_region_a_id_regions_id_fk" FOREIGN KEY ("region_a_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_region_b_id_regions_id_fk" FOREIGN KEY ("region_b_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_group_idx" ON "memberships" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "memberships_partnership_idx" ON "memberships" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "nace_codes_parent_idx" ON "nace_codes" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "nace_codes_section_idx" ON "nace_codes" USING btree ("section");--> statement-breakpoint
CREATE INDEX "organisation_merges_into_idx" ON "organisation_merges" USING btree ("into_id");--> statement-breakpoint
CREATE INDEX "organisation_nace_code_idx" ON "organisation_nace" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_period_uq" ON "indicator_values" USING btree ("indicator_id",coalesce("period", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_key_uq" ON "indicators" USING btree ("partnership_id","key");--> statement-breakpoint
CREATE INDEX "partnership_events_partnership_idx" ON "partnership_events" USING btree ("partnership_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_slug_uq" ON "partnerships" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin ("normalised_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_name_prefix_idx" ON "people" USING btree ("normalised_name" collate "C");--> statement-breakpoint
CREATE INDEX "person_roles_person_idx" ON "person_roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_roles_organisation_idx" ON "person_roles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_country_idx" ON "organisations" USING btree ("country");--> statement-breakpoint
CREATE INDEX "organisations_name_prefix_idx" ON "organisations" USING btree ("normalised_name" collate "C");