import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FundingLinesQuery,
  fundingLinePageSchema,
  ProgrammeChecks,
  ProgrammeSummary,
  Rollup,
  rollupDimensions,
} from '../../../../contracts/funding';
import { apiGet, type QueryParams } from '../../lib/api';

export type RollupDimension = (typeof rollupDimensions)[number];
export type FundingLinePage = z.infer<typeof fundingLinePageSchema>;
/** The drill-down's filters: the programme and one value per roll-up dimension ("none" for lines without one). */
export type FundingLineFilter = Pick<FundingLinesQuery, 'programmeId'> &
  Partial<Record<RollupDimension, string | number>>;

/** A programme's money by source, kind, year and field of action, with its co-financing. */
export function useProgrammeMoney(programmeId: number | undefined) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'summary'],
    queryFn: ({ signal }) => apiGet<ProgrammeSummary>(`/programmes/${programmeId}/summary`, undefined, signal),
    enabled: programmeId !== undefined,
  });
}

/** Money of a programme grouped by one dimension (district, recipient type, fund, …). */
export function useProgrammeRollup(programmeId: number, by: RollupDimension) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'rollup', by],
    queryFn: ({ signal }) => apiGet<Rollup>(`/programmes/${programmeId}/rollup`, { by }, signal),
  });
}

/** The figures of a programme that don't add up: reported vs tracked, grants over budget, projects without money. */
export function useProgrammeChecks(programmeId: number) {
  return useQuery({
    queryKey: ['programmes', programmeId, 'checks'],
    queryFn: ({ signal }) => apiGet<ProgrammeChecks>(`/programmes/${programmeId}/checks`, undefined, signal),
  });
}

export const fundingLinePageSize = 20;

/** One page of the funding lines behind a roll-up figure, largest first. */
export function useFundingLines(filter: FundingLineFilter, page: number) {
  const params: QueryParams = { ...filter, page, pageSize: fundingLinePageSize };
  return useQuery({
    queryKey: ['funding', 'lines', params],
    queryFn: ({ signal }) => apiGet<FundingLinePage>('/funding-lines', params, signal),
    placeholderData: keepPreviousData,
  });
}
