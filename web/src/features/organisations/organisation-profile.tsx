import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { toLanguage } from '../../lib/i18n';
import { Section } from '../../ui/section';

const descriptionLanguages = ['de', 'en', 'it'] as const;
type DescriptionLanguage = (typeof descriptionLanguages)[number];

/** The description in the UI language, else the first one written (German, English, Italian). */
export function pickDescription(
  description: OrganisationDetail['description'],
  language: DescriptionLanguage,
): { language: DescriptionLanguage; text: string } | null {
  for (const candidate of [language, ...descriptionLanguages.filter((l) => l !== language)]) {
    const text = description[candidate];
    if (text) return { language: candidate, text };
  }
  return null;
}

/** What the organisation does: its description and competence fields; nothing while neither is recorded. */
export function OrganisationProfile({ organisation }: { organisation: OrganisationDetail }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  const description = pickDescription(organisation.description, language);
  if (!description && organisation.competenceFields.length === 0) return null;
  return (
    <Section title={t('organisation.profile')}>
      <Stack gap="md">
        {description ? (
          <Stack gap={4}>
            <Text lang={description.language} style={{ whiteSpace: 'pre-line' }}>
              {description.text}
            </Text>
            {description.language !== language ? (
              <Text size="xs" c="dimmed">
                {t('organisation.descriptionIn', {
                  language: t(`organisation.descriptionLanguage.${description.language}`),
                })}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text c="dimmed">{t('organisation.noDescription')}</Text>
        )}
        {organisation.competenceFields.length > 0 ? (
          <Stack gap={6}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} id={`competences-${organisation.id}`}>
              {t('organisation.competenceFields')}
            </Text>
            <Group gap={6} role="list" aria-labelledby={`competences-${organisation.id}`}>
              {organisation.competenceFields.map((field) => (
                <Badge key={field} variant="light" color="gray" radius="sm" tt="none" role="listitem">
                  {field}
                </Badge>
              ))}
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}
