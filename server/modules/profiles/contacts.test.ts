import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDetail, ProfileDetail } from '../../../contracts/profiles';
import { addDays, germanDate, todayInGermany } from '../../calendar';
import { queryRows } from '../../db/client';
import type { Session } from '../../test/accounts';
import { testTargets } from '../../test/database';
import { createDemoApp } from '../../test/demo-app';
import { FOLLOW_UP_WEEKS } from './contacts.transitions';
import { numbersIn, type Org, setUpMatchmaking } from './profiles.fixtures';

// The contact funnel: an expression of interest, brokered by the agency, a meeting, the rating six
// weeks later and the project or grant that came of it; an anonymous author stays unknown to the
// sender until the agency brokers; the agency's dashboard counts it all.

describe.each(testTargets)('the contact funnel on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let m: Awaited<ReturnType<typeof setUpMatchmaking>>;
  let admin: Session;
  let author: Session;
  let sender: Session;
  let reviewer: Session;
  let otherAgency: Session;
  let outsider: Session;
  let company: Org;
  let from: Org;
  let dortmundAgency: number;
  let anonymousProfile: ProfileDetail;
  let publicProfile: ProfileDetail;
  let grant: { id: number; projectId: number };
  const today = todayInGermany();
  const call: Awaited<ReturnType<typeof setUpMatchmaking>>['call'] = (...args) => m.call(...args);
  const interest = (extra: object = {}) => ({
    fromOrganisationId: from.id,
    profileId: anonymousProfile.id,
    cooperation: 'Gemeinsame Entwicklung eines Schweißroboters für Kleinserien',
    unclear: 'Welche Stückzahlen sind geplant?',
    about: 'Wir sind ein Maschinenbauer mit 40 Beschäftigten.',
    ...extra,
  });
  const move = (id: number, who: Session, payload: object) =>
    call('POST', `/api/contacts/${id}/transition`, who, payload);
  /** The whole JSON answer must not name the anonymous author, its region or agency. */
  const expectNoAuthor = (res: { body: unknown; text: string }) => {
    expect(res.text).not.toContain(company.name);
    expect(res.text).not.toContain('Dortmund');
    expect(numbersIn(res.body)).not.toContain(company.id);
    expect(numbersIn(res.body)).not.toContain(dortmundAgency);
  };

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    m = await setUpMatchmaking(ctx, 'contacts.example.org');
    ({ admin, author, reviewer, otherAgency, outsider, company, dortmundAgency } = m);
    sender = m.senderMember;
    from = m.sender;
    anonymousProfile = await m.publish(
      m.draft({ visibility: 'anonymous', title: 'Anonym: Roboter zum Schweißen', kind: 'technology_request' }),
    );
    publicProfile = await m.publish(m.draft({ title: 'Greifer für Roboter' }));
    const [row] = await queryRows<{ id: number; project_id: number }>(
      ctx.db,
      sql`select g.id, g.project_id from grants g join projects p on p.id = g.project_id
        join programmes pg on pg.id = p.programme_id
        where g.visibility = 'public' and p.visibility = 'public' and pg.visibility = 'public' order by g.id limit 1`,
    );
    grant = { id: Number(row?.id), projectId: Number(row?.project_id) };
  });
  afterAll(() => ctx?.close());

  it('runs from interest to brokering, meeting, rating and the project and grant, hiding the anonymous author until brokered', async () => {
    const before = { events: await m.count('partner_contact_events'), audit: await m.count('audit_log') };
    const created = await call('POST', '/api/contacts', sender, interest());
    expect(created.status, created.text).toBe(201);
    const contact = created.body as ContactDetail;
    expect(contact).toMatchObject({
      stage: 'interest',
      profile: { id: anonymousProfile.id, title: anonymousProfile.title },
      from: { organisation: { id: from.id, name: from.name }, organisationType: 'company' },
      to: { organisation: null, organisationType: 'company', sizeClass: 'small', country: 'DE' },
      agency: null,
      cooperation: interest().cooperation,
      unclear: interest().unclear,
      about: interest().about,
      roles: ['sender'],
      allowedTransitions: [],
      version: 1,
    });
    expectNoAuthor(created);
    expectNoAuthor(await call('GET', `/api/contacts/${contact.id}`, sender));
    expectNoAuthor(await call('GET', '/api/contacts', sender));
    // The author and the agency know both sides; others do not see the contact at all.
    const addressee = await call('GET', `/api/contacts/${contact.id}`, author);
    expect(addressee.body).toMatchObject({
      to: { organisation: { id: company.id } },
      from: { organisation: { id: from.id } },
      roles: ['addressee'],
      allowedTransitions: ['declined'],
    });
    const agency = await call('GET', `/api/contacts/${contact.id}`, reviewer);
    expect(agency.body).toMatchObject({ agency: { id: dortmundAgency }, roles: ['agency'] });
    expect(agency.body.allowedTransitions).toEqual(['brokered', 'declined']);
    expect((await call('GET', `/api/contacts/${contact.id}`, outsider)).status).toBe(404);
    expect((await call('GET', `/api/contacts/${contact.id}`, otherAgency)).status).toBe(404);
    expect((await call('GET', `/api/contacts/${contact.id}`)).status).toBe(401);
    expect(
      (await call('GET', '/api/contacts?stage=interest', reviewer)).body.items.map((c: ContactDetail) => c.id),
    ).toContain(contact.id);
    expect((await call('GET', '/api/contacts', outsider)).body).toEqual({ items: [], total: 0 });

    // Brokering is the agency's; afterwards the sender sees whom it talks to.
    expect((await move(contact.id, sender, { to: 'brokered', version: 1 })).status).toBe(403);
    expect((await move(contact.id, reviewer, { to: 'brokered', version: 9 })).status).toBe(409);
    expect((await move(contact.id, reviewer, { to: 'meeting', version: 1, meetingOn: today })).status).toBe(409);
    const brokered = await move(contact.id, reviewer, { to: 'brokered', version: 1, note: 'Vorgestellt per E-Mail' });
    expect(brokered.status, brokered.text).toBe(200);
    const seen = await call('GET', `/api/contacts/${contact.id}`, sender);
    expect(seen.body).toMatchObject({
      stage: 'brokered',
      to: { organisation: { id: company.id, name: company.name } },
      agency: { id: dortmundAgency },
      allowedTransitions: ['meeting'],
    });

    // The meeting, 50 days ago: the follow-up was due 8 days ago.
    const undated = await move(contact.id, sender, { to: 'meeting', version: 2 });
    expect(undated.status).toBe(400);
    expect(undated.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.meetingOn' }));
    const met = await move(contact.id, sender, { to: 'meeting', version: 2, meetingOn: addDays(today, -50) });
    expect(met.body).toMatchObject({
      stage: 'meeting',
      meetingOn: addDays(today, -50),
      followUpDue: addDays(today, -50 + 7 * FOLLOW_UP_WEEKS),
    });
    const unrated = await move(contact.id, author, { to: 'rated', version: 3 });
    expect(unrated.status).toBe(400);
    expect(unrated.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.rating' }));
    const unknownProject = await move(contact.id, author, {
      to: 'rated',
      version: 3,
      rating: 'agreement_reached',
      projectId: 999_999_999,
    });
    expect(unknownProject.body.error.details.fields).toEqual([
      { field: 'body.projectId', reason: 'Projekt 999999999 gibt es nicht' },
    ]);
    const rated = await move(contact.id, author, {
      to: 'rated',
      version: 3,
      rating: 'agreement_reached',
      projectId: grant.projectId,
    });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body).toMatchObject({ stage: 'rated', rating: 'agreement_reached', project: { id: grant.projectId } });
    // Later the grant that came of it.
    const linked = await move(contact.id, sender, { to: 'rated', version: 4, grantId: grant.id });
    expect(linked.body).toMatchObject({ grant: { id: grant.id }, rating: 'agreement_reached', version: 5 });
    expect((await move(contact.id, sender, { to: 'rated', version: 5 })).status).toBe(400);
    expect((await move(contact.id, sender, { to: 'declined', version: 5, note: 'zu spät' })).status).toBe(409);

    expect(linked.body.events.map((e: { stage: string }) => e.stage)).toEqual([
      'interest',
      'brokered',
      'meeting',
      'rated',
      'rated',
    ]);
    expect(linked.body.events[1]).toMatchObject({ note: 'Vorgestellt per E-Mail', by: 'reviewer' });
    expect(await m.count('partner_contact_events')).toBe(before.events + 5);
    expect(await m.count('audit_log')).toBe(before.audit + 5);
  });

  it('refuses a rating before the follow-up date with 409 naming the date', async () => {
    const { body: contact } = await call('POST', '/api/contacts', sender, interest({ profileId: publicProfile.id }));
    // A public profile: the sender knows the addressee from the start.
    expect(contact.to.organisation).toMatchObject({ id: company.id });
    await move(contact.id, admin, { to: 'brokered', version: 1 });
    await move(contact.id, reviewer, { to: 'meeting', version: 2, meetingOn: addDays(today, -3) });
    const early = await move(contact.id, sender, { to: 'rated', version: 3, rating: 'valuable_contact' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain(germanDate(addDays(today, -3 + 42)));
    expect((await call('POST', '/api/contacts', sender, interest({ profileId: publicProfile.id }))).status).toBe(409);
  });

  it('lets the addressee or the agency decline with a note; an anonymous author declined before brokering stays unknown', async () => {
    const { body: contact } = await call(
      'POST',
      '/api/contacts',
      m.italianAuthor,
      interest({ fromOrganisationId: m.italian.id }),
    );
    expect((await move(contact.id, m.italianAuthor, { to: 'declined', version: 1, note: 'x' })).status).toBe(403);
    const bare = await move(contact.id, author, { to: 'declined', version: 1 });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields).toContainEqual(expect.objectContaining({ field: 'body.note' }));
    const declined = await move(contact.id, author, { to: 'declined', version: 1, note: 'Passt nicht zu uns.' });
    expect(declined.body.stage).toBe('declined');
    const afterwards = await call('GET', `/api/contacts/${contact.id}`, m.italianAuthor);
    expect(afterwards.body).toMatchObject({ stage: 'declined', to: { organisation: null }, allowedTransitions: [] });
    expectNoAuthor(afterwards);
    expect(afterwards.body.events.map((e: { by: string | null }) => e.by)).toEqual([null, null]);

    // Interest in an organisation: the addressee is named; its agency is its default one (none in Piemonte).
    const direct = await call('POST', '/api/contacts', sender, {
      fromOrganisationId: from.id,
      toOrganisationId: m.italian.id,
      cooperation: 'Vertrieb in Italien',
      about: 'Maschinenbauer aus NRW',
    });
    expect(direct.status, direct.text).toBe(201);
    expect(direct.body).toMatchObject({ to: { organisation: { id: m.italian.id } }, agency: null, unclear: null });
    expect((await move(direct.body.id, admin, { to: 'declined', version: 1, note: 'Kein Bedarf' })).status).toBe(200);
  });

  it('refuses bad interests naming the field and writes nothing', async () => {
    const before = { contacts: await m.count('partner_contacts'), events: await m.count('partner_contact_events') };
    const refused = async (payload: object, field: string, who = sender) => {
      const res = await call('POST', '/api/contacts', who, payload);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      return res;
    };
    await refused(interest({ cooperation: '' }), 'body.cooperation');
    await refused(interest({ about: 'x'.repeat(4001) }), 'body.about');
    await refused(interest({ toOrganisationId: company.id }), 'body.profileId');
    await refused({ ...interest(), profileId: undefined }, 'body.profileId');
    await refused(interest({ profileId: 999_999 }), 'body.profileId');
    await refused(interest({ fromOrganisationId: company.id }), 'body.profileId', author);
    await refused({ ...interest({ toOrganisationId: from.id }), profileId: undefined }, 'body.toOrganisationId');
    const unknownAddressee = await refused(
      { ...interest({ toOrganisationId: 999_999_999 }), profileId: undefined },
      'body.toOrganisationId',
    );
    expectNoAuthor(unknownAddressee);
    expect((await call('POST', '/api/contacts', undefined, interest())).status).toBe(401);
    expect((await call('POST', '/api/contacts', outsider, interest())).status).toBe(403);
    expect((await move(999_999, sender, { to: 'brokered', version: 1 })).status).toBe(404);
    expect((await move(1, sender, { to: 'interest', version: 1 })).status).toBe(400);
    expect((await move(1, sender, { to: 'meeting', version: 1, rating: 'valuable_contact' })).status).toBe(400);
    expect(await m.count('partner_contacts')).toBe(before.contacts);
    expect(await m.count('partner_contact_events')).toBe(before.events);
  });

  it('counts the funnel of an agency on its dashboard, for the agency and admins only', async () => {
    const dashboard = (who: Session | undefined, query = `?agencyId=${dortmundAgency}`) =>
      call('GET', `/api/matching/dashboard${query}`, who);
    const before = (await dashboard(reviewer)).body;
    // One more meeting whose follow-up is due.
    const { body: contact } = await call(
      'POST',
      '/api/contacts',
      admin,
      interest({ fromOrganisationId: m.italian.id }),
    );
    await move(contact.id, reviewer, { to: 'brokered', version: 1 });
    await move(contact.id, reviewer, { to: 'meeting', version: 2, meetingOn: addDays(today, -60) });

    const res = await dashboard(reviewer);
    expect(res.status, res.text).toBe(200);
    const body = res.body;
    expect(body.agencyId).toBe(dortmundAgency);
    // Profiles of the agency: the two published here and none in other states.
    expect(body.profiles.byStatus.published).toBeGreaterThanOrEqual(2);
    expect(body.profiles.total).toBe(Object.values(body.profiles.byStatus).reduce((s: number, n) => s + Number(n), 0));
    // From the tests before: rated (agreement, linked), meeting (not yet due), declined; now one meeting due.
    expect(body.contacts.byStage).toMatchObject({
      rated: 1,
      meeting: before.contacts.byStage.meeting + 1,
      declined: 1,
      interest: 0,
      brokered: 0,
    });
    expect(body.contacts.total).toBe(before.contacts.total + 1);
    expect(body.contacts.ratings).toEqual({
      no_further_contact: 0,
      valuable_contact: 0,
      negotiation_started: 0,
      agreement_reached: 1,
    });
    expect(body.contacts.agreements).toBe(1);
    expect(body.contacts.followUpsDue).toBe(before.contacts.followUpsDue + 1);
    expect(before.contacts.followUpsDue).toBe(0);
    expect(body.contacts.linked).toBe(1);
    expect(body.months).toHaveLength(12);
    const thisMonth = body.months.at(-1);
    expect(thisMonth).toEqual({ month: today.slice(0, 7), interests: body.contacts.total, agreements: 1 });
    expect(body.months[0].month < thisMonth.month).toBe(true);

    // Admins see every agency, agency staff their own; others are refused.
    expect((await dashboard(admin)).status).toBe(200);
    expect((await dashboard(admin, '')).body.contacts.total).toBeGreaterThanOrEqual(body.contacts.total);
    expect((await dashboard(reviewer, '')).body.contacts.total).toBe(body.contacts.total);
    expect((await dashboard(otherAgency)).status).toBe(403);
    expect((await dashboard(otherAgency, '')).body.contacts.total).toBe(0);
    expect((await dashboard(author)).status).toBe(403);
    expect((await dashboard(author, '')).status).toBe(403);
    expect((await dashboard(undefined)).status).toBe(401);
    expect((await dashboard(admin, '?agencyId=999999999')).status).toBe(404);
    expect((await dashboard(admin, '?agencyId=abc')).status).toBe(400);
  });
});
