import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../../contracts/calls';
import { organisationTypes } from '../../../../contracts/portfolio';
import { fieldErrorsOf } from '../../lib/form-errors';
import { toLanguage } from '../../lib/i18n';
import { parseRouteId } from '../../lib/route-id';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, ForbiddenState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilitySelect } from '../../ui/visibility';
import { useMe } from '../accounts/accounts.api';
import { RequireSignIn } from '../accounts/require-sign-in';
import { canEditFunding } from '../grants/funding-permissions';
import { MoneyInput } from '../grants/money-input';
import { NaceMultiSelect } from '../organisations/nace-select';
import { OrganisationSelect } from '../organisations/organisation-select';
import { useProgrammes } from '../programmes/programmes.api';
import {
  type CallFormValues,
  callFormProblems,
  callValues,
  documentKey,
  emptyCallValues,
  knownEligibility,
  slugOf,
  toCreateCall,
  toUpdateCall,
} from './call-form-values';
import { useCall, useCreateCall, useUpdateCall } from './calls.api';
import { RegionMultiSelect } from './region-multi-select';

const newRoute = getRouteApi('/calls/new');
const editRoute = getRouteApi('/calls/$callId/edit');

/** Every field the form shows an error at; other server errors go to the alert on top. */
function shownFields(values: CallFormValues): string[] {
  return [
    'programmeId',
    'slug',
    'title',
    'description',
    'funderName',
    'funderOrganisationId',
    'budgetCents',
    'opensOn',
    'closesOn',
    'eligibleTypes',
    'eligibleRegionIds',
    'eligibleNace',
    'eligibilityNote',
    'documents',
    'visibility',
    ...values.documents.flatMap((_, i) => [`documents.${i}.title`, `documents.${i}.url`]),
  ];
}

/** The server names array items by index ("eligibleNace.3"); show those at the picker. */
function firstErrorUnder(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([name]) => name.startsWith(`${field}.`))?.[1];
}

function CallForm({ call, programmeId }: { call?: CallDetail; programmeId?: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const programmes = useProgrammes();
  const create = useCreateCall();
  const update = useUpdateCall(call?.id ?? 0);
  const mutation = call ? update : create;
  const isNew = call === undefined;
  const [values, setValues] = useState<CallFormValues>(() => (call ? callValues(call) : emptyCallValues(programmeId)));
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const set = <K extends keyof CallFormValues>(key: K, value: CallFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const [submitted, setSubmitted] = useState(false);
  const problems = callFormProblems(values, isNew);
  const serverErrors = fieldErrorsOf(mutation.error);
  const errorOf = (field: string) => {
    const own = submitted ? problems[field] : undefined;
    return own ? t(own as 'callForm.titleMissing') : serverErrors[field];
  };
  const known = knownEligibility(call, toLanguage(i18n.resolvedLanguage));
  const editable = (programmes.data?.items ?? []).filter((p) => canEditFunding(me, p.id));
  const documents = values.documents;
  const setDocument = (index: number, patch: Partial<CallFormValues['documents'][number]>) =>
    set(
      'documents',
      documents.map((d, i) => (i === index ? { ...d, ...patch } : d)),
    );

  const cancel = () =>
    call
      ? void navigate({ to: '/calls/$callId', params: { callId: String(call.id) } })
      : void navigate({ to: '/calls' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    const toCall = (saved: CallDetail) => void navigate({ to: '/calls/$callId', params: { callId: String(saved.id) } });
    if (call) update.mutate(toUpdateCall(values, call.version), { onSuccess: toCall });
    else create.mutate(toCreateCall(values), { onSuccess: toCall });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={isNew ? t('callForm.createTitle') : t('callForm.editTitle')}>
      <Stack gap="lg">
        <ApiErrorAlert error={mutation.error} fields={shownFields(values)} />
        {submitted && Object.keys(problems).length > 0 ? (
          <Text c="red.8" size="sm" role="alert">
            {t('callForm.checkFields')}
          </Text>
        ) : null}
        <Section title={t('callForm.basics')}>
          {isNew ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('calls.programme')}
                required
                searchable
                data={editable.map((p) => ({ value: String(p.id), label: p.name }))}
                value={values.programmeId === undefined ? null : String(values.programmeId)}
                onChange={(value) => set('programmeId', value ? Number(value) : undefined)}
                error={errorOf('programmeId')}
                comboboxProps={{ withinPortal: true }}
              />
              <VisibilitySelect
                value={values.visibility}
                onChange={(v) => set('visibility', v)}
                error={errorOf('visibility')}
              />
            </SimpleGrid>
          ) : null}
          <TextInput
            label={t('callForm.callTitle')}
            required
            value={values.title}
            onChange={(event) => {
              const title = event.currentTarget.value;
              setValues((v) => ({ ...v, title, slug: slugTouched ? v.slug : slugOf(title) }));
            }}
            error={errorOf('title')}
          />
          {isNew ? (
            <TextInput
              label={t('callForm.slug')}
              description={t('callForm.slugHint')}
              required
              value={values.slug}
              onChange={(event) => {
                setSlugTouched(true);
                set('slug', event.currentTarget.value);
              }}
              error={errorOf('slug')}
            />
          ) : null}
          <Textarea
            label={t('callForm.description')}
            autosize
            minRows={3}
            maxRows={12}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errorOf('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('callForm.funderName')}
              description={t('callForm.funderNameHint')}
              required
              value={values.funderName}
              onChange={(event) => set('funderName', event.currentTarget.value)}
              error={errorOf('funderName')}
            />
            <OrganisationSelect
              label={t('callForm.funderOrganisation')}
              value={values.funderOrganisationId}
              onChange={(id) => set('funderOrganisationId', id)}
              error={errorOf('funderOrganisationId')}
            />
            <MoneyInput
              label={t('calls.budget')}
              description={t('callForm.budgetHint')}
              value={values.budget}
              onChange={(budget) => set('budget', budget)}
              error={errorOf('budgetCents')}
            />
            {isNew ? (
              <span />
            ) : (
              <VisibilitySelect
                value={values.visibility}
                onChange={(v) => set('visibility', v)}
                error={errorOf('visibility')}
              />
            )}
            <TextInput
              label={t('calls.opensOn')}
              type="date"
              value={values.opensOn}
              onChange={(event) => set('opensOn', event.currentTarget.value)}
              error={errorOf('opensOn')}
            />
            <TextInput
              label={t('calls.closesOn')}
              type="date"
              value={values.closesOn}
              onChange={(event) => set('closesOn', event.currentTarget.value)}
              error={errorOf('closesOn')}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('calls.eligibility')} description={t('callForm.eligibilityHint')}>
          <MultiSelect
            label={t('calls.eligibleTypes')}
            placeholder={values.eligibleTypes.length === 0 ? t('calls.anyType') : undefined}
            data={organisationTypes.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
            value={values.eligibleTypes}
            onChange={(types) => set('eligibleTypes', types as CallFormValues['eligibleTypes'])}
            error={firstErrorUnder(serverErrors, 'eligibleTypes')}
            comboboxProps={{ withinPortal: true }}
            clearable
          />
          <RegionMultiSelect
            label={t('calls.eligibleRegions')}
            description={t('callForm.regionsHint')}
            value={values.eligibleRegionIds}
            known={known.regions}
            onChange={(ids) => set('eligibleRegionIds', ids)}
            error={firstErrorUnder(serverErrors, 'eligibleRegionIds')}
          />
          <NaceMultiSelect
            label={t('calls.eligibleNace')}
            description={t('callForm.naceHint')}
            value={values.eligibleNace}
            known={known.nace}
            onChange={(codes) => set('eligibleNace', codes)}
            error={firstErrorUnder(serverErrors, 'eligibleNace')}
          />
          <Textarea
            label={t('calls.eligibilityNote')}
            autosize
            minRows={2}
            maxRows={8}
            value={values.eligibilityNote}
            onChange={(event) => set('eligibilityNote', event.currentTarget.value)}
            error={errorOf('eligibilityNote')}
          />
        </Section>
        <Section title={t('calls.documents')} description={t('callForm.documentsHint')}>
          {documents.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('calls.noDocuments')}
            </Text>
          ) : null}
          {documents.map((d, i) => (
            <Group key={d.key} align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('callForm.documentTitle', { n: i + 1 })}
                value={d.title}
                onChange={(event) => setDocument(i, { title: event.currentTarget.value })}
                error={errorOf(`documents.${i}.title`)}
              />
              <TextInput
                style={{ flex: 2 }}
                label={t('callForm.documentUrl', { n: i + 1 })}
                type="url"
                placeholder="https://"
                value={d.url}
                onChange={(event) => setDocument(i, { url: event.currentTarget.value })}
                error={errorOf(`documents.${i}.url`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('callForm.removeDocument', { n: i + 1 })}
                onClick={() =>
                  set(
                    'documents',
                    documents.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {errorOf('documents') ? (
            <Text c="red.8" size="sm">
              {errorOf('documents')}
            </Text>
          ) : null}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => set('documents', [...documents, { key: documentKey(), title: '', url: '' }])}
            >
              {t('callForm.addDocument')}
            </Button>
          </Group>
        </Section>
        <FormActions
          submitLabel={isNew ? t('callForm.create') : t('common.save')}
          isPending={mutation.isPending}
          onCancel={cancel}
        />
      </Stack>
    </form>
  );
}

function NewCall({ programmeId }: { programmeId?: number }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const programmes = useProgrammes();
  usePageTitle(t('callForm.createTitle'));
  if (programmes.isPending) return <LoadingState />;
  if (programmes.isError) return <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />;
  if (!programmes.data.items.some((p) => canEditFunding(me, p.id))) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/calls" size="sm">
            {t('calls.title')}
          </AnchorLink>
        }
        current={t('callForm.createTitle')}
      />
      <Stack gap={4}>
        <Title order={1}>{t('callForm.createTitle')}</Title>
        <Text c="dimmed">{t('callForm.intro')}</Text>
      </Stack>
      <CallForm programmeId={programmeId} />
    </Stack>
  );
}

function EditCall({ callId }: { callId: number }) {
  const { t } = useTranslation();
  const call = useCall(callId);
  usePageTitle(t('callForm.editTitle'));
  if (call.isPending) return <LoadingState />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  if (!call.data.canEdit) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink
            to="/calls/$callId"
            params={{ callId: String(callId) }}
            size="sm"
            lineClamp={1}
            maw={{ base: 200, sm: 480 }}
          >
            {call.data.title}
          </AnchorLink>
        }
        current={t('callForm.editTitle')}
      />
      <Title order={1}>{t('callForm.editTitle')}</Title>
      {/* Not keyed by version: the save itself bumps it, and a remount would drop the navigation after it. */}
      <CallForm key={call.data.id} call={call.data} />
    </Stack>
  );
}

/** "Aufruf anlegen": a programme's call with its dates, budget, eligibility and documents. */
export function CallNewPage() {
  const { programmeId } = newRoute.useSearch();
  return (
    <RequireSignIn>
      <NewCall programmeId={programmeId} />
    </RequireSignIn>
  );
}

/** "Aufruf bearbeiten" for the programme office of the call's programme. */
export function CallEditPage() {
  const { callId } = editRoute.useParams();
  const id = parseRouteId(callId);
  if (id === undefined) return <NotFoundState />;
  return (
    <RequireSignIn>
      <EditCall callId={id} />
    </RequireSignIn>
  );
}
