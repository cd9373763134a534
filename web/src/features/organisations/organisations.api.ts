import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createMembershipSchema,
  duplicateListSchema,
  Membership,
  OrganisationDetail,
  OrganisationFacets,
  organisationPageSchema,
  UpdateOrganisation,
} from '../../../../contracts/organisations';
import { apiGet, apiSend } from '../../lib/api';
import { type OrganisationSearch, organisationFilterParams, organisationPageSize } from './organisation-search';

export type OrganisationPage = z.infer<typeof organisationPageSchema>;
export type DuplicateList = z.infer<typeof duplicateListSchema>;
export type DuplicateSuggestion = DuplicateList['items'][number];
export type CreateMembership = z.input<typeof createMembershipSchema>;

/** One page of the directory for the filters in the URL. */
export function useOrganisations(search: OrganisationSearch) {
  return useQuery({
    queryKey: ['organisations', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<OrganisationPage>(
        '/organisations',
        {
          ...organisationFilterParams(search),
          sort: search.sort,
          page: search.page ?? 1,
          pageSize: organisationPageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** How many organisations each filter option would leave, under the filters in the URL. */
export function useOrganisationFacets(search: OrganisationSearch) {
  const filters = { ...search, sort: undefined, page: undefined };
  return useQuery({
    queryKey: ['organisations', 'facets', filters],
    queryFn: ({ signal }) =>
      apiGet<OrganisationFacets>('/organisations/facets', organisationFilterParams(filters), signal),
    placeholderData: keepPreviousData,
  });
}

/** Organisations whose name matches, for pickers (a person's organisation, a membership's group). */
export function useOrganisationNameSearch(query: string) {
  return useQuery({
    queryKey: ['organisations', 'names', query],
    queryFn: ({ signal }) =>
      apiGet<OrganisationPage>('/organisations', { q: query || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useOrganisation(organisationId: number | undefined) {
  return useQuery({
    queryKey: ['organisations', 'detail', organisationId],
    queryFn: ({ signal }) => apiGet<OrganisationDetail>(`/organisations/${organisationId}`, undefined, signal),
    enabled: organisationId !== undefined,
  });
}

/** After the directory changed: the organisation's page at once, then lists, networks, people and the audit log. */
function refreshDirectory(queryClient: QueryClient, organisation?: OrganisationDetail): Promise<void> {
  if (organisation) queryClient.setQueryData(['organisations', 'detail', organisation.id], organisation);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      (query.queryKey[0] === 'organisations' &&
        !(query.queryKey[1] === 'detail' && query.queryKey[2] === organisation?.id)) ||
      ['networks', 'people', 'search', 'audit'].includes(String(query.queryKey[0])),
  });
}

/** Saves changed fields with the version that was read; a stale version fails with 409 conflict. */
export function useUpdateOrganisation(organisationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOrganisation) =>
      apiSend<OrganisationDetail>('PATCH', `/organisations/${organisationId}`, input),
    onSuccess: (organisation) => refreshDirectory(queryClient, organisation),
  });
}

export function useCreateMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMembership) => apiSend<Membership>('POST', '/memberships', input),
    onSuccess: () => refreshDirectory(queryClient),
  });
}

/** Pairs of organisations that may be the same, for staff to review. */
export function useDuplicates(query: { threshold: number; country: string | undefined }) {
  return useQuery({
    queryKey: ['organisations', 'duplicates', query],
    queryFn: ({ signal }) => apiGet<DuplicateList>('/organisations/duplicates', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Merges `duplicateId` into `keepId` (admins); `version` is the survivor's. */
export function useMergeOrganisations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keepId, ...input }: { keepId: number; duplicateId: number; version: number }) =>
      apiSend<unknown>('POST', `/organisations/${keepId}/merge`, input),
    onSuccess: () => refreshDirectory(queryClient),
  });
}
