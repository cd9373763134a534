import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TokenScope, tokenScopes } from '../../../../contracts/accounts';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useFormat } from '../../lib/use-format';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { ConfirmModal } from '../../ui/confirm-modal';
import { DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { type ApiToken, type CreatedToken, useCreateToken, useRevokeToken, useTokens } from './accounts.api';

const scopeLabelKeys = {
  read: 'scopes.read',
  write: 'scopes.write',
  'portfolio:read': 'scopes.portfolioRead',
  'portfolio:write': 'scopes.portfolioWrite',
  'accounts:read': 'scopes.accountsRead',
  'accounts:write': 'scopes.accountsWrite',
  'audit:read': 'scopes.auditRead',
  'directory:read': 'scopes.directoryRead',
  'directory:write': 'scopes.directoryWrite',
} as const satisfies Record<TokenScope, string>;

/** The secret of a new token: shown this once, with a copy button. */
function NewTokenNotice({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('tokens.createdTitle', { name: token.name })} role="status">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('tokens.showOnce')}
        </Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Code
            block
            style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
            aria-label={t('tokens.secret')}
          >
            {token.token}
          </Code>
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? t('tokens.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('tokens.usage')}
        </Text>
        <Button size="xs" variant="default" w="fit-content" onClick={onDone}>
          {t('tokens.done')}
        </Button>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState<number>(90);
  const [submitted, setSubmitted] = useState(false);
  const errors = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || scopes.length === 0) return;
    create.mutate(
      { name: name.trim(), scopes, expiresInDays: days },
      {
        onSuccess: (token) => {
          onCreated(token);
          setName('');
          setScopes(['read']);
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-token-title">
      <Stack gap="md">
        <Title order={3} size="h5" id="create-token-title">
          {t('tokens.createTitle')}
        </Title>
        <ApiErrorAlert error={create.error} fields={['name', 'scopes', 'expiresInDays']} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={submitted && !name.trim() ? t('tokens.nameMissing') : errors.name}
          />
          <NumberInput
            label={t('tokens.expiresInDays')}
            description={t('tokens.expiresInDaysHint')}
            min={1}
            max={365}
            clampBehavior="strict"
            allowDecimal={false}
            value={days}
            onChange={(value) => setDays(typeof value === 'number' ? value : 90)}
            error={errors.expiresInDays}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('tokens.scopes')}
          description={t('tokens.scopesHint')}
          value={scopes}
          onChange={(value) => setScopes(value as TokenScope[])}
          error={submitted && scopes.length === 0 ? t('tokens.scopesMissing') : errors.scopes}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {tokenScopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(scopeLabelKeys[scope])} description={scope} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('tokens.create')}
        </Button>
      </Stack>
    </form>
  );
}

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt.replace(' ', 'T')).getTime() < Date.now() ? 'expired' : 'active';
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (tokens.length === 0) return <Text c="dimmed">{t('tokens.empty')}</Text>;
  return (
    <DataTable
      minWidth={760}
      verticalSpacing="xs"
      striped
      columns={[
        t('tokens.name'),
        t('tokens.prefix'),
        t('tokens.scopes'),
        t('tokens.createdAt'),
        t('tokens.expiresAt'),
        t('tokens.lastUsedAt'),
      ]}
      withActions
    >
      {tokens.map((token) => {
        const state = tokenState(token);
        return (
          <Table.Tr key={token.id} c={state === 'active' ? undefined : 'dimmed'}>
            <Table.Td fw={600}>{token.name}</Table.Td>
            <Table.Td>
              <Code>{token.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {token.scopes.map((scope) => (
                  <Badge key={scope} size="sm" variant="outline" radius="sm" tt="none" title={t(scopeLabelKeys[scope])}>
                    {scope}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{format.date(token.createdAt)}</Table.Td>
            <Table.Td>{format.date(token.expiresAt)}</Table.Td>
            <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
            <Table.Td>
              {state === 'active' ? (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => onRevoke(token)}
                  aria-label={`${t('tokens.revoke')}: ${token.name}`}
                >
                  {t('tokens.revoke')}
                </Button>
              ) : (
                <Badge variant="light" color="gray" radius="sm" tt="none">
                  {t(`tokens.state.${state}`)}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}

export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Section title={t('tokens.title')} description={t('tokens.intro')}>
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}
      <QueryState query={tokens}>{(data) => <TokenTable tokens={data.items} onRevoke={setRevoking} />}</QueryState>
      <CreateTokenForm onCreated={setCreated} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('tokens.revoke')}
        isPending={revoke.isPending}
        error={<ApiErrorAlert error={revoke.error} />}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) });
        }}
      >
        {t('tokens.revokeText', { name: revoking?.name ?? '' })}
      </ConfirmModal>
    </Section>
  );
}
