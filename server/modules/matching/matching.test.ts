import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileKind, Suggestion } from '../../../contracts/matching';
import { queryRows } from '../../db/client';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { anonymous, systemActor } from '../accounts';
import { suggestOrganisationsForChallenge } from './challenge-invitees';
import { analyseText, matchKeysOf } from './concepts';
import { commonPartners, networkCandidates } from './features';

type List = { items: Suggestion[] };

describe.each(testTargets)('partner matching on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  const get = async (url: string) => {
    const res = await ctx.app.inject(url);
    return { status: res.statusCode, body: res.json() };
  };
  const orgByPic = async (pic: string) =>
    (await get(`/api/organisations?identifier=pic:${pic}`)).body.items[0].id as number;
  /** A published profile written straight to the table, with its concepts from its text. */
  const profile = async (
    organisationId: number,
    kind: ProfileKind,
    language: 'de' | 'it' | 'en',
    title: string,
    summary: string,
    visibility: 'public' | 'anonymous' = 'public',
  ) => {
    const { concepts, terms } = await analyseText(ctx.db, `${title}\n${summary}`);
    const keys = concepts.map((c) => c.key);
    const [row] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into partner_profiles (organisation_id, kind, language, title, summary, concept_keys, match_keys,
            terms, expires_on, status, visibility, provenance)
          values (${organisationId}, ${kind}, ${language}, ${title}, ${summary}, ${`{${keys.join(',')}}`}::text[],
            ${`{${matchKeysOf(keys).join(',')}}`}::text[], ${`{${terms.join(',')}}`}::text[],
            current_date + 365, 'published', ${visibility}, '{"kind":"derived","source":"test"}')
          returning id`,
    );
    return row?.id as number;
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
  });
  afterAll(() => ctx?.close());

  it('maps an Italian request and a German offer about the same thing to the same concepts', async () => {
    const it_ = await analyseText(
      ctx.db,
      "Cerchiamo partner per robot collaborativi nell'assemblaggio di componenti aerospaziali",
    );
    const de = await analyseText(ctx.db, 'Wir bieten Leichtbauroboter für die Montage von Flugzeugkomponenten');
    const keys = (r: typeof de) => r.concepts.map((c) => c.key);
    expect(keys(it_)).toEqual(expect.arrayContaining(['tech:robotics', 'tech:aerospace']));
    expect(keys(de)).toEqual(expect.arrayContaining(['tech:robotics', 'tech:aerospace']));
    // Words that only begin alike do not make a concept: Wasserstoff is not Wasserbau.
    const h2 = await analyseText(ctx.db, 'Wasserstoff-Elektrolyseure für die Stahlindustrie');
    expect(keys(h2)).toContain('tech:hydrogen');
    expect(keys(h2)).not.toContain('nace:42.91');
    const electronics = await analyseText(ctx.db, 'Wir bringen Elektronik und Steuerung ein');
    expect(keys(electronics)).not.toContain('nace:43.21');
    const plastics = await analyseText(ctx.db, 'Kunststoffteile im Spritzguss');
    expect(keys(plastics)).toEqual(expect.arrayContaining(['tech:plastics', 'nace:22.29']));
  });

  it('suggests partners of an organisation with a score and reasons, never its existing partners', async () => {
    const dlr = await orgByPic('999981731');
    const { status, body } = await get(`/api/organisations/${dlr}/partner-suggestions?limit=10`);
    expect(status).toBe(200);
    const { items } = body as List;
    expect(items).toHaveLength(10);
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of items) {
      expect(item.organisationId).not.toBe(dlr);
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.reasons.every((r) => r.text.length > 0)).toBe(true);
    }
    expect(items.some((i) => i.reasons.some((r) => r.code === 'partners_of_partners'))).toBe(true);
    const ids = items.map((i) => i.organisationId as number);
    const shared = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from project_organisations a join project_organisations b on a.project_id = b.project_id
          where a.organisation_id = ${dlr} and b.organisation_id = any(${`{${ids.join(',')}}`}::int[])`,
    );
    expect(shared[0]?.n).toBe(0);
  });

  it('knows who worked with whom in every demo project (the partner table the imports keep)', async () => {
    const [diff] = await queryRows<{ pairs: number; differing: number }>(
      ctx.db,
      sql`with computed as (
            select x.organisation_id, y.organisation_id as partner_id, count(*)::int as projects
            from project_organisations x
            join project_organisations y on y.project_id = x.project_id
            group by 1, 2),
          kept as (select organisation_id, partner_id, projects from organisation_partners)
          select (select count(*)::int from kept) as pairs,
            (select count(*)::int from ((table computed except table kept) union all (table kept except table computed)) d) as differing`,
    );
    expect(diff?.pairs).toBeGreaterThan(10_000);
    expect(diff?.differing).toBe(0);
  });

  it('leaves out every organisation the asker shares a project with, also one the reader cannot see', async () => {
    const dlr = await orgByPic('999981731');
    const candidates = await networkCandidates(ctx.db, anonymous, dlr, { limit: 500 });
    expect(candidates.size).toBeGreaterThan(100);
    const shared = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from project_organisations a join project_organisations b on a.project_id = b.project_id
          where a.organisation_id = ${dlr} and b.organisation_id = any(${`{${[...candidates.keys()].join(',')}}`}::int[])`,
    );
    expect(shared[0]?.n).toBe(0);
    // A project hidden from the reader still makes its members partners: the first candidate joins one.
    const [first] = candidates.keys();
    const [hidden] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into projects (programme_id, title, visibility, provenance)
          select programme_id, 'Interne Zusammenarbeit', 'internal', '{"kind":"derived","source":"test"}'
          from projects where id = (select project_id from project_organisations where organisation_id = ${dlr} limit 1)
          returning id`,
    );
    await ctx.db.execute(sql`insert into project_organisations (project_id, organisation_id, role)
      values (${hidden?.id}, ${dlr}, 'lead'), (${hidden?.id}, ${first}, 'partner')`);
    try {
      const after = await networkCandidates(ctx.db, anonymous, dlr, { limit: 500 });
      expect(after.has(first as number)).toBe(false);
      const { body } = await get(`/api/organisations/${dlr}/partner-suggestions?limit=10`);
      expect((body as List).items.map((i) => i.organisationId)).not.toContain(first);
    } finally {
      await ctx.db.execute(sql`delete from projects where id = ${hidden?.id}`);
    }
  });

  it("names the asker's closest partners each given organisation worked with, from public projects", async () => {
    const dlr = await orgByPic('999981731');
    const others = [...(await networkCandidates(ctx.db, anonymous, dlr, { limit: 60 })).keys()];
    const hits = await commonPartners(ctx.db, dlr, others);
    const expected = await queryRows<{ c: number; via: number; via_ids: number[] }>(
      ctx.db,
      sql`with public_pairs as (
            select x.organisation_id as a, y.organisation_id as b, count(distinct x.project_id)::int as n
            from project_organisations x
            join project_organisations y on y.project_id = x.project_id and y.organisation_id <> x.organisation_id
            join projects p on p.id = x.project_id join programmes g on g.id = p.programme_id
            where p.visibility = 'public' and g.visibility = 'public'
            group by 1, 2),
          closest as (select b, n from public_pairs where a = ${dlr} order by n desc, b limit 50)
          select theirs.a as c, count(*)::int as via, (array_agg(closest.b order by closest.n desc, closest.b))[1:3] as via_ids
          from closest join public_pairs theirs on theirs.b = closest.b
          where theirs.a = any(${`{${others.join(',')}}`}::int[])
          group by theirs.a`,
    );
    expect(expected.length).toBeGreaterThan(30);
    expect(new Map([...hits].map(([c, h]) => [c, [h.via, h.viaIds]]))).toEqual(
      new Map(expected.map((r) => [r.c, [r.via, r.via_ids]])),
    );
  });

  it('filters suggestions by country and type and speaks Italian when asked', async () => {
    const dlr = await orgByPic('999981731');
    const { body } = await get(`/api/organisations/${dlr}/partner-suggestions?limit=5&country=IT&type=company&lang=it`);
    const { items } = body as List;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.country === 'IT' && i.type === 'company')).toBe(true);
    expect(items[0]?.reasons.map((r) => r.text).join(' ')).toMatch(/in comune|ambiti|si completano/);
  });

  it('never shows an organisation hidden from the reader', async () => {
    const dlr = await orgByPic('999981731');
    const before = ((await get(`/api/organisations/${dlr}/partner-suggestions?limit=3`)).body as List).items;
    const first = before[0]?.organisationId as number;
    await ctx.db.execute(sql`update organisations set visibility = 'restricted' where id = ${first}`);
    try {
      const after = ((await get(`/api/organisations/${dlr}/partner-suggestions?limit=10`)).body as List).items;
      expect(after.map((i) => i.organisationId)).not.toContain(first);
      expect(JSON.stringify(after)).not.toContain(before[0]?.name as string);
    } finally {
      await ctx.db.execute(sql`update organisations set visibility = 'public' where id = ${first}`);
    }
  });

  it('answers 404 for an unknown organisation and 400 naming a bad parameter', async () => {
    expect((await get('/api/organisations/99999999/partner-suggestions')).status).toBe(404);
    const bad = await get('/api/organisations/1/partner-suggestions?limit=500&country=Italia');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
    expect(JSON.stringify(bad.body)).toContain('country');
  });

  it('matches an Italian request with a German offer, and keeps an anonymous author unnamed', async () => {
    const torino = await orgByPic('999842536');
    const dlr = await orgByPic('999981731');
    const request = await profile(
      torino,
      'technology_request',
      'it',
      'Robot collaborativi per componenti aerospaziali',
      "Cerchiamo una tecnologia di robot collaborativi per l'assemblaggio di componenti aerospaziali leggeri.",
    );
    const offer = await profile(
      dlr,
      'technology_offer',
      'de',
      'Leichtbauroboter für die Flugzeugmontage',
      'Wir bieten Leichtbauroboter für die Montage von Flugzeugkomponenten und suchen Anwender.',
      'anonymous',
    );
    const { status, body } = await get(`/api/profiles/${request}/matches?limit=10`);
    expect(status).toBe(200);
    const match = (body as List).items.find((i) => i.profileId === offer);
    expect(match).toBeDefined();
    expect(match?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['offer_meets_request', 'shared_concepts']),
    );
    expect(match?.organisationId).toBeNull();
    expect(match?.name).toBeNull();
    expect(match?.country).toBe('DE');
    expect(JSON.stringify(body)).not.toMatch(/Luft- und Raumfahrt e\.V\./);
    // The other way round, the German offer finds the Italian request, named.
    const back = ((await get(`/api/profiles/${offer}/matches?limit=10`)).body as List).items;
    expect(back.find((i) => i.profileId === request)?.organisationId).toBe(torino);
  });

  it('finds the profile sharing two concepts among hundreds sharing one of them', async () => {
    const torino = await orgByPic('999842536');
    const dlr = await orgByPic('999981731');
    const columns = sql`organisation_id, kind, language, title, summary, concept_keys, match_keys, terms, expires_on,
      status, visibility, provenance`;
    const values = (keys: SQL) =>
      sql`'technology_offer', 'en', 'Offer', 'An offer.', ${keys}, ${keys}, '{}', current_date + 365,
        'published', 'public', '{"kind":"derived","source":"test"}'`;
    const two = sql`'{tech:additive_manufacturing,tech:textiles}'::text[]`;
    const [asking] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into partner_profiles (${columns}) values (${torino}, ${values(two)}) returning id`,
    );
    // 200 profiles of other organisations, each sharing one of the two concepts, written first.
    await ctx.db.execute(
      sql`insert into partner_profiles (${columns})
          select o.id, ${values(sql`k.keys::text[]`)} from (
            select id from organisations where visibility = 'public' and id not in (${torino}, ${dlr}) order by id limit 100) o
          cross join (values ('{tech:additive_manufacturing}'), ('{tech:textiles}')) k(keys)`,
    );
    const [both] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into partner_profiles (${columns}) values (${dlr}, ${values(two)}) returning id`,
    );
    try {
      const { body } = await get(`/api/profiles/${asking?.id}/matches?limit=10`);
      expect((body as List).items[0]?.profileId).toBe(both?.id);
    } finally {
      await ctx.db.execute(sql`delete from partner_profiles where provenance->>'source' = 'test' and title = 'Offer'`);
    }
  });

  it('suggests firms for an Italian challenge from their German projects on the same topic', async () => {
    const torino = await orgByPic('999842536');
    const text = 'Cerchiamo soluzioni di robotica collaborativa per il montaggio';
    const { concepts, terms } = await analyseText(ctx.db, text);
    const keys = concepts.map((c) => c.key);
    expect(keys).toContain('tech:robotics');
    const [challenge] = await queryRows<{ id: number }>(
      ctx.db,
      sql`insert into challenges (organisation_id, title, problem, language, concept_keys, match_keys, terms, deadline)
          values (${torino}, 'Robotica collaborativa', ${text}, 'it', ${`{${keys.join(',')}}`}::text[],
            ${`{${matchKeysOf(keys).join(',')}}`}::text[], ${`{${terms.join(',')}}`}::text[], current_date + 30)
          returning id`,
    );
    const { items } = await suggestOrganisationsForChallenge(ctx.db, systemActor, challenge?.id as number, {
      limit: 10,
      lang: 'it',
    });
    const topical = items.filter((i) => i.reasons.some((r) => r.code === 'project_topics'));
    expect(topical.length).toBeGreaterThan(0);
    const evidence = topical.flatMap((i) => i.reasons.find((r) => r.code === 'project_topics')?.evidence ?? []);
    expect(evidence.join(' ')).toMatch(/robot|automatis/i);
    expect(topical[0]?.reasons.map((r) => r.text).join(' ')).toMatch(/progett/);
  });
});
