import { useQuery } from '@tanstack/react-query';
import type { OpenDataCatalogue } from '../../../../contracts/opendata';
import { apiGet } from '../../lib/api';

/** The open datasets with their licence, public record counts and download addresses. */
export function useOpenDataCatalogue() {
  return useQuery({
    queryKey: ['open-data'],
    queryFn: ({ signal }) => apiGet<OpenDataCatalogue>('/open-data', undefined, signal),
  });
}
