import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { networkListSchema } from '../../../../contracts/organisations';
import { apiGet } from '../../lib/api';

export type NetworkList = z.infer<typeof networkListSchema>;
export type Network = NetworkList['items'][number];

/** Clusters, alliances, networks and dialogues with their member counts. */
export function useNetworks() {
  return useQuery({
    queryKey: ['networks'],
    queryFn: ({ signal }) => apiGet<NetworkList>('/networks', undefined, signal),
  });
}
