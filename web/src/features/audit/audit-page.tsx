import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../contracts/audit';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { RequireSignIn } from '../accounts/require-sign-in';
import { useAudit } from './audit.api';
import { AuditDiff, changedKeys } from './audit-diff';
import { AuditEntity, useActionLabel } from './audit-entity';
import { AuditFilters } from './audit-filters';
import { type AuditSearch, auditPageSize } from './audit-search';

const route = getRouteApi('/admin/audit');
const columnCount = 6;

/** Who acted and how: "Ada Admin · Sitzung", "API-Token „Export“", "Kommandozeile", "anonym". */
function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const via = entry.actorVia.startsWith('token:')
    ? t('audit.via.token', { name: entry.actorVia.slice('token:'.length) })
    : entry.actorVia === 'session' || entry.actorVia === 'cli' || entry.actorVia === 'anonymous'
      ? t(`audit.via.${entry.actorVia}`)
      : entry.actorVia;
  return (
    <div>
      <Text size="sm">{entry.actorName ?? t('audit.noActor')}</Text>
      <Text size="xs" c="dimmed">
        {via}
      </Text>
    </div>
  );
}

function ChangedKeys({ entry }: { entry: AuditEntry }) {
  const keys = changedKeys(entry.before, entry.after);
  const shown = keys.slice(0, 4);
  return (
    <Group gap={4}>
      {shown.map((key) => (
        <Badge key={key} size="sm" variant="outline" color="gray" radius="sm" tt="none">
          {key}
        </Badge>
      ))}
      {keys.length > shown.length ? (
        <Text size="xs" c="dimmed">
          +{keys.length - shown.length}
        </Text>
      ) : null}
    </Group>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actionLabel = useActionLabel();
  const [isOpen, setIsOpen] = useState(false);
  const detailsId = `audit-entry-${entry.id}`;
  const hasDetails = entry.before != null || entry.after != null;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
        <Table.Td>
          <Actor entry={entry} />
        </Table.Td>
        <Table.Td>
          <Badge
            variant="light"
            radius="sm"
            tt="none"
            miw="max-content"
            color={entry.action === 'status_change' ? 'blue' : 'gray'}
          >
            {actionLabel(entry.action)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <AuditEntity entry={entry} />
        </Table.Td>
        <Table.Td>
          <ChangedKeys entry={entry} />
        </Table.Td>
        <Table.Td>
          {hasDetails ? (
            <Button
              size="xs"
              variant="subtle"
              aria-expanded={isOpen}
              aria-controls={detailsId}
              onClick={() => setIsOpen((open) => !open)}
            >
              {isOpen ? t('audit.hideDetails') : t('audit.showDetails')}
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {isOpen ? (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={columnCount} bg="var(--mantine-color-gray-0)">
            <AuditDiff before={entry.before} after={entry.after} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}

function AuditTable({ entries, isStale }: { entries: AuditEntry[]; isStale: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={900}
      verticalSpacing="sm"
      isStale={isStale}
      caption={t('audit.tableCaption')}
      columns={[
        t('audit.at'),
        t('audit.actor'),
        t('audit.action'),
        t('audit.entity'),
        t('audit.changedKeys'),
        t('audit.details'),
      ]}
    >
      {entries.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
    </DataTable>
  );
}

function AuditView() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const audit = useAudit(search);
  const page = search.page ?? 1;
  const total = audit.data?.total ?? 0;
  const pages = pageCount(total, auditPageSize);

  const setFilters = (filters: Omit<AuditSearch, 'page'>) => void navigate({ search: filters, replace: true });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('audit.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('audit.intro')}
        </Text>
      </Stack>
      <AuditFilters search={search} onChange={setFilters} />
      {audit.data ? (
        <Text fw={600} aria-live="polite">
          {t('count.auditEntries', { count: total, formatted: format.number(total) })}
        </Text>
      ) : null}
      <QueryState query={audit}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('audit.empty')}</Text>
          ) : (
            <AuditTable entries={data.items} isStale={audit.isPlaceholderData} />
          )
        }
      </QueryState>
      <ListPagination
        page={page}
        pages={pages}
        onChange={(next) => void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })}
      />
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <RequireSignIn adminOnly>
      <AuditView />
    </RequireSignIn>
  );
}
