import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AboutPage } from '../features/about/about-page';
import { AccountPage } from '../features/accounts/account-page';
import { parseLoginSearch, parseResetSearch } from '../features/accounts/auth-search';
import { ForgotPasswordPage } from '../features/accounts/forgot-password-page';
import { LoginPage } from '../features/accounts/login-page';
import { ResetPasswordPage } from '../features/accounts/reset-password-page';
import { parseUsersSearch } from '../features/accounts/users-search';
import { parseAuditSearch } from '../features/audit/audit-search';
import { parseCallSearch } from '../features/calls/call-search';
import { parseChallengeDetailSearch, parseChallengeSearch } from '../features/challenges/challenge-search';
import { parseGrantSearch } from '../features/grants/grant-search';
import { parseMapSearch } from '../features/map/map-search';
import {
  parseContactSearch,
  parseMyProfilesSearch,
  parseNewProfileSearch,
  parseProfileSearch,
  parseReviewSearch,
} from '../features/matching/matching-search';
import { NetworksPage } from '../features/networks/networks-page';
import { parseDuplicatesSearch } from '../features/organisations/duplicates-search';
import { OrganisationDetailPage } from '../features/organisations/organisation-detail-page';
import { OrganisationListPage } from '../features/organisations/organisation-list-page';
import { parseOrganisationSearch } from '../features/organisations/organisation-search';
import { PeopleListPage } from '../features/people/people-list-page';
import { parsePeopleSearch } from '../features/people/people-search';
import { PersonDetailPage } from '../features/people/person-detail-page';
import { ProgrammeListPage } from '../features/programmes/programme-list-page';
import { ProjectDetailPage } from '../features/projects/project-detail-page';
import { ProjectListPage } from '../features/projects/project-list-page';
import { parseProjectSearch } from '../features/projects/project-search';
import { parseReportSearch } from '../features/reports/report-search';
import { parseSearchPageSearch } from '../features/search/search-params';
import { ErrorState, NotFoundState } from '../ui/page-states';
import { Layout } from './layout';

const rootRoute = createRootRoute({
  component: Layout,
  notFoundComponent: NotFoundState,
});

const programmeListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: ProgrammeListPage,
});

const programmeDashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programmes/$programmeId',
  // The charts (recharts) are the largest part of the bundle; load them with the dashboard only.
  component: lazyRouteComponent(
    () => import('../features/programmes/programme-dashboard-page'),
    'ProgrammeDashboardPage',
  ),
});

// The progress report of a programme (charts, files, frozen versions) loads only when opened.
const programmeReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programmes/$programmeId/report',
  validateSearch: parseReportSearch,
  component: lazyRouteComponent(() => import('../features/reports/report-page'), 'ReportPage'),
});

const projectListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects',
  validateSearch: parseProjectSearch,
  component: ProjectListPage,
});

const projectDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$projectId',
  component: ProjectDetailPage,
});

// Grants load with their pages: the detail page and the form carry charts and the organisation picker.
const grantListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/grants',
  validateSearch: parseGrantSearch,
  component: lazyRouteComponent(() => import('../features/grants/grant-list-page'), 'GrantListPage'),
});

const grantNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/grants/new',
  validateSearch: (raw: Record<string, unknown>): { projectId?: number } => {
    const id = Number(raw.projectId);
    return Number.isInteger(id) && id > 0 ? { projectId: id } : {};
  },
  component: lazyRouteComponent(() => import('../features/grants/grant-form-page'), 'GrantFormPage'),
});

const grantDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/grants/$grantId',
  component: lazyRouteComponent(() => import('../features/grants/grant-detail-page'), 'GrantDetailPage'),
});

// Funding calls: the public list and a call; an application is for the signed-in.
const callListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calls',
  validateSearch: parseCallSearch,
  component: lazyRouteComponent(() => import('../features/calls/call-list-page'), 'CallListPage'),
});

const callNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calls/new',
  validateSearch: (raw: Record<string, unknown>): { programmeId?: number } => {
    const id = Number(raw.programmeId);
    return Number.isInteger(id) && id > 0 ? { programmeId: id } : {};
  },
  component: lazyRouteComponent(() => import('../features/calls/call-form-page'), 'CallNewPage'),
});

const callEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calls/$callId/edit',
  component: lazyRouteComponent(() => import('../features/calls/call-form-page'), 'CallEditPage'),
});

const callDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calls/$callId',
  component: lazyRouteComponent(() => import('../features/calls/call-detail-page'), 'CallDetailPage'),
});

const applicationDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/applications/$applicationId',
  component: lazyRouteComponent(() => import('../features/calls/application-detail-page'), 'ApplicationDetailPage'),
});

// Cross-innovation challenges: the public list and a challenge; posting and answering are for the signed-in.
const challengeListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/challenges',
  validateSearch: parseChallengeSearch,
  component: lazyRouteComponent(() => import('../features/challenges/challenge-list-page'), 'ChallengeListPage'),
});

const challengeNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/challenges/new',
  component: lazyRouteComponent(() => import('../features/challenges/challenge-form-page'), 'ChallengeNewPage'),
});

const challengeEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/challenges/$challengeId/edit',
  component: lazyRouteComponent(() => import('../features/challenges/challenge-form-page'), 'ChallengeEditPage'),
});

const challengeDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/challenges/$challengeId',
  validateSearch: parseChallengeDetailSearch,
  component: lazyRouteComponent(() => import('../features/challenges/challenge-detail-page'), 'ChallengeDetailPage'),
});

const organisationListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations',
  validateSearch: parseOrganisationSearch,
  component: OrganisationListPage,
});

const organisationDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations/$organisationId',
  component: OrganisationDetailPage,
});

// The map and the partnerships page with its charts load only when opened.
const mapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/map',
  validateSearch: parseMapSearch,
  component: lazyRouteComponent(() => import('../features/map/map-page'), 'MapPage'),
});

const partnershipListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partnerships',
  component: lazyRouteComponent(() => import('../features/partnerships/partnership-list-page'), 'PartnershipListPage'),
});

const partnershipDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partnerships/$partnershipId',
  component: lazyRouteComponent(
    () => import('../features/partnerships/partnership-detail-page'),
    'PartnershipDetailPage',
  ),
});

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: parseSearchPageSearch,
  component: lazyRouteComponent(() => import('../features/search/search-page'), 'SearchPage'),
});

// Reviewing duplicates is staff work: the page loads only when opened.
const organisationDuplicatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organisations/duplicates',
  validateSearch: parseDuplicatesSearch,
  component: lazyRouteComponent(() => import('../features/organisations/duplicates-page'), 'DuplicatesPage'),
});

const peopleListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people',
  validateSearch: parsePeopleSearch,
  component: PeopleListPage,
});

const personDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/$personId',
  component: PersonDetailPage,
});

const networksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/networks',
  component: NetworksPage,
});

const openDataRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/open-data',
  component: lazyRouteComponent(() => import('../features/opendata/open-data-page'), 'OpenDataPage'),
});

const aboutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/about',
  component: AboutPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  component: LoginPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: parseResetSearch,
  component: ResetPasswordPage,
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: AccountPage,
});

// Administration is for a few people: its pages load only when opened.
const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  validateSearch: parseUsersSearch,
  component: lazyRouteComponent(() => import('../features/accounts/users-page'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('../features/audit/audit-page'), 'AuditPage'),
});

// Importing is staff work: the page loads only when opened.
const grantImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports/grants',
  component: lazyRouteComponent(() => import('../features/imports/grant-import-page'), 'GrantImportPage'),
});

// Partner matchmaking: the public profiles; own profiles, review, contacts and the dashboard for the signed-in.
const matchingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching',
  validateSearch: parseProfileSearch,
  component: lazyRouteComponent(() => import('../features/matching/profile-list-page'), 'ProfileListPage'),
});

const matchingMineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/mine',
  validateSearch: parseMyProfilesSearch,
  component: lazyRouteComponent(() => import('../features/matching/my-profiles-page'), 'MyProfilesPage'),
});

const matchingReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/review',
  validateSearch: parseReviewSearch,
  component: lazyRouteComponent(() => import('../features/matching/review-page'), 'ReviewPage'),
});

const matchingContactsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/contacts',
  validateSearch: parseContactSearch,
  component: lazyRouteComponent(() => import('../features/matching/contacts-page'), 'ContactsPage'),
});

const matchingDashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/dashboard',
  component: lazyRouteComponent(() => import('../features/matching/dashboard-page'), 'MatchingDashboardPage'),
});

const profileNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/profiles/new',
  validateSearch: parseNewProfileSearch,
  component: lazyRouteComponent(() => import('../features/matching/profile-form-page'), 'ProfileNewPage'),
});

const profileEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/profiles/$profileId/edit',
  component: lazyRouteComponent(() => import('../features/matching/profile-form-page'), 'ProfileEditPage'),
});

const profileDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/profiles/$profileId',
  component: lazyRouteComponent(() => import('../features/matching/profile-detail-page'), 'ProfileDetailPage'),
});

const routeTree = rootRoute.addChildren([
  callListRoute,
  callNewRoute,
  callDetailRoute,
  callEditRoute,
  applicationDetailRoute,
  challengeListRoute,
  challengeNewRoute,
  challengeDetailRoute,
  challengeEditRoute,
  programmeListRoute,
  programmeDashboardRoute,
  programmeReportRoute,
  projectListRoute,
  projectDetailRoute,
  grantListRoute,
  grantNewRoute,
  grantDetailRoute,
  organisationListRoute,
  organisationDetailRoute,
  organisationDuplicatesRoute,
  peopleListRoute,
  personDetailRoute,
  networksRoute,
  mapRoute,
  partnershipListRoute,
  partnershipDetailRoute,
  searchRoute,
  openDataRoute,
  grantImportRoute,
  aboutRoute,
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountRoute,
  usersRoute,
  auditRoute,
  matchingRoute,
  matchingMineRoute,
  matchingReviewRoute,
  matchingContactsRoute,
  matchingDashboardRoute,
  profileNewRoute,
  profileDetailRoute,
  profileEditRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultErrorComponent: ({ error, reset }) => <ErrorState error={error} onRetry={reset} />,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
