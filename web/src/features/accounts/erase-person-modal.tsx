import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/accounts';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { ConfirmModal } from '../../ui/confirm-modal';
import { useErasePerson } from './users.api';

/** Asks before erasing a person and says what goes and what stays. */
export function ErasePersonModal({
  opened,
  user,
  onClose,
  onErased,
}: {
  opened: boolean;
  user: User | null;
  onClose: () => void;
  onErased: (user: User) => void;
}) {
  const { t } = useTranslation();
  const erase = useErasePerson();
  const close = () => {
    onClose();
    erase.reset();
  };
  return (
    <ConfirmModal
      opened={opened}
      title={t('users.eraseTitle')}
      confirmLabel={t('users.eraseConfirm')}
      isPending={erase.isPending}
      error={<ApiErrorAlert error={erase.error} />}
      onClose={close}
      onConfirm={() => {
        if (user) erase.mutate(user.id, { onSuccess: () => onErased(user) });
      }}
    >
      <Stack gap="xs">
        <Text size="sm">
          {user?.email
            ? t('users.eraseIntro', { name: user.name, email: user.email })
            : t('users.eraseIntroNoEmail', { name: user?.name ?? '' })}
        </Text>
        <List size="sm">
          <List.Item>{t('users.eraseRemovesAccount')}</List.Item>
          <List.Item>{t('users.eraseRemovesAccess')}</List.Item>
          <List.Item>{t('users.eraseRemovesMails')}</List.Item>
        </List>
        <Text size="sm">{t('users.eraseKeeps', { id: user?.id ?? '' })}</Text>
        <Text size="sm" fw={600}>
          {t('users.eraseFinal')}
        </Text>
      </Stack>
    </ConfirmModal>
  );
}
