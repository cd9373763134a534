import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationListItem } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ForbiddenState, QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useIsAdmin, useIsStaff } from '../accounts/permissions';
import { RequireSignIn } from '../accounts/require-sign-in';
import { commonCountries, useCountryName } from './country';
import { defaultThreshold, thresholds } from './duplicates-search';
import { MergeModal } from './merge-modal';
import { type DuplicateSuggestion, useDuplicates } from './organisations.api';

const route = getRouteApi('/organisations/duplicates');

function OrganisationCard({ organisation }: { organisation: OrganisationListItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const location = [organisation.city, organisation.country ? countryName(organisation.country) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <AnchorLink to="/organisations/$organisationId" params={{ organisationId: String(organisation.id) }} fw={600}>
          {organisation.name}
        </AnchorLink>
        <VisibilityBadge visibility={organisation.visibility} />
      </Group>
      <Text size="sm" c="dimmed">
        {[
          t(`organisationType.${organisation.type}`),
          organisation.shortName,
          location || null,
          organisation.region?.name,
          t('count.projects', {
            count: organisation.projectCount,
            formatted: format.number(organisation.projectCount),
          }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

function PairCard({ pair, onMerge }: { pair: DuplicateSuggestion; onMerge?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`${pair.a.name} / ${pair.b.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge variant="filled" color={pair.score >= 0.9 ? 'red' : 'orange'} radius="sm" tt="none">
              {t('duplicates.score', { score: format.number(Math.round(pair.score * 100)) })}
            </Badge>
            {pair.reasons.map((reason) => (
              <Badge key={reason} variant="light" color="gray" radius="sm" tt="none">
                {t(`duplicates.reasons.${reason}`)}
              </Badge>
            ))}
          </Group>
          {onMerge ? (
            <Button size="xs" variant="light" onClick={onMerge}>
              {t('duplicates.merge')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OrganisationCard organisation={pair.a} />
          <OrganisationCard organisation={pair.b} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function DuplicatesView() {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const isAdmin = useIsAdmin();
  const threshold = search.threshold ?? defaultThreshold;
  const duplicates = useDuplicates({ threshold, country: search.country });
  const [merging, setMerging] = useState<DuplicateSuggestion | null>(null);

  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/organisations" size="sm">
            {t('organisation.breadcrumb')}
          </AnchorLink>
        }
        current={t('duplicates.title')}
      />
      <Stack gap={4}>
        <Title order={1}>{t('duplicates.title')}</Title>
        <Text c="dimmed" size="sm">
          {isAdmin ? t('duplicates.intro') : t('duplicates.introReadOnly')}
        </Text>
      </Stack>
      <Group gap="md" align="flex-end">
        <Select
          label={t('duplicates.threshold')}
          data={thresholds.map((value) => ({
            value: String(value),
            label: t('duplicates.thresholdOption', { percent: format.number(value * 100) }),
          }))}
          value={String(threshold)}
          onChange={(value) => {
            const next = Number(value);
            void navigate({
              search: (previous) => ({ ...previous, threshold: next === defaultThreshold ? undefined : next }),
            });
          }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <Select
          label={t('organisations.country')}
          placeholder={t('organisations.allCountries')}
          data={commonCountries.map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))}
          value={search.country ?? null}
          onChange={(value) => void navigate({ search: (previous) => ({ ...previous, country: value ?? undefined }) })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          w={260}
        />
      </Group>
      <QueryState query={duplicates}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('duplicates.empty')}
            </Text>
          ) : (
            <Stack gap="md" aria-busy={duplicates.isPlaceholderData}>
              <Text fw={600}>
                {t('duplicates.count', { count: data.items.length, formatted: format.number(data.items.length) })}
              </Text>
              {data.items.map((pair) => (
                <PairCard
                  key={`${pair.a.id}-${pair.b.id}`}
                  pair={pair}
                  onMerge={isAdmin ? () => setMerging(pair) : undefined}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <MergeModal pair={merging} onClose={() => setMerging(null)} />
    </Stack>
  );
}

function StaffOnly() {
  const isStaff = useIsStaff();
  return isStaff ? <DuplicatesView /> : <ForbiddenState />;
}

/** Pairs of organisations that may be the same, side by side; admins merge them. Staff only. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('duplicates.title'));
  return (
    <RequireSignIn>
      <StaffOnly />
    </RequireSignIn>
  );
}
