import { Button, Checkbox, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectStatus, projectSorts, projectStatuses } from '../../../../contracts/portfolio';
import { useProgramme, useProgrammes } from '../programmes/programmes.api';
import { hasFilters, type ProjectSearch, type ProjectSort } from './project-search';
import { RegionSelect } from './region-select';

type FilterPatch = Omit<ProjectSearch, 'page'>;

function toId(value: string | null): number | undefined {
  return value ? Number(value) : undefined;
}

function SearchInput({ value, onSearch }: { value: string | undefined; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const commit = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 350);

  // Follow the URL when it changes from outside (back button, reset).
  useEffect(() => {
    if (commit.isPending()) return;
    setText((current) => ((current.trim() || undefined) === value ? current : (value ?? '')));
  }, [value, commit]);

  return (
    <TextInput
      label={t('projects.search')}
      placeholder={t('projects.searchPlaceholder')}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
    />
  );
}

/** The filter panel of the project list; every change is written to the URL by `onChange`. */
export function ProjectFilters({
  search,
  onChange,
  onReset,
}: {
  search: ProjectSearch;
  onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const programme = useProgramme(search.programmeId);

  const programmeOptions = (programmes.data?.items ?? []).map((item) => ({ value: String(item.id), label: item.name }));
  const fieldOptions = [...(programme.data?.fieldsOfAction ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((field) => ({ value: String(field.id), label: field.name }));
  const statusOptions = projectStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }));
  const sortOptions = projectSorts.map((sort) => ({ value: sort, label: t(`projects.sortOptions.${sort}`) }));

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('projects.filters')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
        <SearchInput value={search.q} onSearch={(q) => onChange({ q }, { replace: true })} />
        <Select
          label={t('projects.programme')}
          placeholder={t('projects.allProgrammes')}
          data={programmeOptions}
          value={search.programmeId ? String(search.programmeId) : null}
          onChange={(value) => onChange({ programmeId: toId(value), fieldOfActionId: undefined })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('projects.fieldOfAction')}
          placeholder={search.programmeId ? t('projects.allFieldsOfAction') : t('projects.fieldOfActionHint')}
          data={fieldOptions}
          value={search.fieldOfActionId && fieldOptions.length > 0 ? String(search.fieldOfActionId) : null}
          onChange={(value) => onChange({ fieldOfActionId: toId(value) })}
          disabled={!search.programmeId}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('projects.status')}
          placeholder={t('projects.allStatuses')}
          data={statusOptions}
          value={search.status ?? null}
          onChange={(value) => onChange({ status: (value as ProjectStatus | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <RegionSelect value={search.regionId} onChange={(regionId) => onChange({ regionId })} />
        <Select
          label={t('projects.sort')}
          data={sortOptions}
          value={search.sort ?? 'relevance'}
          onChange={(value) => {
            const sort = (value as ProjectSort | null) ?? 'relevance';
            onChange({ sort: sort === 'relevance' ? undefined : sort });
          }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Group align="flex-end" pb={6}>
          <Checkbox
            label={t('projects.partnerOnly')}
            checked={search.partner ?? false}
            onChange={(event) => onChange({ partner: event.currentTarget.checked || undefined })}
          />
        </Group>
        <Group align="flex-end" justify="flex-end">
          <Button variant="subtle" onClick={onReset} disabled={!hasFilters(search) && !search.sort}>
            {t('projects.reset')}
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
