import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/password-field';

export const minPasswordLength = 12;

/** The client-side check of a new password and its repetition; null when both are fine. */
export function newPasswordProblem(
  password: string,
  repeated: string,
): { field: 'newPassword' | 'repeated'; key: 'tooShort' | 'mismatch' } | null {
  if (password.length < minPasswordLength) return { field: 'newPassword', key: 'tooShort' };
  if (password !== repeated) return { field: 'repeated', key: 'mismatch' };
  return null;
}

/** "Neues Passwort" and "wiederholen", with the length rule as a hint and the errors once submitted. */
export function NewPasswordInputs({
  password,
  repeated,
  onPasswordChange,
  onRepeatedChange,
  showErrors,
  serverError,
}: {
  password: string;
  repeated: string;
  onPasswordChange: (value: string) => void;
  onRepeatedChange: (value: string) => void;
  showErrors: boolean;
  serverError?: string;
}) {
  const { t } = useTranslation();
  const problem = showErrors ? newPasswordProblem(password, repeated) : null;
  const message = problem ? t(`password.${problem.key}`, { min: minPasswordLength }) : undefined;
  return (
    <Stack gap="md">
      <PasswordField
        label={t('password.new')}
        description={t('password.rule', { min: minPasswordLength })}
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => onPasswordChange(event.currentTarget.value)}
        error={problem?.field === 'newPassword' ? message : serverError}
      />
      <PasswordField
        label={t('password.repeat')}
        autoComplete="new-password"
        required
        value={repeated}
        onChange={(event) => onRepeatedChange(event.currentTarget.value)}
        error={problem?.field === 'repeated' ? message : undefined}
      />
    </Stack>
  );
}
