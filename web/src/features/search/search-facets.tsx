import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchFacets } from '../../../../contracts/search';
import { useFormat } from '../../lib/use-format';
import classes from './search-facets.module.css';
import type { FacetParam, SearchPageSearch } from './search-params';

const groups: { facet: keyof SearchFacets; param: FacetParam }[] = [
  { facet: 'kind', param: 'kind' },
  { facet: 'type', param: 'type' },
  { facet: 'region', param: 'regionId' },
  { facet: 'sector', param: 'sector' },
  { facet: 'programme', param: 'programmeId' },
];

/**
 * The facets of the results as filters with counts: choosing a value narrows the results (and sets
 * its URL parameter), choosing it again lifts the filter.
 */
export function SearchFacetList({
  facets,
  search,
  onToggle,
}: {
  facets: SearchFacets;
  search: SearchPageSearch;
  onToggle: (param: FacetParam, value: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labelOf = (facet: keyof SearchFacets, value: string, label: string) => {
    if (facet === 'kind' && i18n.exists(`search.kind.${value}`))
      return t(`search.kind.${value}` as 'search.kind.person');
    if (facet === 'type' && i18n.exists(`organisationType.${value}`))
      return t(`organisationType.${value}` as 'organisationType.other');
    return label;
  };

  return (
    <Stack gap="lg" component="nav" aria-label={t('search.facets')}>
      {groups.map(({ facet, param }) => {
        const values = facets[facet];
        const chosen = search[param] === undefined ? undefined : String(search[param]);
        if (values.length === 0 && chosen === undefined) return null;
        return (
          <Stack key={facet} gap={4} role="group" aria-labelledby={`facet-${facet}`}>
            <Title order={2} size="h6" id={`facet-${facet}`} c="dimmed" tt="uppercase">
              {t(`search.facet.${facet}`)}
            </Title>
            {values.map((entry) => {
              const isActive = entry.value === chosen;
              return (
                <UnstyledButton
                  key={entry.value}
                  className={classes.facet}
                  data-active={isActive || undefined}
                  aria-pressed={isActive}
                  onClick={() => onToggle(param, isActive ? undefined : entry.value)}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" lineClamp={2}>
                      {labelOf(facet, entry.value, entry.label)}
                    </Text>
                    <Badge variant={isActive ? 'filled' : 'light'} color="gray" size="sm" miw="max-content">
                      {format.number(entry.count)}
                    </Badge>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
