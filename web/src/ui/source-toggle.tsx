import { Anchor, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../contracts/common';
import { useFormat } from '../lib/use-format';
import { useProvenanceLine } from './provenance';

/** A compact source reference: the document title, with the quoted passage behind a toggle. */
export function SourceToggle({ provenance, withLabel = false }: { provenance: Provenance; withLabel?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const line = useProvenanceLine();
  const [opened, { toggle }] = useDisclosure(false);
  const passageId = useId();

  const label = withLabel ? `${t('common.source')}: ` : '';
  if (provenance.kind !== 'seed') {
    return (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {label}
        {line(provenance)}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm">
        {label}
        {provenance.title}
      </Text>
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={passageId}
        ta="left"
      >
        {opened ? t('common.hidePassage') : t('common.showPassage')}
      </Anchor>
      <Collapse expanded={opened} id={passageId}>
        <Text size="xs" c="dimmed" fs="italic" maw={420}>
          {format.language === 'de' ? `„${provenance.passage}“` : `“${provenance.passage}”`}
        </Text>
      </Collapse>
    </Stack>
  );
}
