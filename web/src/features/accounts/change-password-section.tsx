import { Alert, Button, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { PasswordField } from '../../ui/password-field';
import { Section } from '../../ui/section';
import { useChangePassword } from './accounts.api';
import { NewPasswordInputs, newPasswordProblem } from './new-password-inputs';

export function ChangePasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!current || newPasswordProblem(password, repeated)) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setRepeated('');
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <Section title={t('account.passwordTitle')} description={t('account.passwordIntro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={420}>
          {change.isSuccess ? (
            <Alert color="teal" role="status">
              {t('account.passwordChanged')}
            </Alert>
          ) : null}
          <ApiErrorAlert error={change.error} fields={['currentPassword', 'newPassword']} />
          <PasswordField
            label={t('password.current')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={submitted && !current ? t('password.currentMissing') : errors.currentPassword}
          />
          <NewPasswordInputs
            password={password}
            repeated={repeated}
            onPasswordChange={setPassword}
            onRepeatedChange={setRepeated}
            showErrors={submitted}
            serverError={errors.newPassword}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
