import { useMutation, useQuery } from '@tanstack/react-query';
import type { ImportFile, ImportJob, StartGrantImport } from '../../../../contracts/grant-import';
import { apiGet, apiSend, apiUpload } from '../../lib/api';

/** Uploads the chosen file; answers with its headers, first rows and a suggested mapping. */
export function useUploadImportFile() {
  return useMutation({
    mutationFn: (file: File) => apiUpload<ImportFile>('/imports/files', { name: file.name }, file),
  });
}

/** Starts a dry-run or a commit; answers with the job to follow. */
export function useStartGrantImport() {
  return useMutation({
    mutationFn: (input: StartGrantImport) => apiSend<{ jobId: string }>('POST', '/imports/grants', input),
  });
}

/** A job, polled every half second until it has finished; `page` pages through its row errors. */
export function useImportJob(jobId: string | null, page: number) {
  return useQuery({
    queryKey: ['import-job', jobId, page],
    enabled: jobId !== null,
    queryFn: ({ signal }) => apiGet<ImportJob>(`/imports/jobs/${jobId}`, { page, pageSize: 50 }, signal),
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'succeeded' || state === 'failed' ? false : 500;
    },
  });
}
