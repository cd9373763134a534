CREATE TYPE "public"."challenge_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."challenge_visibility" AS ENUM('public', 'invite_only');--> statement-breakpoint
CREATE TYPE "public"."challenge_response_status" AS ENUM('submitted', 'shortlisted', 'selected', 'declined');--> statement-breakpoint
CREATE TYPE "public"."contact_rating" AS ENUM('no_further_contact', 'valuable_contact', 'negotiation_started', 'agreement_reached');--> statement-breakpoint
CREATE TYPE "public"."contact_stage" AS ENUM('interest', 'brokered', 'meeting', 'rated', 'declined');--> statement-breakpoint
CREATE TYPE "public"."development_stage" AS ENUM('idea', 'prototype', 'pilot', 'market', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."profile_kind" AS ENUM('technology_offer', 'technology_request', 'business_offer', 'business_request', 'research_cooperation');--> statement-breakpoint
CREATE TYPE "public"."profile_language" AS ENUM('de', 'it', 'en');--> statement-breakpoint
CREATE TYPE "public"."profile_status" AS ENUM('draft', 'submitted', 'published', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."profile_visibility" AS ENUM('public', 'anonymous');--> statement-breakpoint
CREATE TABLE "challenge_invitations" (
	"challenge_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"invited_by" integer,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_invitations_challenge_id_organisation_id_pk" PRIMARY KEY("challenge_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "challenge_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"challenge_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"summary" text NOT NULL,
	"status" "challenge_response_status" DEFAULT 'submitted' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "challenges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"language" "profile_language" NOT NULL,
	"concept_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"deadline" date NOT NULL,
	"visibility" "challenge_visibility" DEFAULT 'public' NOT NULL,
	"status" "challenge_status" DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_contact_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_contact_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contact_id" integer NOT NULL,
	"stage" "contact_stage" NOT NULL,
	"rating" "contact_rating",
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "partner_contacts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"profile_id" integer,
	"from_organisation_id" integer NOT NULL,
	"to_organisation_id" integer NOT NULL,
	"agency_organisation_id" integer,
	"cooperation" text NOT NULL,
	"unclear" text,
	"about" text NOT NULL,
	"stage" "contact_stage" DEFAULT 'interest' NOT NULL,
	"meeting_on" date,
	"follow_up_due" date,
	"rating" "contact_rating",
	"project_id" integer,
	"grant_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"agency_organisation_id" integer,
	"kind" "profile_kind" NOT NULL,
	"language" "profile_language" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"concept_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"concepts_edited" boolean DEFAULT false NOT NULL,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"sought_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"sought_sizes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sought_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"sought_region_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"stage" "development_stage" DEFAULT 'not_applicable' NOT NULL,
	"deadline" date,
	"expires_on" date NOT NULL,
	"status" "profile_status" DEFAULT 'draft' NOT NULL,
	"visibility" "profile_visibility" DEFAULT 'public' NOT NULL,
	"review_note" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_invitations" ADD CONSTRAINT "challenge_invitations_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_invitations" ADD CONSTRAINT "challenge_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_invitations" ADD CONSTRAINT "challenge_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_responses" ADD CONSTRAINT "challenge_responses_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_responses" ADD CONSTRAINT "challenge_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_responses" ADD CONSTRAINT "challenge_responses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contact_events" ADD CONSTRAINT "partner_contact_events_contact_id_partner_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."partner_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contact_events" ADD CONSTRAINT "partner_contact_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_profile_id_partner_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."partner_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_agency_organisation_id_organisations_id_fk" FOREIGN KEY ("agency_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_profiles" ADD CONSTRAINT "partner_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_profiles" ADD CONSTRAINT "partner_profiles_agency_organisation_id_organisations_id_fk" FOREIGN KEY ("agency_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_profiles" ADD CONSTRAINT "partner_profiles_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_profiles" ADD CONSTRAINT "partner_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_invitations_organisation_idx" ON "challenge_invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_responses_once_idx" ON "challenge_responses" USING btree ("challenge_id","organisation_id");--> statement-breakpoint
CREATE INDEX "challenge_responses_organisation_idx" ON "challenge_responses" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "challenges_status_deadline_idx" ON "challenges" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "challenges_organisation_idx" ON "challenges" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "challenges_match_keys_idx" ON "challenges" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "partner_contact_events_contact_idx" ON "partner_contact_events" USING btree ("contact_id","at");--> statement-breakpoint
CREATE INDEX "partner_contacts_profile_idx" ON "partner_contacts" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "partner_contacts_from_idx" ON "partner_contacts" USING btree ("from_organisation_id");--> statement-breakpoint
CREATE INDEX "partner_contacts_to_idx" ON "partner_contacts" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "partner_contacts_agency_stage_idx" ON "partner_contacts" USING btree ("agency_organisation_id","stage");--> statement-breakpoint
CREATE INDEX "partner_profiles_status_expiry_idx" ON "partner_profiles" USING btree ("status","expires_on");--> statement-breakpoint
CREATE INDEX "partner_profiles_organisation_idx" ON "partner_profiles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "partner_profiles_agency_idx" ON "partner_profiles" USING btree ("agency_organisation_id","status");--> statement-breakpoint
CREATE INDEX "partner_profiles_match_keys_idx" ON "partner_profiles" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "partner_profiles_terms_idx" ON "partner_profiles" USING gin ("terms");