import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { ErrorState, ForbiddenState, LoadingState } from '../../ui/page-states';
import { useMe } from './accounts.api';
import { isAdmin } from './permissions';

/**
 * Shows its children to signed-in people only: anonymous visitors go to the sign-in page (and come
 * back afterwards); with `adminOnly`, everyone else gets "Kein Zugriff".
 */
export function RequireSignIn({ adminOnly = false, children }: { adminOnly?: boolean; children: ReactNode }) {
  const me = useMe();
  const navigate = useNavigate();
  const href = useRouterState({ select: (state) => state.location.href });
  const isAnonymous = me.data === null;

  useEffect(() => {
    // This page stays mounted for a moment after the location changed to /login: don't go again.
    if (isAnonymous && !href.startsWith('/login')) {
      void navigate({ to: '/login', search: { redirect: href }, replace: true });
    }
  }, [isAnonymous, href, navigate]);

  if (me.isPending || isAnonymous) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (adminOnly && !isAdmin(me.data)) return <ForbiddenState />;
  return <>{children}</>;
}
