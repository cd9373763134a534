import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/accounts';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { personalDataUrl, useMe } from './accounts.api';
import { ChangePasswordSection } from './change-password-section';
import { RequireSignIn } from './require-sign-in';
import { useRoleLabel } from './roles';
import { SessionsSection } from './sessions-section';
import { TokensSection } from './tokens-section';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <Section title={t('account.profileTitle')}>
      <Stack gap="sm" component="dl" m={0}>
        <Field label={t('account.name')}>{me.name}</Field>
        <Field label={t('account.email')}>{me.email}</Field>
        <Field label={t('account.roles')}>
          {me.roles.length === 0 ? (
            t('account.noRoles')
          ) : (
            <Group gap={6} component="span">
              {me.roles.map((grant) => (
                <Badge key={grant.id} variant="light" radius="sm" tt="none" size="lg">
                  {roleLabel(grant)}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
      </Stack>
    </Section>
  );
}

/** The person's own data, as the JSON file the administration would hand out on request. */
function PersonalDataSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Section title={t('account.personalDataTitle')} description={t('account.personalDataIntro')}>
      <Button component="a" href={personalDataUrl(me.id)} download variant="light" w="fit-content">
        {t('account.personalDataDownload')}
      </Button>
    </Section>
  );
}

function AccountView() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('account.title')}</Title>
      <ProfileSection me={me} />
      <ChangePasswordSection />
      <SessionsSection />
      <TokensSection />
      <PersonalDataSection me={me} />
    </Stack>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  return (
    <RequireSignIn>
      <AccountView />
    </RequireSignIn>
  );
}
