import { CloseButton, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FundingKind, fundingKinds } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { type FundingLineFilter, fundingLinePageSize, useFundingLines } from './money.api';

export type Drill = { key: string; title: string; filter: FundingLineFilter; kind?: FundingKind };

/** The funding lines behind a figure of the roll-up, page by page, with links to project and grant. */
export function MoneyDrilldown({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<FundingKind | 'all'>(drill.kind ?? 'all');
  // A new drill-down starts on its first page with its own kind.
  useEffect(() => {
    setPage(1);
    setKind(drill.kind ?? 'all');
  }, [drill]);
  const lines = useFundingLines({ ...drill.filter, kind: kind === 'all' ? undefined : kind }, page);

  return (
    <Stack gap="sm" component="section" aria-label={t('money.linesOf', { group: drill.title })}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h4">
          {t('money.linesOf', { group: drill.title })}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('money.closeLines')} />
      </Group>
      <SegmentedControl
        aria-label={t('dashboard.moneyKind')}
        value={kind}
        onChange={(value) => {
          setKind(value as FundingKind | 'all');
          setPage(1);
        }}
        data={[
          { value: 'all', label: t('money.allKinds') },
          ...fundingKinds.map((value) => ({ value, label: t(`fundingKind.${value}`) })),
        ]}
        w="fit-content"
        size="xs"
      />
      <QueryState query={lines}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('money.noLines')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('money.lineCount', { count: data.total, formatted: format.number(data.total) })}
              </Text>
              <Table.ScrollContainer minWidth={760}>
                <Table
                  verticalSpacing={6}
                  striped
                  aria-busy={lines.isPlaceholderData}
                  style={{ opacity: lines.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('money.project')}</Table.Th>
                      <Table.Th>{t('money.grant')}</Table.Th>
                      <Table.Th>{t('money.recipient')}</Table.Th>
                      <Table.Th>{t('grant.lineSource')}</Table.Th>
                      <Table.Th>{t('grant.lineKind')}</Table.Th>
                      <Table.Th>{t('recordLines.year')}</Table.Th>
                      <Table.Th ta="right">{t('grant.lineAmount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((line) => (
                      <Table.Tr key={line.id}>
                        <Table.Td>
                          <AnchorLink
                            to="/projects/$projectId"
                            params={{ projectId: String(line.project.id) }}
                            size="sm"
                            lineClamp={2}
                          >
                            {line.project.title}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          {line.grant ? (
                            <AnchorLink
                              to="/grants/$grantId"
                              params={{ grantId: String(line.grant.id) }}
                              size="sm"
                              lineClamp={2}
                            >
                              {line.grant.title}
                            </AnchorLink>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('money.noGrant')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {line.recipient ? (
                            <AnchorLink
                              to="/organisations/$organisationId"
                              params={{ organisationId: String(line.recipient.id) }}
                              size="sm"
                              lineClamp={2}
                            >
                              {line.recipient.name}
                            </AnchorLink>
                          ) : (
                            t('common.none')
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`fundingSource.${line.source}`)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`fundingKind.${line.kind}`)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{line.year ?? t('common.none')}</Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{format.money(line.amountCents)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListPagination page={page} pages={pageCount(data.total, fundingLinePageSize)} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
