import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/accounts';
import { organisations, programmes } from '../db/schema';
import { createTestUser, type Session, signIn } from '../test/accounts';
import { testTargets } from '../test/database';
import { createDemoApp } from '../test/demo-app';

// Every route × every role × public/internal/restricted records. A route the table below does not
// know fails the first test, so no route ships without a decided rule.

type Who = 'anonymous' | Role;
type Level = 'public' | 'internal' | 'restricted';
type Outcome = 'allow' | 'unauthenticated' | 'forbidden' | 'hidden';
type Ids = {
  project: Record<Level, number>;
  programme: number;
  field: number;
  user: number;
  victim: number;
  region: number;
  organisation: Record<Level, number>;
  person: number;
  personRole: number;
  membership: number;
  partnership: number;
  indicator: number;
  /** A public ERDF grant (not of the Ruhr-Konferenz). */
  grant: number;
  /** An open call of the Ruhr-Konferenz open to anyone, and an application to it led by KLIC.Ruhr. */
  call: number;
  application: number;
  /** A frozen Ruhr-Konferenz report holding the matrix's restricted project. */
  report: number;
  /** Challenges by level (see their cases) and a response to each. */
  challenge: Record<Level, number>;
  challengeResponse: Record<Level, number>;
  /** Published partner profiles of the public, internal and restricted (KLIC.Ruhr) organisation. */
  profile: Record<Level, number>;
  /** KLIC.Ruhr's interest in the public organisation's profile. */
  contact: number;
};
type Case = {
  request: (ids: Ids, level: Level) => { method: string; url: string; payload?: unknown };
  expect: (who: Who, level: Level) => Outcome;
  /** Runs once per record level; otherwise once. */
  perRecord?: boolean;
  /** Ends or changes the session: sign in afresh for this call. */
  freshSession?: boolean;
};

const whos: Who[] = [
  'anonymous',
  'admin',
  'programme_office',
  'funding_officer',
  'agency_staff',
  'cluster_manager',
  'organisation_member',
];
const staff = (who: Who) => who !== 'anonymous' && who !== 'organisation_member';
const anyone = (): Outcome => 'allow';
const signedIn = (who: Who): Outcome => (who === 'anonymous' ? 'unauthenticated' : 'allow');
const adminOnly = (who: Who): Outcome =>
  who === 'anonymous' ? 'unauthenticated' : who === 'admin' ? 'allow' : 'forbidden';
/** What a role may see of a Ruhr-Konferenz project (the programme office is scoped to that programme). */
const sees = (who: Who, level: Level) =>
  level === 'public' ||
  (level === 'internal' && staff(who)) ||
  (level === 'restricted' && (who === 'admin' || who === 'programme_office'));
const read = (who: Who, level: Level): Outcome => (sees(who, level) ? 'allow' : 'hidden');
const edit = (who: Who, level: Level): Outcome =>
  who === 'anonymous'
    ? 'unauthenticated'
    : !sees(who, level)
      ? 'hidden'
      : who === 'admin' || who === 'programme_office'
        ? 'allow'
        : 'forbidden';
const editProgramme = (who: Who): Outcome => edit(who, 'public');
/** Organisations: the restricted one is KLIC.Ruhr, which the organisation-scoped roles speak for. */
const speaksFor = (who: Who) => who === 'agency_staff' || who === 'cluster_manager' || who === 'organisation_member';
const seesOrganisation = (who: Who, level: Level) =>
  level === 'public' ||
  (level === 'internal' && staff(who)) ||
  (level === 'restricted' && (who === 'admin' || speaksFor(who)));
const readOrganisation = (who: Who, level: Level): Outcome => (seesOrganisation(who, level) ? 'allow' : 'hidden');
const editOrganisation = (who: Who, level: Level): Outcome =>
  who === 'anonymous'
    ? 'unauthenticated'
    : !seesOrganisation(who, level)
      ? 'hidden'
      : who === 'admin' || (level === 'restricted' && speaksFor(who))
        ? 'allow'
        : 'forbidden';
/** Money of a programme: admins, funding officers, and the programme office when it is that programme's. */
const fundingEditor =
  (ownProgramme: boolean) =>
  (who: Who): Outcome =>
    who === 'anonymous'
      ? 'unauthenticated'
      : who === 'admin' || who === 'funding_officer' || (who === 'programme_office' && ownProgramme)
        ? 'allow'
        : 'forbidden';
/** Directory upkeep (people, memberships, partnership events): staff. */
const staffOnly = (who: Who): Outcome => (who === 'anonymous' ? 'unauthenticated' : staff(who) ? 'allow' : 'forbidden');
const importsGrants = (who: Who): Outcome =>
  who === 'anonymous'
    ? 'unauthenticated'
    : who === 'admin' || who === 'programme_office' || who === 'funding_officer'
      ? 'allow'
      : 'forbidden';
/** Challenges: the owner side and staff; for KLIC.Ruhr's own challenge, the roles speaking for it. */
const challengeInsiders = (who: Who, level: Level): Outcome =>
  who === 'anonymous'
    ? 'unauthenticated'
    : !seesOrganisation(who, level)
      ? 'hidden'
      : staff(who) || (level === 'restricted' && speaksFor(who))
        ? 'allow'
        : 'forbidden';
/** Responding for KLIC.Ruhr: those who speak for it, where KLIC.Ruhr need not be invited (own challenge: 400). */
const respondsForKlic = (who: Who, level: Level): Outcome =>
  who === 'anonymous'
    ? 'unauthenticated'
    : !seesOrganisation(who, level)
      ? 'hidden'
      : level !== 'internal' && (who === 'admin' || speaksFor(who))
        ? 'allow'
        : 'forbidden';

const cases: Record<string, Case> = {
  'GET /api/health': { request: () => ({ method: 'GET', url: '/api/health' }), expect: anyone },
  'GET /api/openapi.json': { request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: anyone },
  'POST /api/auth/login': {
    request: () => ({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.org' } }),
    expect: anyone,
  },
  'POST /api/auth/logout': {
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
    expect: signedIn,
    freshSession: true,
  },
  'POST /api/auth/logout-everywhere': {
    request: () => ({ method: 'POST', url: '/api/auth/logout-everywhere' }),
    expect: signedIn,
    freshSession: true,
  },
  'GET /api/auth/me': { request: () => ({ method: 'GET', url: '/api/auth/me' }), expect: signedIn },
  'GET /api/auth/sessions': { request: () => ({ method: 'GET', url: '/api/auth/sessions' }), expect: signedIn },
  'DELETE /api/auth/sessions/:id': {
    request: () => ({ method: 'DELETE', url: '/api/auth/sessions/0123456789abcdef' }),
    expect: signedIn,
  },
  'POST /api/auth/password': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'x', newPassword: 'kurz' },
    }),
    expect: signedIn,
  },
  'POST /api/auth/password-reset': {
    request: () => ({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'niemand@example.org' } }),
    expect: anyone,
  },
  'POST /api/auth/password-reset/confirm': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: 'x'.repeat(43), newPassword: 'ein-gültiges-Passwort' },
    }),
    expect: anyone,
  },
  // Single sign-on is off in the matrix app: the flow routes answer 404, which no role is denied.
  'GET /api/auth/oidc': { request: () => ({ method: 'GET', url: '/api/auth/oidc' }), expect: anyone },
  'GET /api/auth/oidc/login': { request: () => ({ method: 'GET', url: '/api/auth/oidc/login' }), expect: anyone },
  'GET /api/auth/oidc/callback': {
    request: () => ({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' }),
    expect: anyone,
  },
  'GET /api/auth/tokens': { request: () => ({ method: 'GET', url: '/api/auth/tokens' }), expect: signedIn },
  'POST /api/auth/tokens': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'Matrix', scopes: ['read'], expiresInDays: 1 },
    }),
    expect: signedIn,
  },
  'DELETE /api/auth/tokens/:id': {
    request: () => ({ method: 'DELETE', url: '/api/auth/tokens/999999' }),
    expect: signedIn,
  },
  'GET /api/users': { request: () => ({ method: 'GET', url: '/api/users' }), expect: adminOnly },
  'GET /api/users/:id': { request: (ids) => ({ method: 'GET', url: `/api/users/${ids.user}` }), expect: adminOnly },
  'POST /api/users': {
    request: () => ({ method: 'POST', url: '/api/users', payload: { email: 'kaputt' } }),
    expect: adminOnly,
  },
  'PATCH /api/users/:id': {
    request: (ids) => ({ method: 'PATCH', url: `/api/users/${ids.user}`, payload: {} }),
    expect: adminOnly,
  },
  'GET /api/users/:id/personal-data': {
    request: (ids) => ({ method: 'GET', url: `/api/users/${ids.user}/personal-data` }),
    // ids.user is the admin: the person themself or an admin may read it.
    expect: adminOnly,
  },
  'POST /api/users/:id/erase': {
    request: (ids) => ({ method: 'POST', url: `/api/users/${ids.victim}/erase` }),
    expect: adminOnly,
  },
  'GET /api/audit': { request: () => ({ method: 'GET', url: '/api/audit' }), expect: adminOnly },
  'GET /api/audit/export.csv': {
    request: () => ({ method: 'GET', url: '/api/audit/export.csv?entityType=none' }),
    expect: adminOnly,
  },
  'GET /api/programmes': { request: () => ({ method: 'GET', url: '/api/programmes' }), expect: anyone },
  'GET /api/programmes/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}` }),
    expect: anyone,
  },
  'POST /api/programmes': {
    request: () => ({ method: 'POST', url: '/api/programmes', payload: { slug: 'matrix-programm', name: 'Matrix' } }),
    expect: (who) => (who === 'anonymous' ? 'unauthenticated' : who === 'admin' ? 'allow' : 'forbidden'),
  },
  'PATCH /api/programmes/:id': {
    request: (ids) => ({ method: 'PATCH', url: `/api/programmes/${ids.programme}`, payload: { version: 999 } }),
    expect: editProgramme,
  },
  'POST /api/programmes/:id/fields-of-action': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/programmes/${ids.programme}/fields-of-action`,
      payload: { name: 'Matrix-Feld' },
    }),
    expect: editProgramme,
  },
  'PATCH /api/fields-of-action/:id': {
    request: (ids) => ({ method: 'PATCH', url: `/api/fields-of-action/${ids.field}`, payload: { position: 1 } }),
    expect: editProgramme,
  },
  'GET /api/projects': { request: () => ({ method: 'GET', url: '/api/projects' }), expect: anyone },
  // The exports list what the list shows: hidden projects are left out (projects.export.test.ts), never refused.
  'GET /api/projects/export.csv': {
    request: (ids) => ({ method: 'GET', url: `/api/projects/export.csv?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  'GET /api/projects/export.xlsx': {
    request: (ids) => ({ method: 'GET', url: `/api/projects/export.xlsx?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  'GET /api/projects/:id': {
    request: (ids, level) => ({ method: 'GET', url: `/api/projects/${ids.project[level]}` }),
    expect: read,
    perRecord: true,
  },
  'POST /api/projects': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/projects',
      payload: { programmeId: ids.programme, title: 'Matrix-Projekt' },
    }),
    expect: editProgramme,
  },
  'PATCH /api/projects/:id': {
    request: (ids, level) => ({
      method: 'PATCH',
      url: `/api/projects/${ids.project[level]}`,
      payload: { version: 999 },
    }),
    expect: edit,
    perRecord: true,
  },
  'POST /api/projects/:id/status': {
    request: (ids, level) => ({
      method: 'POST',
      url: `/api/projects/${ids.project[level]}/status`,
      payload: { version: 999, status: 'stopped', changedOn: '2026-11-22' },
    }),
    expect: edit,
    perRecord: true,
  },
  'GET /api/organisations': { request: () => ({ method: 'GET', url: '/api/organisations?q=Ruhr' }), expect: anyone },
  'GET /api/organisations/:id': {
    request: (ids, level) => ({ method: 'GET', url: `/api/organisations/${ids.organisation[level]}` }),
    expect: readOrganisation,
    perRecord: true,
  },
  'GET /api/organisations/:id/partner-suggestions': {
    request: (ids, level) => ({
      method: 'GET',
      url: `/api/organisations/${ids.organisation[level]}/partner-suggestions?limit=3`,
    }),
    expect: readOrganisation,
    perRecord: true,
  },
  'GET /api/profiles/:id/matches': {
    request: (ids, level) => ({ method: 'GET', url: `/api/profiles/${ids.profile[level]}/matches?limit=3` }),
    expect: readOrganisation,
    perRecord: true,
  },
  'GET /api/concepts': { request: () => ({ method: 'GET', url: '/api/concepts?q=robot' }), expect: anyone },
  'POST /api/concepts/extract': {
    request: () => ({ method: 'POST', url: '/api/concepts/extract', payload: { text: 'Roboter für die Raumfahrt' } }),
    expect: signedIn,
  },
  'PATCH /api/organisations/:id': {
    request: (ids, level) => ({
      method: 'PATCH',
      url: `/api/organisations/${ids.organisation[level]}`,
      payload: { version: 999 },
    }),
    expect: editOrganisation,
    perRecord: true,
  },
  'POST /api/organisations/:id/merge': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/organisations/${ids.organisation.public}/merge`,
      payload: { duplicateId: 999_999_999, version: 999 },
    }),
    expect: adminOnly,
  },
  'GET /api/organisations/:id/partners': {
    request: (ids, level) => ({ method: 'GET', url: `/api/organisations/${ids.organisation[level]}/partners` }),
    expect: readOrganisation,
    perRecord: true,
  },
  'GET /api/organisations/facets': {
    request: () => ({ method: 'GET', url: '/api/organisations/facets?q=Ruhr' }),
    expect: anyone,
  },
  'GET /api/organisations/duplicates': {
    request: () => ({ method: 'GET', url: '/api/organisations/duplicates?threshold=0.95&limit=5' }),
    expect: staffOnly,
  },
  'GET /api/organisations/export.csv': {
    request: () => ({ method: 'GET', url: '/api/organisations/export.csv?type=development_agency' }),
    expect: anyone,
  },
  'GET /api/organisations/export.xlsx': {
    request: () => ({ method: 'GET', url: '/api/organisations/export.xlsx?type=development_agency' }),
    expect: anyone,
  },
  'GET /api/networks': { request: () => ({ method: 'GET', url: '/api/networks' }), expect: anyone },
  'POST /api/memberships': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/memberships',
      payload: { kind: 'network_member', organisationId: ids.organisation.public, groupId: ids.organisation.internal },
    }),
    expect: staffOnly,
  },
  'POST /api/memberships/:id/end': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/memberships/${ids.membership}/end`,
      payload: { until: '2030-12-31' },
    }),
    expect: staffOnly,
  },
  'GET /api/people': { request: () => ({ method: 'GET', url: '/api/people?q=Neubaur' }), expect: anyone },
  // Hidden people are left out of the export (people.test.ts), never refused; contact details are not in it.
  'GET /api/people/export.csv': {
    request: (ids) => ({ method: 'GET', url: `/api/people/export.csv?organisationId=${ids.organisation.public}` }),
    expect: anyone,
  },
  'GET /api/people/export.xlsx': {
    request: (ids) => ({ method: 'GET', url: `/api/people/export.xlsx?organisationId=${ids.organisation.public}` }),
    expect: anyone,
  },
  'GET /api/people/:id': { request: (ids) => ({ method: 'GET', url: `/api/people/${ids.person}` }), expect: anyone },
  'POST /api/people': {
    request: () => ({ method: 'POST', url: '/api/people', payload: { name: 'Matrix Person' } }),
    expect: staffOnly,
  },
  'PATCH /api/people/:id': {
    request: (ids) => ({ method: 'PATCH', url: `/api/people/${ids.person}`, payload: { version: 999 } }),
    expect: staffOnly,
  },
  'POST /api/people/:id/roles': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/people/${ids.person}/roles`,
      payload: { organisationId: ids.organisation.public, title: 'Matrix-Funktion' },
    }),
    expect: staffOnly,
  },
  'POST /api/person-roles/:id/end': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/person-roles/${ids.personRole}/end`,
      payload: { until: '2030-12-31' },
    }),
    expect: staffOnly,
  },
  'GET /api/partnerships': { request: () => ({ method: 'GET', url: '/api/partnerships' }), expect: anyone },
  'GET /api/partnerships/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/partnerships/${ids.partnership}` }),
    expect: anyone,
  },
  'POST /api/partnerships/:id/events': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/partnerships/${ids.partnership}/events`,
      payload: { kind: 'meeting', title: 'Matrix-Treffen', date: null },
    }),
    expect: staffOnly,
  },
  'POST /api/partnerships/:id/indicators/:indicatorId/values': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/partnerships/${ids.partnership}/indicators/${ids.indicator}/values`,
      payload: { period: '2031', value: 1 },
    }),
    expect: staffOnly,
  },
  'GET /api/nace': { request: () => ({ method: 'GET', url: '/api/nace?q=Forschung' }), expect: anyone },
  'GET /api/map': { request: () => ({ method: 'GET', url: '/api/map?measure=projects' }), expect: anyone },
  'GET /api/map/shapes': { request: () => ({ method: 'GET', url: '/api/map/shapes' }), expect: anyone },
  'GET /api/search/suggest': { request: () => ({ method: 'GET', url: '/api/search/suggest?q=Ruhr' }), expect: anyone },
  'GET /api/search': { request: () => ({ method: 'GET', url: '/api/search?q=Wasserstoff' }), expect: anyone },
  // Grants: read like their projects; recorded by admins, programme offices of the programme and funding officers.
  'GET /api/grants': { request: () => ({ method: 'GET', url: '/api/grants' }), expect: anyone },
  'GET /api/grants/export.csv': { request: () => ({ method: 'GET', url: '/api/grants/export.csv' }), expect: anyone },
  'GET /api/grants/export.xlsx': { request: () => ({ method: 'GET', url: '/api/grants/export.xlsx' }), expect: anyone },
  'GET /api/grants/:id': { request: (ids) => ({ method: 'GET', url: `/api/grants/${ids.grant}` }), expect: anyone },
  'GET /api/programmes/:id/summary': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/summary` }),
    expect: anyone,
  },
  'GET /api/programmes/:id/rollup': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/rollup?by=district` }),
    expect: anyone,
  },
  'GET /api/programmes/:id/checks': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/checks` }),
    expect: anyone,
  },
  'GET /api/funding-lines': {
    request: (ids) => ({ method: 'GET', url: `/api/funding-lines?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  'POST /api/grants': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/grants',
      payload: {
        projectId: ids.project.public,
        title: 'Matrix',
        funderName: 'Land NRW',
        amountCents: 100,
        partners: [{ organisationId: ids.organisation.public, role: 'lead', shareCents: 100 }],
      },
    }),
    expect: fundingEditor(true),
  },
  'POST /api/grants/:id/lines': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/grants/${ids.grant}/lines`,
      payload: { version: 999, lines: [{ source: 'state', kind: 'committed', amountCents: 1 }] },
    }),
    // An ERDF grant: the programme office of the Ruhr-Konferenz is not its programme's.
    expect: fundingEditor(false),
  },
  // Calls are public; applications are read by staff and by those who speak for a partner (KLIC.Ruhr).
  'GET /api/calls': { request: () => ({ method: 'GET', url: '/api/calls?status=open' }), expect: anyone },
  'GET /api/calls/export.csv': {
    request: (ids) => ({ method: 'GET', url: `/api/calls/export.csv?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  'GET /api/calls/export.xlsx': {
    request: (ids) => ({ method: 'GET', url: `/api/calls/export.xlsx?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  'GET /api/calls/:id': { request: (ids) => ({ method: 'GET', url: `/api/calls/${ids.call}` }), expect: anyone },
  'POST /api/calls': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/calls',
      payload: { programmeId: ids.programme, slug: 'matrix-aufruf', title: 'Matrix', funderName: 'Matrix' },
    }),
    expect: fundingEditor(true),
  },
  'PATCH /api/calls/:id': {
    request: (ids) => ({ method: 'PATCH', url: `/api/calls/${ids.call}`, payload: { version: 999 } }),
    expect: fundingEditor(true),
  },
  'GET /api/calls/:id/applications': {
    request: (ids) => ({ method: 'GET', url: `/api/calls/${ids.call}/applications` }),
    expect: signedIn,
  },
  'POST /api/calls/:id/applications': {
    // Staff apply for anyone, the organisation roles for KLIC.Ruhr; the amounts do not add up (400).
    request: (ids) => ({
      method: 'POST',
      url: `/api/calls/${ids.call}/applications`,
      payload: {
        title: 'Matrix',
        leadOrganisationId: ids.organisation.restricted,
        requestedCents: 2,
        partners: [{ organisationId: ids.organisation.restricted, requestedCents: 1 }],
      },
    }),
    expect: signedIn,
  },
  'GET /api/applications/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/applications/${ids.application}` }),
    expect: signedIn,
  },
  'POST /api/applications/:id/transitions': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/applications/${ids.application}/transitions`,
      payload: { to: 'under_review', version: 999 },
    }),
    expect: fundingEditor(true),
  },
  // Challenges are seen like organisations: public = a public challenge of the public organisation,
  // internal = an invite-only one of it (KLIC.Ruhr not invited: staff see it), restricted = a public
  // challenge of KLIC.Ruhr, whose owner side the organisation roles are.
  'GET /api/challenges': { request: () => ({ method: 'GET', url: '/api/challenges?status=open' }), expect: anyone },
  'GET /api/challenges/:id': {
    request: (ids, level) => ({ method: 'GET', url: `/api/challenges/${ids.challenge[level]}` }),
    expect: readOrganisation,
    perRecord: true,
  },
  'POST /api/challenges': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/challenges',
      payload: {
        organisationId: ids.organisation.public,
        title: 'Matrix',
        problem: 'Matrix',
        language: 'de',
        deadline: '2099-12-31',
      },
    }),
    expect: (who) => editOrganisation(who, 'public'),
  },
  'PATCH /api/challenges/:id': {
    request: (ids, level) => ({
      method: 'PATCH',
      url: `/api/challenges/${ids.challenge[level]}`,
      payload: { version: 999 },
    }),
    expect: editOrganisation,
    perRecord: true,
  },
  'POST /api/challenges/:id/close': {
    request: (ids, level) => ({
      method: 'POST',
      url: `/api/challenges/${ids.challenge[level]}/close`,
      payload: { version: 999 },
    }),
    expect: editOrganisation,
    perRecord: true,
  },
  'GET /api/challenges/:id/invitations': {
    request: (ids, level) => ({ method: 'GET', url: `/api/challenges/${ids.challenge[level]}/invitations` }),
    expect: challengeInsiders,
    perRecord: true,
  },
  'POST /api/challenges/:id/invitations': {
    request: (ids, level) => ({
      method: 'POST',
      url: `/api/challenges/${ids.challenge[level]}/invitations`,
      payload: { organisationIds: [999_999_999] },
    }),
    expect: editOrganisation,
    perRecord: true,
  },
  'GET /api/challenges/:id/invitee-suggestions': {
    request: (ids, level) => ({
      method: 'GET',
      url: `/api/challenges/${ids.challenge[level]}/invitee-suggestions?limit=3`,
    }),
    expect: challengeInsiders,
    perRecord: true,
  },
  'GET /api/challenges/:id/responses': {
    request: (ids, level) => ({ method: 'GET', url: `/api/challenges/${ids.challenge[level]}/responses` }),
    expect: (who, level) => (who === 'anonymous' ? 'unauthenticated' : readOrganisation(who, level)),
    perRecord: true,
  },
  'POST /api/challenges/:id/responses': {
    // KLIC.Ruhr answered the public challenge already (409); it answers its own with 400.
    request: (ids, level) => ({
      method: 'POST',
      url: `/api/challenges/${ids.challenge[level]}/responses`,
      payload: { organisationId: ids.organisation.restricted, summary: 'Matrix' },
    }),
    expect: respondsForKlic,
    perRecord: true,
  },
  'POST /api/challenges/:id/responses/:responseId/status': {
    request: (ids, level) => ({
      method: 'POST',
      url: `/api/challenges/${ids.challenge[level]}/responses/${ids.challengeResponse[level]}/status`,
      payload: { status: 'shortlisted', version: 999 },
    }),
    expect: editOrganisation,
    perRecord: true,
  },
  // Partner profiles are seen like their organisations once published; their organisation writes
  // them (KLIC.Ruhr: the organisation roles), their agency reviews (none of the matrix roles but admins).
  'GET /api/profiles': { request: () => ({ method: 'GET', url: '/api/profiles?q=Roboter' }), expect: anyone },
  'GET /api/profiles/:id': {
    request: (ids, level) => ({ method: 'GET', url: `/api/profiles/${ids.profile[level]}` }),
    expect: readOrganisation,
    perRecord: true,
  },
  'POST /api/profiles': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/profiles',
      payload: {
        organisationId: ids.organisation.restricted,
        kind: 'technology_offer',
        language: 'de',
        title: 'Matrix',
        summary: 'Matrix',
      },
    }),
    expect: (who) =>
      who === 'anonymous' ? 'unauthenticated' : who === 'admin' || speaksFor(who) ? 'allow' : 'forbidden',
  },
  'PATCH /api/profiles/:id': {
    request: (ids, level) => ({
      method: 'PATCH',
      url: `/api/profiles/${ids.profile[level]}`,
      payload: { version: 999 },
    }),
    expect: editOrganisation,
    perRecord: true,
  },
  ...Object.fromEntries(
    ['submit', 'withdraw', 'renew'].map((step) => [
      `POST /api/profiles/:id/${step}`,
      {
        request: (ids: Ids, level: Level) => ({
          method: 'POST',
          url: `/api/profiles/${ids.profile[level]}/${step}`,
          payload: { version: 999 },
        }),
        expect: editOrganisation,
        perRecord: true,
      },
    ]),
  ),
  'POST /api/profiles/:id/review': {
    request: (ids, level) => ({
      method: 'POST',
      url: `/api/profiles/${ids.profile[level]}/review`,
      payload: { decision: 'publish', version: 999 },
    }),
    expect: (who, level) =>
      who === 'anonymous'
        ? 'unauthenticated'
        : !seesOrganisation(who, level)
          ? 'hidden'
          : who === 'admin'
            ? 'allow'
            : 'forbidden',
    perRecord: true,
  },
  // Contacts: those who speak for a side (KLIC.Ruhr sent the interest) and the brokering agency.
  'GET /api/contacts': { request: () => ({ method: 'GET', url: '/api/contacts' }), expect: signedIn },
  'GET /api/contacts/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/contacts/${ids.contact}` }),
    expect: (who) => (who === 'anonymous' ? 'unauthenticated' : who === 'admin' || speaksFor(who) ? 'allow' : 'hidden'),
  },
  'POST /api/contacts': {
    // KLIC.Ruhr's interest exists already (409).
    request: (ids) => ({
      method: 'POST',
      url: '/api/contacts',
      payload: {
        fromOrganisationId: ids.organisation.restricted,
        profileId: ids.profile.public,
        cooperation: 'Matrix',
        about: 'Matrix',
      },
    }),
    expect: (who) =>
      who === 'anonymous' ? 'unauthenticated' : who === 'admin' || speaksFor(who) ? 'allow' : 'forbidden',
  },
  'POST /api/contacts/:id/transition': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/contacts/${ids.contact}/transition`,
      payload: { to: 'brokered', version: 999 },
    }),
    expect: (who) =>
      who === 'anonymous' ? 'unauthenticated' : who === 'admin' ? 'allow' : speaksFor(who) ? 'forbidden' : 'hidden',
  },
  'GET /api/matching/dashboard': {
    request: () => ({ method: 'GET', url: '/api/matching/dashboard' }),
    expect: (who) =>
      who === 'anonymous' ? 'unauthenticated' : who === 'admin' || who === 'agency_staff' ? 'allow' : 'forbidden',
  },
  // Reports: live ones show what the reader may see (reports.test.ts); a frozen one is read at the
  // level of the most protected record it holds — here restricted.
  'GET /api/programmes/:id/report': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/report?asOf=2021-12-07` }),
    expect: anyone,
  },
  'GET /api/programmes/:id/report.pdf': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/report.pdf?asOf=2021-12-07` }),
    expect: anyone,
  },
  'GET /api/programmes/:id/report.xlsx': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/report.xlsx?asOf=2021-12-07` }),
    expect: anyone,
  },
  'POST /api/programmes/:id/reports': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/programmes/${ids.programme}/reports`,
      payload: { asOf: '2021-12-07' },
    }),
    expect: editProgramme,
  },
  'GET /api/programmes/:id/reports': {
    request: (ids) => ({ method: 'GET', url: `/api/programmes/${ids.programme}/reports` }),
    expect: anyone,
  },
  'GET /api/reports/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/reports/${ids.report}` }),
    expect: (who) => read(who, 'restricted'),
  },
  'GET /api/reports/:id.pdf': {
    request: (ids) => ({ method: 'GET', url: `/api/reports/${ids.report}.pdf` }),
    expect: (who) => read(who, 'restricted'),
  },
  'GET /api/reports/:id.xlsx': {
    request: (ids) => ({ method: 'GET', url: `/api/reports/${ids.report}.xlsx` }),
    expect: (who) => read(who, 'restricted'),
  },
  'GET /api/reports/:id/compare/:otherId': {
    request: (ids) => ({ method: 'GET', url: `/api/reports/${ids.report}/compare/${ids.report}` }),
    expect: (who) => read(who, 'restricted'),
  },
  'GET /api/regions': { request: () => ({ method: 'GET', url: '/api/regions?q=Essen' }), expect: anyone },
  'GET /api/regions/:id': { request: (ids) => ({ method: 'GET', url: `/api/regions/${ids.region}` }), expect: anyone },
  // Open data is the same for every reader: public records only (opendata.test.ts), never refused.
  'GET /api/open-data': { request: () => ({ method: 'GET', url: '/api/open-data' }), expect: anyone },
  'GET /api/export/360giving.json': {
    request: (ids) => ({ method: 'GET', url: `/api/export/360giving.json?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  'GET /api/export/360giving.csv': {
    request: (ids) => ({ method: 'GET', url: `/api/export/360giving.csv?programmeId=${ids.programme}` }),
    expect: anyone,
  },
  // Grant imports: admins, programme offices and funding officers; each file's programmes are checked per row.
  'POST /api/imports/files': {
    request: () => ({ method: 'POST', url: '/api/imports/files', payload: { not: 'a file' } }),
    expect: importsGrants,
  },
  'POST /api/imports/grants': {
    request: () => ({
      method: 'POST',
      url: '/api/imports/grants',
      payload: { fileId: '00000000-0000-0000-0000-000000000000', mapping: { columns: {} } },
    }),
    expect: importsGrants,
  },
  'GET /api/imports/jobs/:id': {
    request: () => ({ method: 'GET', url: '/api/imports/jobs/00000000-0000-0000-0000-000000000000' }),
    expect: importsGrants,
  },
};

/** A public, an internal and a restricted organisation: KLIC.Ruhr (restricted) and two others. */
async function organisationsByLevel(
  app: Awaited<ReturnType<typeof createDemoApp>>['app'],
  admin: Session,
  klic: number,
) {
  const others = (await app.inject('/api/organisations?q=Wirtschaftsförderung&pageSize=2')).json().items;
  const byLevel = { public: others[0].id, internal: others[1].id, restricted: klic } as Record<Level, number>;
  for (const level of ['internal', 'restricted'] as const) {
    const current = (await app.inject({ url: `/api/organisations/${byLevel[level]}`, headers: admin.headers })).json();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/organisations/${byLevel[level]}`,
      headers: admin.headers,
      payload: { version: current.version, visibility: level },
    });
    if (res.statusCode !== 200) throw new Error(`could not make organisation ${level}: ${res.body}`);
  }
  return byLevel;
}

/** An open call of the programme without eligibility rules and an application to it led by the organisation. */
async function callAndApplication(
  app: Awaited<ReturnType<typeof createDemoApp>>['app'],
  admin: Session,
  programmeId: number,
  leadOrganisationId: number,
) {
  const today = new Date().toISOString().slice(0, 10);
  const call = await app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: admin.headers,
    payload: { programmeId, slug: 'matrix-offen', title: 'Matrix offen', funderName: 'Matrix', opensOn: '2020-01-01' },
  });
  if (call.statusCode !== 201) throw new Error(`could not create the call: ${call.body}`);
  const application = await app.inject({
    method: 'POST',
    url: `/api/calls/${call.json().id}/applications`,
    headers: admin.headers,
    payload: {
      title: `Matrix ${today}`,
      leadOrganisationId,
      requestedCents: 1,
      partners: [{ organisationId: leadOrganisationId, requestedCents: 1 }],
    },
  });
  if (application.statusCode !== 201) throw new Error(`could not submit the application: ${application.body}`);
  return { call: call.json().id as number, application: application.json().id as number };
}

/** The challenges of the matrix by level (see their cases) and a response to each, all posted by the admin. */
async function challengesByLevel(
  app: Awaited<ReturnType<typeof createDemoApp>>['app'],
  admin: Session,
  organisation: Record<Level, number>,
) {
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: admin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`could not POST ${url}: ${res.body}`);
    return res.json().id as number;
  };
  const draft = {
    title: 'Matrix-Challenge',
    problem: 'Roboter für die Raumfahrt',
    language: 'de',
    deadline: '2099-12-31',
  };
  const challenge: Record<Level, number> = {
    public: await post('/api/challenges', { ...draft, organisationId: organisation.public }),
    internal: await post('/api/challenges', {
      ...draft,
      organisationId: organisation.public,
      visibility: 'invite_only',
    }),
    restricted: await post('/api/challenges', { ...draft, organisationId: organisation.restricted }),
  };
  await post(`/api/challenges/${challenge.internal}/invitations`, { organisationIds: [organisation.internal] });
  const respond = (level: Level, organisationId: number) =>
    post(`/api/challenges/${challenge[level]}/responses`, { organisationId, summary: 'Matrix-Antwort' });
  const challengeResponse: Record<Level, number> = {
    public: await respond('public', organisation.restricted),
    internal: await respond('internal', organisation.internal),
    restricted: await respond('restricted', organisation.public),
  };
  return { challenge, challengeResponse };
}

/** A published profile of each organisation of the matrix and KLIC.Ruhr's interest in the public one, all by the admin. */
async function profilesAndContact(
  app: Awaited<ReturnType<typeof createDemoApp>>['app'],
  admin: Session,
  organisation: Record<Level, number>,
) {
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: admin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`could not POST ${url}: ${res.body}`);
    return res.json().id as number;
  };
  const profile = {} as Record<Level, number>;
  for (const level of ['public', 'internal', 'restricted'] as const) {
    const id = await post('/api/profiles', {
      organisationId: organisation[level],
      kind: 'technology_offer',
      language: 'de',
      title: `Matrix-Profil ${level}`,
      summary: 'Roboter für die Raumfahrt',
    });
    await post(`/api/profiles/${id}/submit`, {});
    await post(`/api/profiles/${id}/review`, { decision: 'publish' });
    profile[level] = id;
  }
  const contact = await post('/api/contacts', {
    fromOrganisationId: organisation.restricted,
    profileId: profile.public,
    cooperation: 'Matrix',
    about: 'Matrix',
  });
  return { profile, contact };
}

const statusOf: Record<Exclude<Outcome, 'allow'>, number> = { unauthenticated: 401, forbidden: 403, hidden: 404 };

describe.each(testTargets)('authorisation matrix on %s', (target) => {
  let ctx: Awaited<ReturnType<typeof createDemoApp>>;
  let ids: Ids;
  const sessions = new Map<Who, Session>();
  const email = (who: Who) => `${who}@matrix.example.org`;

  beforeAll(async () => {
    ctx = await createDemoApp(target);
    const [ruhr] = await ctx.db.select().from(programmes).where(eq(programmes.slug, 'ruhr-konferenz'));
    const [org] = await ctx.db.select().from(organisations).where(eq(organisations.name, 'KLIC.Ruhr'));
    const programmeId = ruhr?.id as number;
    for (const who of whos.filter((w): w is Role => w !== 'anonymous')) {
      const scoped =
        who === 'programme_office'
          ? { programmeId }
          : ['agency_staff', 'cluster_manager', 'organisation_member'].includes(who)
            ? { organisationId: org?.id }
            : {};
      await createTestUser(ctx.db, email(who), [{ role: who, ...scoped }]);
      sessions.set(who, await signIn(ctx.app, email(who)));
    }
    const admin = sessions.get('admin') as Session;
    const project: Partial<Record<Level, number>> = {};
    for (const level of ['public', 'internal', 'restricted'] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/projects',
        headers: admin.headers,
        payload: { programmeId, title: `Matrix ${level}`, visibility: level },
      });
      project[level] = res.json().id;
    }
    const detail = (await ctx.app.inject(`/api/programmes/${programmeId}`)).json();
    const regions = (await ctx.app.inject('/api/regions?q=Essen')).json();
    const me = (await ctx.app.inject({ url: '/api/auth/me', headers: admin.headers })).json();
    const victim = await createTestUser(ctx.db, 'victim@matrix.example.org');
    const organisation = await organisationsByLevel(ctx.app, admin, org?.id as number);
    const neubaur = (await ctx.app.inject('/api/people?q=Neubaur')).json().items[0].id;
    const person = (await ctx.app.inject(`/api/people/${neubaur}`)).json();
    const partnership = (await ctx.app.inject('/api/partnerships')).json().items[0].id;
    const indicator = (await ctx.app.inject(`/api/partnerships/${partnership}`)).json().indicators[0].id;
    ids = {
      project: project as Record<Level, number>,
      programme: programmeId,
      field: detail.fieldsOfAction[0].id,
      user: me.id,
      victim: victim.id,
      region: regions.items[0].id,
      organisation,
      person: neubaur,
      personRole: person.roles[0].id,
      membership: person.signatures[0].membershipId,
      partnership,
      indicator,
      grant: (await ctx.app.inject('/api/grants?pageSize=1')).json().items[0].id,
      ...(await callAndApplication(ctx.app, admin, programmeId, org?.id as number)),
      report: (
        await ctx.app.inject({
          method: 'POST',
          url: `/api/programmes/${programmeId}/reports`,
          headers: admin.headers,
          payload: { asOf: '2099-12-31' },
        })
      ).json().id,
      ...(await challengesByLevel(ctx.app, admin, organisation)),
      ...(await profilesAndContact(ctx.app, admin, organisation)),
    };
  });
  afterAll(() => ctx?.close());

  it('has a rule for every API route', () => {
    const known = new Set(Object.keys(cases));
    const routes = ctx.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !known.has(r))).toEqual([]);
    expect([...known].filter((k) => !routes.includes(k))).toEqual([]);
  });

  for (const [route, rule] of Object.entries(cases)) {
    for (const level of rule.perRecord ? (['public', 'internal', 'restricted'] as const) : (['public'] as const)) {
      it(`${route}${rule.perRecord ? ` (${level} record)` : ''}: ${whos.map((w) => `${w}→${rule.expect(w, level)}`).join(', ')}`, async () => {
        for (const who of whos) {
          let session = sessions.get(who);
          if (session && rule.freshSession) session = await signIn(ctx.app, email(who));
          const { method, url, payload } = rule.request(ids, level);
          const res = await ctx.app.inject({
            method: method as 'GET',
            url,
            headers: session?.headers ?? {},
            ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
          });
          // Signing out (everywhere) ends the role's usual session too: open a new one.
          if (session && rule.freshSession) sessions.set(who, await signIn(ctx.app, email(who)));
          const outcome = rule.expect(who, level);
          const context = `${who} ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
          if (outcome === 'allow') {
            expect([401, 403, ...(rule.perRecord ? [404] : [])], context).not.toContain(res.statusCode);
          } else {
            expect(res.statusCode, context).toBe(statusOf[outcome]);
          }
        }
      });
    }
  }
});
