import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationListItem } from '../../../contracts/organisations';
import { queryRows } from '../../db/client';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';

// Name search reads the words of names and aliases that triggers keep in `organisations.name_words`;
// list pages are cut from the matches in name order; partner lists look up the most shared first.

type Page = { items: OrganisationListItem[]; total: number; isTotalCapped: boolean };
const provenance = '{"kind":"seed","document":"x","title":"x","passage":"x"}';

describe.each(testTargets)('name search and partner lists on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const list = async (query: string): Promise<Page> => (await ctx.app.inject(`/api/organisations?${query}`)).json();
  const ids = (page: Page) => page.items.map((o) => o.id);
  const insertOrganisation = async (name: string, normalised: string, visibility = 'public') => {
    const [row] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into organisations (name, normalised_name, type, visibility, provenance)
        values (${name}, ${normalised}, 'company', ${visibility}::visibility, ${provenance}::jsonb) returning id`,
    );
    return Number(row?.id);
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
  });
  afterAll(() => ctx?.close());

  it('finds a part of a word and follows aliases as they are added, renamed, moved and deleted', async () => {
    const id = await insertOrganisation('Quantenrechnerwerkstatt Bochum GmbH', 'quantenrechnerwerkstatt bochum gmbh');
    expect(ids(await list('q=rechnerwerk'))).toEqual([id]);
    expect(ids(await list('q=Zauberlehrling'))).not.toContain(id);

    await ctx.db.execute(sql`insert into organisation_aliases (organisation_id, name, normalised_name)
      values (${id}, 'Zauberlehrling Labs', 'zauberlehrling labs')`);
    expect(ids(await list('q=Zauberlehrling'))).toEqual([id]);

    await ctx.db.execute(
      sql`update organisation_aliases set name = 'Hexenmeister Labs', normalised_name = 'hexenmeister labs' where organisation_id = ${id}`,
    );
    expect(ids(await list('q=Zauberlehrling'))).not.toContain(id);
    expect(ids(await list('q=Hexenmeister'))).toEqual([id]);

    // An alias that moves to another organisation (as a merge moves them) takes its words along.
    const other = await insertOrganisation('Feldmesser Bochum GmbH', 'feldmesser bochum gmbh');
    await ctx.db.execute(sql`update organisation_aliases set organisation_id = ${other} where organisation_id = ${id}`);
    expect(ids(await list('q=Hexenmeister'))).toEqual([other]);

    await ctx.db.execute(sql`delete from organisation_aliases where organisation_id = ${other}`);
    expect(ids(await list('q=Hexenmeister'))).not.toContain(other);

    // A renamed organisation is found by its new name only.
    await ctx.db.execute(
      sql`update organisations set name = 'Feldvermessung Bochum GmbH', normalised_name = 'feldvermessung bochum gmbh' where id = ${other}`,
    );
    expect(ids(await list('q=Feldvermessung'))).toEqual([other]);
    expect(ids(await list('q=Feldmesser'))).not.toContain(other);
  });

  it('pages through many matches in name order, both ways', async () => {
    const all = await list('q=verein&sort=name&pageSize=200');
    expect(all.total).toBeGreaterThan(20);
    expect(all.total).toBeLessThanOrEqual(200);
    const names = all.items.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const second = await list('q=verein&sort=name&page=2&pageSize=10');
    expect(ids(second)).toEqual(ids(all).slice(10, 20));
    expect(second.total).toBe(all.total);
    const backwards = await list('q=verein&sort=-name&page=2&pageSize=10');
    expect(ids(backwards)).toEqual(ids(all).reverse().slice(10, 20));
  });

  it('lists the most shared partners visible to the reader, also when the most shared are hidden', async () => {
    const [programme] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from programmes where visibility = 'public' limit 1`,
    );
    const hub = await insertOrganisation('Drehkreuz Partnerprobe GmbH', 'drehkreuz partnerprobe gmbh');
    const hidden = [
      await insertOrganisation('Verborgen Eins GmbH', 'verborgen eins gmbh', 'internal'),
      await insertOrganisation('Verborgen Zwei GmbH', 'verborgen zwei gmbh', 'internal'),
    ];
    const shown = await insertOrganisation('Sichtbar Drei GmbH', 'sichtbar drei gmbh');
    // Shared projects: 4 with the first hidden partner, 3 with the second, 1 with the visible one.
    const sharing: [number, number][] = [
      [hidden[0] as number, 4],
      [hidden[1] as number, 3],
      [shown, 1],
    ];
    for (const [partner, count] of sharing) {
      for (let i = 0; i < count; i++) {
        const [project] = await queryRows<{ id: number }>(
          ctx.db,
          sql`insert into projects (programme_id, title, provenance) values (${programme?.id}, ${`Partnerprobe ${partner}-${i}`}, ${provenance}::jsonb) returning id`,
        );
        await ctx.db.execute(sql`insert into project_organisations (project_id, organisation_id, role)
          values (${project?.id}, ${hub}, 'lead'), (${project?.id}, ${partner}, 'partner')`);
      }
    }
    const partners = async (limit: number) =>
      (await ctx.app.inject(`/api/organisations/${hub}/partners?limit=${limit}`)).json().items as {
        organisationId: number;
        sharedProjects: number;
      }[];
    expect(await partners(1)).toEqual([expect.objectContaining({ organisationId: shown, sharedProjects: 1 })]);
    expect((await partners(10)).map((p) => p.organisationId)).toEqual([shown]);
  });
});
