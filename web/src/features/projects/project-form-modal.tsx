import { Checkbox, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visibility } from '../../../../contracts/accounts';
import { type ProjectDetail, type ProjectStatus, projectStatuses } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { changedFields, orNull, useFormState } from '../../lib/use-form-state';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { useStatusLabel } from '../../ui/status-badge';
import { VisibilitySelect } from '../../ui/visibility';
import { useProgramme } from '../programmes/programmes.api';
import { useCreateProject, useUpdateProject } from './projects.api';
import { RegionSelect } from './region-select';

type Values = {
  title: string;
  summary: string;
  fieldOfActionId: number | null;
  regionId: number | null;
  startDate: string;
  endDate: string;
  isPartnerProject: boolean;
  visibility: Visibility;
  status: ProjectStatus;
};

const formFields = [
  'title',
  'summary',
  'fieldOfActionId',
  'regionId',
  'startDate',
  'endDate',
  'isPartnerProject',
  'visibility',
  'status',
];
const noFieldOfAction = 'none';

function valuesOf(project: ProjectDetail | undefined): Values {
  return {
    title: project?.title ?? '',
    summary: project?.summary ?? '',
    fieldOfActionId: project?.fieldOfAction?.id ?? null,
    regionId: project?.region?.id ?? null,
    startDate: project?.startDate ?? '',
    endDate: project?.endDate ?? '',
    isPartnerProject: project?.isPartnerProject ?? false,
    visibility: project?.visibility ?? 'public',
    status: project?.status ?? 'proposed',
  };
}

/** The API's shape of the editable fields: empty inputs are null. */
function toInput(values: Values) {
  return {
    title: values.title.trim(),
    summary: orNull(values.summary),
    fieldOfActionId: values.fieldOfActionId,
    regionId: values.regionId,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    isPartnerProject: values.isPartnerProject,
    visibility: values.visibility,
  };
}

type Target = { kind: 'edit'; project: ProjectDetail } | { kind: 'create'; programmeId: number };

function ProjectForm({ target, onDone, onReload }: { target: Target; onDone: () => void; onReload?: () => void }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const navigate = useNavigate();
  const project = target.kind === 'edit' ? target.project : undefined;
  const programmeId = target.kind === 'edit' ? target.project.programme.id : target.programmeId;
  const programme = useProgramme(programmeId);
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? 0);
  const mutation = project ? update : create;
  const initial = valuesOf(project);
  const [values, set] = useFormState(initial);
  const errors = fieldErrorsOf(mutation.error);
  // The form's own checks speak up once someone tried to save.
  const [submitted, setSubmitted] = useState(false);
  const problems: Partial<Record<keyof Values, string>> = {
    title: !values.title.trim() ? t('projectForm.titleMissing') : undefined,
    endDate:
      values.startDate && values.endDate && values.endDate < values.startDate ? t('form.endBeforeStart') : undefined,
  };
  const hasProblems = Object.values(problems).some(Boolean);
  const error = (field: keyof Values) => (submitted ? problems[field] : undefined) ?? errors[field];

  const fieldOptions = [
    { value: noFieldOfAction, label: t('projectForm.noFieldOfAction') },
    ...(programme.data?.fieldsOfAction ?? []).map((field) => ({ value: String(field.id), label: field.name })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems) return;
    if (project) {
      const changes = changedFields(toInput(initial), toInput(values));
      if (Object.keys(changes).length === 0) return onDone();
      update.mutate({ version: project.version, ...changes }, { onSuccess: onDone });
    } else {
      create.mutate(
        { programmeId, status: values.status, ...toInput(values) },
        {
          onSuccess: (created) => {
            onDone();
            void navigate({ to: '/projects/$projectId', params: { projectId: String(created.id) } });
          },
        },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={mutation.error} onReload={onReload} fields={formFields} />
        <TextInput
          label={t('projectForm.title')}
          required
          data-autofocus
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={error('title')}
        />
        <Textarea
          label={t('project.summary')}
          autosize
          minRows={3}
          maxRows={12}
          value={values.summary}
          onChange={(event) => set('summary', event.currentTarget.value)}
          error={error('summary')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('project.fieldOfAction')}
            data={fieldOptions}
            value={values.fieldOfActionId === null ? noFieldOfAction : String(values.fieldOfActionId)}
            onChange={(next) => set('fieldOfActionId', !next || next === noFieldOfAction ? null : Number(next))}
            allowDeselect={false}
            searchable
            comboboxProps={{ withinPortal: true }}
            error={error('fieldOfActionId')}
          />
          <RegionSelect
            value={values.regionId ?? undefined}
            onChange={(regionId) => set('regionId', regionId ?? null)}
            error={error('regionId')}
          />
          <TextInput
            label={t('project.startDate')}
            type="date"
            value={values.startDate}
            onChange={(event) => set('startDate', event.currentTarget.value)}
            error={error('startDate')}
          />
          <TextInput
            label={t('project.endDate')}
            type="date"
            value={values.endDate}
            onChange={(event) => set('endDate', event.currentTarget.value)}
            error={error('endDate')}
          />
          {project ? null : (
            <Select
              label={t('projectForm.initialStatus')}
              data={projectStatuses.map((status) => ({ value: status, label: statusLabel(status) }))}
              value={values.status}
              onChange={(next) => next && set('status', next as ProjectStatus)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              error={error('status')}
            />
          )}
          <VisibilitySelect
            value={values.visibility}
            onChange={(v) => set('visibility', v)}
            error={error('visibility')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('projectForm.isPartnerProject')}
          description={t('projectForm.isPartnerProjectHint')}
          checked={values.isPartnerProject}
          onChange={(event) => set('isPartnerProject', event.currentTarget.checked)}
          error={error('isPartnerProject')}
        />
        <FormActions
          submitLabel={project ? t('common.save') : t('projectForm.create')}
          isPending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** Edits a project, or creates one in a programme; `onReload` fetches the current version after a conflict. */
export function ProjectFormModal({
  opened,
  target,
  onClose,
  onReload,
}: {
  opened: boolean;
  target: Target;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const key = target.kind === 'edit' ? `v${target.project.version}` : 'new';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={target.kind === 'edit' ? t('projectForm.editTitle') : t('projectForm.createTitle')}
      size="xl"
    >
      <ProjectForm key={key} target={target} onDone={onClose} onReload={onReload} />
    </Modal>
  );
}
