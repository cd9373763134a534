-- The vocabulary of organisation names: every word (3+ letters) of every folded name and alias.
CREATE OR REPLACE FUNCTION standort_name_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organisation_name_words (word)
    SELECT DISTINCT w FROM unnest(string_to_array(NEW.normalised_name, ' ')) AS w WHERE length(w) >= 3
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_name_words
  AFTER INSERT OR UPDATE OF normalised_name ON organisations
  FOR EACH ROW EXECUTE FUNCTION standort_name_words();
--> statement-breakpoint
CREATE TRIGGER organisation_aliases_name_words
  AFTER INSERT OR UPDATE OF normalised_name ON organisation_aliases
  FOR EACH ROW EXECUTE FUNCTION standort_name_words();
--> statement-breakpoint
INSERT INTO organisation_name_words (word)
  SELECT DISTINCT w FROM (
    SELECT unnest(string_to_array(normalised_name, ' ')) AS w FROM organisations
    UNION ALL
    SELECT unnest(string_to_array(normalised_name, ' ')) FROM organisation_aliases
  ) words WHERE length(w) >= 3
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Index-only visibility checks when counting an organisation's projects.
CREATE INDEX projects_id_visibility_idx ON projects (id) INCLUDE (programme_id, visibility);
