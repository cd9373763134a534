import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ContactStage, contactStages } from '../../../../contracts/matching';
import { useFormat } from '../../lib/use-format';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { usePageTitle } from '../../ui/use-page-title';
import { RequireSignIn } from '../accounts/require-sign-in';
import { ContactCard } from './contact-card';
import { useContacts } from './contacts.api';
import { MatchingNav } from './matching-nav';
import { contactPageSize } from './matching-search';

const route = getRouteApi('/matching/contacts');

function Contacts() {
  const { t } = useTranslation();
  const format = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const contacts = useContacts(search);
  usePageTitle(t('matching.contacts.title'));
  const total = contacts.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Stack gap={4} maw={820}>
        <Title order={1}>{t('matching.contacts.title')}</Title>
        <Text c="dimmed">{t('matching.contacts.intro')}</Text>
      </Stack>
      <MatchingNav />
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('matching.contacts.stageFilter')}
          placeholder={t('matching.contacts.allStages')}
          data={contactStages.map((stage) => ({ value: stage, label: t(`matching.contactStage.${stage}`) }))}
          value={search.stage ?? null}
          onChange={(value) => void navigate({ search: { stage: (value as ContactStage | null) ?? undefined } })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        {contacts.data ? (
          <Text fw={600} aria-live="polite">
            {t('matching.contacts.count', { count: total, formatted: format.number(total) })}
          </Text>
        ) : null}
      </Group>
      <QueryState query={contacts}>
        {(data) =>
          data.items.length === 0 ? (
            <Text py="lg" c="dimmed">
              {t('matching.contacts.empty')}
            </Text>
          ) : (
            <Stack gap="sm">
              {data.items.map((contact) => (
                <ContactCard key={contact.id} contact={contact} onReload={() => void contacts.refetch()} />
              ))}
              <ListPagination
                page={search.page ?? 1}
                pages={pageCount(total, contactPageSize)}
                onChange={(next) =>
                  void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) })
                }
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "Kontakte": the funnel of the contacts the person takes part in, with the next steps. */
export function ContactsPage() {
  return (
    <RequireSignIn>
      <Contacts />
    </RequireSignIn>
  );
}
