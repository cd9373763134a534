import { Table, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../../../contracts/funding';
import { fundingKinds } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { useProvenanceLine } from '../../ui/provenance';
import { Section } from '../../ui/section';
import { linesByYear } from './grant-money';

type Line = GrantDetail['lines'][number];

/** Where a line came from in a word, with the full provenance on hover and focus. */
function ProvenanceCell({ line }: { line: Line }) {
  const { t } = useTranslation();
  const provenanceLine = useProvenanceLine();
  const full = provenanceLine(line.provenance);
  return (
    <Tooltip label={full} multiline maw={360} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text
        size="sm"
        c="dimmed"
        tabIndex={0}
        aria-label={`${t('grant.provenance')}: ${full}`}
        style={{ textDecoration: 'underline dotted', cursor: 'help', whiteSpace: 'nowrap' }}
      >
        {t(`grant.provenanceKind.${line.provenance.kind}`)}
      </Text>
    </Tooltip>
  );
}

/** The grant's funding lines, grouped by year with a sum per kind under each year. */
export function GrantLinesTable({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = linesByYear(grant.lines);
  return (
    <Section title={t('grant.lines')} description={t('grant.linesHint')}>
      {groups.length === 0 ? (
        <Text c="dimmed">{t('grant.noLines')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <Text size="sm" c="dimmed" component="span">
                {t('grant.linesCaption')}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grant.lineKind')}</Table.Th>
                <Table.Th>{t('grant.lineSource')}</Table.Th>
                <Table.Th>{t('grant.partner')}</Table.Th>
                <Table.Th ta="right">{t('grant.lineAmount')}</Table.Th>
                <Table.Th>{t('grant.lineNote')}</Table.Th>
                <Table.Th>{t('grant.provenance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((group) => (
                <Fragment key={group.year ?? 'none'}>
                  <Table.Tr bg="var(--mantine-color-gray-light)">
                    <Table.Th colSpan={3} scope="rowgroup">
                      {group.year ?? t('dashboard.withoutYear')}
                    </Table.Th>
                    <Table.Td colSpan={3}>
                      <Text size="xs" c="dimmed">
                        {fundingKinds
                          .filter((kind) => group.sums[kind] !== undefined)
                          .map((kind) => `${t(`fundingKind.${kind}`)} ${format.money(group.sums[kind] ?? 0)}`)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {group.lines.map((line) => (
                    <Table.Tr key={line.id}>
                      <Table.Td>{t(`fundingKind.${line.kind}`)}</Table.Td>
                      <Table.Td>{t(`fundingSource.${line.source}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {line.organisation?.name ?? t('grant.wholeGrant')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {format.money(line.amountCents)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{line.note ?? ''}</Text>
                        {line.overrunReason ? (
                          <Text size="xs" c="orange.8">
                            {t('grant.overrunReasonShown', { reason: line.overrunReason })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <ProvenanceCell line={line} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
