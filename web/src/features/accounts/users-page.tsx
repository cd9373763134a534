import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/accounts';
import { useFormat } from '../../lib/use-format';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { ErasePersonModal } from './erase-person-modal';
import { PersonalDataMenu } from './personal-data-actions';
import { RequireSignIn } from './require-sign-in';
import { useRoleLabel } from './roles';
import { UserFormModal } from './user-form-modal';
import { userPageSize, useUsers } from './users.api';

const route = getRouteApi('/admin/users');

function UserTable({
  users,
  onEdit,
  onErase,
  isStale,
}: {
  users: User[];
  onEdit: (user: User) => void;
  onErase: (user: User) => void;
  isStale: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleLabel = useRoleLabel();
  return (
    <DataTable
      minWidth={900}
      verticalSpacing="sm"
      striped
      highlightOnHover
      isStale={isStale}
      caption={t('users.tableCaption')}
      columns={[t('account.name'), t('account.email'), t('account.roles'), t('users.status'), t('users.createdAt')]}
      withActions
    >
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
            <Badge variant="dot" color={user.isActive ? 'teal' : 'gray'} tt="none" miw="max-content">
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
              <PersonalDataMenu user={user} onErase={onErase} />
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Confirms an erasure once the list no longer shows the person. */
function ErasedNotice({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" role="status" title={t('users.erasedTitle')} withCloseButton onClose={onClose}>
      {t('users.erasedText', { name: user.name, id: user.id })}
    </Alert>
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
  // Likewise kept while the confirmation closes.
  const [erasing, setErasing] = useState<User | null>(null);
  const [isEraseOpen, eraseModal] = useDisclosure(false);
  const [erased, setErased] = useState<User | null>(null);
  const askToErase = (user: User) => {
    modal.close();
    setErasing(user);
    eraseModal.open();
  };

  const applyQuery = useDebouncedCallback(
    (q: string) => void navigate({ search: { q: q.trim() || undefined }, replace: true }),
    300,
  );
  const page = search.page ?? 1;
  const total = users.data?.total ?? 0;
  const pages = pageCount(total, userPageSize);

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
      {erased ? <ErasedNotice user={erased} onClose={() => setErased(null)} /> : null}
      <QueryState query={users}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('users.empty')}</Text>
          ) : (
            <UserTable users={data.items} onEdit={openModal} onErase={askToErase} isStale={users.isPlaceholderData} />
          )
        }
      </QueryState>
      <ListPagination
        page={page}
        pages={pages}
        onChange={(next) => void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })}
      />
      <UserFormModal
        opened={isModalOpen}
        user={editing === 'new' ? undefined : editing}
        onClose={modal.close}
        onErase={askToErase}
      />
      <ErasePersonModal
        opened={isEraseOpen}
        user={erasing}
        onClose={eraseModal.close}
        onErased={(user) => {
          eraseModal.close();
          setErased(user);
        }}
      />
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
