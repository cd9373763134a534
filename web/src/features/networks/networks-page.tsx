import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { organisationTypeColour } from '../organisations/organisation-type-colour';
import { type Network, useNetworks } from './networks.api';

/** "12 Mitglieder" — or "8 Unterzeichner" for a dialogue whose ties are all signatures. */
function useMemberLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  return (network: Network) => {
    const options = { count: network.memberCount, formatted: format.number(network.memberCount) };
    return network.kinds.length > 0 && network.kinds.every((kind) => kind === 'signatory')
      ? t('count.signatories', options)
      : t('count.members', options);
  };
}

function NetworkCard({ network }: { network: Network }) {
  const { t } = useTranslation();
  const memberLabel = useMemberLabel();
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Stack gap="xs" h="100%">
        <AnchorLink to="/organisations/$organisationId" params={{ organisationId: String(network.id) }} fw={600}>
          {network.name}
        </AnchorLink>
        <Group gap="xs">
          <Badge variant="light" color={organisationTypeColour(network.type)} radius="sm" tt="none">
            {t(`organisationType.${network.type}`)}
          </Badge>
          {network.kinds.map((kind) => (
            <Badge key={kind} variant="outline" color="gray" radius="sm" tt="none">
              {t(`membershipKind.${kind}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm" fw={600} mt="auto">
          {memberLabel(network)}
        </Text>
      </Stack>
    </Card>
  );
}

/** Clusters, alliances, networks and dialogues, largest first, each linking to its organisation page. */
export function NetworksPage() {
  const { t } = useTranslation();
  const networks = useNetworks();
  usePageTitle(t('networks.title'));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('networks.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('networks.intro')}
        </Text>
      </Stack>
      <QueryState query={networks}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('networks.empty')}
            </Text>
          ) : (
            <SimpleGrid
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="md"
              component="ul"
              aria-label={t('networks.title')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {[...data.items]
                .sort((a, b) => b.memberCount - a.memberCount || a.name.localeCompare(b.name))
                .map((network) => (
                  <NetworkCard key={network.id} network={network} />
                ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
