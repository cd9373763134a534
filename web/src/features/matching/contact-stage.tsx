import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactStage } from '../../../../contracts/matching';

export const stageColours: Record<ContactStage, MantineColor> = {
  interest: 'blue',
  brokered: 'cyan',
  meeting: 'grape',
  rated: 'teal',
  declined: 'gray',
};

/** "Interesse", "vermittelt", "Treffen", "bewertet", "abgesagt". */
export function ContactStageBadge({ stage }: { stage: ContactStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={stageColours[stage]} variant="light" radius="sm" tt="none" miw="max-content">
      {t(`matching.contactStage.${stage}`)}
    </Badge>
  );
}
