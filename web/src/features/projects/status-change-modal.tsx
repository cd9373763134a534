import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectDetail, type ProjectStatus, projectStatuses } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { todayIsoDate } from '../../lib/format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { useStatusLabel } from '../../ui/status-badge';
import { useChangeProjectStatus } from './projects.api';

function StatusChangeForm({
  project,
  onDone,
  onReload,
}: {
  project: ProjectDetail;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const change = useChangeProjectStatus(project.id);
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const [changedOn, setChangedOn] = useState(todayIsoDate());
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!status || !changedOn) return;
    change.mutate(
      { version: project.version, status, changedOn, comment: comment.trim() || null },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={change.error} onReload={onReload} fields={['status', 'changedOn', 'comment']} />
        <Select
          label={t('statusChange.status')}
          description={t('statusChange.current', { status: statusLabel(project.status) })}
          placeholder={t('statusChange.choose')}
          required
          data-autofocus
          data={projectStatuses.map((value) => ({ value, label: statusLabel(value) }))}
          value={status}
          onChange={(next) => setStatus(next as ProjectStatus | null)}
          comboboxProps={{ withinPortal: true }}
          error={submitted && !status ? t('statusChange.statusMissing') : errors.status}
        />
        <TextInput
          label={t('statusChange.changedOn')}
          type="date"
          required
          value={changedOn}
          onChange={(event) => setChangedOn(event.currentTarget.value)}
          error={submitted && !changedOn ? t('statusChange.dateMissing') : errors.changedOn}
          w={220}
        />
        <Textarea
          label={t('statusChange.comment')}
          description={t('statusChange.commentHint')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={errors.comment}
        />
        <FormActions submitLabel={t('statusChange.submit')} isPending={change.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Records a dated status change with a comment; it appears in the timeline and the audit log. */
export function StatusChangeModal({
  opened,
  project,
  onClose,
  onReload,
}: {
  opened: boolean;
  project: ProjectDetail;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('statusChange.title')}>
      <StatusChangeForm key={project.version} project={project} onDone={onClose} onReload={onReload} />
    </Modal>
  );
}
