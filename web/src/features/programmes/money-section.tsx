import { Alert, Grid, List, Paper, Progress, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSummary } from '../../../../contracts/funding';
import { type OrganisationType, organisationTypes } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { ButtonLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { CoFinancingBar, usePercent } from '../grants/co-financing-bar';
import { ratio } from '../grants/grant-money';
import { type RollupDimension, useProgrammeChecks, useProgrammeMoney, useProgrammeRollup } from './money.api';
import { fundingSourceColors, MoneyByYearChart } from './money-chart';
import { type Drill, MoneyDrilldown } from './money-drilldown';
import { type MoneyRow, MoneyTable } from './money-table';

function TotalCard({ label, cents, children }: { label: string; cents: number; children?: React.ReactNode }) {
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={24} lh={1.3} title={format.money(cents)}>
        {format.moneyCompact(cents)}
      </Text>
      {children}
    </Paper>
  );
}

/** Consistency warnings of the programme (figures that don't add up, grants over budget, projects without money) in one box. */
function MoneyChecks({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const checks = useProgrammeChecks(programmeId);
  const items = checks.data?.items ?? [];
  if (items.length === 0) return null;
  const hasWarnings = items.some((check) => check.severity === 'warning');
  return (
    <Alert
      color={hasWarnings ? 'orange' : 'blue'}
      title={t('money.checksTitle', { count: items.length })}
      role={hasWarnings ? 'alert' : undefined}
    >
      <List size="sm" spacing={4}>
        {items.map((check) => (
          <List.Item key={`${check.code}:${check.message}`} fw={check.severity === 'warning' ? 600 : undefined}>
            {check.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

type Tab = 'year' | 'source' | 'fund' | 'fieldOfAction' | 'district' | 'recipientType';
const tabs: Tab[] = ['year', 'source', 'fund', 'fieldOfAction', 'district', 'recipientType'];

/** A table row for a group of the summary or a roll-up; its key names the filter of its lines. */
function row(
  by: RollupDimension,
  key: string | number | null,
  label: string,
  sums: { plannedCents: number; committedCents: number; disbursedCents: number },
  color?: string,
): MoneyRow {
  return { key: `${by}:${key ?? 'none'}`, label, color, ...sums, canDrill: true };
}

/** Money by fund, district or recipient type, from the roll-up. */
function RollupTable({
  programmeId,
  by,
  label,
  onDrill,
  selectedKey,
}: {
  programmeId: number;
  by: RollupDimension;
  label: string;
  onDrill: (row: MoneyRow) => void;
  selectedKey?: string;
}) {
  const { t } = useTranslation();
  const rollup = useProgrammeRollup(programmeId, by);
  // Organisation types have labels in every language; other labels come from the server.
  const labelOf = (key: string | null, fallback: string) =>
    by === 'recipientType' && key && (organisationTypes as readonly string[]).includes(key)
      ? t(`organisationType.${key as OrganisationType}`)
      : fallback;
  return (
    <QueryState query={rollup}>
      {(data) => (
        <MoneyTable
          caption={t('money.captionBy', { group: label })}
          groupLabel={label}
          rows={data.groups.map((group) => row(by, group.key, labelOf(group.key, group.label), group))}
          onDrill={onDrill}
          selectedKey={selectedKey}
        />
      )}
    </QueryState>
  );
}

function MoneyDetails({ programmeId, summary }: { programmeId: number; summary: ProgrammeSummary }) {
  const { t } = useTranslation();
  const [drill, setDrill] = useState<Drill | null>(null);
  const open = (picked: MoneyRow) => {
    const by = picked.key.slice(0, picked.key.indexOf(':')) as RollupDimension;
    const value = picked.key.slice(picked.key.indexOf(':') + 1);
    setDrill({ key: picked.key, title: picked.label, filter: { programmeId, [by]: value } });
  };
  const tabLabel: Record<Tab, string> = {
    year: t('money.byYear'),
    source: t('money.bySource'),
    fund: t('money.byFund'),
    fieldOfAction: t('money.byFieldOfAction'),
    district: t('money.byDistrict'),
    recipientType: t('money.byRecipientType'),
  };
  const groupLabel: Record<Tab, string> = {
    year: t('money.year'),
    source: t('money.source'),
    fund: t('money.fund'),
    fieldOfAction: t('money.fieldOfAction'),
    district: t('money.district'),
    recipientType: t('money.recipientType'),
  };
  const summaryRows: Partial<Record<Tab, MoneyRow[]>> = {
    year: summary.byYear.map((r) =>
      row('year', r.year, r.year === null ? t('dashboard.withoutYear') : String(r.year), r),
    ),
    source: summary.bySource.map((r) =>
      row('source', r.source, t(`fundingSource.${r.source}`), r, fundingSourceColors[r.source]),
    ),
    fieldOfAction: [...summary.byFieldOfAction]
      .sort((a, b) => b.committedCents + b.plannedCents - (a.committedCents + a.plannedCents))
      .map((r) =>
        row(
          'fieldOfAction',
          r.fieldOfAction?.id ?? null,
          r.fieldOfAction?.name ?? t('dashboard.withoutFieldOfAction'),
          r,
        ),
      ),
  };
  const table = (tab: Tab) => {
    const rows = summaryRows[tab];
    return rows ? (
      <MoneyTable
        caption={t('money.captionBy', { group: groupLabel[tab] })}
        groupLabel={groupLabel[tab]}
        rows={rows}
        onDrill={open}
        selectedKey={drill?.key}
      />
    ) : (
      <RollupTable programmeId={programmeId} by={tab} label={groupLabel[tab]} onDrill={open} selectedKey={drill?.key} />
    );
  };

  return (
    <Section title={t('money.detailsTitle')} description={t('money.drillHint')}>
      <Tabs defaultValue="year" keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {tabLabel[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="year" pt="md">
          <Stack gap="md">
            <MoneyByYearChart
              money={summary.rows}
              onPick={({ year, source, kind }) =>
                setDrill({
                  key: `year:${year}`,
                  title: `${year} · ${t(`fundingSource.${source}`)}`,
                  filter: { programmeId, year, source },
                  kind,
                })
              }
            />
            {table('year')}
          </Stack>
        </Tabs.Panel>
        {tabs
          .filter((tab) => tab !== 'year')
          .map((tab) => (
            <Tabs.Panel key={tab} value={tab} pt="md">
              <div style={{ maxHeight: 560, overflowY: 'auto' }}>{table(tab)}</div>
            </Tabs.Panel>
          ))}
      </Tabs>
      {drill ? <MoneyDrilldown drill={drill} onClose={() => setDrill(null)} /> : null}
    </Section>
  );
}

/** "Mittel": totals, co-financing, and the money by year, source, field of action (and, when offered, district, recipient type, fund). */
export function ProgrammeMoneySection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const money = useProgrammeMoney(programmeId);
  return (
    <Stack gap="lg" component="section" aria-labelledby="programme-money">
      <Title order={2} id="programme-money">
        {t('money.title')}
      </Title>
      <MoneyChecks programmeId={programmeId} />
      <QueryState query={money}>
        {(summary) => {
          const payout = ratio(summary.totals.disbursedCents, summary.totals.committedCents);
          return (
            <>
              <Grid gap="lg">
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <Stack gap="md">
                    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
                      <TotalCard label={t('money.planned')} cents={summary.totals.plannedCents} />
                      <TotalCard label={t('money.committed')} cents={summary.totals.committedCents} />
                      <TotalCard label={t('money.disbursed')} cents={summary.totals.disbursedCents}>
                        {payout === null ? null : (
                          <Stack gap={2} mt={4}>
                            <Progress
                              value={Math.min(100, payout * 100)}
                              color="teal"
                              size="sm"
                              aria-label={t('money.payoutRate', { percent: percent(payout) })}
                            />
                            <Text size="xs" c="dimmed">
                              {t('money.payoutRate', { percent: percent(payout) })}
                            </Text>
                          </Stack>
                        )}
                      </TotalCard>
                    </SimpleGrid>
                    <Text size="sm" c="dimmed">
                      {t('money.totalsHint', { committed: format.money(summary.totals.committedCents) })}
                    </Text>
                    <ButtonLink to="/grants" search={{ programmeId }} variant="light" w="fit-content">
                      {t('money.showGrants')}
                    </ButtonLink>
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <Section title={t('coFinancing.title')}>
                    <CoFinancingBar coFinancing={summary.coFinancing} />
                  </Section>
                </Grid.Col>
              </Grid>
              <MoneyDetails programmeId={programmeId} summary={summary} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
