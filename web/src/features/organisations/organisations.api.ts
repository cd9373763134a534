import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganisationDetail, organisationPageSchema } from '../../../../contracts/organisations';
import { apiGet } from '../../lib/api';
import { type OrganisationSearch, organisationPageSize } from './organisation-search';

export type OrganisationPage = z.infer<typeof organisationPageSchema>;

/** One page of the directory for the filters in the URL. */
export function useOrganisations(search: OrganisationSearch) {
  return useQuery({
    queryKey: ['organisations', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<OrganisationPage>(
        '/organisations',
        {
          q: search.q,
          type: search.type,
          regionId: search.regionId,
          country: search.country,
          identifier: search.identifier,
          sort: search.sort,
          page: search.page ?? 1,
          pageSize: organisationPageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisation(organisationId: number | undefined) {
  return useQuery({
    queryKey: ['organisations', 'detail', organisationId],
    queryFn: ({ signal }) => apiGet<OrganisationDetail>(`/organisations/${organisationId}`, undefined, signal),
    enabled: organisationId !== undefined,
  });
}
