import { Anchor, Badge, Button, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonRole } from '../../../../contracts/people';
import { parseRouteId } from '../../lib/route-id';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { ProvenanceBox } from '../../ui/provenance';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilityBadge } from '../../ui/visibility';
import { useIsStaff } from '../accounts/permissions';
import { personName, usePerson } from './people.api';
import { PersonFormModal } from './person-form-modal';
import { AddRoleModal, EndRoleModal } from './person-role-modals';

const route = getRouteApi('/people/$personId');

function Roles({ person, isStaff }: { person: PersonDetail; isStaff: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<PersonRole | null>(null);
  const roles = [...person.roles].sort(
    (a, b) => Number(a.until !== null) - Number(b.until !== null) || (b.from ?? '').localeCompare(a.from ?? ''),
  );
  return (
    <Section
      title={t('person.roles')}
      actions={
        isStaff ? (
          <Group>
            <Button variant="default" size="xs" onClick={() => setAdding(true)}>
              {t('roleForm.createTitle')}
            </Button>
          </Group>
        ) : undefined
      }
    >
      {roles.length === 0 ? (
        <Text c="dimmed">{t('person.noRoles')}</Text>
      ) : (
        <DataTable
          minWidth={600}
          caption={t('person.roles')}
          columns={[t('person.columns.organisation'), t('person.columns.title'), t('person.columns.period')]}
          withActions={isStaff}
          verticalSpacing="xs"
        >
          {roles.map((role) => (
            <Table.Tr key={role.id}>
              <Table.Td>
                <AnchorLink
                  to="/organisations/$organisationId"
                  params={{ organisationId: String(role.organisationId) }}
                  size="sm"
                >
                  {role.organisationName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{role.title}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.period(role.from, role.until) ?? t('common.none')}
                  </Text>
                  {role.until ? (
                    <Badge size="xs" variant="outline" color="gray" radius="sm" tt="none">
                      {t('person.ended')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              {isStaff ? (
                <Table.Td ta="right">
                  {role.until ? null : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEnding(role)}
                      aria-label={t('roleForm.endFor', { title: role.title, organisation: role.organisationName })}
                    >
                      {t('roleForm.end')}
                    </Button>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <AddRoleModal opened={adding} personId={person.id} onClose={() => setAdding(false)} />
      <EndRoleModal role={ending} onClose={() => setEnding(null)} />
    </Section>
  );
}

function Signatures({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (person.signatures.length === 0) return null;
  return (
    <Section title={t('person.signatures')} description={t('person.signaturesDescription')}>
      <DataTable
        minWidth={560}
        caption={t('person.signatures')}
        columns={[t('person.columns.group'), t('person.columns.onBehalfOf'), t('person.columns.signedOn')]}
        verticalSpacing="xs"
      >
        {person.signatures.map((signature) => (
          <Table.Tr key={signature.membershipId}>
            <Table.Td>
              <AnchorLink
                to="/organisations/$organisationId"
                params={{ organisationId: String(signature.groupId) }}
                size="sm"
              >
                {signature.groupName}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <AnchorLink
                to="/organisations/$organisationId"
                params={{ organisationId: String(signature.organisationId) }}
                size="sm"
              >
                {signature.organisationName}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{signature.from ? format.date(signature.from) : t('common.notPublished')}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Section>
  );
}

function Contact({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const contact = person.contact;
  return (
    <Section title={t('person.contact')}>
      {contact === null ? (
        <Text size="sm" c="dimmed">
          {t('person.contactInternal')}
        </Text>
      ) : (
        <Stack gap="sm" component="dl" m={0}>
          <Fact label={t('personForm.email')}>
            {contact.email ? (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                {contact.email}
              </Anchor>
            ) : (
              t('common.none')
            )}
          </Fact>
          <Fact label={t('personForm.phone')}>
            {contact.phone ? (
              <Anchor href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`} size="sm">
                {contact.phone}
              </Anchor>
            ) : (
              t('common.none')
            )}
          </Fact>
          <Fact label={t('personForm.contactVisibility')}>{t(`visibility.${contact.visibility}`)}</Fact>
        </Stack>
      )}
    </Section>
  );
}

function PersonView({ person, onReload }: { person: PersonDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const isStaff = useIsStaff();
  const [editing, setEditing] = useState(false);
  const current = person.roles.filter((role) => role.until === null);
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/people" size="sm">
            {t('people.title')}
          </AnchorLink>
        }
        current={person.name}
      />
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="md">
          <Title order={1} size="h2">
            {personName(person)}
          </Title>
          {isStaff ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
        <Group gap="xs">
          <VisibilityBadge visibility={person.visibility} />
          <Text size="sm" c="dimmed">
            {current.map((role) => `${role.title}, ${role.organisationName}`).join(' · ')}
          </Text>
        </Group>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Roles person={person} isStaff={isStaff} />
            <Signatures person={person} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Contact person={person} />
            <ProvenanceBox provenance={person.provenance} />
          </Stack>
        </Grid.Col>
      </Grid>
      {isStaff ? (
        <PersonFormModal opened={editing} person={person} onClose={() => setEditing(false)} onReload={onReload} />
      ) : null}
    </Stack>
  );
}

export function PersonDetailPage() {
  const { personId } = route.useParams();
  const id = parseRouteId(personId);
  const person = usePerson(id);
  usePageTitle(person.data?.name);

  if (id === undefined) return <NotFoundState />;
  if (person.isPending) return <LoadingState />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  return <PersonView person={person.data} onReload={() => void person.refetch()} />;
}
