import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateGrant, FundingLineInput, GrantDetail, grantPageSchema } from '../../../../contracts/funding';
import { apiGet, apiSend, type QueryParams } from '../../lib/api';

export type GrantPage = z.infer<typeof grantPageSchema>;

/** One page of grants for the given filters (programme, project, organisation, source, year, text). */
export function useGrants(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['grants', 'list', params],
    queryFn: ({ signal }) => apiGet<GrantPage>('/grants', params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useGrant(grantId: number | undefined) {
  return useQuery({
    queryKey: ['grants', 'detail', grantId],
    queryFn: ({ signal }) => apiGet<GrantDetail>(`/grants/${grantId}`, undefined, signal),
    enabled: grantId !== undefined,
  });
}

/** A grant changes the money of its project and programme: refresh those, the grant lists and the audit log. */
function refreshAfterGrant(queryClient: QueryClient, grant: GrantDetail): Promise<void> {
  queryClient.setQueryData(['grants', 'detail', grant.id], grant);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      (query.queryKey[0] === 'grants' && query.queryKey[1] !== 'detail') ||
      ['projects', 'programmes', 'funding', 'audit'].includes(query.queryKey[0] as string),
  });
}

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGrant) => apiSend<GrantDetail>('POST', '/grants', input),
    onSuccess: (grant) => refreshAfterGrant(queryClient, grant),
  });
}

/** Adds lines (a commitment, a disbursement) with the version that was read; a stale one fails with 409. */
export function useAddGrantLines(grantId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; lines: FundingLineInput[] }) =>
      apiSend<GrantDetail>('POST', `/grants/${grantId}/lines`, input),
    onSuccess: (grant) => refreshAfterGrant(queryClient, grant),
  });
}
