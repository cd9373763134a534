import { Badge, Group, type MantineColor, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Concept, ProfileKind, ProfileLanguage, ProfileStatus } from '../../../../contracts/matching';
import type { Party } from '../../../../contracts/profiles';
import { toLanguage } from '../../lib/i18n';
import { useFormat } from '../../lib/use-format';
import { useCountryName } from '../organisations/country';

const kindColours: Record<ProfileKind, MantineColor> = {
  technology_offer: 'blue',
  technology_request: 'cyan',
  business_offer: 'teal',
  business_request: 'green',
  research_cooperation: 'violet',
};

/** "Technologieangebot", "Richiesta tecnologica", … */
export function ProfileKindBadge({ kind }: { kind: ProfileKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kindColours[kind]} variant="light" radius="sm" tt="none" miw="max-content">
      {t(`matching.kind.${kind}`)}
    </Badge>
  );
}

const statusColours: Record<ProfileStatus, MantineColor> = {
  draft: 'gray',
  submitted: 'yellow',
  published: 'green',
  rejected: 'red',
  withdrawn: 'dark',
};

export function ProfileStatusBadge({ status }: { status: ProfileStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColours[status]} variant="light" radius="sm" tt="none" miw="max-content">
      {t(`matching.status.${status}`)}
    </Badge>
  );
}

/** The language a profile is written in, as a small outlined badge ("IT"), named in full on hover. */
export function LanguageBadge({ language }: { language: ProfileLanguage }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('matching.writtenIn', { language: t(`matching.language.${language}`) })} withArrow>
      <Badge
        variant="outline"
        color="gray"
        radius="sm"
        aria-label={t('matching.writtenIn', { language: t(`matching.language.${language}`) })}
      >
        {language.toUpperCase()}
      </Badge>
    </Tooltip>
  );
}

/**
 * Who stands behind a profile or a side of a contact: the organisation's name when it may be known,
 * else "Anonymes Profil · Italien · Unternehmen · Kleinunternehmen".
 */
export function usePartyLine(): (party: Party) => string {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (party) => {
    const facts = [
      party.country ? countryName(party.country) : null,
      t(`organisationType.${party.organisationType}`),
      party.sizeClass ? t(`matching.sizeShort.${party.sizeClass}`) : null,
    ].filter(Boolean);
    if (party.organisation) return party.organisation.name;
    return [t('matching.anonymous'), ...facts].join(' · ');
  };
}

/** Country, type and size of a named party, for the line under its name. */
export function usePartyFacts(): (party: Party) => string {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (party) =>
    [
      party.organisation?.region?.name ?? null,
      party.country ? countryName(party.country) : null,
      t(`organisationType.${party.organisationType}`),
      party.sizeClass ? t(`matching.sizeShort.${party.sizeClass}`) : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

/** A concept's label in the UI language. */
export function useConceptLabel(): (concept: Pick<Concept, 'labels'>) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return (concept) => concept.labels[language];
}

/** The concepts of a profile as read-only chips in the UI language. */
export function ConceptBadges({ concepts, max }: { concepts: Concept[]; max?: number }) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  const shown = max === undefined ? concepts : concepts.slice(0, max);
  const more = concepts.length - shown.length;
  return (
    <Group gap={6}>
      {shown.map((concept) => (
        <Badge
          key={concept.key}
          variant="dot"
          color={concept.kind === 'technology' ? 'blue' : 'gray'}
          radius="sm"
          tt="none"
          title={concept.kind === 'nace' ? concept.key.replace('nace:', 'NACE ') : undefined}
        >
          {label(concept)}
        </Badge>
      ))}
      {more > 0 ? (
        <Text size="xs" c="dimmed">
          {t('matching.moreConcepts', { count: more })}
        </Text>
      ) : null}
    </Group>
  );
}

/** "Frist: 30. Juni 2026 · läuft bis 12. Mai 2027", or "abgelaufen am …" in orange. */
export function ProfileDates({
  deadline,
  expiresOn,
  isExpired,
}: {
  deadline: string | null;
  expiresOn: string;
  isExpired: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="xs" c="dimmed">
      {deadline ? `${t('matching.deadlineOn', { date: format.date(deadline) })} · ` : null}
      {isExpired ? (
        <Text span size="xs" c="orange.8" fw={600}>
          {t('matching.expiredOn', { date: format.date(expiresOn) })}
        </Text>
      ) : (
        t('matching.runsUntil', { date: format.date(expiresOn) })
      )}
    </Text>
  );
}
