import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../lib/api';
import { ButtonLink } from './links';
import { usePageTitle } from './use-page-title';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A page-sized message with a way back to the start page. */
function MessagePage({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack align="flex-start" gap="md" py="xl" maw={640}>
      <Title order={1}>{title}</Title>
      <Text>{text}</Text>
      <ButtonLink to="/" variant="light">
        {t('common.backHome')}
      </ButtonLink>
    </Stack>
  );
}

/** The friendly page for unknown routes and records the API answers with `not_found`. */
export function NotFoundState() {
  const { t } = useTranslation();
  return <MessagePage title={t('common.notFoundTitle')} text={t('common.notFoundText')} />;
}

/** For signed-in people who lack the role a page needs. */
export function ForbiddenState() {
  const { t } = useTranslation();
  return <MessagePage title={t('common.forbiddenTitle')} text={t('common.forbiddenText')} />;
}

/** Shows "nicht gefunden" for not_found errors and a retryable alert for anything else. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isNotFound(error)) return <NotFoundState />;
  const message = error instanceof Error ? error.message : null;
  return (
    <Alert color="red" title={t('common.errorTitle')} my="md" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('common.errorText')}</Text>
        {message ? (
          <Text size="xs" c="dimmed">
            {message}
          </Text>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** What a query has to show: the loading state, the error with a retry button, or `children(data)`. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
