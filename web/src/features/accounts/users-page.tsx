import { Badge, Button, Group, Pagination, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/accounts';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { ErrorState, LoadingState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { RequireSignIn } from './require-sign-in';
import { useRoleLabel } from './roles';
import { UserFormModal } from './user-form-modal';
import { userPageSize, useUsers } from './users.api';

const route = getRouteApi('/admin/users');

function UserTable({ users, onEdit, isStale }: { users: User[]; onEdit: (user: User) => void; isStale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleLabel = useRoleLabel();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" striped highlightOnHover aria-busy={isStale} style={{ opacity: isStale ? 0.6 : 1 }}>
        <Table.Caption>
          <VisuallyHidden>{t('users.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.name')}</Table.Th>
            <Table.Th>{t('account.email')}</Table.Th>
            <Table.Th>{t('account.roles')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>{t('users.createdAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={600}>{user.name}</Table.Td>
              <Table.Td>{user.email ?? <Text c="dimmed">{t('users.erased')}</Text>}</Table.Td>
              <Table.Td>
                {user.roles.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('account.noRoles')}
                  </Text>
                ) : (
                  <Group gap={4}>
                    {user.roles.map((grant) => (
                      <Badge key={grant.id} variant="light" radius="sm" tt="none">
                        {roleLabel(grant)}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={user.isActive ? 'teal' : 'gray'} tt="none">
                  {user.isActive ? t('users.isActive') : t('users.isInactive')}
                </Badge>
              </Table.Td>
              <Table.Td>{format.date(user.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <AnchorLink to="/admin/audit" search={{ actorUserId: user.id }} size="sm">
                    {t('users.activity')}
                  </AnchorLink>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onEdit(user)}
                    aria-label={`${t('common.edit')}: ${user.name}`}
                  >
                    {t('common.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UsersView() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const users = useUsers(search);
  const [query, setQuery] = useState(search.q ?? '');
  // Kept while the modal closes, so its title does not change during the transition.
  const [editing, setEditing] = useState<User | 'new'>('new');
  const [isModalOpen, modal] = useDisclosure(false);
  const openModal = (target: User | 'new') => {
    setEditing(target);
    modal.open();
  };

  const applyQuery = useDebouncedCallback(
    (q: string) => void navigate({ search: { q: q.trim() || undefined }, replace: true }),
    300,
  );
  const page = search.page ?? 1;
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / userPageSize));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('users.title')}</Title>
          <Text c="dimmed">{t('users.intro')}</Text>
        </Stack>
        <Button onClick={() => openModal('new')}>{t('users.create')}</Button>
      </Group>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            applyQuery(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 360 }}
        />
        {users.data ? (
          <Text fw={600} aria-live="polite">
            {t('count.accounts', { count: total, formatted: format.number(total) })}
          </Text>
        ) : null}
      </Group>
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <UserTable users={users.data.items} onEdit={openModal} isStale={users.isPlaceholderData} />
      )}
      {pages > 1 ? (
        <Group justify="space-between" component="nav" aria-label={t('projects.pagination')}>
          <Text size="sm" c="dimmed">
            {t('projects.pageOf', { page: format.number(page), pages: format.number(pages) })}
          </Text>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(next) => void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })}
          />
        </Group>
      ) : null}
      <UserFormModal opened={isModalOpen} user={editing === 'new' ? undefined : editing} onClose={modal.close} />
    </Stack>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  return (
    <RequireSignIn adminOnly>
      <UsersView />
    </RequireSignIn>
  );
}
