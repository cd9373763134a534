import { BarChart } from '@mantine/charts';
import { Grid, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ContactRating,
  type ContactStage,
  contactRatings,
  contactStages,
  type ProfileStatus,
  profileStatuses,
} from '../../../../contracts/matching';
import type { MatchingDashboard } from '../../../../contracts/profiles';
import { intlLocale } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ForbiddenState, QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { RequireSignIn } from '../accounts/require-sign-in';
import { useMatchingDashboard } from './contacts.api';
import { MatchingNav } from './matching-nav';
import { actsForAnAgency } from './matching-permissions';

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {format.number(value)}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** A labelled count per key, as a table: the figures behind the chart, readable without it. */
function CountTable<K extends string>({
  title,
  keys,
  counts,
  label,
}: {
  title: string;
  keys: readonly K[];
  counts: Partial<Record<K, number>>;
  label: (key: K) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = keys.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
  return (
    <Section title={title}>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Text size="sm">{label(key)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600}>
                  {format.number(counts[key] ?? 0)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td>
              <Text size="sm" fw={600}>
                {t('common.sum')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" fw={700}>
                {format.number(total)}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Section>
  );
}

function MonthChart({ months }: { months: MatchingDashboard['months'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthFormat = new Intl.DateTimeFormat(intlLocale(format.language), {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const data = months.map((m) => ({
    month: monthFormat.format(new Date(`${m.month}-01T00:00:00Z`)),
    interests: m.interests,
    agreements: m.agreements,
  }));
  return (
    <Section title={t('matching.dashboard.months')} description={t('matching.dashboard.monthsHint')}>
      <BarChart
        h={240}
        data={data}
        dataKey="month"
        series={[
          { name: 'interests', label: t('matching.dashboard.interests'), color: 'blue.6' },
          { name: 'agreements', label: t('matching.dashboard.agreements'), color: 'teal.6' },
        ]}
        valueFormatter={format.number}
        withLegend
        gridAxis="y"
        yAxisProps={{ allowDecimals: false, width: 40 }}
        maxBarWidth={24}
        aria-hidden="true"
      />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Caption>
            <VisuallyHidden>{t('matching.dashboard.monthsTable')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('matching.dashboard.month')}</Table.Th>
              {data.map((m) => (
                <Table.Th key={m.month} ta="right">
                  {m.month}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(['interests', 'agreements'] as const).map((series) => (
              <Table.Tr key={series}>
                <Table.Td>{t(`matching.dashboard.${series}`)}</Table.Td>
                {data.map((m) => (
                  <Table.Td key={m.month} ta="right">
                    {format.number(m[series])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function DashboardView({ data }: { data: MatchingDashboard }) {
  const { t } = useTranslation();
  const published = data.profiles.byStatus.published ?? 0;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        <Figure
          label={t('matching.dashboard.published')}
          value={published}
          hint={t('matching.dashboard.expired', { count: data.profiles.expired })}
        />
        <Figure label={t('matching.dashboard.contacts')} value={data.contacts.total} />
        <Figure label={t('matching.dashboard.agreementsReached')} value={data.contacts.agreements} />
        <Figure label={t('matching.dashboard.followUpsDue')} value={data.contacts.followUpsDue} />
        <Figure label={t('matching.dashboard.linked')} value={data.contacts.linked} />
      </SimpleGrid>
      <MonthChart months={data.months} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CountTable<ContactStage>
            title={t('matching.dashboard.byStage')}
            keys={contactStages}
            counts={data.contacts.byStage}
            label={(stage) => t(`matching.contactStage.${stage}`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CountTable<ContactRating>
            title={t('matching.dashboard.ratings')}
            keys={contactRatings}
            counts={data.contacts.ratings}
            label={(rating) => t(`matching.rating.${rating}`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CountTable<ProfileStatus>
            title={t('matching.dashboard.profiles')}
            keys={profileStatuses}
            counts={data.profiles.byStatus}
            label={(status) => t(`matching.status.${status}`)}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const me = useMe().data;
  const allowed = actsForAnAgency(me);
  const dashboard = useMatchingDashboard(undefined, allowed);
  usePageTitle(t('matching.dashboard.title'));
  if (!allowed) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <Stack gap={4} maw={820}>
        <Title order={1}>{t('matching.dashboard.title')}</Title>
        <Text c="dimmed">{t('matching.dashboard.intro')}</Text>
      </Stack>
      <MatchingNav />
      <QueryState query={dashboard}>{(data) => <DashboardView data={data} />}</QueryState>
    </Stack>
  );
}

/** "Auswertung": the matchmaking funnel of the agencies the person works for, in real numbers. */
export function MatchingDashboardPage() {
  return (
    <RequireSignIn>
      <Dashboard />
    </RequireSignIn>
  );
}
