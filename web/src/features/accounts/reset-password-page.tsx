import { Alert, Button, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { usePageTitle } from '../../ui/use-page-title';
import { useResetPassword } from './accounts.api';
import { AuthCard } from './auth-card';
import { NewPasswordInputs, newPasswordProblem } from './new-password-inputs';

const route = getRouteApi('/reset-password');

function InvalidLink() {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('resetPassword.invalidTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('resetPassword.invalidText')}</Text>
        <AnchorLink to="/forgot-password" size="sm">
          {t('resetPassword.requestNew')}
        </AnchorLink>
      </Stack>
    </Alert>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  usePageTitle(t('resetPassword.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!token || newPasswordProblem(password, repeated)) return;
    reset.mutate({ token, newPassword: password });
  };

  if (reset.isSuccess) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <Alert color="teal" role="status" title={t('resetPassword.doneTitle')}>
          {t('resetPassword.done')}
        </Alert>
        <ButtonLink to="/login">{t('login.submit')}</ButtonLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('resetPassword.title')} intro={t('resetPassword.intro')}>
      {!token || hasErrorCode(reset.error, 'invalid_token') ? (
        <InvalidLink />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ApiErrorAlert error={reset.error} fields={['newPassword']} />
            <NewPasswordInputs
              password={password}
              repeated={repeated}
              onPasswordChange={setPassword}
              onRepeatedChange={setRepeated}
              showErrors={submitted}
              serverError={fieldErrorsOf(reset.error).newPassword}
            />
            <Button type="submit" loading={reset.isPending}>
              {t('resetPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
