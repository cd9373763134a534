import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormActions } from './form-actions';

/** Asks before something that cannot be undone (ending sessions, revoking a token); a text is one paragraph. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  isPending = false,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isPending?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {error}
        {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
        <FormActions
          submitLabel={confirmLabel}
          isPending={isPending}
          onCancel={onClose}
          onConfirm={onConfirm}
          color="red"
        />
      </Stack>
    </Modal>
  );
}
