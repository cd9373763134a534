import { Select } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { apiGet } from '../../lib/api';
import { useMe } from '../accounts/accounts.api';
import { OrganisationSelect } from '../organisations/organisation-select';
import { ownOrganisationIds, speaksForAll } from './matching-permissions';

/** The names of the organisations the signed-in person's roles name, in the order of the roles. */
export function useOwnOrganisations(): { id: number; name: string | null }[] {
  const me = useMe().data;
  const ids = ownOrganisationIds(me);
  const names = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['organisations', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<OrganisationDetail>(`/organisations/${id}`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
  });
  return ids.map((id, i) => ({ id, name: names[i]?.data?.name ?? null }));
}

/**
 * Picks an organisation the person speaks for: from their own organisations, or — for admins and
 * agency staff who speak for all — by a name search of the directory.
 */
export function OwnOrganisationSelect({
  label,
  description,
  value,
  onChange,
  required,
  error,
}: {
  label: string;
  description?: string;
  value: number | undefined;
  onChange: (organisationId: number | undefined) => void;
  required?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const own = useOwnOrganisations();
  if (speaksForAll(me)) {
    return <OrganisationSelect label={label} value={value} onChange={onChange} required={required} error={error} />;
  }
  return (
    <Select
      label={label}
      description={description}
      required={required}
      data={own.map((o) => ({ value: String(o.id), label: o.name ?? t('common.loading') }))}
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      allowDeselect={!required}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
