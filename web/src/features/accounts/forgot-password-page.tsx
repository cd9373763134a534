import { Alert, Button, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useRequestPasswordReset } from './accounts.api';
import { AccountEmailInput, AuthCard, AuthPageLink } from './auth-card';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  usePageTitle(t('forgotPassword.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email.trim());
  };

  return (
    <AuthCard title={t('forgotPassword.title')} intro={t('forgotPassword.intro')}>
      {request.isSuccess ? (
        <Alert color="teal" role="status" title={t('forgotPassword.sentTitle')}>
          {t('forgotPassword.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ApiErrorAlert error={request.error} fields={['email']} />
            <AccountEmailInput
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldErrorsOf(request.error).email}
            />
            <Button type="submit" loading={request.isPending} disabled={!email.trim()}>
              {t('forgotPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <AuthPageLink to="/login">{t('forgotPassword.backToLogin')}</AuthPageLink>
    </AuthCard>
  );
}
