import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { z } from 'zod';
import type { apiTokenSchema, createdTokenSchema, Me, sessionSchema, TokenScope } from '../../../../contracts/accounts';
import { ApiError, apiGet, apiSend, apiUrl, setCsrfToken } from '../../lib/api';

export type Session = z.infer<typeof sessionSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const meKey = ['me'] as const;

// Queries whose data belongs to the signed-in person; they are dropped when the session changes.
const privateQueryRoots = new Set<unknown>(['account', 'users', 'audit']);

/** The signed-in person, or null for an anonymous visitor; remembers the session's CSRF token. */
async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/auth/me', undefined, signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Who is signed in (null: nobody); shared by the header, the guards and the edit buttons. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
}

/** After signing in or out: what a visitor may see depends on who they are, so reload the rest. */
function switchSession(queryClient: QueryClient, me: Me | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(meKey, me);
  queryClient.removeQueries({ predicate: (query) => privateQueryRoots.has(query.queryKey[0]) });
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

/** Whether single sign-on is set up, and the name of the sign-in service; without an answer, it is off. */
export function useOidcStatus() {
  return useQuery({
    queryKey: ['oidc'],
    queryFn: ({ signal }) => apiGet<{ enabled: boolean; name?: string }>('/auth/oidc', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Where single sign-on starts (a full page load); the server comes back to `returnTo` afterwards. */
export function ssoSignInUrl(returnTo: string | undefined): string {
  return apiUrl('/auth/oidc/login', { returnTo });
}

/** The JSON file of everything Standort holds about a person (for the person and for admins). */
export function personalDataUrl(userId: number): string {
  return apiUrl(`/users/${userId}/personal-data`);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => apiSend<Me>('POST', '/auth/login', input),
    onSuccess: (me) => switchSession(queryClient, me),
  });
}

/** Signs out and goes to the start page (first, so a page for signed-in people does not ask to sign in again). */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiSend<{ ok: true }>('POST', '/auth/logout'),
    onSettled: async () => {
      await navigate({ to: '/' });
      switchSession(queryClient, null);
    },
  });
}

/** Ends every session of the account and goes to the sign-in page. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiSend<{ sessions: number }>('POST', '/auth/logout-everywhere'),
    onSuccess: async () => {
      switchSession(queryClient, null);
      await navigate({ to: '/login', replace: true });
    },
  });
}

export function useSessions() {
  return useQuery({
    queryKey: ['account', 'sessions'],
    queryFn: ({ signal }) => apiGet<{ items: Session[] }>('/auth/sessions', undefined, signal),
    staleTime: 0,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => apiSend<{ ok: true }>('DELETE', `/auth/sessions/${sessionId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', 'sessions'] }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      apiSend<{ ok: true }>('POST', '/auth/password', input),
    // The server ends the other sessions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', 'sessions'] }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => apiSend<{ ok: true }>('POST', '/auth/password-reset', { email }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      apiSend<{ ok: true }>('POST', '/auth/password-reset/confirm', input),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: ['account', 'tokens'],
    queryFn: ({ signal }) => apiGet<{ items: ApiToken[] }>('/auth/tokens', undefined, signal),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: TokenScope[]; expiresInDays: number }) =>
      apiSend<CreatedToken>('POST', '/auth/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: number) => apiSend<{ ok: true }>('DELETE', `/auth/tokens/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] }),
  });
}
