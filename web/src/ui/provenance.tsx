import { Anchor, Blockquote, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../contracts/common';
import { useFormat } from '../lib/use-format';
import { Section } from './section';

/** One line naming where a record came from: "Import …: Datei …, Zeile …" or "Title, 9. Dezember 2021". */
export function useProvenanceLine(): (provenance: Provenance) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (provenance) => {
    if (provenance.kind === 'import') {
      return t('provenance.import', { importKind: provenance.importKind, file: provenance.file, row: provenance.row });
    }
    if (provenance.kind === 'manual') return t('provenance.manual', { date: format.date(provenance.at.slice(0, 10)) });
    if (provenance.kind === 'derived') return t('provenance.derived', { source: provenance.source });
    return provenance.publishedOn ? `${provenance.title}, ${format.date(provenance.publishedOn)}` : provenance.title;
  };
}

/** The full provenance of a record, with the quoted passage for seed documents. */
export function ProvenanceDetails({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (provenance.kind === 'import') {
    return (
      <Stack gap={4}>
        <Text size="sm">
          {t('provenance.import', { importKind: provenance.importKind, file: provenance.file, row: provenance.row })}
        </Text>
        {provenance.source ? (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('provenance.importSource')}{' '}
            {/^https?:\/\//.test(provenance.source) ? (
              <Anchor href={provenance.source} target="_blank" rel="noopener noreferrer" size="sm">
                {provenance.source}
              </Anchor>
            ) : (
              provenance.source
            )}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (provenance.kind === 'manual') {
    return <Text size="sm">{t('provenance.manual', { date: format.date(provenance.at.slice(0, 10)) })}</Text>;
  }
  if (provenance.kind === 'derived') {
    return <Text size="sm">{t('provenance.derived', { source: provenance.source })}</Text>;
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {provenance.title}
      </Text>
      {provenance.publishedOn ? (
        <Text size="sm" c="dimmed">
          {t('provenance.seedPublished', { date: format.date(provenance.publishedOn) })}
        </Text>
      ) : null}
      <Blockquote p="xs" pl="md" fz="sm" color="gray" style={{ fontStyle: 'italic' }}>
        {format.language === 'de' ? `„${provenance.passage}“` : `“${provenance.passage}”`}
      </Blockquote>
    </Stack>
  );
}

/** The "Herkunft des Datensatzes" box. */
export function ProvenanceBox({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  return (
    <Section title={t('provenance.title')}>
      <ProvenanceDetails provenance={provenance} />
    </Section>
  );
}
