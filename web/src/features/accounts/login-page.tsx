import { Alert, Button, Divider, Stack } from '@mantine/core';
import { getRouteApi, useNavigate, useRouterState } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../lib/api';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { LoadingState } from '../../ui/page-states';
import { PasswordField } from '../../ui/password-field';
import { usePageTitle } from '../../ui/use-page-title';
import { ssoSignInUrl, useMe, useOidcStatus, useSignIn } from './accounts.api';
import { AccountEmailInput, AuthCard, AuthPageLink } from './auth-card';
import type { SsoErrorCode } from './auth-search';

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

/** Why the single sign-on that just came back did not sign anyone in. */
function SsoError({ code }: { code: SsoErrorCode }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('login.ssoFailedTitle')}>
      {t(`login.ssoErrors.${code}`)}
    </Alert>
  );
}

/** "Anmelden mit <Dienst>", when single sign-on is set up: leaves the app for the sign-in service. */
function SsoSignIn({ redirect }: { redirect: string | undefined }) {
  const { t } = useTranslation();
  const oidc = useOidcStatus();
  const [isLeaving, setIsLeaving] = useState(false);

  useEffect(() => {
    // Back from the sign-in service with the browser's back button: the page may come from the cache.
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setIsLeaving(false);
    };
    window.addEventListener('pageshow', reset);
    return () => window.removeEventListener('pageshow', reset);
  }, []);

  if (!oidc.data?.enabled) return null;
  const name = oidc.data.name?.trim();
  return (
    <>
      <Divider label={t('login.or')} labelPosition="center" />
      <Button
        variant="default"
        loading={isLeaving}
        onClick={() => {
          setIsLeaving(true);
          window.location.assign(ssoSignInUrl(redirect));
        }}
      >
        {name ? t('login.ssoWith', { name }) : t('login.sso')}
      </Button>
    </>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect, error: ssoError } = route.useSearch();
  const me = useMe();
  const signIn = useSignIn();
  // Asked at once, alongside who is signed in, so the single sign-on button does not appear late.
  useOidcStatus();
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
          {signIn.isError ? <SignInError error={signIn.error} /> : ssoError ? <SsoError code={ssoError} /> : null}
          <AccountEmailInput value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
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
          <AuthPageLink to="/forgot-password">{t('login.forgotPassword')}</AuthPageLink>
        </Stack>
      </form>
      <SsoSignIn redirect={redirect} />
    </AuthCard>
  );
}
