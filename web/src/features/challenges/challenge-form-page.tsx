import { Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChallengeDetail, UpdateChallenge } from '../../../../contracts/challenges';
import { challengeVisibilities, type ProfileLanguage, profileLanguages } from '../../../../contracts/matching';
import { fieldErrorsOf } from '../../lib/form-errors';
import { todayIsoDate } from '../../lib/format';
import { toLanguage } from '../../lib/i18n';
import { parseRouteId } from '../../lib/route-id';
import { ApiErrorAlert } from '../../ui/api-error-alert';
import { FormActions } from '../../ui/form-actions';
import { AnchorLink } from '../../ui/links';
import { PageBreadcrumbs } from '../../ui/page-breadcrumbs';
import { ErrorState, ForbiddenState, LoadingState, NotFoundState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { usePageTitle } from '../../ui/use-page-title';
import { useMe } from '../accounts/accounts.api';
import { RequireSignIn } from '../accounts/require-sign-in';
import { useExtractedConcepts } from '../matching/concepts.api';
import { useChallenge, useCreateChallenge, useUpdateChallenge } from './challenges.api';
import { addConcept, type ConceptChoice, ConceptPicker, chosenConcepts, removeConcept } from './concept-picker';
import {
  OwnOrganisationSelect,
  speaksForEveryOrganisation,
  speaksForSomeOrganisation,
  spokenForOrganisationIds,
} from './own-organisations';

const editRoute = getRouteApi('/challenges/$challengeId/edit');

type Visibility = ChallengeDetail['visibility'];

interface Values {
  organisationId: number | undefined;
  title: string;
  problem: string;
  language: ProfileLanguage;
  deadline: string;
  visibility: Visibility;
}

const shownFields = ['organisationId', 'title', 'problem', 'language', 'deadline', 'visibility', 'conceptKeys'];

/** The form's own checks, as keys of the texts to show. */
function problemsOf(values: Values, isNew: boolean, today: string): Partial<Record<keyof Values, string>> {
  const problems: Partial<Record<keyof Values, string>> = {};
  if (isNew && values.organisationId === undefined) problems.organisationId = 'challenges.form.organisationMissing';
  if (!values.title.trim()) problems.title = 'challenges.form.titleMissing';
  if (!values.problem.trim()) problems.problem = 'challenges.form.problemMissing';
  if (!values.deadline) problems.deadline = 'challenges.form.deadlineMissing';
  else if (values.deadline < today) problems.deadline = 'challenges.form.deadlinePast';
  return problems;
}

function ChallengeForm({ challenge, onReload }: { challenge?: ChallengeDetail; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const create = useCreateChallenge();
  const update = useUpdateChallenge(challenge?.id ?? 0);
  const mutation = challenge ? update : create;
  const isNew = challenge === undefined;
  const today = todayIsoDate();
  const [initial] = useState<Values>(() =>
    challenge
      ? {
          organisationId: challenge.organisation.id,
          title: challenge.title,
          problem: challenge.problem,
          language: challenge.language,
          deadline: challenge.deadline,
          visibility: challenge.visibility,
        }
      : {
          organisationId: (() => {
            const own = spokenForOrganisationIds(me);
            return !speaksForEveryOrganisation(me) && own.length === 1 ? own[0] : undefined;
          })(),
          title: '',
          problem: '',
          language: toLanguage(i18n.resolvedLanguage),
          deadline: '',
          visibility: 'public',
        },
  );
  const [values, setValues] = useState<Values>(initial);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const [choice, setChoice] = useState<ConceptChoice>({ added: challenge?.concepts ?? [], dismissed: [] });
  const [submitted, setSubmitted] = useState(false);

  // Concepts are suggested from the text a moment after typing stops.
  const initialText = `${initial.title}\n${initial.problem}`;
  const [text] = useDebouncedValue(`${values.title}\n${values.problem}`, 600);
  const extraction = useExtractedConcepts(text);
  const extracted = text.trim() ? (extraction.data?.items ?? []) : [];
  // When editing: what the stored text gives but the author had left out stays out.
  const baseline = useExtractedConcepts(isNew ? '' : initialText);
  const ignored = isNew
    ? []
    : (baseline.data?.items ?? []).map((c) => c.key).filter((key) => !challenge.concepts.some((c) => c.key === key));
  const chosen = chosenConcepts(isNew || baseline.data ? extracted : [], choice, ignored);

  const problems = problemsOf(values, isNew, today);
  const serverErrors = fieldErrorsOf(mutation.error);
  const errorOf = (field: keyof Values) => {
    const own = submitted ? problems[field] : undefined;
    return own ? t(own as 'challenges.form.titleMissing') : serverErrors[field];
  };
  const conceptError = Object.entries(serverErrors).find(([name]) => name.startsWith('conceptKeys'))?.[1];

  const toChallenge = (saved: ChallengeDetail) =>
    void navigate({ to: '/challenges/$challengeId', params: { challengeId: String(saved.id) } });
  const cancel = () =>
    challenge
      ? void navigate({ to: '/challenges/$challengeId', params: { challengeId: String(challenge.id) } })
      : void navigate({ to: '/challenges' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    const conceptKeys = chosen.map((c) => c.key);
    const fields = {
      title: values.title.trim(),
      problem: values.problem.trim(),
      language: values.language,
      deadline: values.deadline,
      visibility: values.visibility,
    };
    if (!challenge) {
      create.mutate({ organisationId: values.organisationId ?? 0, ...fields, conceptKeys }, { onSuccess: toChallenge });
      return;
    }
    const changes: UpdateChallenge = { version: challenge.version };
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      if (fields[key] !== challenge[key]) Object.assign(changes, { [key]: fields[key] });
    }
    if (conceptKeys.join() !== challenge.concepts.map((c) => c.key).join()) changes.conceptKeys = conceptKeys;
    if (Object.keys(changes).length === 1) return toChallenge(challenge);
    update.mutate(changes, { onSuccess: toChallenge });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={isNew ? t('challenges.form.createTitle') : t('challenges.form.editTitle')}
    >
      <Stack gap="lg">
        <ApiErrorAlert error={mutation.error} fields={shownFields} onReload={onReload} />
        {submitted && Object.keys(problems).length > 0 ? (
          <Text c="red.8" size="sm" role="alert">
            {t('challenges.form.checkFields')}
          </Text>
        ) : null}
        <Section title={t('challenges.form.problemSection')}>
          {isNew ? (
            <OwnOrganisationSelect
              label={t('challenges.form.organisation')}
              description={t('challenges.form.organisationHint')}
              value={values.organisationId}
              onChange={(id) => set('organisationId', id)}
              error={errorOf('organisationId')}
            />
          ) : (
            <Text size="sm">
              {t('challenges.form.organisation')}: <strong>{challenge.organisation.name}</strong>
            </Text>
          )}
          <TextInput
            label={t('challenges.form.title')}
            description={t('challenges.form.titleHint')}
            required
            maxLength={300}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errorOf('title')}
          />
          <Textarea
            label={t('challenges.form.problem')}
            description={t('challenges.form.problemHint')}
            required
            autosize
            minRows={5}
            maxRows={16}
            maxLength={5000}
            value={values.problem}
            onChange={(event) => set('problem', event.currentTarget.value)}
            error={errorOf('problem')}
          />
          <Select
            label={t('challenges.form.language')}
            description={t('challenges.form.languageHint')}
            data={profileLanguages.map((l) => ({ value: l, label: t(`challenges.languages.${l}`) }))}
            value={values.language}
            onChange={(next) => set('language', (next as ProfileLanguage | null) ?? values.language)}
            allowDeselect={false}
            error={errorOf('language')}
            comboboxProps={{ withinPortal: true }}
            maw={320}
          />
        </Section>
        <Section title={t('challenges.form.conceptSection')}>
          <ConceptPicker
            chosen={chosen}
            extracted={extracted}
            isExtracting={extraction.isFetching}
            onRemove={(key) => setChoice((c) => removeConcept(c, key))}
            onAdd={(concept) => setChoice((c) => addConcept(c, concept))}
            error={conceptError}
          />
        </Section>
        <Section title={t('challenges.form.deadlineSection')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <TextInput
              label={t('challenges.form.deadline')}
              description={t('challenges.form.deadlineHint')}
              type="date"
              required
              min={today}
              value={values.deadline}
              onChange={(event) => set('deadline', event.currentTarget.value)}
              error={errorOf('deadline')}
            />
            <Radio.Group
              label={t('challenges.form.visibility')}
              value={values.visibility}
              onChange={(next) => set('visibility', next as Visibility)}
              error={errorOf('visibility')}
            >
              <Stack gap="xs" mt={6}>
                {challengeVisibilities.map((v) => (
                  <Radio
                    key={v}
                    value={v}
                    label={t(`challenges.visibility.${v}`)}
                    description={t(`challenges.visibilityHint.${v}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </SimpleGrid>
        </Section>
        <Group justify="flex-end">
          <FormActions
            submitLabel={isNew ? t('challenges.form.create') : t('common.save')}
            isPending={mutation.isPending}
            onCancel={cancel}
          />
        </Group>
      </Stack>
    </form>
  );
}

function NewChallenge() {
  const { t } = useTranslation();
  const me = useMe().data;
  usePageTitle(t('challenges.form.createTitle'));
  if (!speaksForSomeOrganisation(me)) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/challenges" size="sm">
            {t('challenges.title')}
          </AnchorLink>
        }
        current={t('challenges.form.createTitle')}
      />
      <Stack gap={4} maw={760}>
        <Title order={1}>{t('challenges.form.createTitle')}</Title>
        <Text c="dimmed">{t('challenges.form.intro')}</Text>
      </Stack>
      <ChallengeForm />
    </Stack>
  );
}

function EditChallenge({ challengeId }: { challengeId: number }) {
  const { t } = useTranslation();
  const challenge = useChallenge(challengeId);
  // After a conflict: the stored challenge again, in a fresh form.
  const [round, setRound] = useState(0);
  usePageTitle(t('challenges.form.editTitle'));
  if (challenge.isPending) return <LoadingState />;
  if (challenge.isError) return <ErrorState error={challenge.error} onRetry={() => void challenge.refetch()} />;
  if (!challenge.data.canEdit) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink
            to="/challenges/$challengeId"
            params={{ challengeId: String(challengeId) }}
            size="sm"
            lineClamp={1}
            maw={{ base: 200, sm: 480 }}
          >
            {challenge.data.title}
          </AnchorLink>
        }
        current={t('challenges.form.editTitle')}
      />
      <Title order={1}>{t('challenges.form.editTitle')}</Title>
      {challenge.data.status === 'closed' ? (
        <Text c="dimmed">{t('challenges.form.closedNoEdit')}</Text>
      ) : (
        // Not keyed by version: the save itself bumps it, and a remount would drop the navigation after it.
        <ChallengeForm
          key={`${challenge.data.id}-${round}`}
          challenge={challenge.data}
          onReload={() => void challenge.refetch().then(() => setRound((r) => r + 1))}
        />
      )}
    </Stack>
  );
}

/** "Challenge ausschreiben" for those who speak for an organisation. */
export function ChallengeNewPage() {
  return (
    <RequireSignIn>
      <NewChallenge />
    </RequireSignIn>
  );
}

/** Changing an open challenge, for its organisation. */
export function ChallengeEditPage() {
  const { challengeId } = editRoute.useParams();
  const id = parseRouteId(challengeId);
  if (id === undefined) return <NotFoundState />;
  return (
    <RequireSignIn>
      <EditChallenge challengeId={id} />
    </RequireSignIn>
  );
}
