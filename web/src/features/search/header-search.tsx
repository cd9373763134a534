import { Box, Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuggestions } from './search.api';
import { hitLink, SearchKindIcon } from './search-kind';

const showAll = 'all';

/**
 * The search box in the header: suggestions while typing (arrow keys and Enter pick one, which opens
 * its page); Enter without a pick, or "Alle Ergebnisse", opens the results page.
 */
export function HeaderSearch({ width = 240 }: { width?: number | string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [value, setValue] = useState('');
  const [query] = useDebouncedValue(value.trim(), 150);
  const suggestions = useSuggestions(query);
  const items = query ? (suggestions.data?.items ?? []) : [];

  const finish = () => {
    setValue('');
    combobox.closeDropdown();
  };
  const showResults = () => {
    const q = value.trim();
    if (!q) return;
    void navigate({ to: '/search', search: { q } });
    finish();
  };
  const choose = (key: string) => {
    const item = items.find((candidate) => `${candidate.kind}:${candidate.id}` === key);
    if (key === showAll || !item) return showResults();
    void navigate(hitLink(item.kind, item.id));
    finish();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    showResults();
  };

  return (
    <Box component="form" role="search" aria-label={t('search.quickAccess')} onSubmit={submit}>
      <Combobox store={combobox} onOptionSubmit={choose} withinPortal width={440} position="bottom-end">
        <Combobox.Target withExpandedAttribute>
          <TextInput
            type="search"
            size="sm"
            w={width}
            aria-label={t('search.find')}
            placeholder={t('search.placeholder')}
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              combobox.openDropdown();
              combobox.resetSelectedOption();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            rightSection={suggestions.isFetching && query ? <Loader size={14} /> : null}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!query}>
          <Combobox.Options aria-label={t('search.suggestions')}>
            {items.map((item) => (
              <Combobox.Option key={`${item.kind}:${item.id}`} value={`${item.kind}:${item.id}`}>
                <Group gap="sm" wrap="nowrap">
                  <SearchKindIcon kind={item.kind} />
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" lineClamp={1}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {[t(`search.kind.${item.kind}`), item.subtitle].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                </Group>
              </Combobox.Option>
            ))}
            {suggestions.isSuccess && items.length === 0 && query ? (
              <Combobox.Empty>{t('search.noSuggestions')}</Combobox.Empty>
            ) : null}
            {query ? (
              <Combobox.Option value={showAll}>
                <Text size="sm" c="blue">
                  {t('search.showAll', { q: value.trim() })}
                </Text>
              </Combobox.Option>
            ) : null}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </Box>
  );
}
