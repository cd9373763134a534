import {
  Alert,
  MultiSelect,
  Radio,
  SegmentedControl,
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
import { developmentStages, profileKinds, profileLanguages, profileVisibilities } from '../../../../contracts/matching';
import { sizeClasses } from '../../../../contracts/organisations';
import { organisationTypes } from '../../../../contracts/portfolio';
import type { ProfileDetail } from '../../../../contracts/profiles';
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
import { useMe } from '../accounts/accounts.api';
import { RequireSignIn } from '../accounts/require-sign-in';
import { RegionMultiSelect } from '../calls/region-multi-select';
import { AgencySelect } from './agency-select';
import { ConceptChips } from './concept-chips';
import { CountryMultiSelect } from './country-select';
import { ownOrganisationIds, speaksForSome } from './matching-permissions';
import { OwnOrganisationSelect } from './own-organisation-select';
import {
  emptyProfileValues,
  type ProfileFormValues,
  profileFormProblems,
  profileValues,
  toCreateProfile,
  toUpdateProfile,
} from './profile-form-values';
import { useCreateProfile, useProfile, useUpdateProfile } from './profiles.api';

const newRoute = getRouteApi('/matching/profiles/new');
const editRoute = getRouteApi('/matching/profiles/$profileId/edit');

const shownFields = [
  'organisationId',
  'kind',
  'language',
  'title',
  'summary',
  'conceptKeys',
  'soughtTypes',
  'soughtSizes',
  'soughtCountries',
  'soughtRegionIds',
  'stage',
  'deadline',
  'expiresOn',
  'visibility',
  'agencyOrganisationId',
];

/** The server names array items by index ("soughtCountries.2"); show those at the picker. */
function firstErrorUnder(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([name]) => name.startsWith(`${field}.`))?.[1];
}

function ProfileForm({ profile, organisationId }: { profile?: ProfileDetail; organisationId?: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const create = useCreateProfile();
  const update = useUpdateProfile(profile?.id ?? 0);
  const mutation = profile ? update : create;
  const isNew = profile === undefined;
  const [values, setValues] = useState<ProfileFormValues>(() =>
    profile
      ? profileValues(profile)
      : emptyProfileValues(organisationId ?? ownOrganisationIds(me)[0], toLanguage(i18n.resolvedLanguage)),
  );
  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const [submitted, setSubmitted] = useState(false);
  const problems = profileFormProblems(values, isNew);
  const serverErrors = fieldErrorsOf(mutation.error);
  const errorOf = (field: string) => {
    const own = submitted ? problems[field] : undefined;
    return own ? t(own as 'matching.form.titleMissing') : firstErrorUnder(serverErrors, field);
  };

  const toProfile = (saved: ProfileDetail) =>
    void navigate({ to: '/matching/profiles/$profileId', params: { profileId: String(saved.id) } });
  const cancel = () =>
    profile
      ? toProfile(profile)
      : void navigate({
          to: '/matching/mine',
          search: values.organisationId ? { organisationId: values.organisationId } : {},
        });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    if (profile) update.mutate(toUpdateProfile(values, profile), { onSuccess: toProfile });
    else create.mutate(toCreateProfile(values), { onSuccess: toProfile });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={isNew ? t('matching.form.createTitle') : t('matching.form.editTitle')}
    >
      <Stack gap="lg">
        <ApiErrorAlert error={mutation.error} fields={shownFields} />
        {submitted && Object.keys(problems).length > 0 ? (
          <Text c="red.8" size="sm" role="alert">
            {t('matching.form.checkFields')}
          </Text>
        ) : null}
        {profile?.status === 'published' ? <Alert color="yellow">{t('matching.form.backToReview')}</Alert> : null}
        <Section title={t('matching.form.basics')}>
          {isNew ? (
            <OwnOrganisationSelect
              label={t('matching.form.organisation')}
              description={t('matching.form.organisationHint')}
              value={values.organisationId}
              onChange={(id) => set('organisationId', id)}
              required
              error={errorOf('organisationId')}
            />
          ) : null}
          <Radio.Group
            label={t('matching.form.kind')}
            required
            value={values.kind ?? null}
            onChange={(kind) => set('kind', kind as ProfileFormValues['kind'])}
            error={errorOf('kind')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="xs">
              {profileKinds.map((kind) => (
                <Radio
                  key={kind}
                  value={kind}
                  label={t(`matching.kind.${kind}`)}
                  description={t(`matching.kindHint.${kind}`)}
                />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="profile-language">
              {t('matching.form.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="profile-language"
              value={values.language}
              onChange={(language) => set('language', language as ProfileFormValues['language'])}
              data={profileLanguages.map((l) => ({ value: l, label: t(`matching.language.${l}`) }))}
              w="fit-content"
            />
            <Text size="xs" c="dimmed">
              {t('matching.form.languageHint')}
            </Text>
          </Stack>
          <TextInput
            label={t('matching.form.title')}
            description={t('matching.form.titleHint')}
            required
            maxLength={200}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errorOf('title')}
          />
          <Textarea
            label={t('matching.form.summary')}
            description={t('matching.form.summaryHint')}
            required
            autosize
            minRows={5}
            maxRows={16}
            maxLength={5000}
            value={values.summary}
            onChange={(event) => set('summary', event.currentTarget.value)}
            error={errorOf('summary')}
          />
        </Section>
        <Section title={t('matching.form.concepts')} description={t('matching.form.conceptsHint')}>
          <ConceptChips
            text={`${values.title}\n${values.summary}`}
            value={values.concepts}
            fallback={profile?.concepts ?? []}
            onChange={(concepts) => set('concepts', concepts)}
            error={errorOf('conceptKeys')}
          />
        </Section>
        <Section title={t('matching.detail.sought')} description={t('matching.form.soughtHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <MultiSelect
              label={t('matching.detail.soughtTypes')}
              placeholder={values.soughtTypes.length === 0 ? t('matching.detail.any') : undefined}
              data={organisationTypes.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
              value={values.soughtTypes}
              onChange={(types) => set('soughtTypes', types as ProfileFormValues['soughtTypes'])}
              error={errorOf('soughtTypes')}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label={t('matching.detail.soughtSizes')}
              placeholder={values.soughtSizes.length === 0 ? t('matching.detail.any') : undefined}
              data={sizeClasses.map((size) => ({ value: size, label: t(`sizeClass.${size}`) }))}
              value={values.soughtSizes}
              onChange={(sizes) => set('soughtSizes', sizes as ProfileFormValues['soughtSizes'])}
              error={errorOf('soughtSizes')}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <CountryMultiSelect
              label={t('matching.detail.soughtCountries')}
              placeholder={t('matching.detail.any')}
              value={values.soughtCountries}
              onChange={(countries) => set('soughtCountries', countries)}
              error={errorOf('soughtCountries')}
            />
            <RegionMultiSelect
              label={t('matching.detail.soughtRegions')}
              value={values.soughtRegionIds}
              known={(profile?.soughtRegions ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
              onChange={(ids) => set('soughtRegionIds', ids)}
              error={errorOf('soughtRegionIds')}
            />
            <Select
              label={t('matching.detail.stage')}
              data={developmentStages.map((stage) => ({ value: stage, label: t(`matching.stage.${stage}`) }))}
              value={values.stage}
              onChange={(stage) => set('stage', (stage as ProfileFormValues['stage'] | null) ?? 'not_applicable')}
              allowDeselect={false}
              error={errorOf('stage')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('matching.form.timing')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('matching.detail.deadline')}
              description={t('matching.form.deadlineHint')}
              type="date"
              value={values.deadline}
              onChange={(event) => set('deadline', event.currentTarget.value)}
              error={errorOf('deadline')}
            />
            <TextInput
              label={t('matching.detail.expiresOn')}
              description={t('matching.form.expiresOnHint')}
              type="date"
              value={values.expiresOn}
              onChange={(event) => set('expiresOn', event.currentTarget.value)}
              error={errorOf('expiresOn')}
            />
          </SimpleGrid>
          <AgencySelect
            value={values.agencyOrganisationId}
            known={profile?.agency ?? null}
            onChange={(id) => set('agencyOrganisationId', id)}
            error={errorOf('agencyOrganisationId')}
          />
          <Radio.Group
            label={t('matching.detail.visibility')}
            value={values.visibility}
            onChange={(visibility) => set('visibility', visibility as ProfileFormValues['visibility'])}
            error={errorOf('visibility')}
          >
            <Stack gap="sm" mt="xs">
              {profileVisibilities.map((v) => (
                <Radio
                  key={v}
                  value={v}
                  label={t(`matching.visibility.${v}`)}
                  description={t(`matching.visibility.${v}Explained`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Section>
        <FormActions
          submitLabel={isNew ? t('matching.form.create') : t('common.save')}
          isPending={mutation.isPending}
          onCancel={cancel}
        />
      </Stack>
    </form>
  );
}

function NewProfile({ organisationId }: { organisationId?: number }) {
  const { t } = useTranslation();
  const me = useMe().data;
  usePageTitle(t('matching.form.createTitle'));
  if (!speaksForSome(me)) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink to="/matching" size="sm">
            {t('matching.title')}
          </AnchorLink>
        }
        current={t('matching.form.createTitle')}
      />
      <Stack gap={4} maw={820}>
        <Title order={1}>{t('matching.form.createTitle')}</Title>
        <Text c="dimmed">{t('matching.form.intro')}</Text>
      </Stack>
      <ProfileForm organisationId={organisationId} />
    </Stack>
  );
}

function EditProfile({ profileId }: { profileId: number }) {
  const { t } = useTranslation();
  const profile = useProfile(profileId);
  usePageTitle(t('matching.form.editTitle'));
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data.allowedActions.includes('edit')) return <ForbiddenState />;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs
        parent={
          <AnchorLink
            to="/matching/profiles/$profileId"
            params={{ profileId: String(profileId) }}
            size="sm"
            lineClamp={1}
            maw={{ base: 200, sm: 480 }}
          >
            {profile.data.title}
          </AnchorLink>
        }
        current={t('matching.form.editTitle')}
      />
      <Title order={1}>{t('matching.form.editTitle')}</Title>
      {/* Not keyed by version: the save itself bumps it, and a remount would drop the navigation after it. */}
      <ProfileForm key={profile.data.id} profile={profile.data} />
    </Stack>
  );
}

/** "Profil anlegen": a cooperation profile of an organisation the person speaks for. */
export function ProfileNewPage() {
  const { organisationId } = newRoute.useSearch();
  return (
    <RequireSignIn>
      <NewProfile organisationId={organisationId} />
    </RequireSignIn>
  );
}

/** "Profil bearbeiten" for those who speak for the profile's organisation. */
export function ProfileEditPage() {
  const { profileId } = editRoute.useParams();
  const id = parseRouteId(profileId);
  if (id === undefined) return <NotFoundState />;
  return (
    <RequireSignIn>
      <EditProfile profileId={id} />
    </RequireSignIn>
  );
}
