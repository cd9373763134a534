import { Group } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/accounts';
import { ButtonLink } from '../../ui/links';
import { useMe } from '../accounts/accounts.api';
import { actsForAnAgency, speaksForSome } from './matching-permissions';

type Show = (me: Me | null | undefined) => boolean;

const items: readonly {
  to: '/matching' | '/matching/mine' | '/matching/review' | '/matching/contacts' | '/matching/dashboard';
  key: 'search' | 'mine' | 'review' | 'contacts' | 'dashboard';
  show: Show;
}[] = [
  { to: '/matching', key: 'search', show: () => true },
  { to: '/matching/mine', key: 'mine', show: speaksForSome },
  { to: '/matching/review', key: 'review', show: actsForAnAgency },
  { to: '/matching/contacts', key: 'contacts', show: (me) => Boolean(me) },
  { to: '/matching/dashboard', key: 'dashboard', show: actsForAnAgency },
];

/** The matchmaking pages a person may open: search, own profiles, review queue, contacts, dashboard. */
export function MatchingNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const shown = items.filter((item) => item.show(me));
  if (shown.length <= 1) return null;
  return (
    <Group component="nav" aria-label={t('matching.tabs.label')} gap={4}>
      {shown.map((item) => {
        const isActive = pathname === item.to;
        return (
          <ButtonLink
            key={item.to}
            to={item.to}
            variant={isActive ? 'light' : 'subtle'}
            size="sm"
            aria-current={isActive ? 'page' : undefined}
          >
            {t(`matching.tabs.${item.key}`)}
          </ButtonLink>
        );
      })}
    </Group>
  );
}
