import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSummary } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { ErrorState, LoadingState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useMe } from '../accounts/accounts.api';
import { canCreateProgramme } from '../accounts/permissions';
import { ProgrammeFormModal } from './programme-form-modal';
import { useProgrammes } from './programmes.api';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2} justify="space-between">
      <Text size="xs" c="dimmed" fw={600} lh={1.25} style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = format.period(programme.periodStart, programme.periodEnd);
  return (
    <Card withBorder padding="lg" radius="md" component="article">
      <Stack gap="sm" h="100%">
        <Group gap="xs" justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            <AnchorLink
              to="/programmes/$programmeId"
              params={{ programmeId: String(programme.id) }}
              c="inherit"
              fw={700}
            >
              {programme.name}
            </AnchorLink>
          </Title>
          <VisibilityBadge visibility={programme.visibility} />
        </Group>
        <Stack gap={2}>
          {programme.owner ? (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('programmes.owner')}:{' '}
              </Text>
              {programme.owner}
            </Text>
          ) : null}
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('programmes.period')}:{' '}
            </Text>
            {period ?? t('programmes.periodUnknown')}
          </Text>
        </Stack>
        {programme.description ? (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {programme.description}
          </Text>
        ) : null}
        <SimpleGrid cols={3} spacing="sm" mt="auto" pt="xs">
          <Stat label={t('programmes.projects')} value={format.number(programme.projectCount)} />
          <Stat label={t('programmes.fieldsOfAction')} value={format.number(programme.fieldOfActionCount)} />
          <Stat label={t('programmes.fundingTotal')} value={format.moneyCompact(programme.fundingTotalCents)} />
        </SimpleGrid>
        <ButtonLink
          to="/programmes/$programmeId"
          params={{ programmeId: String(programme.id) }}
          variant="light"
          aria-label={`${t('programmes.openDashboard')}: ${programme.name}`}
        >
          {t('programmes.openDashboard')}
        </ButtonLink>
      </Stack>
    </Card>
  );
}

/** "Programm anlegen", for admins and programme offices not limited to one programme. */
function CreateProgrammeButton() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { open, close }] = useDisclosure(false);
  if (!canCreateProgramme(me.data)) return null;
  return (
    <>
      <Button onClick={open}>{t('programmeForm.createTitle')}</Button>
      <ProgrammeFormModal opened={opened} onClose={close} />
    </>
  );
}

export function ProgrammeListPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  usePageTitle(t('programmes.title'));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap="xs">
          <Title order={1}>{t('programmes.title')}</Title>
          <Text maw={760}>{t('programmes.intro')}</Text>
        </Stack>
        <CreateProgrammeButton />
      </Group>
      {programmes.isPending ? (
        <LoadingState />
      ) : programmes.isError ? (
        <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : programmes.data.items.length === 0 ? (
        <Text c="dimmed">{t('programmes.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {programmes.data.items.map((programme) => (
            <ProgrammeCard key={programme.id} programme={programme} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
