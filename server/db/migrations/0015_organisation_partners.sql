CREATE TABLE "organisation_partners" (
	"organisation_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"projects" integer NOT NULL,
	"public_projects" integer NOT NULL,
	CONSTRAINT "organisation_partners_organisation_id_partner_id_pk" PRIMARY KEY("organisation_id","partner_id")
);
--> statement-breakpoint
DROP INDEX "organisation_nace_code_idx";--> statement-breakpoint
CREATE INDEX "organisation_partners_public_idx" ON "organisation_partners" USING btree ("organisation_id","public_projects" DESC NULLS LAST,"partner_id") WHERE "organisation_partners"."public_projects" > 0;--> statement-breakpoint
CREATE INDEX "organisation_nace_code_idx" ON "organisation_nace" USING btree ("code","organisation_id");--> statement-breakpoint
-- Who has worked with whom, kept in step with project_organisations by statement-level triggers:
-- a bulk load of 100,000 participations pays one pass over the pairs of the projects it touches.
-- A project counts as public when it and its programme are public. The pair of an organisation
-- with itself counts its own projects: its activity, read with one probe.
INSERT INTO organisation_partners (organisation_id, partner_id, projects, public_projects)
SELECT a.organisation_id, b.organisation_id, count(*),
  count(*) FILTER (WHERE p.visibility = 'public' AND g.visibility = 'public')
FROM project_organisations a
JOIN project_organisations b ON b.project_id = a.project_id
JOIN projects p ON p.id = a.project_id
JOIN programmes g ON g.id = p.programme_id
GROUP BY 1, 2;
--> statement-breakpoint
-- New participations: every pair of a touched project with at least one new member counts once more.
CREATE FUNCTION standort_partners_added() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  WITH n AS (SELECT DISTINCT project_id, organisation_id FROM new_rows),
  members AS (
    SELECT po.project_id, po.organisation_id, n.project_id IS NOT NULL AS fresh,
      (p.visibility = 'public' AND g.visibility = 'public') AS pub
    FROM project_organisations po
    LEFT JOIN n USING (project_id, organisation_id)
    JOIN projects p ON p.id = po.project_id
    JOIN programmes g ON g.id = p.programme_id
    WHERE po.project_id IN (SELECT project_id FROM n))
  INSERT INTO organisation_partners AS t (organisation_id, partner_id, projects, public_projects)
  SELECT a.organisation_id, b.organisation_id, count(*), count(*) FILTER (WHERE a.pub)
  FROM members a JOIN members b ON b.project_id = a.project_id
  WHERE a.fresh OR b.fresh
  GROUP BY 1, 2
  ON CONFLICT (organisation_id, partner_id) DO UPDATE
    SET projects = t.projects + excluded.projects, public_projects = t.public_projects + excluded.public_projects;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Removed participations: every pair with at least one removed member counts once less; pairs
-- left with no shared project go. (A project's participations go before the project itself, see
-- standort_partners_project_deleting, so its visibility is still known here.)
CREATE FUNCTION standort_partners_removed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  WITH o AS (SELECT DISTINCT project_id, organisation_id FROM old_rows),
  members AS (
    SELECT m.project_id, m.organisation_id, m.gone,
      coalesce(p.visibility = 'public' AND g.visibility = 'public', false) AS pub
    FROM (
      SELECT project_id, organisation_id, true AS gone FROM o
      UNION ALL
      SELECT po.project_id, po.organisation_id, false FROM project_organisations po
      WHERE po.project_id IN (SELECT project_id FROM o)) m
    LEFT JOIN projects p ON p.id = m.project_id
    LEFT JOIN programmes g ON g.id = p.programme_id),
  d AS (
    SELECT a.organisation_id AS a, b.organisation_id AS b, count(*)::int AS n,
      (count(*) FILTER (WHERE a.pub))::int AS np
    FROM members a JOIN members b ON b.project_id = a.project_id
    WHERE a.gone OR b.gone
    GROUP BY 1, 2),
  emptied AS (
    DELETE FROM organisation_partners t USING d
    WHERE t.organisation_id = d.a AND t.partner_id = d.b AND t.projects <= d.n)
  UPDATE organisation_partners t SET projects = t.projects - d.n, public_projects = t.public_projects - d.np
  FROM d
  WHERE t.organisation_id = d.a AND t.partner_id = d.b AND t.projects > d.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Changed participations (an organisation merged into another moves them): the pairs of the
-- touched projects after the update minus those before. A change of role alone changes nothing.
CREATE FUNCTION standort_partners_moved() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  WITH touched AS (SELECT project_id FROM old_rows UNION SELECT project_id FROM new_rows),
  after AS (
    SELECT po.project_id, po.organisation_id FROM project_organisations po
    WHERE po.project_id IN (SELECT project_id FROM touched)),
  before AS (
    (SELECT project_id, organisation_id FROM after EXCEPT SELECT project_id, organisation_id FROM new_rows)
    UNION
    SELECT project_id, organisation_id FROM old_rows),
  members AS (
    SELECT m.*, (p.visibility = 'public' AND g.visibility = 'public') AS pub
    FROM (SELECT *, 1 AS sign FROM after UNION ALL SELECT *, -1 FROM before) m
    JOIN projects p ON p.id = m.project_id
    JOIN programmes g ON g.id = p.programme_id),
  d AS (
    SELECT a.organisation_id AS a, b.organisation_id AS b, sum(a.sign)::int AS n,
      coalesce(sum(a.sign) FILTER (WHERE a.pub), 0)::int AS np
    FROM members a JOIN members b
      ON b.project_id = a.project_id AND b.sign = a.sign
    GROUP BY 1, 2
    HAVING sum(a.sign) <> 0 OR coalesce(sum(a.sign) FILTER (WHERE a.pub), 0) <> 0),
  emptied AS (
    DELETE FROM organisation_partners t USING d
    WHERE t.organisation_id = d.a AND t.partner_id = d.b AND t.projects + d.n <= 0),
  changed AS (
    UPDATE organisation_partners t SET projects = t.projects + d.n, public_projects = t.public_projects + d.np
    FROM d
    WHERE t.organisation_id = d.a AND t.partner_id = d.b AND t.projects + d.n > 0)
  INSERT INTO organisation_partners (organisation_id, partner_id, projects, public_projects)
  SELECT d.a, d.b, d.n, d.np FROM d
  WHERE d.n > 0
    AND NOT EXISTS (SELECT 1 FROM organisation_partners t WHERE t.organisation_id = d.a AND t.partner_id = d.b);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION standort_partners_truncated() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE organisation_partners;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Projects that became public (delta 1) or stopped being public (-1): all their pairs shift.
CREATE FUNCTION standort_partners_public_shift(ids integer[], deltas integer[]) RETURNS void
  LANGUAGE sql AS $$
  WITH f AS (SELECT * FROM unnest(ids, deltas) AS f(id, delta)),
  d AS (
    SELECT a.organisation_id AS a, b.organisation_id AS b, sum(f.delta)::int AS n
    FROM f
    JOIN project_organisations a ON a.project_id = f.id
    JOIN project_organisations b ON b.project_id = f.id
    GROUP BY 1, 2)
  UPDATE organisation_partners t SET public_projects = t.public_projects + d.n FROM d
  WHERE t.organisation_id = d.a AND t.partner_id = d.b;
$$;
--> statement-breakpoint
CREATE FUNCTION standort_partners_projects_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM standort_partners_public_shift(array_agg(f.id), array_agg(f.delta))
  FROM (
    SELECT n.id, CASE WHEN n.visibility = 'public' AND gn.visibility = 'public' THEN 1 ELSE -1 END AS delta
    FROM new_projects n
    JOIN old_projects o ON o.id = n.id
    JOIN programmes gn ON gn.id = n.programme_id
    JOIN programmes go ON go.id = o.programme_id
    WHERE (n.visibility = 'public' AND gn.visibility = 'public')
      <> (o.visibility = 'public' AND go.visibility = 'public')) f
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION standort_partners_programmes_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM standort_partners_public_shift(array_agg(p.id), array_agg(CASE WHEN n.visibility = 'public' THEN 1 ELSE -1 END))
  FROM new_programmes n
  JOIN old_programmes o ON o.id = n.id
  JOIN projects p ON p.programme_id = n.id AND p.visibility = 'public'
  WHERE (n.visibility = 'public') <> (o.visibility = 'public')
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A deleted project's participations go first, while its visibility is still there to read.
CREATE FUNCTION standort_partners_project_deleting() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM project_organisations WHERE project_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER project_organisations_partners_inserted
  AFTER INSERT ON project_organisations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION standort_partners_added();
--> statement-breakpoint
CREATE TRIGGER project_organisations_partners_deleted
  AFTER DELETE ON project_organisations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION standort_partners_removed();
--> statement-breakpoint
CREATE TRIGGER project_organisations_partners_updated
  AFTER UPDATE ON project_organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION standort_partners_moved();
--> statement-breakpoint
CREATE TRIGGER project_organisations_partners_truncated
  AFTER TRUNCATE ON project_organisations
  FOR EACH STATEMENT EXECUTE FUNCTION standort_partners_truncated();
--> statement-breakpoint
CREATE TRIGGER projects_partners_visibility
  AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
  FOR EACH STATEMENT EXECUTE FUNCTION standort_partners_projects_changed();
--> statement-breakpoint
CREATE TRIGGER programmes_partners_visibility
  AFTER UPDATE ON programmes REFERENCING OLD TABLE AS old_programmes NEW TABLE AS new_programmes
  FOR EACH STATEMENT EXECUTE FUNCTION standort_partners_programmes_changed();
--> statement-breakpoint
CREATE TRIGGER projects_partners_deleting
  BEFORE DELETE ON projects
  FOR EACH ROW EXECUTE FUNCTION standort_partners_project_deleting();
--> statement-breakpoint
-- The partner walk's facts read a project's field of action with its visibility: from the index alone.
DROP INDEX projects_id_visibility_idx;
--> statement-breakpoint
CREATE INDEX projects_id_visibility_idx ON projects (id) INCLUDE (programme_id, visibility, field_of_action_id);
