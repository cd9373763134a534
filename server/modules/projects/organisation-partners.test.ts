import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client';
import { createTestDatabase, testTargets } from '../../test/database';

// organisation_partners follows project_organisations through every kind of write.

type Pair = { a: number; b: number; n: number; np: number };

describe.each(testTargets)('organisation partners on %s', (target) => {
  let database: Database;
  const orgs: number[] = [];
  const projects: number[] = [];
  const run = (query: ReturnType<typeof sql>) => database.db.execute(query);

  /** The table as kept by the triggers and as computed from the participations, both sorted. */
  const keptAndComputed = async () => {
    const kept = await queryRows<Pair>(
      database.db,
      sql`select organisation_id as a, partner_id as b, projects as n, public_projects as np
          from organisation_partners order by 1, 2`,
    );
    const computed = await queryRows<Pair>(
      database.db,
      sql`select x.organisation_id as a, y.organisation_id as b, count(*)::int as n,
            (count(*) filter (where p.visibility = 'public' and g.visibility = 'public'))::int as np
          from project_organisations x
          join project_organisations y on y.project_id = x.project_id
          join projects p on p.id = x.project_id join programmes g on g.id = p.programme_id
          group by 1, 2 order by 1, 2`,
    );
    return { kept, computed };
  };
  const expectInStep = async () => {
    const { kept, computed } = await keptAndComputed();
    expect(kept).toEqual(computed);
    return kept;
  };
  const pair = async (a: number, b: number) =>
    (
      await queryRows<{ n: number; np: number }>(
        database.db,
        sql`select projects as n, public_projects as np from organisation_partners
            where organisation_id = ${orgs[a]} and partner_id = ${orgs[b]}`,
      )
    )[0] ?? { n: 0, np: 0 };
  const shared = async (a: number, b: number) => (await pair(a, b)).n;
  const participate = (pairs: [number, number][]) =>
    run(sql`insert into project_organisations (project_id, organisation_id, role)
      values ${sql.join(
        pairs.map(([p, o]) => sql`(${projects[p]}, ${orgs[o]}, 'partner')`),
        sql`, `,
      )}`);

  beforeAll(async () => {
    database = await createTestDatabase(target);
    const provenance = '{"kind":"derived","source":"test"}';
    const [programme] = await queryRows<{ id: number }>(
      database.db,
      sql`insert into programmes (slug, name, provenance) values ('partners-test', 'Partner test', ${provenance}) returning id`,
    );
    for (let i = 0; i < 6; i++) {
      const [o] = await queryRows<{ id: number }>(
        database.db,
        sql`insert into organisations (name, normalised_name, type, provenance)
            values (${`Org ${i}`}, ${`org ${i}`}, 'company', ${provenance}) returning id`,
      );
      orgs.push(o?.id as number);
    }
    for (let i = 0; i < 4; i++) {
      const [p] = await queryRows<{ id: number }>(
        database.db,
        sql`insert into projects (programme_id, title, provenance)
            values (${programme?.id}, ${`Project ${i}`}, ${provenance}) returning id`,
      );
      projects.push(p?.id as number);
    }
  });
  afterAll(() => database?.close());

  it('counts the projects each pair shares, both ways, through bulk and single inserts', async () => {
    // One statement: whole consortia and pairs where both members are new.
    await participate([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
    ]);
    // One at a time: a new member meets the old ones.
    await participate([[1, 3]]);
    await participate([[2, 0]]);
    await participate([
      [2, 1],
      [2, 4],
    ]);
    const kept = await expectInStep();
    expect(kept.length).toBeGreaterThan(0);
    expect(await shared(0, 1)).toBe(3);
    expect(await shared(1, 0)).toBe(3);
    expect(await shared(3, 0)).toBe(1);
    expect(await shared(5, 0)).toBe(0);
    // With itself: its own projects.
    expect(await shared(0, 0)).toBe(3);
    expect(await shared(3, 3)).toBe(1);
  });

  it('counts down when participations or whole projects go, and forgets pairs left with none', async () => {
    await run(
      sql`delete from project_organisations where project_id = ${projects[2]} and organisation_id = ${orgs[4]}`,
    );
    expect(await shared(4, 0)).toBe(0);
    await run(sql`delete from project_organisations where project_id = ${projects[1]}`);
    expect(await shared(0, 1)).toBe(2);
    expect(await shared(3, 1)).toBe(0);
    await participate([
      [3, 4],
      [3, 5],
    ]);
    // Deleting the project removes its participations by cascade.
    await run(sql`delete from projects where id = ${projects[3]}`);
    expect(await shared(4, 5)).toBe(0);
    await expectInStep();
  });

  it('moves the pairs when an organisation is merged into another, and ignores role changes', async () => {
    await participate([
      [1, 3],
      [1, 4],
      [2, 4],
    ]);
    expect(await shared(4, 0)).toBe(1);
    // As the merge does it: move what the survivor (3) lacks, then drop the duplicate (4).
    await run(sql`update project_organisations po set organisation_id = ${orgs[3]}
      where po.organisation_id = ${orgs[4]}
        and not exists (select 1 from project_organisations x where x.project_id = po.project_id and x.organisation_id = ${orgs[3]})`);
    await run(sql`update project_organisations set role = 'lead' where organisation_id = ${orgs[3]}`);
    await run(sql`delete from project_organisations where organisation_id = ${orgs[4]}`);
    const kept = await expectInStep();
    expect(kept.some((r) => r.a === orgs[4] || r.b === orgs[4])).toBe(false);
    expect(await shared(3, 0)).toBe(1);
  });

  it('counts public collaborations apart, following the visibility of projects and programmes', async () => {
    // Project 0 {0,1,2} and project 2 {0,1,3} are public; project 0 turns internal.
    expect(await pair(0, 1)).toEqual({ n: 2, np: 2 });
    await run(sql`update projects set visibility = 'internal' where id = ${projects[0]}`);
    expect(await pair(0, 1)).toEqual({ n: 2, np: 1 });
    expect(await pair(2, 0)).toEqual({ n: 1, np: 0 });
    await expectInStep();
    // A new member of the internal project shares no public project with the others.
    await participate([[0, 5]]);
    expect(await pair(5, 0)).toEqual({ n: 1, np: 0 });
    // The programme goes internal: nothing is public any more; back to public: project 2 again.
    await run(sql`update programmes set visibility = 'internal'`);
    expect(await pair(0, 1)).toEqual({ n: 2, np: 0 });
    await expectInStep();
    await run(sql`update programmes set visibility = 'public'`);
    await run(sql`update projects set visibility = 'public' where id = ${projects[0]}`);
    expect(await pair(0, 1)).toEqual({ n: 2, np: 2 });
    expect(await pair(5, 0)).toEqual({ n: 1, np: 1 });
    // Renaming a project changes nothing.
    await run(sql`update projects set title = 'Neuer Titel' where id = ${projects[2]}`);
    await expectInStep();
  });

  it('empties with its source', async () => {
    await run(sql`truncate project_organisations`);
    expect(await expectInStep()).toEqual([]);
  });
});
