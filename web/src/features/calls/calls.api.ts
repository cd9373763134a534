import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplicationDetail,
  applicationPageSchema,
  CallDetail,
  CreateCall,
  callPageSchema,
  SubmitApplication,
  TransitionApplication,
  UpdateCall,
} from '../../../../contracts/calls';
import { apiGet, apiSend } from '../../lib/api';
import { type CallSearch, callFilterParams, callPageSize } from './call-search';

export type CallPage = z.infer<typeof callPageSchema>;
export type ApplicationPage = z.infer<typeof applicationPageSchema>;

/** One page of the call list for the filters in the URL. */
export function useCalls(search: CallSearch) {
  return useQuery({
    queryKey: ['calls', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<CallPage>(
        '/calls',
        { ...callFilterParams(search), page: search.page ?? 1, pageSize: callPageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCall(callId: number | undefined) {
  return useQuery({
    queryKey: ['calls', 'detail', callId],
    queryFn: ({ signal }) => apiGet<CallDetail>(`/calls/${callId}`, undefined, signal),
    enabled: callId !== undefined,
  });
}

/** The applications to a call the signed-in person may see (all for staff). */
export function useCallApplications(callId: number, enabled: boolean, page = 1) {
  return useQuery({
    queryKey: ['calls', 'applications', callId, page],
    queryFn: ({ signal }) => apiGet<ApplicationPage>(`/calls/${callId}/applications`, { page, pageSize: 50 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useApplication(applicationId: number | undefined) {
  return useQuery({
    queryKey: ['applications', 'detail', applicationId],
    queryFn: ({ signal }) => apiGet<ApplicationDetail>(`/applications/${applicationId}`, undefined, signal),
    enabled: applicationId !== undefined,
  });
}

/** After an application changed: its page at once, then calls, grants, projects and the audit log. */
function refreshApplication(queryClient: QueryClient, application: ApplicationDetail): Promise<void> {
  queryClient.setQueryData(['applications', 'detail', application.id], application);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      ['calls', 'grants', 'projects', 'programmes', 'audit'].includes(String(query.queryKey[0])) ||
      (query.queryKey[0] === 'applications' && query.queryKey[1] !== 'detail'),
  });
}

export function useSubmitApplication(callId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitApplication) =>
      apiSend<ApplicationDetail>('POST', `/calls/${callId}/applications`, input),
    onSuccess: (application) => refreshApplication(queryClient, application),
  });
}

/** Moves an application (review, approval with its award, rejection, withdrawal) with the version read. */
export function useTransitionApplication(applicationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionApplication) =>
      apiSend<ApplicationDetail>('POST', `/applications/${applicationId}/transitions`, input),
    onSuccess: (application) => refreshApplication(queryClient, application),
  });
}

/** After a call was created or changed: its page at once, then the lists and the audit log. */
function refreshCall(queryClient: QueryClient, call: CallDetail): Promise<void> {
  queryClient.setQueryData(['calls', 'detail', call.id], call);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      ['programmes', 'audit'].includes(String(query.queryKey[0])) ||
      (query.queryKey[0] === 'calls' && query.queryKey[1] !== 'detail'),
  });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCall) => apiSend<CallDetail>('POST', '/calls', input),
    onSuccess: (call) => refreshCall(queryClient, call),
  });
}

/** Changes a call with the version read; a stale version comes back as a conflict. */
export function useUpdateCall(callId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCall) => apiSend<CallDetail>('PATCH', `/calls/${callId}`, input),
    onSuccess: (call) => refreshCall(queryClient, call),
  });
}
