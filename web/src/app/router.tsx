import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { AboutPage } from '../features/about/about-page';
import { ProgrammeListPage } from '../features/programmes/programme-list-page';
import { ProjectDetailPage } from '../features/projects/project-detail-page';
import { ProjectListPage } from '../features/projects/project-list-page';
import { parseProjectSearch } from '../features/projects/project-search';
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

const aboutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/about',
  component: AboutPage,
});

const routeTree = rootRoute.addChildren([
  programmeListRoute,
  programmeDashboardRoute,
  projectListRoute,
  projectDetailRoute,
  aboutRoute,
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
