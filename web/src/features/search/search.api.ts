import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Suggestion, searchResultSchema } from '../../../../contracts/search';
import { apiGet } from '../../lib/api';
import type { SearchPageSearch } from './search-params';

export type SearchResult = z.infer<typeof searchResultSchema>;

const resultLimit = 30;

/** Best matches of every kind with facet counts, for the results page. */
export function useSearch(search: SearchPageSearch) {
  return useQuery({
    queryKey: ['search', 'results', search],
    queryFn: ({ signal }) => apiGet<SearchResult>('/search', { ...search, limit: resultLimit }, signal),
    enabled: Boolean(search.q),
    placeholderData: keepPreviousData,
  });
}

/** Suggestions while typing in the header; nothing for an empty input. */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: ['search', 'suggest', q],
    queryFn: ({ signal }) => apiGet<{ items: Suggestion[] }>('/search/suggest', { q, limit: 8 }, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
