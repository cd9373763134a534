import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/use-page-title';

const dataSources = ['vg5000', 'istat', 'nace', 'erdf', 'cordis', 'seeds'] as const;

export function AboutPage() {
  const { t } = useTranslation();
  usePageTitle(t('about.title'));
  return (
    <Stack gap="xl" maw={900}>
      <Stack gap="sm">
        <Title order={1}>{t('about.title')}</Title>
        <Text>{t('about.intro')}</Text>
        <Text>{t('about.principles')}</Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="about-data">
        <Title order={2} id="about-data">
          {t('about.dataTitle')}
        </Title>
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="34%">{t('about.sourceCol')}</Table.Th>
                <Table.Th>{t('about.attributionCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dataSources.map((source) => (
                <Table.Tr key={source}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`about.sources.${source}.name`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`about.sources.${source}.text`)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="about-api">
        <Title order={2} id="about-api">
          {t('about.apiTitle')}
        </Title>
        <Text>{t('about.apiText')}</Text>
        <Anchor href="/api/docs">{t('about.apiLink')}</Anchor>
      </Stack>
    </Stack>
  );
}
