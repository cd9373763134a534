import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FreezeReport,
  ProgressReport,
  ReportComparison,
  ReportSnapshot,
  ReportSnapshotDetail,
} from '../../../../contracts/reports';
import { apiGet, apiSend, apiUrl } from '../../lib/api';

/** The live report of a programme as of a date; the previous one stays on screen while the next loads. */
export function useProgrammeReport(programmeId: number | undefined, asOf: string) {
  return useQuery({
    queryKey: ['reports', 'live', programmeId, asOf],
    queryFn: ({ signal }) => apiGet<ProgressReport>(`/programmes/${programmeId}/report`, { asOf }, signal),
    enabled: programmeId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The frozen reports of a programme, newest version first. */
export function useReportSnapshots(programmeId: number | undefined) {
  return useQuery({
    queryKey: ['reports', 'snapshots', programmeId],
    queryFn: ({ signal }) =>
      apiGet<{ items: ReportSnapshot[]; total: number }>(`/programmes/${programmeId}/reports`, undefined, signal),
    enabled: programmeId !== undefined,
  });
}

/** One frozen report with its stored data. */
export function useReportSnapshot(snapshotId: number | undefined) {
  return useQuery({
    queryKey: ['reports', 'snapshot', snapshotId],
    queryFn: ({ signal }) => apiGet<ReportSnapshotDetail>(`/reports/${snapshotId}`, undefined, signal),
    enabled: snapshotId !== undefined,
  });
}

/** What changed from one frozen report to another. */
export function useReportComparison(fromId: number | undefined, toId: number | undefined) {
  return useQuery({
    queryKey: ['reports', 'compare', fromId, toId],
    queryFn: ({ signal }) => apiGet<ReportComparison>(`/reports/${fromId}/compare/${toId}`, undefined, signal),
    enabled: fromId !== undefined && toId !== undefined && fromId !== toId,
  });
}

/** Freezes the report as of a date; the list of versions and the live report (its "changes") refresh. */
export function useFreezeReport(programmeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FreezeReport) =>
      apiSend<ReportSnapshotDetail>('POST', `/programmes/${programmeId}/reports`, input),
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'reports' || query.queryKey[0] === 'audit',
      }),
  });
}

/** Download links of a live report (`asOf`) or of a frozen one (`snapshotId`). */
export function reportFileUrl(
  format: 'pdf' | 'xlsx',
  target: { programmeId: number; asOf: string } | { snapshotId: number },
): string {
  return 'snapshotId' in target
    ? apiUrl(`/reports/${target.snapshotId}.${format}`)
    : apiUrl(`/programmes/${target.programmeId}/report.${format}`, { asOf: target.asOf });
}
