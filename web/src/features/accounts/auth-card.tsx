import { Center, Paper, Stack, Text, TextInput, type TextInputProps, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/links';

/** The narrow card of the sign-in, forgotten-password and reset pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Center py="xl">
      <Paper withBorder radius="md" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {title}
            </Title>
            {intro ? (
              <Text size="sm" c="dimmed">
                {intro}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** The e-mail address of an account, filled in by password managers as the user name. */
export function AccountEmailInput(props: Omit<TextInputProps, 'label' | 'type' | 'autoComplete' | 'required'>) {
  const { t } = useTranslation();
  return <TextInput label={t('login.email')} type="email" autoComplete="username" required {...props} />;
}

/** A small link from one of these pages to another ("Passwort vergessen?", "Zurück zur Anmeldung"). */
export function AuthPageLink({ to, children }: { to: '/login' | '/forgot-password'; children: ReactNode }) {
  return (
    <Text size="sm">
      <AnchorLink to={to} size="sm">
        {children}
      </AnchorLink>
    </Text>
  );
}
