import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addIndicatorValueSchema,
  createPartnershipEventSchema,
  PartnershipDetail,
  PartnershipEvent,
  PartnershipSummary,
} from '../../../../contracts/partnerships';
import { apiGet, apiSend } from '../../lib/api';

export type CreatePartnershipEvent = z.input<typeof createPartnershipEventSchema>;
export type AddIndicatorValue = z.input<typeof addIndicatorValueSchema>;

/** All partnerships of regions the visitor may see. */
export function usePartnerships() {
  return useQuery({
    queryKey: ['partnerships'],
    queryFn: ({ signal }) => apiGet<{ items: PartnershipSummary[] }>('/partnerships', undefined, signal),
  });
}

/** One partnership with its agreement, events, indicators and organisations. */
export function usePartnership(partnershipId: number | undefined) {
  return useQuery({
    queryKey: ['partnerships', partnershipId],
    queryFn: ({ signal }) => apiGet<PartnershipDetail>(`/partnerships/${partnershipId}`, undefined, signal),
    enabled: partnershipId !== undefined,
  });
}

// A new event or value changes the partnership page, the list (event counts) and the audit log.
const isAffected = (root: unknown) => root === 'partnerships' || root === 'audit';

export function useCreatePartnershipEvent(partnershipId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePartnershipEvent) =>
      apiSend<PartnershipEvent>('POST', `/partnerships/${partnershipId}/events`, input),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => isAffected(query.queryKey[0]) }),
  });
}

export function useAddIndicatorValue(partnershipId: number, indicatorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddIndicatorValue) =>
      apiSend<unknown>('POST', `/partnerships/${partnershipId}/indicators/${indicatorId}/values`, input),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => isAffected(query.queryKey[0]) }),
  });
}
