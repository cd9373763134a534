import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../contracts/audit';
import { apiGet } from '../../lib/api';
import { type AuditSearch, auditPageSize } from './audit-search';

/** One page of the audit log, newest first, for the filters in the URL. */
export function useAudit(search: AuditSearch) {
  return useQuery({
    queryKey: ['audit', search],
    queryFn: ({ signal }) =>
      apiGet<{ items: AuditEntry[]; total: number }>(
        '/audit',
        { ...search, page: search.page ?? 1, pageSize: auditPageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
