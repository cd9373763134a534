import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fundingKinds, type ProjectDetail } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { Section } from '../../ui/section';

type FundingLine = ProjectDetail['fundingLines'][number];

export function FundingLinesTable({ lines }: { lines: FundingLine[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // One sum per kind: planned, committed and disbursed describe the same money at different stages.
  const sums = fundingKinds
    .map((kind) => ({ kind, lines: lines.filter((line) => line.kind === kind) }))
    .filter((group) => group.lines.length > 0)
    .map((group) => ({ kind: group.kind, cents: group.lines.reduce((sum, line) => sum + line.amountCents, 0) }));
  return (
    <Section title={t('project.fundingLines')}>
      {lines.length === 0 ? (
        <Text c="dimmed">{t('project.noFundingLines')}</Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Table verticalSpacing="xs" miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('project.fundingSource')}</Table.Th>
                <Table.Th>{t('project.fundingKind')}</Table.Th>
                <Table.Th>{t('project.fundingYear')}</Table.Th>
                <Table.Th ta="right">{t('project.fundingAmount')}</Table.Th>
                <Table.Th>{t('project.fundingNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>{t(`fundingSource.${line.source}`)}</Table.Td>
                  <Table.Td>{t(`fundingKind.${line.kind}`)}</Table.Td>
                  <Table.Td>{line.year ?? t('common.none')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(line.amountCents)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{line.note ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              {sums.map((sum) => (
                <Table.Tr key={sum.kind}>
                  <Table.Th colSpan={3}>
                    {t('project.fundingSumOfKind', { kind: t(`fundingKind.${sum.kind}`) })}
                  </Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(sum.cents)}
                  </Table.Th>
                  <Table.Th />
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      )}
    </Section>
  );
}
