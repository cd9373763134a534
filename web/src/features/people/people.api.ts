import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createPersonRoleSchema,
  createPersonSchema,
  PersonDetail,
  personPageSchema,
  updatePersonSchema,
} from '../../../../contracts/people';
import { apiGet, apiSend } from '../../lib/api';
import { type PeopleSearch, peoplePageSize } from './people-search';

export type PersonPage = z.infer<typeof personPageSchema>;
export type CreatePerson = z.input<typeof createPersonSchema>;
export type UpdatePerson = z.input<typeof updatePersonSchema>;
export type CreatePersonRole = z.input<typeof createPersonRoleSchema>;

/** "Dr. Timo Berger": the name with its title in front. */
export function personName(person: { name: string; honorific: string | null }): string {
  return person.honorific ? `${person.honorific} ${person.name}` : person.name;
}

/** One page of people for the filters in the URL. */
export function usePeople(search: PeopleSearch) {
  return useQuery({
    queryKey: ['people', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<PersonPage>(
        '/people',
        { q: search.q, organisationId: search.organisationId, page: search.page ?? 1, pageSize: peoplePageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** People whose name matches, for pickers (who signed a membership). */
export function usePersonNameSearch(query: string) {
  return useQuery({
    queryKey: ['people', 'names', query],
    queryFn: ({ signal }) => apiGet<PersonPage>('/people', { q: query || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePerson(personId: number | undefined) {
  return useQuery({
    queryKey: ['people', 'detail', personId],
    queryFn: ({ signal }) => apiGet<PersonDetail>(`/people/${personId}`, undefined, signal),
    enabled: personId !== undefined,
  });
}

/** After a person changed: their page at once, then lists, the organisations that show them and the audit log. */
function refreshPerson(queryClient: QueryClient, person?: PersonDetail): Promise<void> {
  if (person) queryClient.setQueryData(['people', 'detail', person.id], person);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      (query.queryKey[0] === 'people' && !(query.queryKey[1] === 'detail' && query.queryKey[2] === person?.id)) ||
      ['organisations', 'search', 'audit'].includes(String(query.queryKey[0])),
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePerson) => apiSend<PersonDetail>('POST', '/people', input),
    onSuccess: (person) => refreshPerson(queryClient, person),
  });
}

/** Saves changed fields with the version that was read; a stale version fails with 409 conflict. */
export function useUpdatePerson(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePerson) => apiSend<PersonDetail>('PATCH', `/people/${personId}`, input),
    onSuccess: (person) => refreshPerson(queryClient, person),
  });
}

export function useAddPersonRole(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonRole) => apiSend<unknown>('POST', `/people/${personId}/roles`, input),
    onSuccess: () => refreshPerson(queryClient),
  });
}

/** Ends a role on a date; the role stays in the person's history. */
export function useEndPersonRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roleId, until }: { roleId: number; until: string }) =>
      apiSend<unknown>('POST', `/person-roles/${roleId}/end`, { until }),
    onSuccess: () => refreshPerson(queryClient),
  });
}
