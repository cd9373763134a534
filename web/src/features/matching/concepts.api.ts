import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Concept, extractedConceptSchema, Suggestion } from '../../../../contracts/matching';
import { apiGet, apiSend } from '../../lib/api';
import type { Language } from '../../lib/i18n';

export type ExtractedConcept = z.infer<typeof extractedConceptSchema>;

/** Concepts whose label (German, English or Italian) matches the query. */
export function useConceptSearch(query: string, options: { limit?: number; enabled?: boolean } = {}) {
  const limit = options.limit ?? 20;
  return useQuery({
    queryKey: ['concepts', 'search', query, limit],
    queryFn: ({ signal }) => apiGet<{ items: Concept[] }>('/concepts', { q: query || undefined, limit }, signal),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The concept behind a key (a filter in the URL), looked up by the concept search. */
export function useConcept(key: string | undefined): Concept | undefined {
  const found = useConceptSearch(key ?? '', { limit: 30, enabled: key !== undefined });
  return key === undefined ? undefined : found.data?.items.find((concept) => concept.key === key);
}

/** The concepts a text speaks of, with the words that led to them; nothing for an empty text. */
export function useExtractedConcepts(text: string) {
  return useQuery({
    queryKey: ['concepts', 'extract', text],
    queryFn: () => apiSend<{ items: ExtractedConcept[] }>('POST', '/concepts/extract', { text }),
    enabled: text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export type SuggestionFilters = { country?: string; type?: string };

/** Profiles that match a profile, with reasons in the UI language. */
export function useProfileMatches(profileId: number, language: Language, filters: SuggestionFilters = {}) {
  return useQuery({
    queryKey: ['matches', 'profile', profileId, language, filters],
    queryFn: ({ signal }) =>
      apiGet<{ items: Suggestion[] }>(
        `/profiles/${profileId}/matches`,
        { limit: 10, lang: language, ...filters },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Suggested partners of an organisation, with reasons in the UI language. */
export function usePartnerSuggestions(organisationId: number, language: Language, filters: SuggestionFilters) {
  return useQuery({
    queryKey: ['matches', 'organisation', organisationId, language, filters],
    queryFn: ({ signal }) =>
      apiGet<{ items: Suggestion[] }>(
        `/organisations/${organisationId}/partner-suggestions`,
        { limit: 10, lang: language, ...filters },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
