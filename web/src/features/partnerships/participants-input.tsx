import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../people/person-select';

export interface ParticipantDraft {
  key: number;
  personId: number | undefined;
  name: string;
  role: string;
}

let nextKey = 1;
/** An empty participant row. */
export function newParticipant(): ParticipantDraft {
  return { key: nextKey++, personId: undefined, name: '', role: '' };
}

/** Who took part: a known person (linked to their page) or just a name, with their role. */
export function ParticipantsInput({
  value,
  onChange,
  errorOf,
}: {
  value: ParticipantDraft[];
  onChange: (value: ParticipantDraft[]) => void;
  errorOf: (index: number) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<ParticipantDraft>) =>
    onChange(value.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('partnerships.participants')}
      </Text>
      {value.map((row, index) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
          <PersonSelect
            label={t('partnerships.eventForm.person')}
            value={row.personId}
            onChange={(personId) => set(row.key, { personId })}
          />
          <TextInput
            label={t('partnerships.eventForm.participantName')}
            value={row.name}
            onChange={(event) => set(row.key, { name: event.currentTarget.value })}
            error={errorOf(index)}
            style={{ flex: 1 }}
          />
          <TextInput
            label={t('partnerships.eventForm.participantRole')}
            value={row.role}
            onChange={(event) => set(row.key, { role: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('partnerships.eventForm.removeParticipant')}
            onClick={() => onChange(value.filter((other) => other.key !== row.key))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button variant="default" size="xs" w="fit-content" onClick={() => onChange([...value, newParticipant()])}>
        {t('partnerships.eventForm.addParticipant')}
      </Button>
    </Stack>
  );
}
