import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NaceCodeItem } from '../../../../contracts/nace';
import { apiGet } from '../../lib/api';
import { toLanguage } from '../../lib/i18n';

type NaceLabels = NaceCodeItem['labels'];

/**
 * NACE codes whose label (in any language) or code start matches, for the NACE pickers; without a
 * query the 21 sections (A–U).
 */
export function useNaceSearch(query: string) {
  return useQuery({
    queryKey: ['nace', query],
    queryFn: ({ signal }) =>
      apiGet<{ items: NaceCodeItem[] }>('/nace', query ? { q: query, limit: 50 } : { level: 1, limit: 50 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60 * 60_000,
  });
}

/** A NACE code's label in the UI language: "28.11 Herstellung von Verbrennungsmotoren …". */
export function useNaceLabel(): (code: string, labels: NaceLabels) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return (code, labels) => `${code} ${labels[language]}`;
}
