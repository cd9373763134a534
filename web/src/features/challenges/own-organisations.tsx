import { Select } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/accounts';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { apiGet } from '../../lib/api';
import { useMe } from '../accounts/accounts.api';
import { organisationRoles } from '../accounts/roles';
import { OrganisationSelect } from '../organisations/organisation-select';

// The same rule as the server's canEditOrganisation: it only decides which buttons to show.
type Person = Me | null | undefined;

/** Admins, and agency staff or cluster managers not tied to one organisation, speak for every organisation. */
export function speaksForEveryOrganisation(me: Person): boolean {
  return (
    me?.roles.some(
      (r) =>
        r.role === 'admin' ||
        ((r.role === 'agency_staff' || r.role === 'cluster_manager') && r.organisationId === null),
    ) ?? false
  );
}

/** The organisations the roles of the signed-in person name. */
export function spokenForOrganisationIds(me: Person): number[] {
  return [
    ...new Set(
      (me?.roles ?? []).flatMap((r) =>
        organisationRoles.includes(r.role) && r.organisationId !== null ? [r.organisationId] : [],
      ),
    ),
  ];
}

/** Whether the signed-in person speaks for at least one organisation (may post a challenge or answer one). */
export function speaksForSomeOrganisation(me: Person): boolean {
  return speaksForEveryOrganisation(me) || spokenForOrganisationIds(me).length > 0;
}

/** The organisations the signed-in person speaks for, with their names; null for "every organisation". */
export function useOwnOrganisations(exclude: number[] = []): { id: number; name: string }[] | null {
  const me = useMe().data;
  const every = speaksForEveryOrganisation(me);
  const ids = every ? [] : spokenForOrganisationIds(me).filter((id) => !exclude.includes(id));
  const details = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['organisations', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<OrganisationDetail>(`/organisations/${id}`, undefined, signal),
    })),
  });
  if (every) return null;
  return ids.map((id, i) => ({ id, name: details[i]?.data?.name ?? `#${id}` }));
}

/**
 * Picks an organisation the signed-in person speaks for: from their roles, or by name search
 * for those who speak for every organisation.
 */
export function OwnOrganisationSelect({
  label,
  description,
  value,
  onChange,
  exclude = [],
  error,
}: {
  label: string;
  description?: string;
  value: number | undefined;
  onChange: (organisationId: number | undefined) => void;
  exclude?: number[];
  error?: string;
}) {
  const { t } = useTranslation();
  const own = useOwnOrganisations(exclude);
  if (own === null) {
    return <OrganisationSelect label={label} value={value} onChange={onChange} required error={error} />;
  }
  return (
    <Select
      label={label}
      description={description}
      required
      placeholder={own.length === 0 ? t('challenges.noOwnOrganisation') : undefined}
      data={own.map((o) => ({ value: String(o.id), label: o.name }))}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
