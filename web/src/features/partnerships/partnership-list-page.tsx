import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnershipSummary } from '../../../../contracts/partnerships';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { usePartnershipFormat } from './partnership-format';
import { PartnershipThemes } from './partnership-themes';
import { usePartnerships } from './partnerships.api';

function PartnershipCard({ partnership }: { partnership: PartnershipSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partnershipFormat = usePartnershipFormat();
  const term = partnership.agreementUntil ? format.date(partnership.agreementUntil) : t('partnerships.openEnded');
  return (
    <Card withBorder padding="lg" radius="md" component="article">
      <Stack gap="sm">
        <Group gap="xs" justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            <AnchorLink
              to="/partnerships/$partnershipId"
              params={{ partnershipId: String(partnership.id) }}
              c="inherit"
              fw={700}
            >
              {partnership.name}
            </AnchorLink>
          </Title>
          <VisibilityBadge visibility={partnership.visibility} />
        </Group>
        <Text size="sm" c="dimmed">
          {partnership.regions.map((region) => `${region.name} (${region.country})`).join(' · ')}
        </Text>
        <Text size="sm">
          {partnership.agreementSignedOn
            ? t('partnerships.agreementSince', {
                date: partnershipFormat.date(partnership.agreementSignedOn, partnership.agreementPrecision),
                term,
              })
            : t('partnerships.noAgreement')}
        </Text>
        <PartnershipThemes themes={partnership.themes} max={5} />
        <Text size="sm" c="dimmed">
          {t('partnerships.eventCount', {
            count: partnership.eventCount,
            formatted: format.number(partnership.eventCount),
          })}
        </Text>
      </Stack>
    </Card>
  );
}

/** "Partnerregionen": the partnerships of regions with their agreements and themes. */
export function PartnershipListPage() {
  const { t } = useTranslation();
  const partnerships = usePartnerships();
  usePageTitle(t('partnerships.title'));
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('partnerships.title')}</Title>
        <Text maw={760}>{t('partnerships.intro')}</Text>
      </Stack>
      <QueryState query={partnerships}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('partnerships.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {data.items.map((partnership) => (
                <PartnershipCard key={partnership.id} partnership={partnership} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
