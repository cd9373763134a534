import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpenDataCatalogue } from '../../../../contracts/opendata';
import { useFormat } from '../../lib/use-format';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { useOpenDataCatalogue } from './opendata.api';

type Download = OpenDataCatalogue['datasets'][number]['downloads'][number];

function DownloadButton({ download }: { download: Download }) {
  const { t } = useTranslation();
  const label = t(`openData.formats.${download.format}`);
  return (
    <Button
      component="a"
      href={download.url}
      // JSON opens in the browser (an API answer); spreadsheets are saved as files.
      {...(download.format === 'json' ? {} : { download: true })}
      variant="default"
      size="xs"
    >
      {download.standard ? `${download.standard} ${label}` : label}
    </Button>
  );
}

function DatasetTable({ catalogue }: { catalogue: OpenDataCatalogue }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('openData.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('openData.datasetCol')}</Table.Th>
            <Table.Th ta="right">{t('openData.recordsCol')}</Table.Th>
            <Table.Th>{t('openData.downloadCol')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {catalogue.datasets.map((dataset) => (
            <Table.Tr key={dataset.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t(`openData.datasets.${dataset.id}.name`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t(`openData.datasets.${dataset.id}.text`)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" ff="monospace">
                  {format.number(dataset.records)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group
                  gap="xs"
                  role="group"
                  aria-label={t('openData.downloadsOf', { name: t(`openData.datasets.${dataset.id}.name`) })}
                >
                  {dataset.downloads.map((download) => (
                    <DownloadButton key={download.url} download={download} />
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Every open dataset with its licence, number of public records and downloads. */
export function OpenDataPage() {
  const { t } = useTranslation();
  const catalogue = useOpenDataCatalogue();
  usePageTitle(t('openData.title'));
  return (
    <Stack gap="xl" maw={1000}>
      <Stack gap="sm">
        <Title order={1}>{t('openData.title')}</Title>
        <Text>{t('openData.intro')}</Text>
      </Stack>

      <QueryState query={catalogue}>
        {(data) => (
          <Stack gap="xl">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="open-data-licence">
              <Group gap="sm" mb={4}>
                <Title order={2} size="h4" id="open-data-licence">
                  {t('openData.licenceTitle')}
                </Title>
                <Badge variant="light" radius="sm" tt="none">
                  {data.licence.id}
                </Badge>
              </Group>
              <Text size="sm">
                {t('openData.licenceText')}{' '}
                <Anchor href={data.licence.url} target="_blank" rel="noreferrer">
                  {data.licence.name}
                </Anchor>
                . {t('openData.attribution')}
              </Text>
            </Paper>

            <Stack gap="sm" component="section" aria-labelledby="open-data-datasets">
              <Title order={2} id="open-data-datasets">
                {t('openData.datasetsTitle')}
              </Title>
              <DatasetTable catalogue={data} />
            </Stack>
          </Stack>
        )}
      </QueryState>

      <Stack gap="sm" component="section" aria-labelledby="open-data-included">
        <Title order={2} id="open-data-included">
          {t('openData.includedTitle')}
        </Title>
        <List spacing="xs" size="sm">
          <List.Item>{t('openData.included.publicOnly')}</List.Item>
          <List.Item>{t('openData.included.threeSixtyGiving')}</List.Item>
          <List.Item>{t('openData.included.identifiers')}</List.Item>
          <List.Item>{t('openData.included.withheld')}</List.Item>
          <List.Item>{t('openData.included.lists')}</List.Item>
          <List.Item>{t('openData.included.filter')}</List.Item>
        </List>
        <Anchor href="/api/docs">{t('openData.apiLink')}</Anchor>
      </Stack>
    </Stack>
  );
}
