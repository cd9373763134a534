import { Divider, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/accounts';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { PasswordField } from '../../ui/password-field';
import { minPasswordLength } from './new-password-inputs';
import { PersonalDataActions } from './personal-data-actions';
import type { RoleGrant } from './roles';
import { isGrantComplete, RolesEditor } from './roles-editor';
import { useCreateUser, useUpdateUser } from './users.api';

const formFields = ['email', 'name', 'password', 'isActive', 'roles'];

function grantsOf(user: User | undefined): RoleGrant[] {
  return (user?.roles ?? []).map(({ role, programmeId, organisationId }) => ({ role, programmeId, organisationId }));
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [email, setEmail] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [password, setPassword] = useState('');
  const [isActive, setIsActive] = useState(user?.isActive ?? true);
  const [grants, setGrants] = useState<RoleGrant[]>(grantsOf(user));
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(mutation.error);
  const roleErrorKeys = Object.keys(errors).filter((key) => key.startsWith('roles.'));

  const problems = {
    email: !user && !email.trim() ? t('users.emailMissing') : undefined,
    name: !name.trim() ? t('users.nameMissing') : undefined,
    password:
      !user && password && password.length < minPasswordLength
        ? t('password.tooShort', { min: minPasswordLength })
        : undefined,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean) || !grants.every(isGrantComplete)) return;
    if (user) {
      update.mutate({ id: user.id, name: name.trim(), isActive, roles: grants }, { onSuccess: onDone });
    } else {
      create.mutate(
        { email: email.trim(), name: name.trim(), password: password || undefined, roles: grants },
        { onSuccess: onDone },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={mutation.error} fields={[...formFields, ...roleErrorKeys]} />
        {user ? (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('account.email')}:{' '}
            </Text>
            {user.email ?? t('users.erased')}
          </Text>
        ) : (
          <TextInput
            label={t('account.email')}
            type="email"
            required
            data-autofocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={(submitted && problems.email) || errors.email}
          />
        )}
        <TextInput
          label={t('account.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={(submitted && problems.name) || errors.name}
        />
        {user ? (
          <Switch
            label={t('users.active')}
            description={t('users.activeHint')}
            checked={isActive}
            onChange={(event) => setIsActive(event.currentTarget.checked)}
          />
        ) : (
          <PasswordField
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint', { min: minPasswordLength })}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={(submitted && problems.password) || errors.password}
          />
        )}
        <RolesEditor value={grants} onChange={setGrants} showErrors={submitted} errors={errors} />
        <FormActions
          submitLabel={user ? t('common.save') : t('users.create')}
          isPending={mutation.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** For an existing account: its data as a file, and erasing the person. */
function PersonalDataPanel({ user, onErase }: { user: User; onErase: (user: User) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" mt="lg">
      <Divider label={t('users.personalDataTitle')} labelPosition="left" />
      <Text size="sm" c="dimmed">
        {t('users.personalDataIntro')}
      </Text>
      <PersonalDataActions user={user} onErase={onErase} />
    </Stack>
  );
}

/** Creates an account (no `user`) or edits one: name, active, roles; offers the person's data and erasure. */
export function UserFormModal({
  opened,
  user,
  onClose,
  onErase,
}: {
  opened: boolean;
  user?: User;
  onClose: () => void;
  onErase: (user: User) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      size="lg"
    >
      {/* Remounted per person, so the form starts from their current data. */}
      <UserForm key={user?.id ?? 'new'} user={user} onDone={onClose} />
      {user ? <PersonalDataPanel user={user} onErase={onErase} /> : null}
    </Modal>
  );
}
