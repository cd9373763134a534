import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../contracts/accounts';
import { useProgrammes } from '../programmes/programmes.api';

/** Roles that apply per organisation; the others apply everywhere (programme office optionally per programme). */
export const organisationRoles: readonly Role[] = ['agency_staff', 'cluster_manager', 'organisation_member'];

export type RoleGrant = { role: Role; programmeId: number | null; organisationId: number | null };

/** "Programmbüro · Ruhr-Konferenz", "Clustermanagement · Organisation Nr. 12", "Administration". */
export function useRoleLabel(): (grant: RoleGrant) => string {
  const { t } = useTranslation();
  const programmes = useProgrammes().data?.items ?? [];
  return (grant) => {
    const role = t(`roles.${grant.role}`);
    if (grant.role === 'programme_office') {
      if (grant.programmeId === null) return `${role} · ${t('roles.allProgrammes')}`;
      const programme = programmes.find((p) => p.id === grant.programmeId);
      return `${role} · ${programme?.name ?? t('roles.programmeNo', { id: grant.programmeId })}`;
    }
    if (grant.organisationId !== null) return `${role} · ${t('roles.organisationNo', { id: grant.organisationId })}`;
    return role;
  };
}
