import { Radio, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { ConfirmModal } from '../../ui/confirm-modal';
import { type DuplicateSuggestion, useMergeOrganisations, useOrganisation } from './organisations.api';

/**
 * Asks which of two organisations survives, then merges the other into it: its projects, identifiers,
 * memberships and people move; its name stays as an alias. Then opens the survivor.
 */
export function MergeModal({ pair, onClose }: { pair: DuplicateSuggestion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeOrganisations();
  const [keepSide, setKeepSide] = useState<'a' | 'b'>('a');
  const keep = pair ? pair[keepSide] : null;
  const drop = pair ? pair[keepSide === 'a' ? 'b' : 'a'] : null;
  // The merge names the survivor's version, like every other edit.
  const survivor = useOrganisation(keep?.id);

  const close = () => {
    merge.reset();
    setKeepSide('a');
    onClose();
  };
  const confirm = () => {
    if (!keep || !drop || !survivor.data) return;
    merge.mutate(
      { keepId: keep.id, duplicateId: drop.id, version: survivor.data.version },
      {
        onSuccess: () => {
          close();
          void navigate({ to: '/organisations/$organisationId', params: { organisationId: String(keep.id) } });
        },
      },
    );
  };

  return (
    <ConfirmModal
      opened={pair !== null}
      title={t('duplicates.mergeTitle')}
      confirmLabel={t('duplicates.mergeConfirm')}
      isPending={merge.isPending || survivor.isPending}
      error={<ApiErrorAlert error={merge.error} onReload={() => void survivor.refetch()} />}
      onConfirm={confirm}
      onClose={close}
    >
      {pair && keep && drop ? (
        <Stack gap="sm">
          <Radio.Group
            label={t('duplicates.keepLabel')}
            value={keepSide}
            onChange={(value) => setKeepSide(value === 'b' ? 'b' : 'a')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="a" label={pair.a.name} />
              <Radio value="b" label={pair.b.name} />
            </Stack>
          </Radio.Group>
          <Text size="sm">{t('duplicates.mergeText', { keep: keep.name, drop: drop.name })}</Text>
        </Stack>
      ) : null}
    </ConfirmModal>
  );
}
