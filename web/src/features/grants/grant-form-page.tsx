import { Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import type { ProjectDetail } from '../../../../contracts/portfolio';
import { apiGet } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/form-errors';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { VisibilitySelect } from '../../ui/visibility';
import { RequireSignIn } from '../accounts/require-sign-in';
import { OrganisationSelect } from '../organisations/organisation-select';
import { useProject } from '../projects/projects.api';
import { LineRows, PartnerRows, ShareSum } from './grant-form-rows';
import {
  type GrantFormValues,
  grantFormProblems,
  initialGrantValues,
  lineOverruns,
  newLine,
  toCreateGrant,
} from './grant-form-values';
import { useCreateGrant } from './grants.api';
import { MoneyInput } from './money-input';

const route = getRouteApi('/grants/new');

/** Every field the form shows an error at; other server errors go to the alert on top. */
function shownFields(values: GrantFormValues): string[] {
  return [
    'title',
    'reference',
    'purpose',
    'funderName',
    'funderOrganisationId',
    'amountCents',
    'decidedOn',
    'periodStart',
    'periodEnd',
    'visibility',
    'partners',
    ...values.partners.flatMap((_, i) => [`partners.${i}.organisationId`, `partners.${i}.shareCents`]),
    ...values.lines.flatMap((_, i) =>
      ['organisationId', 'source', 'amountCents', 'year', 'note', 'overrunReason'].map((f) => `lines.${i}.${f}`),
    ),
  ];
}

/** Names of the chosen partner organisations (from the directory cache the pickers fill). */
function usePartnerNames(project: ProjectDetail, ids: number[]): (id: number) => string {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['organisations', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<OrganisationDetail>(`/organisations/${id}`, undefined, signal),
    })),
  });
  return (id) =>
    results[ids.indexOf(id)]?.data?.name ?? project.organisations.find((o) => o.id === id)?.name ?? `#${id}`;
}

function GrantForm({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateGrant();
  const [values, setValues] = useState<GrantFormValues>(() => initialGrantValues(project));
  const set = <K extends keyof GrantFormValues>(key: K, value: GrantFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const [submitted, setSubmitted] = useState(false);
  const problems = grantFormProblems(values);
  const serverErrors = fieldErrorsOf(create.error);
  const errorOf = (field: string) => {
    const own = submitted ? problems[field] : undefined;
    return own ? t(own as 'grantForm.titleMissing') : serverErrors[field];
  };
  const partnerIds = values.partners.flatMap((p) => (p.organisationId === undefined ? [] : [p.organisationId]));
  const partnerName = usePartnerNames(project, partnerIds);
  const firstYear = values.periodStart.slice(0, 4) || String(new Date().getFullYear());
  const backToProject = () => void navigate({ to: '/projects/$projectId', params: { projectId: String(project.id) } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    create.mutate(toCreateGrant(project.id, values), {
      onSuccess: (grant) => void navigate({ to: '/grants/$grantId', params: { grantId: String(grant.id) } }),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('grantForm.title')}>
      <Stack gap="lg">
        <ApiErrorAlert error={create.error} fields={shownFields(values)} />
        {submitted && Object.keys(problems).length > 0 ? (
          <Text c="red.8" size="sm" role="alert">
            {t('grantForm.checkFields')}
          </Text>
        ) : null}
        <Section title={t('grantForm.decision')}>
          <TextInput
            label={t('grantForm.grantTitle')}
            required
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errorOf('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('grantForm.funderName')}
              description={t('grantForm.funderNameHint')}
              required
              value={values.funderName}
              onChange={(event) => set('funderName', event.currentTarget.value)}
              error={errorOf('funderName')}
            />
            <OrganisationSelect
              label={t('grantForm.funderOrganisation')}
              value={values.funderOrganisationId}
              onChange={(id) => set('funderOrganisationId', id)}
              error={errorOf('funderOrganisationId')}
            />
            <TextInput
              label={t('grantForm.reference')}
              value={values.reference}
              onChange={(event) => set('reference', event.currentTarget.value)}
              error={errorOf('reference')}
            />
            <MoneyInput
              label={t('grantForm.amount')}
              required
              value={values.amount}
              onChange={(amount) => set('amount', amount)}
              error={errorOf('amountCents')}
            />
            <TextInput
              label={t('grant.decidedOn')}
              type="date"
              value={values.decidedOn}
              onChange={(event) => set('decidedOn', event.currentTarget.value)}
              error={errorOf('decidedOn')}
            />
            <VisibilitySelect
              value={values.visibility}
              onChange={(v) => set('visibility', v)}
              error={errorOf('visibility')}
            />
            <TextInput
              label={t('grantForm.periodStart')}
              type="date"
              value={values.periodStart}
              onChange={(event) => set('periodStart', event.currentTarget.value)}
              error={errorOf('periodStart')}
            />
            <TextInput
              label={t('grantForm.periodEnd')}
              type="date"
              value={values.periodEnd}
              onChange={(event) => set('periodEnd', event.currentTarget.value)}
              error={errorOf('periodEnd')}
            />
          </SimpleGrid>
          <Textarea
            label={t('grant.purpose')}
            autosize
            minRows={2}
            maxRows={10}
            value={values.purpose}
            onChange={(event) => set('purpose', event.currentTarget.value)}
            error={errorOf('purpose')}
          />
        </Section>
        <Section title={t('grant.consortium')}>
          <PartnerRows
            partners={values.partners}
            onChange={(partners) => set('partners', partners)}
            errorOf={errorOf}
          />
          <Group justify="space-between" align="flex-start" gap="sm">
            <ShareSum amount={values.amount} partners={values.partners} error={errorOf('partners')} />
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                set('partners', [
                  ...values.partners,
                  { key: `p-${Date.now()}`, organisationId: undefined, role: 'partner', share: '' },
                ])
              }
            >
              {t('grantForm.addPartner')}
            </Button>
          </Group>
        </Section>
        <Section title={t('grant.lines')} description={t('grantForm.linesHint')}>
          <LineRows
            lines={values.lines}
            partners={values.partners}
            overruns={lineOverruns(values)}
            onChange={(lines) => set('lines', lines)}
            errorOf={errorOf}
            partnerName={partnerName}
          />
          <Group>
            <Button variant="default" size="xs" onClick={() => set('lines', [...values.lines, newLine(firstYear)])}>
              {t('grantForm.addLine')}
            </Button>
          </Group>
        </Section>
        <FormActions submitLabel={t('grantForm.submit')} isPending={create.isPending} onCancel={backToProject} />
      </Stack>
    </form>
  );
}

function GrantFormForProject({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const project = useProject(projectId);
  usePageTitle(t('grantForm.title'));
  if (project.isPending) return <LoadingState />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink
            to="/projects/$projectId"
            params={{ projectId: String(projectId) }}
            size="sm"
            lineClamp={1}
            maw={{ base: 200, sm: 480 }}
          >
            {project.data.title}
          </AnchorLink>
        }
        current={t('grantForm.title')}
      />
      <Stack gap={4}>
        <Title order={1}>{t('grantForm.title')}</Title>
        <Text c="dimmed">
          {t('grantForm.intro', { project: project.data.title, programme: project.data.programme.name })}
        </Text>
      </Stack>
      <GrantForm project={project.data} />
    </Stack>
  );
}

/** "Förderung erfassen" for a project: the decision, the consortium with shares that add up, and the funding lines. */
export function GrantFormPage() {
  const { projectId } = route.useSearch();
  if (projectId === undefined) return <NotFoundState />;
  return (
    <RequireSignIn>
      <GrantFormForProject projectId={projectId} />
    </RequireSignIn>
  );
}
