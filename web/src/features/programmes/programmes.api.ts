import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateProgramme,
  FieldOfActionInput,
  ProgrammeDetail,
  ProgrammeSummary,
  UpdateProgramme,
} from '../../../../contracts/portfolio';
import { apiGet, apiSend } from '../../lib/api';

export interface ProgrammeList {
  items: ProgrammeSummary[];
  total: number;
}

/** All programmes, for the start page and the programme filter. */
export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: ({ signal }) => apiGet<ProgrammeList>('/programmes', undefined, signal),
  });
}

/** One programme's dashboard data; disabled while no id is chosen. */
export function useProgramme(programmeId: number | undefined) {
  return useQuery({
    queryKey: ['programmes', programmeId],
    queryFn: ({ signal }) => apiGet<ProgrammeDetail>(`/programmes/${programmeId}`, undefined, signal),
    enabled: programmeId !== undefined,
  });
}

export type FieldOfAction = ProgrammeDetail['fieldsOfAction'][number];

/** After a programme changed: its dashboard, the list, and project lists that show its name. */
function refreshProgramme(queryClient: QueryClient, programme: ProgrammeDetail): Promise<void> {
  queryClient.setQueryData(['programmes', programme.id], programme);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      (query.queryKey[0] === 'programmes' && query.queryKey[1] !== programme.id) ||
      query.queryKey[0] === 'projects' ||
      query.queryKey[0] === 'audit',
  });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProgramme) => apiSend<ProgrammeDetail>('POST', '/programmes', input),
    onSuccess: (programme) => refreshProgramme(queryClient, programme),
  });
}

/** Saves changed fields with the version that was read; a stale version fails with 409 conflict. */
export function useUpdateProgramme(programmeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProgramme) => apiSend<ProgrammeDetail>('PATCH', `/programmes/${programmeId}`, input),
    onSuccess: (programme) => refreshProgramme(queryClient, programme),
  });
}

export function useCreateFieldOfAction(programmeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FieldOfActionInput) =>
      apiSend<FieldOfAction>('POST', `/programmes/${programmeId}/fields-of-action`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programmes'] }),
  });
}

/** Renames or moves a field of action; a name the programme already has fails with 409 conflict. */
export function useUpdateFieldOfAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<FieldOfActionInput> & { id: number }) =>
      apiSend<FieldOfAction>('PATCH', `/fields-of-action/${id}`, input),
    // Dashboards, project lists and project pages show the field's name.
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (query) => ['programmes', 'projects', 'audit'].includes(query.queryKey[0] as string),
      }),
  });
}
