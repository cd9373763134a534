import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FundingSource, fundingSources } from '../../../../contracts/portfolio';
import { useProgrammes } from '../programmes/programmes.api';
import { type GrantSearch, hasGrantFilters } from './grant-search';

type FilterPatch = Omit<GrantSearch, 'page' | 'sort'>;

// Decisions from the first ERDF period to a few years ahead.
const firstYear = 2000;
const yearOptions = (now = new Date().getFullYear()) =>
  Array.from({ length: now + 6 - firstYear }, (_, i) => String(now + 5 - i));

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
      label={t('grants.search')}
      placeholder={t('grants.searchPlaceholder')}
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

/** The filter panel of the grant list; every change is written to the URL by `onChange`. */
export function GrantFilters({
  search,
  onChange,
  onReset,
}: {
  search: GrantSearch;
  onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const programmeOptions = (programmes.data?.items ?? []).map((item) => ({ value: String(item.id), label: item.name }));
  const sourceOptions = fundingSources.map((source) => ({ value: source, label: t(`fundingSource.${source}`) }));

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('grants.filters')}
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
        <SearchInput value={search.q} onSearch={(q) => onChange({ q }, { replace: true })} />
        <Select
          label={t('grants.programme')}
          placeholder={t('grants.allProgrammes')}
          data={programmeOptions}
          value={search.programmeId ? String(search.programmeId) : null}
          onChange={(value) => onChange({ programmeId: value ? Number(value) : undefined })}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('grants.source')}
          placeholder={t('grants.allSources')}
          data={sourceOptions}
          value={search.source ?? null}
          onChange={(value) => onChange({ source: (value as FundingSource | null) ?? undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Select
            label={t('grants.year')}
            placeholder={t('grants.allYears')}
            description={undefined}
            data={yearOptions()}
            value={search.year ? String(search.year) : null}
            onChange={(value) => onChange({ year: value ? Number(value) : undefined })}
            clearable
            searchable
            style={{ flex: 1 }}
            comboboxProps={{ withinPortal: true }}
          />
          <Button variant="subtle" onClick={onReset} disabled={!hasGrantFilters(search)}>
            {t('grants.reset')}
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
