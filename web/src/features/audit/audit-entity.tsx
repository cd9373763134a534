import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../contracts/audit';
import { parseRouteId } from '../../lib/route-id';
import { AnchorLink } from '../../ui/links';
import { useUser } from '../accounts/users.api';
import { useProgrammes } from '../programmes/programmes.api';
import { useProject } from '../projects/projects.api';
import { auditActions, auditEntityTypes } from './audit-search';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** "Projekt", "Konto", … in the visitor's language; types the web app does not know yet as they are. */
export function useEntityTypeLabel(): (entityType: string) => string {
  const { t } = useTranslation();
  return (entityType) => (isOneOf(auditEntityTypes, entityType) ? t(`audit.entityTypes.${entityType}`) : entityType);
}

/** "Statusänderung", "Anmeldung", … ; unknown actions as they are. */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => (isOneOf(auditActions, action) ? t(`audit.actions.${action}`) : action);
}

function ProjectEntity({ id }: { id: number }) {
  const { t } = useTranslation();
  const project = useProject(id);
  return (
    <AnchorLink to="/projects/$projectId" params={{ projectId: String(id) }} size="sm">
      {project.data?.title ?? t('audit.projectNo', { id })}
    </AnchorLink>
  );
}

function ProgrammeEntity({ id }: { id: number }) {
  const { t } = useTranslation();
  const programme = useProgrammes().data?.items.find((p) => p.id === id);
  return (
    <AnchorLink to="/programmes/$programmeId" params={{ programmeId: String(id) }} size="sm">
      {programme?.name ?? t('audit.programmeNo', { id })}
    </AnchorLink>
  );
}

function UserEntity({ id }: { id: number }) {
  const { t } = useTranslation();
  const user = useUser(id);
  return <Text size="sm">{user.data?.name ?? t('audit.userNo', { id })}</Text>;
}

/** What an entry is about: the project or programme by name (linked), a person by name, else type and id. */
export function AuditEntity({ entry }: { entry: AuditEntry }) {
  const typeLabel = useEntityTypeLabel();
  const id = parseRouteId(entry.entityId);
  let name = <Text size="sm">{entry.entityId}</Text>;
  if (id !== undefined && entry.entityType === 'project') name = <ProjectEntity id={id} />;
  if (id !== undefined && entry.entityType === 'programme') name = <ProgrammeEntity id={id} />;
  if (id !== undefined && entry.entityType === 'user') name = <UserEntity id={id} />;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {typeLabel(entry.entityType)}
      </Text>
      {name}
    </div>
  );
}
