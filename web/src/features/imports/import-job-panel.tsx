import { Alert, Anchor, Group, Pagination, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrantImportSummary, ImportJob } from '../../../../contracts/grant-import';
import { useFormat } from '../../lib/use-format';

const PAGE_SIZE = 50;

/** Where a job stands: a progress bar while it runs, then the bad rows or what was (or would be) created. */
export function ImportJobPanel({
  job,
  page,
  onPage,
}: {
  job: ImportJob;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const isRunning = job.state === 'queued' || job.state === 'running';
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Stack gap="md">
      {isRunning ? (
        <Stack gap={4}>
          <Text size="sm" id="import-progress-label">
            {t(`grantImport.phases.${job.phase}`)} — {format.number(job.done)} / {format.number(job.total)}
          </Text>
          <Progress value={percent} animated aria-labelledby="import-progress-label" size="lg" />
        </Stack>
      ) : null}
      {job.state === 'failed' ? (
        <Alert color="red" title={t('grantImport.failedTitle', { count: job.errors.total })} role="alert">
          {job.errors.total > 0 ? t('grantImport.failedText') : job.message}
        </Alert>
      ) : null}
      {job.state === 'succeeded' && job.unchanged ? <Alert color="yellow">{t('grantImport.unchanged')}</Alert> : null}
      {job.state === 'succeeded' && !job.unchanged ? (
        <Alert color="green" title={job.dryRun ? t('grantImport.dryRunOk') : t('grantImport.committed')} role="status">
          {job.dryRun ? t('grantImport.dryRunOkText') : t('grantImport.committedText')}
        </Alert>
      ) : null}
      {job.errors.total > 0 ? (
        <Stack gap="xs">
          <Table striped aria-label={t('grantImport.errorTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t('grantImport.row')}</Table.Th>
                <Table.Th>{t('grantImport.column')}</Table.Th>
                <Table.Th>{t('grantImport.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.errors.items.map((e) => (
                <Table.Tr key={`${e.row}-${e.field}-${e.reason}`}>
                  <Table.Td ta="right" ff="monospace">
                    {e.row}
                  </Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {job.errors.total > PAGE_SIZE ? (
            <Pagination total={Math.ceil(job.errors.total / PAGE_SIZE)} value={page} onChange={onPage} size="sm" />
          ) : null}
        </Stack>
      ) : null}
      {job.summary ? <SummaryView summary={job.summary} isDryRun={job.dryRun} /> : null}
    </Stack>
  );
}

function SummaryView({ summary, isDryRun }: { summary: GrantImportSummary; isDryRun: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts = [
    [t('grantImport.summary.rows'), format.number(summary.rows)],
    [t('grantImport.summary.grants'), format.number(summary.grants)],
    [t('grantImport.summary.lines'), format.number(summary.lines)],
    [
      t('grantImport.summary.projects'),
      t('grantImport.summary.newExisting', {
        new: format.number(summary.projects.new),
        existing: format.number(summary.projects.existing),
      }),
    ],
    [
      t('grantImport.summary.organisations'),
      t('grantImport.summary.newExisting', {
        new: format.number(summary.organisations.new),
        existing: format.number(summary.organisations.existing),
      }),
    ],
  ];
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {isDryRun ? t('grantImport.summary.wouldCreate') : t('grantImport.summary.created')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {facts.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={600}>{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table aria-label={t('grantImport.summary.programmes')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grantImport.summary.programme')}</Table.Th>
              <Table.Th ta="right">{t('grantImport.summary.grants')}</Table.Th>
              <Table.Th ta="right">{t('grantImport.summary.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.programmes.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {isDryRun ? p.name : <Anchor href={`/grants?programmeId=${p.id}`}>{p.name}</Anchor>}
                </Table.Td>
                <Table.Td ta="right">{format.number(p.grants)}</Table.Td>
                <Table.Td ta="right">{format.money(p.amountCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table aria-label={t('grantImport.summary.bySource')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grantImport.fields.source')}</Table.Th>
              <Table.Th>{t('grantImport.fields.kind')}</Table.Th>
              <Table.Th ta="right">{t('grantImport.summary.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.amountBySource.map((a) => (
              <Table.Tr key={`${a.source}-${a.kind}`}>
                <Table.Td>{t(`fundingSource.${a.source}`, { defaultValue: a.source })}</Table.Td>
                <Table.Td>{t(`fundingKind.${a.kind}`, { defaultValue: a.kind })}</Table.Td>
                <Table.Td ta="right">{format.money(a.amountCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
      {isDryRun ? null : (
        <Group>
          {summary.programmes.map((p) => (
            <Anchor key={p.id} href={`/grants?programmeId=${p.id}`}>
              {t('grantImport.toGrants', { name: p.name })}
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}
