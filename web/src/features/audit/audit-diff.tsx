import { Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The top-level keys whose values differ between before and after (all keys of a creation). */
export function changedKeys(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !same(b[key], a[key]));
}

function Value({ value, present }: { value: unknown; present: boolean }) {
  const { t } = useTranslation();
  if (!present) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('audit.absent')}
      </Text>
    );
  }
  if (value === null) return <Code>null</Code>;
  if (typeof value === 'string')
    return (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    );
  if (typeof value === 'object') {
    return (
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 240, overflow: 'auto' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return <Code>{String(value)}</Code>;
}

/** The changed keys of an entry side by side, then the stored before/after documents. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const keys = changedKeys(before, after);
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  return (
    <Stack gap="sm">
      {keys.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.noChanges')}
        </Text>
      ) : (
        <Table withTableBorder withColumnBorders verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Code fw={600}>{key}</Code>
                </Table.Td>
                <Table.Td bg="var(--mantine-color-red-light)">
                  <Value value={b[key]} present={key in b} />
                </Table.Td>
                <Table.Td bg="var(--mantine-color-teal-light)">
                  <Value value={a[key]} present={key in a} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!isRecord(before) && before !== null && before !== undefined ? (
        <Group gap="xs">
          <Text size="sm">{t('audit.before')}:</Text>
          <Value value={before} present />
        </Group>
      ) : null}
      {!isRecord(after) && after !== null && after !== undefined ? (
        <Group gap="xs">
          <Text size="sm">{t('audit.after')}:</Text>
          <Value value={after} present />
        </Group>
      ) : null}
    </Stack>
  );
}
