import { useQuery } from '@tanstack/react-query';
import type { ProgrammeDetail, ProgrammeSummary } from '../../../../contracts/portfolio';
import { apiGet } from '../../lib/api';

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
