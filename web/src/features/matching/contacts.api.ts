import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Contact,
  ContactDetail,
  CreateContact,
  MatchingDashboard,
  TransitionContact,
} from '../../../../contracts/profiles';
import { apiGet, apiSend } from '../../lib/api';
import { type ContactSearch, contactPageSize } from './matching-search';

export type ContactPage = { items: Contact[]; total: number };

/** The contacts the signed-in person takes part in: sender, addressee or brokering agency. */
export function useContacts(search: ContactSearch) {
  return useQuery({
    queryKey: ['contacts', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<ContactPage>(
        '/contacts',
        { stage: search.stage, page: search.page ?? 1, pageSize: contactPageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One contact with its dated steps (loaded when its timeline is opened). */
export function useContact(contactId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['contacts', 'detail', contactId],
    queryFn: ({ signal }) => apiGet<ContactDetail>(`/contacts/${contactId}`, undefined, signal),
    enabled,
  });
}

function refreshContact(queryClient: QueryClient, contact: ContactDetail): Promise<void> {
  queryClient.setQueryData(['contacts', 'detail', contact.id], contact);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      ['matching', 'audit'].includes(String(query.queryKey[0])) ||
      (query.queryKey[0] === 'contacts' && query.queryKey[1] !== 'detail'),
  });
}

/** "Interesse bekunden": in a profile or an organisation, with the three questions answered. */
export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateContact) => apiSend<ContactDetail>('POST', '/contacts', input),
    onSuccess: (contact) => refreshContact(queryClient, contact),
  });
}

/** The next step in the funnel, with the version read. */
export function useTransitionContact(contactId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionContact) =>
      apiSend<ContactDetail>('POST', `/contacts/${contactId}/transition`, input),
    onSuccess: (contact) => refreshContact(queryClient, contact),
  });
}

/** The agency's figures: profiles by status, contacts by stage and rating, months. */
export function useMatchingDashboard(agencyId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['matching', 'dashboard', agencyId],
    queryFn: ({ signal }) => apiGet<MatchingDashboard>('/matching/dashboard', { agencyId }, signal),
    enabled,
  });
}
