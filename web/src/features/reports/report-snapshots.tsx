import { Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSnapshot } from '../../../../contracts/reports';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { Section } from '../../ui/section';
import { VisibilityBadge } from '../../ui/visibility';
import { ReportDiffView } from './report-diff';
import { reportFileUrl, useFreezeReport, useReportComparison, useReportSnapshots } from './reports.api';

/** "Bericht einfrieren": title and note, then an immutable snapshot of the report as of the date. */
export function FreezeReportButton({
  programmeId,
  programmeName,
  asOf,
  onFrozen,
}: {
  programmeId: number;
  programmeName: string;
  asOf: string;
  onFrozen: (snapshot: ReportSnapshot) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, setOpened] = useState(false);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const freeze = useFreezeReport(programmeId);
  const close = () => {
    setOpened(false);
    freeze.reset();
  };
  const submit = () =>
    freeze.mutate(
      { asOf, ...(title.trim() ? { title: title.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (snapshot) => {
          close();
          setTitle('');
          setNote('');
          onFrozen(snapshot);
        },
      },
    );
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('report.freeze')}</Button>
      <Modal opened={opened} onClose={close} title={t('report.freezeTitle', { date: format.date(asOf) })} size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('report.freezeIntro')}</Text>
            <TextInput
              label={t('report.freezeTitleLabel')}
              placeholder={t('report.freezeTitlePlaceholder', {
                programme: programmeName,
                date: format.date(asOf),
              })}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              maxLength={200}
            />
            <Textarea
              label={t('report.freezeNote')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <ApiErrorAlert error={freeze.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={freeze.isPending}>
                {t('report.freezeConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The frozen versions of a programme's report, each with its files, and a comparison of two of them. */
export function SnapshotList({
  programmeId,
  shownId,
  onShow,
  compare,
  onCompare,
}: {
  programmeId: number;
  shownId: number | undefined;
  onShow: (snapshotId: number | undefined) => void;
  compare: { from?: number; to?: number };
  onCompare: (compare: { from?: number; to?: number }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const snapshots = useReportSnapshots(programmeId);
  const items = snapshots.data?.items ?? [];
  const options = items.map((s) => ({
    value: String(s.id),
    label: t('report.versionOption', { version: s.version, date: format.date(s.asOf) }),
  }));
  const comparison = useReportComparison(compare.from, compare.to);

  return (
    <Section title={t('report.versions')} description={t('report.versionsIntro')}>
      {items.length === 0 ? (
        <Text c="dimmed">{t('report.versionsEmpty')}</Text>
      ) : (
        <Stack gap="lg">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-label={t('report.versions')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('report.version')}</Table.Th>
                  <Table.Th>{t('report.freezeTitleLabel')}</Table.Th>
                  <Table.Th>{t('report.asOf')}</Table.Th>
                  <Table.Th>{t('report.frozenAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} bg={s.id === shownId ? 'var(--mantine-color-blue-light)' : undefined}>
                    <Table.Td>{s.version}</Table.Td>
                    <Table.Td maw={320}>
                      <Stack gap={2}>
                        <Group gap={6}>
                          <Text size="sm" fw={500}>
                            {s.title}
                          </Text>
                          {s.visibility !== 'public' ? <VisibilityBadge visibility={s.visibility} /> : null}
                        </Group>
                        {s.note ? (
                          <Text size="xs" c="dimmed">
                            {s.note}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(s.asOf)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.dateTime(s.frozenAt)}</Text>
                      {s.frozenBy ? (
                        <Text size="xs" c="dimmed">
                          {t('report.frozenBy', { name: s.frozenBy.name })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="xs"
                          variant={s.id === shownId ? 'filled' : 'default'}
                          onClick={() => onShow(s.id === shownId ? undefined : s.id)}
                        >
                          {s.id === shownId ? t('report.showLive') : t('report.show')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          component="a"
                          href={reportFileUrl('pdf', { snapshotId: s.id })}
                          download
                        >
                          PDF
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          component="a"
                          href={reportFileUrl('xlsx', { snapshotId: s.id })}
                          download
                        >
                          Excel
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {items.length > 1 ? (
            <Stack gap="sm">
              <Text fw={600}>{t('report.compare')}</Text>
              <Group align="flex-end">
                <Select
                  label={t('report.compareFrom')}
                  data={options}
                  value={compare.from ? String(compare.from) : null}
                  onChange={(value) => onCompare({ ...compare, from: value ? Number(value) : undefined })}
                  w={260}
                />
                <Select
                  label={t('report.compareTo')}
                  data={options}
                  value={compare.to ? String(compare.to) : null}
                  onChange={(value) => onCompare({ ...compare, to: value ? Number(value) : undefined })}
                  w={260}
                />
              </Group>
              {compare.from && compare.to && compare.from === compare.to ? (
                <Text size="sm" c="dimmed">
                  {t('report.compareHint')}
                </Text>
              ) : null}
              {comparison.isError ? <Alert color="red">{comparison.error.message}</Alert> : null}
              {comparison.data ? <ReportDiffView diff={comparison.data.diff} /> : null}
            </Stack>
          ) : null}
        </Stack>
      )}
    </Section>
  );
}
