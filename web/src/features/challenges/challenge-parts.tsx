import { Badge, Group, type MantineColor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChallengeListItem, ChallengeResponse } from '../../../../contracts/challenges';
import type { Concept } from '../../../../contracts/matching';
import { todayIsoDate } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { useConceptLabel } from '../matching/profile-badges';

export function ChallengeStatusBadge({ status }: { status: ChallengeListItem['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'open' ? 'green' : 'gray'} variant="light" tt="none" miw="max-content">
      {t(`challenges.status.${status}`)}
    </Badge>
  );
}

/** "öffentlich" or "nur auf Einladung", with a line saying who may answer. */
export function ChallengeVisibilityBadge({ visibility }: { visibility: ChallengeListItem['visibility'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={visibility === 'public' ? 'blue' : 'grape'}
      variant={visibility === 'public' ? 'light' : 'outline'}
      tt="none"
      miw="max-content"
      title={t(`challenges.visibilityHint.${visibility}`)}
    >
      {t(`challenges.visibility.${visibility}`)}
    </Badge>
  );
}

/** The deadline in words: "noch 12 Tage · bis 31. März 2026", "endet heute", "Frist war der …". */
export function ChallengeDeadline({ challenge }: { challenge: ChallengeListItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.date(challenge.deadline);
  if (challenge.status === 'open' && challenge.daysLeft !== null) {
    const soon = challenge.daysLeft <= 7;
    return (
      <Text size="sm" fw={soon ? 600 : undefined} c={soon ? 'orange.8' : undefined}>
        {challenge.daysLeft === 0
          ? t('challenges.endsToday')
          : t('challenges.daysLeft', { count: challenge.daysLeft, formatted: format.number(challenge.daysLeft) })}
        <Text span size="xs" c="dimmed" fw={400}>{` · ${t('challenges.until', { date })}`}</Text>
      </Text>
    );
  }
  // Closed by its owner before the deadline: the deadline did not pass.
  const closedEarly = challenge.status === 'closed' && challenge.deadline >= todayIsoDate();
  return <Text size="sm">{t(closedEarly ? 'challenges.closedEarly' : 'challenges.deadlineWas', { date })}</Text>;
}

/** Sector and technology concepts as chips, labelled in the UI language. */
export function ConceptChips({
  concepts,
  onSelect,
  activeKey,
  size = 'sm',
}: {
  concepts: Concept[];
  size?: 'sm' | 'md' | 'lg';
  /** Makes each chip a button (the list filters by it). */
  onSelect?: (concept: Concept) => void;
  activeKey?: string;
}) {
  const { t } = useTranslation();
  const label = useConceptLabel();
  if (concepts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('challenges.noConcepts')}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {concepts.map((concept) => {
        const color = concept.kind === 'technology' ? 'teal' : 'indigo';
        const text = label(concept);
        return onSelect ? (
          <Badge
            key={concept.key}
            component="button"
            type="button"
            color={color}
            size={size}
            variant={concept.key === activeKey ? 'filled' : 'light'}
            tt="none"
            style={{ cursor: 'pointer' }}
            title={t('challenges.filterByConcept', { concept: text })}
            aria-pressed={concept.key === activeKey}
            onClick={() => onSelect(concept)}
          >
            {text}
          </Badge>
        ) : (
          <Badge
            key={concept.key}
            color={color}
            size={size}
            variant="light"
            tt="none"
            title={t(`challenges.conceptKind.${concept.kind}`)}
          >
            {text}
          </Badge>
        );
      })}
    </Group>
  );
}

const responseColours: Record<ChallengeResponse['status'], MantineColor> = {
  submitted: 'blue',
  shortlisted: 'yellow',
  selected: 'green',
  declined: 'gray',
};

export function ResponseStatusBadge({ status }: { status: ChallengeResponse['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={responseColours[status]} variant="light" tt="none" miw="max-content">
      {t(`challenges.responseStatus.${status}`)}
    </Badge>
  );
}
