import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../lib/api';
import { fieldErrorsOf } from '../lib/form-errors';
import { AnchorLink } from './links';

/**
 * What went wrong with a write, in the visitor's language: a conflict with a reload button, a
 * missing right, an expired session, or the fields to check. Errors that belong to one input
 * (shown next to it) are not repeated here; `fields` names the inputs the form shows.
 */
export function ApiErrorAlert({
  error,
  onReload,
  fields = [],
}: {
  error: unknown;
  onReload?: () => void;
  fields?: readonly string[];
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const fieldErrors = fieldErrorsOf(error);
  const unshown = Object.entries(fieldErrors).filter(([field]) => !fields.includes(field));
  if (Object.keys(fieldErrors).length > 0 && unshown.length === 0 && !hasErrorCode(error, 'validation_failed'))
    return null;

  if (hasErrorCode(error, 'conflict') && onReload) {
    return (
      <Alert color="orange" title={t('errors.conflictTitle')} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('errors.conflictText')}</Text>
          <Button size="xs" color="orange" onClick={onReload}>
            {t('errors.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (hasErrorCode(error, 'validation_failed')) {
    return (
      <Alert color="red" title={t('errors.validationTitle')} role="alert">
        {unshown.length > 0 ? (
          <List size="sm">
            {unshown.map(([field, reason]) => (
              <List.Item key={field}>
                {field}: {reason}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('errors.validationText')}</Text>
        )}
      </Alert>
    );
  }
  if (hasErrorCode(error, 'unauthenticated')) {
    return (
      <Alert color="red" title={t('errors.sessionExpiredTitle')} role="alert">
        <Text size="sm">
          {t('errors.sessionExpiredText')}{' '}
          <AnchorLink to="/login" size="sm">
            {t('nav.signIn')}
          </AnchorLink>
        </Text>
      </Alert>
    );
  }
  const known = ['forbidden', 'csrf_failed', 'rate_limited', 'not_found'] as const;
  const code = known.find((c) => hasErrorCode(error, c));
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      <Text size="sm">{code ? t(`errors.${code}`) : error instanceof Error ? error.message : t('errors.unknown')}</Text>
      {code === 'rate_limited' && error instanceof Error ? (
        <Text size="sm" mt={4}>
          {error.message}
        </Text>
      ) : null}
    </Alert>
  );
}
