import { Anchor, Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/accounts';
import { personalDataUrl, useMe } from './accounts.api';

// The admin's own account cannot be erased (the server refuses): it is not offered.
function useCanErase(user: User): boolean {
  return useMe().data?.id !== user.id;
}

/** "Daten exportieren" (everything held about the person, as a JSON file) and "Person löschen". */
export function PersonalDataActions({ user, onErase }: { user: User; onErase: (user: User) => void }) {
  const { t } = useTranslation();
  const canErase = useCanErase(user);
  return (
    <Group gap="md" wrap="nowrap">
      <Anchor href={personalDataUrl(user.id)} download size="sm" aria-label={`${t('users.exportData')}: ${user.name}`}>
        {t('users.exportData')}
      </Anchor>
      {canErase ? (
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => onErase(user)}
          aria-label={`${t('users.erase')}: ${user.name}`}
        >
          {t('users.erase')}
        </Button>
      ) : null}
    </Group>
  );
}

/** The same two actions for a row of the account list, behind a small "Datenschutz" menu. */
export function PersonalDataMenu({ user, onErase }: { user: User; onErase: (user: User) => void }) {
  const { t } = useTranslation();
  const canErase = useCanErase(user);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="subtle" color="gray" aria-label={`${t('users.privacy')}: ${user.name}`}>
          {t('users.privacy')}{' '}
          <span aria-hidden="true" style={{ fontSize: '0.75em', marginLeft: 4 }}>
            ▾
          </span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={personalDataUrl(user.id)} download>
          {t('users.exportData')}
        </Menu.Item>
        {canErase ? (
          <Menu.Item color="red" onClick={() => onErase(user)}>
            {t('users.erase')}
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
