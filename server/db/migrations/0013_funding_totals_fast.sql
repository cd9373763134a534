-- Bulk writes pay less: a line that arrives with its project's programme and visibility skips the
-- lookup (the writers copy them from the project they just wrote), and the totals are kept by
-- plain SQL over the transition tables instead of a round trip through jsonb.
DROP TRIGGER funding_lines_project ON funding_lines;
--> statement-breakpoint
CREATE TRIGGER funding_lines_project
  BEFORE INSERT OR UPDATE OF project_id ON funding_lines
  FOR EACH ROW WHEN (NEW.programme_id IS NULL OR NEW.project_visibility IS NULL)
  EXECUTE FUNCTION standort_funding_line_project();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION standort_funding_totals_added() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO funding_totals AS t (programme_id, field_of_action_id, project_visibility, source, kind, year, amount_cents, lines)
  SELECT l.programme_id, l.field_of_action_id, l.project_visibility, l.source, l.kind, l.year, sum(l.amount_cents), count(*)
  FROM new_lines l WHERE l.programme_id IS NOT NULL
  GROUP BY l.programme_id, l.field_of_action_id, l.project_visibility, l.source, l.kind, l.year
  ON CONFLICT ON CONSTRAINT funding_totals_key_uq DO UPDATE
    SET amount_cents = t.amount_cents + excluded.amount_cents, lines = t.lines + excluded.lines;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION standort_funding_totals_removed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO funding_totals AS t (programme_id, field_of_action_id, project_visibility, source, kind, year, amount_cents, lines)
  SELECT l.programme_id, l.field_of_action_id, l.project_visibility, l.source, l.kind, l.year, -sum(l.amount_cents), -count(*)
  FROM old_lines l WHERE l.programme_id IS NOT NULL
  GROUP BY l.programme_id, l.field_of_action_id, l.project_visibility, l.source, l.kind, l.year
  ON CONFLICT ON CONSTRAINT funding_totals_key_uq DO UPDATE
    SET amount_cents = t.amount_cents + excluded.amount_cents, lines = t.lines + excluded.lines;
  DELETE FROM funding_totals WHERE lines = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION standort_funding_totals_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO funding_totals AS t (programme_id, field_of_action_id, project_visibility, source, kind, year, amount_cents, lines)
  SELECT c.programme_id, c.field_of_action_id, c.project_visibility, c.source, c.kind, c.year, sum(c.amount), sum(c.n)
  FROM (
    SELECT programme_id, field_of_action_id, project_visibility, source, kind, year, -amount_cents AS amount, -1 AS n FROM old_lines
    UNION ALL
    SELECT programme_id, field_of_action_id, project_visibility, source, kind, year, amount_cents, 1 FROM new_lines
  ) c WHERE c.programme_id IS NOT NULL
  GROUP BY c.programme_id, c.field_of_action_id, c.project_visibility, c.source, c.kind, c.year
  ON CONFLICT ON CONSTRAINT funding_totals_key_uq DO UPDATE
    SET amount_cents = t.amount_cents + excluded.amount_cents, lines = t.lines + excluded.lines;
  DELETE FROM funding_totals WHERE lines = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER funding_lines_totals_inserted ON funding_lines;
--> statement-breakpoint
DROP TRIGGER funding_lines_totals_updated ON funding_lines;
--> statement-breakpoint
DROP TRIGGER funding_lines_totals_deleted ON funding_lines;
--> statement-breakpoint
CREATE TRIGGER funding_lines_totals_inserted
  AFTER INSERT ON funding_lines REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION standort_funding_totals_added();
--> statement-breakpoint
CREATE TRIGGER funding_lines_totals_updated
  AFTER UPDATE ON funding_lines REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION standort_funding_totals_changed();
--> statement-breakpoint
CREATE TRIGGER funding_lines_totals_deleted
  AFTER DELETE ON funding_lines REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION standort_funding_totals_removed();
--> statement-breakpoint
DROP FUNCTION standort_funding_totals();
--> statement-breakpoint
DROP FUNCTION standort_apply_funding_totals(jsonb, integer);
