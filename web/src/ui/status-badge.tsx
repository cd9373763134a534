import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../contracts/portfolio';

export const statusColors: Record<ProjectStatus, MantineColor> = {
  proposed: 'grape',
  under_review: 'yellow',
  in_progress: 'blue',
  completed: 'teal',
  stopped: 'red',
};

/** The German/English label of a project status; null means the source did not publish one. */
export function useStatusLabel(): (status: ProjectStatus | null) => string {
  const { t } = useTranslation();
  return (status) => (status ? t(`status.${status}`) : t('status.unknown'));
}

export function StatusBadge({ status }: { status: ProjectStatus | null }) {
  const label = useStatusLabel();
  return (
    <Badge
      color={status ? statusColors[status] : 'gray'}
      variant={status ? 'light' : 'outline'}
      radius="sm"
      tt="none"
      miw="max-content"
    >
      {label(status)}
    </Badge>
  );
}

/** Marks a project proposed by associations or companies rather than the programme owner. */
export function PartnerBadge({ size = 'md' }: { size?: 'xs' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="outline" color="grape" radius="sm" tt="none" miw="max-content">
      {t('projects.partnerProject')}
    </Badge>
  );
}
