import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDetail, ProfileListItem } from '../../../contracts/profiles';
import { addDays, addMonths, germanDate, todayInGermany } from '../../calendar';
import { queryRows } from '../../db/client';
import type { Session } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { numbersIn, type Org, setUpMatchmaking } from './profiles.fixtures';

// Partner profiles: written as drafts by those who speak for an organisation, reviewed by its
// agency, public once published and until they expire; anonymous ones never name their author to
// outsiders; found by words in any of the three languages.

describe.each(testTargets)('partner profiles on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let m: Awaited<ReturnType<typeof setUpMatchmaking>>;
  let admin: Session;
  let author: Session;
  let italianAuthor: Session;
  let reviewer: Session;
  let otherAgency: Session;
  let outsider: Session;
  /** A small company in Dortmund, whose default agency is Wirtschaftsförderung Dortmund. */
  let company: Org;
  let italian: Org;
  let dortmundAgency: number;
  const today = todayInGermany();
  const call: Awaited<ReturnType<typeof setUpMatchmaking>>['call'] = (...args) => m.call(...args);
  const draft = (extra: object = {}) => m.draft(extra);
  const published = (payload: object, who = author, by = reviewer) => m.publish(payload, who, by);
  const count = (table: 'partner_profiles' | 'audit_log') => m.count(table);
  const ids = (items: ProfileListItem[]) => items.map((p) => p.id);
  const search = async (query: string, who?: Session) =>
    ids((await call('GET', `/api/profiles?pageSize=200&${query}`, who)).body.items);

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    m = await setUpMatchmaking(ctx, 'profiles.example.org');
    ({ admin, author, italianAuthor, reviewer, otherAgency, outsider, company, italian, dortmundAgency } = m);
  });
  afterAll(() => ctx?.close());

  it('creates a draft with the concepts of its text and the local agency; published after review, public from then on', async () => {
    const auditBefore = await count('audit_log');
    const created = await call('POST', '/api/profiles', author, draft());
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      kind: 'technology_offer',
      conceptsEdited: false,
      organisation: { id: company.id, name: company.name },
      agency: { id: dortmundAgency },
      expiresOn: addMonths(today, 12),
      visibility: 'public',
      stage: 'not_applicable',
      publishedAt: null,
      allowedActions: ['edit', 'submit', 'withdraw'],
      version: 1,
    });
    const robotics = created.body.concepts.find((c: { key: string }) => c.key === 'tech:robotics');
    expect(robotics).toMatchObject({ kind: 'technology', labels: { de: 'Robotik', it: 'Robotica' } });
    expect(robotics.labels.en).toBeTruthy();
    expect(await count('audit_log')).toBe(auditBefore + 1);
    const id = created.body.id as number;

    // A draft is the author's: hidden from the public and from other organisations.
    expect((await call('GET', `/api/profiles/${id}`)).status).toBe(404);
    expect((await call('GET', `/api/profiles/${id}`, outsider)).status).toBe(404);
    expect(await search('q=Roboter')).not.toContain(id);
    expect(await search('status=draft', author)).toContain(id);

    expect((await call('POST', `/api/profiles/${id}/submit`, outsider)).status).toBe(404);
    const submitted = await call('POST', `/api/profiles/${id}/submit`, author, { version: 1 });
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    expect((await call('POST', `/api/profiles/${id}/submit`, author)).status).toBe(409);
    // Only the agency of the profile reviews: the author may not, another agency does not even see it.
    expect((await call('POST', `/api/profiles/${id}/review`, author, { decision: 'publish' })).status).toBe(403);
    expect((await call('POST', `/api/profiles/${id}/review`, otherAgency, { decision: 'publish' })).status).toBe(404);
    expect(await search('status=submitted', reviewer)).toContain(id);
    const review = await call('GET', `/api/profiles/${id}`, reviewer);
    expect(review.body.allowedActions).toEqual(['review']);
    const stale = await call('POST', `/api/profiles/${id}/review`, reviewer, { decision: 'publish', version: 1 });
    expect(stale.status).toBe(409);
    const publishedNow = await call('POST', `/api/profiles/${id}/review`, reviewer, {
      decision: 'publish',
      note: 'Passt.',
    });
    expect(publishedNow.status).toBe(200);
    expect(publishedNow.body.status).toBe('published');
    expect(publishedNow.body.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const open = await call('GET', `/api/profiles/${id}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ status: 'published', organisation: { id: company.id }, reviewNote: null });
    expect(open.body.allowedActions).toEqual([]);
    expect((await call('GET', `/api/profiles/${id}`, author)).body.reviewNote).toBe('Passt.');
    expect(await search('q=Roboter')).toContain(id);
    const audit = await queryRows<{ action: string }>(
      ctx.db,
      sql`select action from audit_log where entity_type = 'partner_profile' and entity_id = ${String(id)} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'publish']);
  });

  it('rejects with a note only; the author revises and submits again', async () => {
    const { body: created } = await call('POST', '/api/profiles', author, draft({ title: 'Greifer aus Kunststoff' }));
    await call('POST', `/api/profiles/${created.id}/submit`, author);
    const bare = await call('POST', `/api/profiles/${created.id}/review`, reviewer, { decision: 'reject' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.note' }));
    const rejected = await call('POST', `/api/profiles/${created.id}/review`, reviewer, {
      decision: 'reject',
      note: 'Bitte das Angebot genauer beschreiben.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: 'Bitte das Angebot genauer beschreiben.' });
    expect((await call('GET', `/api/profiles/${created.id}`)).status).toBe(404);
    expect((await call('GET', `/api/profiles/${created.id}`, author)).body.allowedActions).toContain('submit');
    expect((await call('POST', `/api/profiles/${created.id}/submit`, author)).body.status).toBe('submitted');
    const withdrawn = await call('POST', `/api/profiles/${created.id}/withdraw`, author);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await call('POST', `/api/profiles/${created.id}/withdraw`, author)).status).toBe(409);
    expect((await call('PATCH', `/api/profiles/${created.id}`, author, { version: 4, title: 'x' })).status).toBe(409);
  });

  it('shows an anonymous profile with country, type and size only to everyone but its organisation, agency and admins', async () => {
    const profile = await published(
      draft({ visibility: 'anonymous', title: 'Anonyme Anfrage: Roboter zum Schweißen', kind: 'technology_request' }),
    );
    const hidden = async (who: Session | undefined) => {
      const detail = await call('GET', `/api/profiles/${profile.id}`, who);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        organisation: null,
        agency: null,
        organisationType: 'company',
        sizeClass: 'small',
        country: 'DE',
        visibility: 'anonymous',
      });
      // Only this profile is a technology request of the company so far: the whole page must not name it.
      const list = await call('GET', '/api/profiles?q=Schweißen&kind=technology_request&pageSize=200', who);
      expect(ids(list.body.items)).toContain(profile.id);
      for (const res of [detail, list]) {
        expect(res.text).not.toContain(company.name);
        expect(numbersIn(res.body)).not.toContain(company.id);
        expect(numbersIn(res.body)).not.toContain(dortmundAgency);
        expect(res.text).not.toContain('Dortmund');
      }
      // Asking by organisation or agency does not reveal who wrote it.
      expect(await search(`organisationId=${company.id}`, who)).not.toContain(profile.id);
      expect(await search(`agencyId=${dortmundAgency}`, who)).not.toContain(profile.id);
    };
    await hidden(undefined);
    await hidden(outsider);
    await hidden(otherAgency);
    await hidden(italianAuthor);
    for (const who of [author, reviewer, admin]) {
      const detail = await call('GET', `/api/profiles/${profile.id}`, who);
      expect(detail.body.organisation).toMatchObject({ id: company.id, name: company.name });
      expect(detail.body.agency).toMatchObject({ id: dortmundAgency });
      expect(await search(`organisationId=${company.id}`, who)).toContain(profile.id);
    }
  });

  it('finds German and Italian profiles by words in either language, and filters by kind and country', async () => {
    const german = await published(
      draft({
        title: 'Elektrolyseure für grünen Wasserstoff',
        summary: 'Wir fertigen Elektrolyseure und suchen Abnehmer für Wasserstoff aus Windstrom.',
        kind: 'business_offer',
      }),
    );
    const italiano = await published(
      {
        organisationId: italian.id,
        kind: 'technology_request',
        language: 'it',
        title: 'Celle a combustibile a idrogeno per veicoli',
        summary: 'Cerchiamo un fornitore di robotica collaborativa e di celle a combustibile a idrogeno.',
      },
      italianAuthor,
      admin,
    );
    // No agency covers Torino: the profile has none, and admins review it.
    expect(italiano.agency).toBeNull();
    expect(italiano.country).toBe('IT');
    const robots = (await call('GET', '/api/profiles?q=Roboter&pageSize=200')).body.items as ProfileListItem[];
    expect(ids(robots)).toContain(italiano.id);
    expect(robots.every((p) => p.relevance !== null && p.relevance > 0)).toBe(true);
    expect(await search('q=robotica')).toEqual(expect.arrayContaining([italiano.id]));
    expect((await search('q=robotica')).length).toBeGreaterThan(1);
    expect(await search('q=idrogeno')).toEqual(expect.arrayContaining([german.id, italiano.id]));
    expect(await search('q=Wasserstoff')).toEqual(expect.arrayContaining([german.id, italiano.id]));
    expect(await search('q=hydrogen')).toEqual(expect.arrayContaining([german.id, italiano.id]));
    expect(await search('q=Wasserstoff&country=IT')).toEqual([italiano.id]);
    expect(await search('q=Wasserstoff&country=it')).toEqual([italiano.id]);
    expect(await search('q=Wasserstoff&country=DE')).toEqual([german.id]);
    expect(await search('q=Wasserstoff&kind=business_offer')).toEqual([german.id]);
    expect(await search('concept=tech:hydrogen')).toEqual(expect.arrayContaining([german.id, italiano.id]));
    // Newest published first without words.
    const all = await search('');
    expect(all.indexOf(italiano.id)).toBeLessThan(all.indexOf(german.id));
    expect((await call('GET', '/api/profiles?kind=alien')).status).toBe(400);
    expect((await call('GET', '/api/profiles?country=Deutschland')).status).toBe(400);
  });

  it('renews only within 30 days of expiry, for 12 months from then; an expired profile is hidden until renewed', async () => {
    const soon = await published(draft({ title: 'Bald ablaufend', expiresOn: addDays(today, 20) }));
    expect((await call('GET', `/api/profiles/${soon.id}`, author)).body).toMatchObject({
      allowedActions: expect.arrayContaining(['renew']),
      renewableFrom: addDays(today, -10),
    });
    expect((await call('POST', `/api/profiles/${soon.id}/renew`, outsider)).status).toBe(403);
    const renewed = await call('POST', `/api/profiles/${soon.id}/renew`, author);
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.body.expiresOn).toBe(addMonths(addDays(today, 20), 12));
    const again = await call('POST', `/api/profiles/${soon.id}/renew`, author);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(germanDate(addDays(addMonths(addDays(today, 20), 12), -30)));

    const expiring = await published(draft({ title: 'Abgelaufenes Angebot' }));
    await ctx.db.execute(sql`update partner_profiles set expires_on = ${addDays(today, -3)} where id = ${expiring.id}`);
    expect((await call('GET', `/api/profiles/${expiring.id}`)).status).toBe(404);
    expect(await search('q=Abgelaufenes')).toEqual([]);
    const own = await call('GET', `/api/profiles/${expiring.id}`, author);
    expect(own.body).toMatchObject({ isExpired: true, status: 'published' });
    expect(await search('q=Abgelaufenes', author)).toEqual([expiring.id]);
    const back = await call('POST', `/api/profiles/${expiring.id}/renew`, author);
    expect(back.body).toMatchObject({ expiresOn: addMonths(today, 12), isExpired: false });
    expect(await search('q=Abgelaufenes')).toEqual([expiring.id]);
  });

  it('edits with the version read: stale 409, new text back to review with new concepts, chosen concepts kept', async () => {
    const profile = await published(draft({ title: 'Roboter für Lager' }));
    const stale = await call('PATCH', `/api/profiles/${profile.id}`, author, { version: 1, stage: 'pilot' });
    expect(stale.status).toBe(409);
    expect((await call('PATCH', `/api/profiles/${profile.id}`, outsider, { version: 3 })).status).toBe(403);
    const staged = await call('PATCH', `/api/profiles/${profile.id}`, author, { version: 3, stage: 'pilot' });
    expect(staged.body).toMatchObject({ status: 'published', stage: 'pilot', version: 4 });
    const rewritten = await call('PATCH', `/api/profiles/${profile.id}`, author, {
      version: 4,
      title: 'Wasserstoff-Elektrolyseure',
      summary: 'Elektrolyseure für grünen Wasserstoff.',
    });
    expect(rewritten.body.status).toBe('submitted');
    const keys = (p: ProfileDetail) => p.concepts.map((c) => c.key);
    expect(keys(rewritten.body)).toContain('tech:hydrogen');
    expect(keys(rewritten.body)).not.toContain('tech:robotics');
    expect((await call('GET', `/api/profiles/${profile.id}`)).status).toBe(404);
    const chosen = await call('PATCH', `/api/profiles/${profile.id}`, author, {
      version: 5,
      conceptKeys: ['tech:batteries'],
    });
    expect(chosen.body).toMatchObject({ conceptsEdited: true });
    expect(keys(chosen.body)).toEqual(['tech:batteries']);
    const retitled = await call('PATCH', `/api/profiles/${profile.id}`, author, { version: 6, title: 'Roboter' });
    expect(keys(retitled.body)).toEqual(['tech:batteries']);
    const automatic = await call('PATCH', `/api/profiles/${profile.id}`, author, { version: 7, conceptKeys: null });
    expect(automatic.body.conceptsEdited).toBe(false);
    expect(keys(automatic.body)).toContain('tech:robotics');
    expect(await search('concept=tech:batteries', author)).not.toContain(profile.id);
  });

  it('refuses bad profiles naming the field and writes nothing; anonymous 401, outsiders 403', async () => {
    const before = { profiles: await count('partner_profiles'), audit: await count('audit_log') };
    const refused = async (payload: object, field: string) => {
      const res = await call('POST', '/api/profiles', author, draft(payload));
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    };
    await refused({ title: 'x'.repeat(201) }, 'body.title');
    await refused({ summary: '' }, 'body.summary');
    await refused({ kind: 'alien' }, 'body.kind');
    await refused({ language: 'fr' }, 'body.language');
    await refused({ conceptKeys: ['tech:robotics', 'tech:unbekannt'] }, 'body.conceptKeys');
    await refused({ conceptKeys: ['Robotik'] }, 'body.conceptKeys.0');
    await refused({ soughtCountries: ['Deutschland'] }, 'body.soughtCountries.0');
    await refused({ soughtRegionIds: [999_999] }, 'body.soughtRegionIds.0');
    await refused({ deadline: addDays(today, -1) }, 'body.deadline');
    await refused({ expiresOn: addMonths(today, 25) }, 'body.expiresOn');
    await refused({ expiresOn: addDays(today, -1) }, 'body.expiresOn');
    await refused({ agencyOrganisationId: italian.id }, 'body.agencyOrganisationId');
    await refused({ visibility: 'secret' }, 'body.visibility');
    const admins = await call('POST', '/api/profiles', admin, draft({ organisationId: 999_999_999 }));
    expect(admins.body.error.details.fields[0].field).toBe('body.organisationId');
    expect((await call('POST', '/api/profiles', undefined, draft())).status).toBe(401);
    expect((await call('POST', '/api/profiles', outsider, draft())).status).toBe(403);
    expect((await call('GET', '/api/profiles/999999')).status).toBe(404);
    expect((await call('PATCH', '/api/profiles/999999', author, { version: 1 })).status).toBe(404);
    expect(await count('partner_profiles')).toBe(before.profiles);
    expect(await count('audit_log')).toBe(before.audit);
    // The two-year limit is allowed exactly.
    const longest = await call('POST', '/api/profiles', author, draft({ expiresOn: addMonths(today, 24) }));
    expect(longest.status).toBe(201);
  });
});
