import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProjectDetail, ProjectListItem, RegionDetail, regionListSchema } from '../../../../contracts/portfolio';
import { apiGet } from '../../lib/api';
import { type ProjectSearch, projectPageSize } from './project-search';

export interface ProjectPage {
  items: ProjectListItem[];
  total: number;
}

export type RegionOption = z.infer<typeof regionListSchema>['items'][number];

/** One page of the project list for the filters in the URL. */
export function useProjects(search: ProjectSearch) {
  return useQuery({
    queryKey: ['projects', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<ProjectPage>(
        '/projects',
        {
          q: search.q,
          programmeId: search.programmeId,
          fieldOfActionId: search.fieldOfActionId,
          status: search.status,
          regionId: search.regionId,
          isPartnerProject: search.partner ? 'true' : undefined,
          sort: search.sort,
          page: search.page ?? 1,
          pageSize: projectPageSize,
        },
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
