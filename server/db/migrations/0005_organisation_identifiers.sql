CREATE TYPE "public"."identifier_scheme" AS ENUM('pic', 'ags', 'istat', 'register', 'website');--> statement-breakpoint
ALTER TYPE "public"."funding_source" ADD VALUE 'eu_horizon' BEFORE 'erdf_programme';--> statement-breakpoint
CREATE TABLE "organisation_aliases" (
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"normalised_name" text NOT NULL,
	CONSTRAINT "organisation_aliases_organisation_id_normalised_name_pk" PRIMARY KEY("organisation_id","normalised_name")
);
--> statement-breakpoint
CREATE TABLE "organisation_identifiers" (
	"organisation_id" integer NOT NULL,
	"scheme" "identifier_scheme" NOT NULL,
	"value" text NOT NULL,
	"provenance" jsonb NOT NULL,
	CONSTRAINT "organisation_identifiers_scheme_value_pk" PRIMARY KEY("scheme","value")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "short_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "project_organisations" ADD COLUMN "contribution_cents" bigint;--> statement-breakpoint
ALTER TABLE "organisation_aliases" ADD CONSTRAINT "organisation_aliases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_identifiers" ADD CONSTRAINT "organisation_identifiers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_aliases_trgm_idx" ON "organisation_aliases" USING gin ("normalised_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisation_identifiers_organisation_idx" ON "organisation_identifiers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_type_idx" ON "organisations" USING btree ("type");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin ("normalised_name" gin_trgm_ops);