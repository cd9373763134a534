import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateProject,
  ProjectDetail,
  ProjectStatus,
  projectPageSchema,
  RegionDetail,
  regionListSchema,
  UpdateProject,
} from '../../../../contracts/portfolio';
import { apiGet, apiSend } from '../../lib/api';
import { type ProjectSearch, projectFilterParams, projectPageSize } from './project-search';

export type ProjectPage = z.infer<typeof projectPageSchema>;

export type RegionOption = z.infer<typeof regionListSchema>['items'][number];

/** One page of the project list for the filters in the URL. */
export function useProjects(search: ProjectSearch) {
  return useQuery({
    queryKey: ['projects', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<ProjectPage>(
        '/projects',
        { ...projectFilterParams(search), page: search.page ?? 1, pageSize: projectPageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProject(projectId: number | undefined) {
  return useQuery({
    queryKey: ['projects', 'detail', projectId],
    queryFn: ({ signal }) => apiGet<ProjectDetail>(`/projects/${projectId}`, undefined, signal),
    enabled: projectId !== undefined,
  });
}

/** Regions whose name matches the query, for the searchable region filter. */
export function useRegionSearch(query: string) {
  return useQuery({
    queryKey: ['regions', query],
    queryFn: ({ signal }) =>
      apiGet<{ items: RegionOption[] }>('/regions', { q: query || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One region by id — the label of a region filter opened from a link. */
export function useRegion(regionId: number | undefined) {
  return useQuery({
    queryKey: ['regions', 'detail', regionId],
    queryFn: ({ signal }) => apiGet<RegionDetail>(`/regions/${regionId}`, undefined, signal),
    enabled: regionId !== undefined,
    staleTime: 60 * 60_000,
  });
}

/** After a project changed: its page at once, then lists, dashboards and the audit log. */
function refreshProject(queryClient: QueryClient, project: ProjectDetail): Promise<void> {
  queryClient.setQueryData(['projects', 'detail', project.id], project);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      (query.queryKey[0] === 'projects' && query.queryKey[1] !== 'detail') ||
      query.queryKey[0] === 'programmes' ||
      query.queryKey[0] === 'audit',
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProject) => apiSend<ProjectDetail>('POST', '/projects', input),
    onSuccess: (project) => refreshProject(queryClient, project),
  });
}

/** Saves changed fields with the version that was read; a stale version fails with 409 conflict. */
export function useUpdateProject(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProject) => apiSend<ProjectDetail>('PATCH', `/projects/${projectId}`, input),
    onSuccess: (project) => refreshProject(queryClient, project),
  });
}

/** Records a dated status change with a comment; the timeline shows it right after. */
export function useChangeProjectStatus(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; status: ProjectStatus; changedOn: string; comment: string | null }) =>
      apiSend<ProjectDetail>('POST', `/projects/${projectId}/status`, input),
    onSuccess: (project) => refreshProject(queryClient, project),
  });
}
