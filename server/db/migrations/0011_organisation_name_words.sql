ALTER TABLE "organisations" ADD COLUMN "name_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The distinct words (3+ letters) of folded names.
CREATE OR REPLACE FUNCTION standort_words(names text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
  FROM unnest(names) AS n, unnest(string_to_array(n, ' ')) AS w WHERE length(w) >= 3
$$;
--> statement-breakpoint
-- An organisation's own words when it is inserted (it has no aliases yet), its own and its aliases' when renamed.
CREATE OR REPLACE FUNCTION standort_organisation_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.name_words := standort_words(ARRAY[NEW.normalised_name]);
  ELSE
    NEW.name_words := standort_words(ARRAY[NEW.normalised_name]
      || ARRAY(SELECT a.normalised_name FROM organisation_aliases a WHERE a.organisation_id = NEW.id));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_own_words
  BEFORE INSERT OR UPDATE OF normalised_name ON organisations
  FOR EACH ROW EXECUTE FUNCTION standort_organisation_words();
--> statement-breakpoint
-- The words of these organisations from their names and aliases, set-based.
CREATE OR REPLACE FUNCTION standort_refresh_words(ids integer[]) RETURNS void
  LANGUAGE sql AS $$
  UPDATE organisations o SET name_words = w.words
  FROM (
    SELECT o2.id, standort_words(ARRAY[o2.normalised_name]
      || coalesce(array_agg(a.normalised_name) FILTER (WHERE a.organisation_id IS NOT NULL), '{}')) AS words
    FROM organisations o2 LEFT JOIN organisation_aliases a ON a.organisation_id = o2.id
    WHERE o2.id = any(ids)
    GROUP BY o2.id, o2.normalised_name
  ) w
  WHERE o.id = w.id AND o.name_words IS DISTINCT FROM w.words
$$;
--> statement-breakpoint
-- After aliases change (inserted, renamed, moved by a merge, deleted): once per statement.
CREATE OR REPLACE FUNCTION standort_alias_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM standort_refresh_words(ARRAY(SELECT DISTINCT organisation_id FROM new_aliases));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM standort_refresh_words(ARRAY(SELECT organisation_id FROM new_aliases UNION SELECT organisation_id FROM old_aliases));
  ELSE
    PERFORM standort_refresh_words(ARRAY(SELECT DISTINCT organisation_id FROM old_aliases));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisation_aliases_inserted_words
  AFTER INSERT ON organisation_aliases REFERENCING NEW TABLE AS new_aliases
  FOR EACH STATEMENT EXECUTE FUNCTION standort_alias_words();
--> statement-breakpoint
CREATE TRIGGER organisation_aliases_updated_words
  AFTER UPDATE ON organisation_aliases REFERENCING OLD TABLE AS old_aliases NEW TABLE AS new_aliases
  FOR EACH STATEMENT EXECUTE FUNCTION standort_alias_words();
--> statement-breakpoint
CREATE TRIGGER organisation_aliases_deleted_words
  AFTER DELETE ON organisation_aliases REFERENCING OLD TABLE AS old_aliases
  FOR EACH STATEMENT EXECUTE FUNCTION standort_alias_words();
--> statement-breakpoint
UPDATE organisations o SET name_words = w.words
FROM (
  SELECT o2.id, standort_words(ARRAY[o2.normalised_name]
    || coalesce(array_agg(a.normalised_name) FILTER (WHERE a.organisation_id IS NOT NULL), '{}')) AS words
  FROM organisations o2 LEFT JOIN organisation_aliases a ON a.organisation_id = o2.id
  GROUP BY o2.id, o2.normalised_name
) w
WHERE o.id = w.id;
--> statement-breakpoint
CREATE INDEX "organisations_name_words_idx" ON "organisations" USING gin ("name_words");--> statement-breakpoint
ANALYZE "organisations";
