import { ColorSwatch, Group, Progress, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { type CoFinancing, type CoFinancingPart, coFinancingShares } from './grant-money';

export const coFinancingColors: Record<CoFinancingPart, string> = {
  eu: 'blue',
  nationalPublic: 'teal',
  mixedPublic: 'violet',
  own: 'yellow',
  other: 'gray',
};

/** "42,5 %" / "42.5%": a share (0…1) in the interface language. */
export function usePercent(): (share: number | null) => string {
  const format = useFormat();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(intlLocale(format.language), {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return (share) => (share === null ? '–' : percent.format(share));
  }, [format.language]);
}

/**
 * The co-financing of money as one stacked bar (EU, national public, ERDF programme money, own,
 * other) with a legend of amounts and shares, and the EU and public rates.
 */
export function CoFinancingBar({ coFinancing }: { coFinancing: CoFinancing }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const parts = coFinancingShares(coFinancing);
  if (parts.length === 0 || coFinancing.basis === null) {
    return <Text c="dimmed">{t('coFinancing.empty')}</Text>;
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('coFinancing.basis', {
          basis: t(`coFinancing.basisKind.${coFinancing.basis}`),
          total: format.money(coFinancing.totalCents),
        })}
      </Text>
      <Progress.Root size={28} radius="sm" aria-hidden="true">
        {parts.map(({ part, cents, share }) => (
          <Tooltip key={part} label={`${t(`coFinancing.parts.${part}`)}: ${format.money(cents)} (${percent(share)})`}>
            <Progress.Section value={share * 100} color={`${coFinancingColors[part]}.6`}>
              {share >= 0.18 ? <Progress.Label>{percent(share)}</Progress.Label> : null}
            </Progress.Section>
          </Tooltip>
        ))}
      </Progress.Root>
      <Table verticalSpacing={4} layout="fixed">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text size="sm" c="dimmed" component="span">
            {t('coFinancing.caption')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coFinancing.part')}</Table.Th>
            <Table.Th ta="right">{t('coFinancing.amount')}</Table.Th>
            <Table.Th ta="right" w={80}>
              {t('coFinancing.share')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parts.map(({ part, cents, share }) => (
            <Table.Tr key={part}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <ColorSwatch
                    color={`var(--mantine-color-${coFinancingColors[part]}-6)`}
                    size={12}
                    withShadow={false}
                  />
                  <Text size="sm">{t(`coFinancing.parts.${part}`)}</Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(cents)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{percent(share)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={2} spacing="sm">
        <Rate label={t('coFinancing.euRate')} value={percent(coFinancing.euRate)} />
        <Rate label={t('coFinancing.publicRate')} value={percent(coFinancing.publicRate)} />
      </SimpleGrid>
      {coFinancing.mixedPublicCents > 0 ? (
        <Text size="xs" c="dimmed">
          {t('coFinancing.mixedHint')}
        </Text>
      ) : null}
    </Stack>
  );
}

function Rate({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
    </Stack>
  );
}
