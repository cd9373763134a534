import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateProfile,
  ProfileDetail,
  ProfileListItem,
  ReviewProfile,
  UpdateProfile,
} from '../../../../contracts/profiles';
import { apiGet, apiSend, type QueryParams } from '../../lib/api';
import { profilePageSize } from './matching-search';

export type ProfilePage = { items: ProfileListItem[]; total: number };

/** One page of partner profiles; `params` are the list's filters (status, organisation, agency …). */
export function useProfiles(params: QueryParams, page = 1, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['profiles', 'list', params, page],
    queryFn: ({ signal }) => apiGet<ProfilePage>('/profiles', { ...params, page, pageSize: profilePageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useProfile(profileId: number | undefined) {
  return useQuery({
    queryKey: ['profiles', 'detail', profileId],
    queryFn: ({ signal }) => apiGet<ProfileDetail>(`/profiles/${profileId}`, undefined, signal),
    enabled: profileId !== undefined,
  });
}

/** After a profile changed: its page at once, then the lists, matches, dashboards and the audit log. */
function refreshProfile(queryClient: QueryClient, profile: ProfileDetail): Promise<void> {
  queryClient.setQueryData(['profiles', 'detail', profile.id], profile);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      ['matches', 'matching', 'audit'].includes(String(query.queryKey[0])) ||
      (query.queryKey[0] === 'profiles' && query.queryKey[1] !== 'detail'),
  });
}

export function useCreateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProfile) => apiSend<ProfileDetail>('POST', '/profiles', input),
    onSuccess: (profile) => refreshProfile(queryClient, profile),
  });
}

/** Changes a profile with the version read; a stale version comes back as a conflict. */
export function useUpdateProfile(profileId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProfile) => apiSend<ProfileDetail>('PATCH', `/profiles/${profileId}`, input),
    onSuccess: (profile) => refreshProfile(queryClient, profile),
  });
}

export type ProfileStepName = 'submit' | 'withdraw' | 'renew';

/** The author's steps: submit to the agency, withdraw, renew for twelve months. */
export function useProfileStep(profileId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, version }: { step: ProfileStepName; version: number }) =>
      apiSend<ProfileDetail>('POST', `/profiles/${profileId}/${step}`, { version }),
    onSuccess: (profile) => refreshProfile(queryClient, profile),
  });
}

/** The agency publishes a submitted profile or rejects it with a note. */
export function useReviewProfile(profileId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewProfile) => apiSend<ProfileDetail>('POST', `/profiles/${profileId}/review`, input),
    onSuccess: (profile) => refreshProfile(queryClient, profile),
  });
}
