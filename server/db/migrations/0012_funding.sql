CREATE TYPE "public"."application_state" AS ENUM('submitted', 'under_review', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."funding_source" ADD VALUE 'eu_jtf' BEFORE 'eu_other';--> statement-breakpoint
CREATE TABLE "funding_totals" (
	"programme_id" integer NOT NULL,
	"field_of_action_id" integer,
	"project_visibility" "visibility" NOT NULL,
	"source" "funding_source" NOT NULL,
	"kind" "funding_kind" NOT NULL,
	"year" integer,
	"amount_cents" bigint NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "funding_totals_key_uq" UNIQUE NULLS NOT DISTINCT("programme_id","field_of_action_id","project_visibility","source","kind","year")
);
--> statement-breakpoint
CREATE TABLE "application_partners" (
	"application_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" "project_role" NOT NULL,
	"requested_cents" bigint NOT NULL,
	CONSTRAINT "application_partners_application_id_organisation_id_pk" PRIMARY KEY("application_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "application_transitions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"from_state" "application_state",
	"to_state" "application_state" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" integer,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"call_id" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"lead_organisation_id" integer NOT NULL,
	"requested_cents" bigint NOT NULL,
	"period_start" date,
	"period_end" date,
	"state" "application_state" DEFAULT 'submitted' NOT NULL,
	"project_id" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "funding_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"funder_organisation_id" integer,
	"funder_name" text NOT NULL,
	"budget_cents" bigint,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"eligible_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_region_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"eligible_nace" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligibility_note" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_calls_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "grant_partners" (
	"grant_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" "project_role" NOT NULL,
	"share_cents" bigint NOT NULL,
	CONSTRAINT "grant_partners_grant_id_organisation_id_pk" PRIMARY KEY("grant_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"call_id" integer,
	"application_id" integer,
	"reference" text,
	"title" text NOT NULL,
	"purpose" text,
	"funder_organisation_id" integer,
	"funder_name" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"decided_on" date,
	"period_start" date,
	"period_end" date,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_snapshots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"as_of" date NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"data" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_by" integer
);
--> statement-breakpoint
ALTER TABLE "funding_lines" ADD COLUMN "grant_id" integer;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD COLUMN "organisation_id" integer;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD COLUMN "overrun_reason" text;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD COLUMN "programme_id" integer;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD COLUMN "field_of_action_id" integer;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD COLUMN "project_visibility" "visibility";--> statement-breakpoint
ALTER TABLE "application_partners" ADD CONSTRAINT "application_partners_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_partners" ADD CONSTRAINT "application_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_transitions" ADD CONSTRAINT "application_transitions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_transitions" ADD CONSTRAINT "application_transitions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_funder_organisation_id_organisations_id_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_partners" ADD CONSTRAINT "grant_partners_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_partners" ADD CONSTRAINT "grant_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_funder_organisation_id_organisations_id_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_partners_organisation_idx" ON "application_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "application_transitions_application_idx" ON "application_transitions" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "applications_call_state_idx" ON "applications" USING btree ("call_id","state");--> statement-breakpoint
CREATE INDEX "applications_lead_idx" ON "applications" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "funding_calls_programme_idx" ON "funding_calls" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "funding_calls_dates_idx" ON "funding_calls" USING btree ("closes_on","opens_on");--> statement-breakpoint
CREATE INDEX "grant_partners_organisation_idx" ON "grant_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "grants_project_idx" ON "grants" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "grants_call_idx" ON "grants" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "grants_decided_idx" ON "grants" USING btree ("decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_application_uq" ON "grants" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_snapshots_programme_version_uq" ON "report_snapshots" USING btree ("programme_id","version");--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_lines_grant_idx" ON "funding_lines" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "funding_lines_organisation_idx" ON "funding_lines" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "funding_lines_programme_idx" ON "funding_lines" USING btree ("programme_id","source","kind","year");--> statement-breakpoint
-- A funding line carries its project's programme, field of action and visibility, so the totals
-- can be kept per line (and a deleted project's lines still know where they were counted).
CREATE OR REPLACE FUNCTION standort_funding_line_project() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.programme_id, p.field_of_action_id, p.visibility
    INTO NEW.programme_id, NEW.field_of_action_id, NEW.project_visibility
    FROM projects p WHERE p.id = NEW.project_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER funding_lines_project
  BEFORE INSERT OR UPDATE OF project_id ON funding_lines
  FOR EACH ROW EXECUTE FUNCTION standort_funding_line_project();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION standort_project_funding_lines() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_lines SET programme_id = NEW.programme_id, field_of_action_id = NEW.field_of_action_id,
    project_visibility = NEW.visibility
  WHERE project_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER projects_funding_lines
  AFTER UPDATE OF programme_id, field_of_action_id, visibility ON projects
  FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id
    OR OLD.field_of_action_id IS DISTINCT FROM NEW.field_of_action_id
    OR OLD.visibility IS DISTINCT FROM NEW.visibility)
  EXECUTE FUNCTION standort_project_funding_lines();
--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) lines from the totals; totals left without lines go.
CREATE OR REPLACE FUNCTION standort_apply_funding_totals(changes jsonb, sign integer) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO funding_totals AS t (programme_id, field_of_action_id, project_visibility, source, kind, year, amount_cents, lines)
  SELECT l.programme_id, l.field_of_action_id, l.project_visibility, l.source, l.kind, l.year,
    sign * sum(l.amount_cents), sign * count(*)
  FROM jsonb_populate_recordset(NULL::funding_lines, changes) l
  WHERE l.programme_id IS NOT NULL
  GROUP BY l.programme_id, l.field_of_action_id, l.project_visibility, l.source, l.kind, l.year
  ON CONFLICT ON CONSTRAINT funding_totals_key_uq DO UPDATE
    SET amount_cents = t.amount_cents + excluded.amount_cents, lines = t.lines + excluded.lines;
  DELETE FROM funding_totals WHERE lines = 0;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION standort_funding_totals() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM standort_apply_funding_totals((SELECT coalesce(jsonb_agg(o), '[]') FROM old_lines o), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM standort_apply_funding_totals((SELECT coalesce(jsonb_agg(n), '[]') FROM new_lines n), 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER funding_lines_totals_inserted
  AFTER INSERT ON funding_lines REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION standort_funding_totals();
--> statement-breakpoint
CREATE TRIGGER funding_lines_totals_updated
  AFTER UPDATE ON funding_lines REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION standort_funding_totals();
--> statement-breakpoint
CREATE TRIGGER funding_lines_totals_deleted
  AFTER DELETE ON funding_lines REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION standort_funding_totals();
--> statement-breakpoint
UPDATE funding_lines l SET programme_id = p.programme_id, field_of_action_id = p.field_of_action_id,
  project_visibility = p.visibility
FROM projects p WHERE p.id = l.project_id;
--> statement-breakpoint
-- A frozen report never changes.
CREATE OR REPLACE FUNCTION standort_report_snapshots_frozen() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_snapshots are frozen' USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER report_snapshots_frozen
  BEFORE UPDATE OR DELETE ON report_snapshots
  FOR EACH ROW EXECUTE FUNCTION standort_report_snapshots_frozen();
