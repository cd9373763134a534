import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { Section } from '../../ui/section';
import { SourceToggle } from '../../ui/source-toggle';
import { statusColors, useStatusLabel } from '../../ui/status-badge';

type StatusChange = ProjectDetail['statusHistory'][number];

export function StatusTimeline({ history }: { history: StatusChange[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useStatusLabel();
  return (
    <Section title={t('project.statusHistory')}>
      {history.length === 0 ? (
        <Text c="dimmed">{t('project.noStatusHistory')}</Text>
      ) : (
        <Timeline active={history.length - 1} bulletSize={16} lineWidth={2}>
          {history.map((change, index) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: status history entries have no id; their order is their identity
              key={index}
              title={label(change.status)}
              color={statusColors[change.status]}
            >
              <Stack gap={4}>
                <Text size="sm" c={change.changedOn ? undefined : 'dimmed'}>
                  {change.changedOn ? format.date(change.changedOn) : t('project.dateNotPublished')}
                </Text>
                {change.comment ? <Text size="sm">{change.comment}</Text> : null}
                <SourceToggle provenance={change.provenance} withLabel />
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
