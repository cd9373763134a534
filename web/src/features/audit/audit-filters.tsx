import { Badge, Button, CloseButton, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../lib/api';
import { useUser } from '../accounts/users.api';
import { useActionLabel, useEntityTypeLabel } from './audit-entity';
import { type AuditSearch, auditActions, auditEntityTypes, auditFilters } from './audit-search';

type Filters = Omit<AuditSearch, 'page'>;

function ActorFilter({ userId, onClear }: { userId: number; onClear: () => void }) {
  const { t } = useTranslation();
  const user = useUser(userId);
  const name = user.data?.name ?? t('audit.userNo', { id: userId });
  return (
    <Badge
      size="lg"
      variant="light"
      radius="sm"
      tt="none"
      rightSection={<CloseButton size="xs" onClick={onClear} aria-label={t('audit.clearActor', { name })} />}
    >
      {t('audit.actorFilter', { name })}
    </Badge>
  );
}

/** Entity type, entity number, action and period; every change lands in the URL at once. */
export function AuditFilters({ search, onChange }: { search: AuditSearch; onChange: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const typeLabel = useEntityTypeLabel();
  const actionLabel = useActionLabel();
  const filters = auditFilters(search);
  const [entityId, setEntityId] = useState(search.entityId ?? '');
  const applyEntityId = useDebouncedCallback(
    (value: string) => onChange({ ...filters, entityId: value.trim() || undefined }),
    300,
  );
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const hasFilters = Object.keys(filters).length > 0;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('audit.filters')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <Select
            label={t('audit.entityType')}
            placeholder={t('audit.allEntityTypes')}
            data={auditEntityTypes.map((type) => ({ value: type, label: typeLabel(type) }))}
            value={search.entityType ?? null}
            onChange={(value) => set({ entityType: value ?? undefined })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('audit.entityId')}
            placeholder={t('audit.entityIdPlaceholder')}
            value={entityId}
            onChange={(event) => {
              setEntityId(event.currentTarget.value);
              applyEntityId(event.currentTarget.value);
            }}
          />
          <Select
            label={t('audit.action')}
            placeholder={t('audit.allActions')}
            data={auditActions.map((action) => ({ value: action, label: actionLabel(action) }))}
            value={search.action ?? null}
            onChange={(value) => set({ action: value ?? undefined })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('audit.from')}
            type="date"
            value={search.from ?? ''}
            max={search.to}
            onChange={(event) => set({ from: event.currentTarget.value || undefined })}
          />
          <TextInput
            label={t('audit.to')}
            type="date"
            value={search.to ?? ''}
            min={search.from}
            onChange={(event) => set({ to: event.currentTarget.value || undefined })}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            {search.actorUserId ? (
              <ActorFilter userId={search.actorUserId} onClear={() => set({ actorUserId: undefined })} />
            ) : null}
            {hasFilters ? (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  setEntityId('');
                  onChange({});
                }}
              >
                {t('audit.resetFilters')}
              </Button>
            ) : null}
          </Group>
          <Button component="a" href={apiUrl('/audit/export.csv', filters)} download variant="light" size="sm">
            {t('audit.exportCsv')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
