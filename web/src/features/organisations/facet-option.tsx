import { type ComboboxItem, type ComboboxLikeRenderOptionInput, Group, Text } from '@mantine/core';
import { useFormat } from '../../lib/use-format';

/** Facet counts by option value; undefined while they load. */
export type FacetCounts = Map<string, number> | undefined;

/** A facet's entries as counts by value. */
export function countsOf<T>(entries: T[] | undefined, key: (entry: T) => string | number, count: (entry: T) => number) {
  return entries ? new Map(entries.map((entry) => [String(key(entry)), count(entry)])) : undefined;
}

/**
 * A select option with the number of organisations it would leave on the right: "Hochschule … 56". Values a
 * complete facet does not list have none left; an incomplete one (the top regions) says nothing about them.
 */
export function useCountOption(counts: FacetCounts, { isComplete = true }: { isComplete?: boolean } = {}) {
  const format = useFormat();
  return ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const count = counts ? (counts.get(option.value) ?? (isComplete ? 0 : undefined)) : undefined;
    return (
      <Group justify="space-between" wrap="nowrap" gap="sm" w="100%">
        <Text size="sm">{option.label}</Text>
        {count === undefined ? null : (
          <Text size="xs" c="dimmed" data-facet-count>
            {format.number(count)}
          </Text>
        )}
      </Group>
    );
  };
}
