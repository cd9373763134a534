import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate, useRouterState } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../lib/api';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { AnchorLink } from '../../ui/links';
import { LoadingState } from '../../ui/page-states';
import { PasswordField } from '../../ui/password-field';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe, useSignIn } from './accounts.api';
import { AuthCard } from './auth-card';

const route = getRouteApi('/login');

function SignInError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (hasErrorCode(error, 'invalid_credentials')) {
    return (
      <Alert color="red" role="alert" title={t('login.failedTitle')}>
        {t('login.invalidCredentials')}
      </Alert>
    );
  }
  if (hasErrorCode(error, 'rate_limited')) {
    // The server says how long to wait ("Bitte in 32 Sekunden erneut versuchen").
    return (
      <Alert color="orange" role="alert" title={t('login.rateLimitedTitle')}>
        {error.message}
      </Alert>
    );
  }
  return <ApiErrorAlert error={error} />;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const isSignedIn = Boolean(me.data);
  usePageTitle(t('login.title'));

  useEffect(() => {
    // Signed in (just now, or already): go where the visitor wanted to go, once.
    if (isSignedIn && pathname === '/login') void navigate({ to: '/', href: redirect, replace: true });
  }, [isSignedIn, pathname, redirect, navigate]);

  if (me.isPending || isSignedIn) return <LoadingState />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <AuthCard title={t('login.title')} intro={redirect ? t('login.needed') : t('login.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {signIn.isError ? <SignInError error={signIn.error} /> : null}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} disabled={!email.trim() || !password}>
            {t('login.submit')}
          </Button>
          <Text size="sm">
            <AnchorLink to="/forgot-password" size="sm">
              {t('login.forgotPassword')}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
