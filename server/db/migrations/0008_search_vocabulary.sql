CREATE TABLE "organisation_name_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "project_organisations_organisation_idx";--> statement-breakpoint
CREATE INDEX "organisation_name_words_trgm_idx" ON "organisation_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisation_aliases_name_prefix_idx" ON "organisation_aliases" USING btree ("normalised_name" collate "C");--> statement-breakpoint
CREATE INDEX "project_organisations_organisation_project_idx" ON "project_organisations" USING btree ("organisation_id","project_id");