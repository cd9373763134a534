import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../../../contracts/accounts';
import { useProgrammes } from '../programmes/programmes.api';
import { organisationRoles, type RoleGrant } from './roles';

const allProgrammes = 'all';

/** Whether a grant is complete: roles that apply per organisation need the organisation. */
export function isGrantComplete(grant: RoleGrant): boolean {
  return !organisationRoles.includes(grant.role) || grant.organisationId !== null;
}

/**
 * Edits a person's roles as a whole list. Programme office can be limited to one programme;
 * agency staff, cluster managers and organisation members belong to one organisation, entered
 * by its number (there is no organisation search yet).
 */
export function RolesEditor({
  value,
  onChange,
  showErrors,
  errors = {},
}: {
  value: RoleGrant[];
  onChange: (value: RoleGrant[]) => void;
  showErrors: boolean;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const programmes = useProgrammes().data?.items ?? [];
  const update = (index: number, patch: Partial<RoleGrant>) =>
    onChange(value.map((grant, i) => (i === index ? { ...grant, ...patch } : grant)));
  const changeRole = (index: number, role: Role) =>
    update(index, {
      role,
      programmeId: role === 'programme_office' ? (value[index]?.programmeId ?? null) : null,
      organisationId: organisationRoles.includes(role) ? (value[index]?.organisationId ?? null) : null,
    });

  return (
    <Stack gap="xs" role="group" aria-label={t('users.roles')}>
      <Text size="sm" fw={500}>
        {t('users.roles')}
      </Text>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('users.noRoles')}
        </Text>
      ) : null}
      {value.map((grant, index) => {
        const label = t('users.roleNo', { number: index + 1 });
        return (
          <Paper
            // biome-ignore lint/suspicious/noArrayIndexKey: grants have no id until saved; their position is their identity here
            key={index}
            withBorder
            p="sm"
            radius="sm"
          >
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={label}
                data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                value={grant.role}
                onChange={(next) => next && changeRole(index, next as Role)}
                allowDeselect={false}
                w={220}
                comboboxProps={{ withinPortal: true }}
                error={errors[`roles.${index}.role`]}
              />
              {grant.role === 'programme_office' ? (
                <Select
                  label={t('users.scopeProgramme')}
                  data={[
                    { value: allProgrammes, label: t('roles.allProgrammes') },
                    ...programmes.map((p) => ({ value: String(p.id), label: p.name })),
                  ]}
                  value={grant.programmeId === null ? allProgrammes : String(grant.programmeId)}
                  onChange={(next) =>
                    update(index, { programmeId: !next || next === allProgrammes ? null : Number(next) })
                  }
                  allowDeselect={false}
                  w={260}
                  comboboxProps={{ withinPortal: true }}
                  error={errors[`roles.${index}.programmeId`]}
                />
              ) : null}
              {organisationRoles.includes(grant.role) ? (
                <NumberInput
                  label={t('users.scopeOrganisation')}
                  description={t('users.scopeOrganisationHint')}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  value={grant.organisationId ?? ''}
                  onChange={(next) => update(index, { organisationId: typeof next === 'number' ? next : null })}
                  w={200}
                  error={
                    showErrors && grant.organisationId === null
                      ? t('users.organisationMissing')
                      : errors[`roles.${index}.organisationId`]
                  }
                />
              ) : null}
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                aria-label={t('users.removeRole', { label })}
                title={t('users.removeRole', { label })}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...value, { role: 'organisation_member', programmeId: null, organisationId: null }])}
      >
        {t('users.addRole')}
      </Button>
    </Stack>
  );
}
