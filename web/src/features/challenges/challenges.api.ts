import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChallengeDetail,
  ChallengeResponse,
  CloseChallenge,
  CreateChallenge,
  challengePageSchema,
  challengeResponsePageSchema,
  InviteOrganisations,
  invitationListSchema,
  RespondToChallenge,
  SetResponseStatus,
  UpdateChallenge,
} from '../../../../contracts/challenges';
import type { ProfileLanguage, suggestionListSchema } from '../../../../contracts/matching';
import { apiGet, apiSend } from '../../lib/api';
import { type ChallengeSearch, challengeFilterParams, challengePageSize } from './challenge-search';

export type ChallengePage = z.infer<typeof challengePageSchema>;
export type ResponsePage = z.infer<typeof challengeResponsePageSchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
export type SuggestionList = z.infer<typeof suggestionListSchema>;
/** One page of the challenge list for the filters in the URL: open ones first, nearest deadline first. */
export function useChallenges(search: ChallengeSearch) {
  return useQuery({
    queryKey: ['challenges', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<ChallengePage>(
        '/challenges',
        { ...challengeFilterParams(search), page: search.page ?? 1, pageSize: challengePageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useChallenge(challengeId: number | undefined) {
  return useQuery({
    queryKey: ['challenges', 'detail', challengeId],
    queryFn: ({ signal }) => apiGet<ChallengeDetail>(`/challenges/${challengeId}`, undefined, signal),
    enabled: challengeId !== undefined,
  });
}

/** The responses the reader may see: all for the owner side and staff, otherwise those of their own organisations. */
export function useChallengeResponses(challengeId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['challenges', 'responses', challengeId],
    queryFn: ({ signal }) =>
      apiGet<ResponsePage>(`/challenges/${challengeId}/responses`, { page: 1, pageSize: 200 }, signal),
    enabled,
  });
}

/** The invited organisations and their responses (owner side and staff). */
export function useInvitations(challengeId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['challenges', 'invitations', challengeId],
    queryFn: ({ signal }) => apiGet<InvitationList>(`/challenges/${challengeId}/invitations`, undefined, signal),
    enabled,
  });
}

/** Whom to invite: the matching's best `limit` suggestions, with their reasons in the UI language. */
export function useInviteeSuggestions(challengeId: number, language: ProfileLanguage, limit: number) {
  return useQuery({
    queryKey: ['challenges', 'suggestions', challengeId, language, limit],
    queryFn: ({ signal }) =>
      apiGet<SuggestionList>(`/challenges/${challengeId}/invitee-suggestions`, { lang: language, limit }, signal),
    placeholderData: keepPreviousData,
  });
}

/** After a challenge or one of its responses or invitations changed: every challenge query and the audit log. */
function refreshChallenges(queryClient: QueryClient, challenge?: ChallengeDetail): Promise<void> {
  if (challenge) queryClient.setQueryData(['challenges', 'detail', challenge.id], challenge);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === 'audit' ||
      (query.queryKey[0] === 'challenges' &&
        !(challenge && query.queryKey[1] === 'detail' && query.queryKey[2] === challenge.id)),
  });
}

export function useCreateChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChallenge) => apiSend<ChallengeDetail>('POST', '/challenges', input),
    onSuccess: (challenge) => refreshChallenges(queryClient, challenge),
  });
}

/** Changes a challenge with the version read; a stale version comes back as a conflict. */
export function useUpdateChallenge(challengeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateChallenge) => apiSend<ChallengeDetail>('PATCH', `/challenges/${challengeId}`, input),
    onSuccess: (challenge) => refreshChallenges(queryClient, challenge),
  });
}

export function useCloseChallenge(challengeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseChallenge) => apiSend<ChallengeDetail>('POST', `/challenges/${challengeId}/close`, input),
    onSuccess: (challenge) => refreshChallenges(queryClient, challenge),
  });
}

export function useInviteOrganisations(challengeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteOrganisations) =>
      apiSend<InvitationList>('POST', `/challenges/${challengeId}/invitations`, input),
    onSuccess: (invitations) => {
      queryClient.setQueryData(['challenges', 'invitations', challengeId], invitations);
      return refreshChallenges(queryClient);
    },
  });
}

export function useRespondToChallenge(challengeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RespondToChallenge) =>
      apiSend<ChallengeResponse>('POST', `/challenges/${challengeId}/responses`, input),
    onSuccess: () => refreshChallenges(queryClient),
  });
}

/** Shortlists, selects or declines a response with the version read. */
export function useSetResponseStatus(challengeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ responseId, ...input }: SetResponseStatus & { responseId: number }) =>
      apiSend<ChallengeResponse>('POST', `/challenges/${challengeId}/responses/${responseId}/status`, input),
    onSuccess: () => refreshChallenges(queryClient),
  });
}
