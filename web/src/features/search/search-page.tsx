import { Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../contracts/search';
import { useFormat } from '../../lib/use-format';
import { DebouncedInput } from '../../ui/debounced-input';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { HighlightedTitle } from './highlighted-title';
import { type SearchResult, useSearch } from './search.api';
import { SearchFacetList } from './search-facets';
import { hitLink, SearchKindIcon } from './search-kind';
import { type FacetParam, facetParams, facetValue, type SearchPageSearch } from './search-params';

const route = getRouteApi('/search');

function HitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" component="li">
      <SearchKindIcon kind={hit.kind} size={28} />
      <Stack gap={2} style={{ minWidth: 0 }}>
        <AnchorLink {...hitLink(hit.kind, hit.id)} fw={600}>
          <HighlightedTitle highlight={hit.highlight} />
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {[t(`search.kind.${hit.kind}`), hit.subtitle].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}

/** "Suche": the best matches of every kind, narrowed by facets kept in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const format = useFormat();
  const results = useSearch(search);
  usePageTitle(search.q ? t('search.titleFor', { q: search.q }) : t('search.title'));

  const toggle = (param: FacetParam, value: string | undefined) =>
    void navigate({
      search: (previous) => ({ ...previous, [param]: value === undefined ? undefined : facetValue(param, value) }),
    });
  // The kind facet counts every match; the list shows the best of them.
  const hitCount = (data: SearchResult) => {
    const total = data.facets.kind.reduce((sum, entry) => sum + entry.count, 0);
    const shown = data.items.length;
    return total > shown
      ? t('search.hitsOf', { shown: format.number(shown), total: format.number(total) })
      : t('search.hits', { count: shown, formatted: format.number(shown) });
  };
  const hasFacetFilter = facetParams.some((param) => search[param] !== undefined);
  const clearFacets = () => void navigate({ search: (previous: SearchPageSearch) => ({ q: previous.q }) });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('search.title')}</Title>
      <Paper
        withBorder
        radius="md"
        p="md"
        component="form"
        role="search"
        onSubmit={(e: React.FormEvent) => e.preventDefault()}
      >
        <DebouncedInput
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          type="search"
          value={search.q}
          onCommit={(q) => void navigate({ search: (previous) => ({ ...previous, q }), replace: true })}
        />
      </Paper>
      {!search.q ? (
        <Text c="dimmed">{t('search.enterQuery')}</Text>
      ) : (
        <QueryState query={results}>
          {(data) => (
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
                <Stack gap="md">
                  <SearchFacetList facets={data.facets} search={search} onToggle={toggle} />
                  {hasFacetFilter ? (
                    <Button variant="default" size="xs" onClick={clearFacets} w="fit-content">
                      {t('search.clearFacets')}
                    </Button>
                  ) : null}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
                <Stack
                  gap="md"
                  aria-busy={results.isPlaceholderData}
                  style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Group gap="xs">
                    <Text fw={600} aria-live="polite">
                      {hitCount(data)}
                    </Text>
                    {results.isPlaceholderData ? <Badge variant="light">{t('common.loading')}</Badge> : null}
                  </Group>
                  {data.items.length === 0 ? (
                    <Text c="dimmed">{t('search.empty')}</Text>
                  ) : (
                    <Stack
                      gap="md"
                      component="ol"
                      aria-label={t('search.results')}
                      style={{ listStyle: 'none', padding: 0, margin: 0 }}
                    >
                      {data.items.map((hit) => (
                        <HitRow key={`${hit.kind}:${hit.id}`} hit={hit} />
                      ))}
                    </Stack>
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
