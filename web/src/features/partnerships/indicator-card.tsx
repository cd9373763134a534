import { Badge, Button, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../contracts/partnerships';
import { useProvenanceLine } from '../../ui/provenance';
import { SourceToggle } from '../../ui/source-toggle';
import { IndicatorChart } from './indicator-chart';
import { usePartnershipFormat } from './partnership-format';

type Point = Indicator['points'][number];

/** The cited passage behind a reported value, shown in full (it is short and it is the evidence). */
function Passage({ point }: { point: Point }) {
  const { t } = useTranslation();
  const line = useProvenanceLine();
  const partnershipFormat = usePartnershipFormat();
  if (point.provenance.kind !== 'seed') return <SourceToggle provenance={point.provenance} withLabel />;
  const passage = point.provenance.passage;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fs="italic">
        {partnershipFormat.language === 'de' ? `„${passage}“` : `“${passage}”`}
      </Text>
      <Text size="xs" c="dimmed">
        {t('common.source')}: {line(point.provenance)}
      </Text>
    </Stack>
  );
}

/** The values behind a chart, as a table for screen readers and for reading exact figures. */
function PointTable({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const partnershipFormat = usePartnershipFormat();
  return (
    <Table verticalSpacing={2} fz="xs">
      <Table.Caption>
        <VisuallyHidden>{indicator.label}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('partnerships.period')}</Table.Th>
          <Table.Th ta="right">{t('partnerships.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {indicator.points.map((point) => (
          <Table.Tr key={point.period ?? 'none'}>
            <Table.Td>{partnershipFormat.period(point.period)}</Table.Td>
            <Table.Td ta="right">{partnershipFormat.value(indicator.unit, point)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * One indicator: a big figure when the sources give one value, a small chart over the periods when
 * they give several; reported values cite their passage, derived ones say they are computed.
 */
export function IndicatorCard({ indicator, onAddValue }: { indicator: Indicator; onAddValue?: () => void }) {
  const { t } = useTranslation();
  const partnershipFormat = usePartnershipFormat();
  const [single] = indicator.points;
  const isSeries = indicator.points.length > 1;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={indicator.label}>
      <Stack gap="xs" h="100%">
        <Stack gap={4} align="flex-start">
          <Text size="sm" fw={600}>
            {indicator.label}
          </Text>
          {indicator.source === 'derived' ? (
            <Badge variant="light" color="teal" radius="sm" tt="none">
              {t('partnerships.derived')}
            </Badge>
          ) : null}
        </Stack>
        {!single ? (
          <Text size="sm" c="dimmed">
            {t('partnerships.noValues')}
          </Text>
        ) : isSeries ? (
          <>
            <IndicatorChart indicator={indicator} />
            <PointTable indicator={indicator} />
          </>
        ) : (
          <>
            <Text fw={700} fz={30} lh={1.2}>
              {partnershipFormat.value(indicator.unit, single)}
            </Text>
            <Text size="sm" c="dimmed">
              {partnershipFormat.period(single.period)}
            </Text>
          </>
        )}
        {indicator.source === 'derived' ? (
          <Text size="xs" c="dimmed">
            {single?.provenance.kind === 'derived'
              ? `${single.provenance.source}. ${t('partnerships.derivedHint')}`
              : t('partnerships.derivedHint')}
          </Text>
        ) : single ? (
          <Passage point={indicator.points.at(-1) ?? single} />
        ) : null}
        {onAddValue ? (
          <Button variant="subtle" size="xs" onClick={onAddValue} mt="auto" w="fit-content">
            {t('partnerships.addValue')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
