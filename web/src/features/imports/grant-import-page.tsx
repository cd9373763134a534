import { Alert, Button, FileInput, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFile } from '../../../../contracts/grant-import';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { canImportGrants } from '../accounts/permissions';
import { RequireSignIn } from '../accounts/require-sign-in';
import { ImportJobPanel } from './import-job-panel';
import { useImportJob, useStartGrantImport, useUploadImportFile } from './imports.api';
import { type MappingDraft, MappingForm, toMapping } from './mapping-form';

function Preview({ file }: { file: ImportFile }) {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="xs" aria-label={t('grantImport.previewTable')}>
        <Table.Thead>
          <Table.Tr>
            {file.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; the position tells them apart.
              <Table.Th key={`${h}-${i}`} style={{ whiteSpace: 'nowrap' }}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.preview.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position.
            <Table.Tr key={r}>
              {row.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are identified by their column.
                <Table.Td key={c} style={{ whiteSpace: 'nowrap' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function GrantImport() {
  const { t } = useTranslation();
  const me = useMe();
  const upload = useUploadImportFile();
  const start = useStartGrantImport();
  const [chosen, setChosen] = useState<File | null>(null);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [mapping, setMapping] = useState<MappingDraft>({ columns: {}, defaults: {}, amountFormat: 'auto' });
  const [jobId, setJobId] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const job = useImportJob(jobId, page);
  if (!canImportGrants(me.data)) {
    return <Alert color="gray">{t('grantImport.notAllowed')}</Alert>;
  }
  const key = file ? JSON.stringify([file.fileId, toMapping(mapping)]) : null;
  // Commit is offered once a dry-run of this file with this mapping found no errors.
  const dryRunOk =
    job.data?.dryRun === true && job.data.state === 'succeeded' && !job.data.unchanged && checked === key;
  const isRunning = job.data?.state === 'queued' || job.data?.state === 'running';

  const onUpload = () => {
    if (!chosen) return;
    setJobId(null);
    upload.mutate(chosen, {
      onSuccess: (uploaded) => {
        setFile(uploaded);
        setMapping({ columns: uploaded.suggestedMapping.columns, defaults: {}, amountFormat: 'auto' });
      },
    });
  };
  const run = (dryRun: boolean) => {
    if (!file) return;
    setPage(1);
    start.mutate(
      { fileId: file.fileId, mapping: toMapping(mapping), dryRun },
      {
        onSuccess: ({ jobId: id }) => {
          setJobId(id);
          setChecked(key);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Section title={t('grantImport.fileTitle')} description={t('grantImport.fileText')}>
        <Group align="flex-end">
          <FileInput
            label={t('grantImport.file')}
            placeholder={t('grantImport.choose')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={chosen}
            onChange={setChosen}
            clearable
            w={360}
          />
          <Button onClick={onUpload} disabled={!chosen} loading={upload.isPending}>
            {t('grantImport.upload')}
          </Button>
        </Group>
        <ApiErrorAlert error={upload.error} />
        {file ? (
          <Stack gap="xs">
            <Text size="sm">
              {t('grantImport.detected', {
                name: file.fileName,
                format: file.format.toUpperCase(),
                columns: file.headers.length,
              })}
            </Text>
            <Preview file={file} />
          </Stack>
        ) : null}
      </Section>
      {file ? (
        <Section title={t('grantImport.mappingTitle')} description={t('grantImport.mappingText')}>
          <MappingForm
            headers={file.headers}
            value={mapping}
            onChange={setMapping}
            errors={fieldErrorsOf(start.error)}
          />
          <ApiErrorAlert error={start.error} fields={[]} />
          <Group>
            <Button
              variant="default"
              onClick={() => run(true)}
              loading={start.isPending && !isRunning}
              disabled={isRunning}
            >
              {t('grantImport.dryRun')}
            </Button>
            <Button onClick={() => run(false)} disabled={!dryRunOk || isRunning}>
              {t('grantImport.commit')}
            </Button>
          </Group>
        </Section>
      ) : null}
      {job.data ? (
        <Section title={job.data.dryRun ? t('grantImport.dryRunTitle') : t('grantImport.commitTitle')}>
          <ImportJobPanel job={job.data} page={page} onPage={setPage} />
        </Section>
      ) : null}
    </Stack>
  );
}

/** Importing grants from CSV/XLSX: upload, map the columns, dry-run, commit with a progress bar. */
export function GrantImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('grantImport.title'));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('grantImport.title')}</Title>
        <Text c="dimmed">{t('grantImport.intro')}</Text>
      </Stack>
      <RequireSignIn>
        <GrantImport />
      </RequireSignIn>
    </Stack>
  );
}
