import type { ProfileKind, ProfileLanguage } from '../../../../contracts/matching';
import type { sizeClasses } from '../../../../contracts/organisations';
import type { OrganisationType } from '../../../../contracts/portfolio';
import type { CreateProfile, ProfileDetail, UpdateProfile } from '../../../../contracts/profiles';
import type { ConceptChoice } from './concept-chips';

type SizeClass = (typeof sizeClasses)[number];
type Stage = ProfileDetail['stage'];
type ProfileVisibility = ProfileDetail['visibility'];

export type ProfileFormValues = {
  organisationId: number | undefined;
  kind: ProfileKind | undefined;
  language: ProfileLanguage;
  title: string;
  summary: string;
  concepts: ConceptChoice;
  soughtTypes: OrganisationType[];
  soughtSizes: SizeClass[];
  soughtCountries: string[];
  soughtRegionIds: number[];
  stage: Stage;
  deadline: string;
  expiresOn: string;
  visibility: ProfileVisibility;
  /** Chosen by hand; undefined leaves it to the server (the development agency of the region). */
  agencyOrganisationId: number | undefined;
};

/** A new profile in the UI language, public, open to any partner. */
export function emptyProfileValues(organisationId: number | undefined, language: ProfileLanguage): ProfileFormValues {
  return {
    organisationId,
    kind: undefined,
    language,
    title: '',
    summary: '',
    concepts: { isEdited: false, concepts: [] },
    soughtTypes: [],
    soughtSizes: [],
    soughtCountries: [],
    soughtRegionIds: [],
    stage: 'not_applicable',
    deadline: '',
    expiresOn: '',
    visibility: 'public',
    agencyOrganisationId: undefined,
  };
}

/** The form's start for editing a profile. */
export function profileValues(profile: ProfileDetail): ProfileFormValues {
  return {
    organisationId: profile.organisation?.id,
    kind: profile.kind,
    language: profile.language,
    title: profile.title,
    summary: profile.summary,
    concepts: { isEdited: profile.conceptsEdited, concepts: profile.conceptsEdited ? profile.concepts : [] },
    soughtTypes: profile.soughtTypes,
    soughtSizes: profile.soughtSizes,
    soughtCountries: profile.soughtCountries,
    soughtRegionIds: profile.soughtRegions.map((r) => r.id),
    stage: profile.stage,
    deadline: profile.deadline ?? '',
    expiresOn: profile.expiresOn,
    visibility: profile.visibility,
    agencyOrganisationId: profile.agency?.id,
  };
}

/** Problem keys (translated by the form) per field, named like the API's fields. */
export function profileFormProblems(values: ProfileFormValues, isNew: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (isNew && values.organisationId === undefined) problems.organisationId = 'matching.form.organisationMissing';
  if (values.kind === undefined) problems.kind = 'matching.form.kindMissing';
  if (!values.title.trim()) problems.title = 'matching.form.titleMissing';
  if (!values.summary.trim()) problems.summary = 'matching.form.summaryMissing';
  return problems;
}

/** The fields shared by creating and editing. */
function profileFields(values: ProfileFormValues) {
  return {
    kind: values.kind ?? 'technology_offer',
    language: values.language,
    title: values.title.trim(),
    summary: values.summary.trim(),
    soughtTypes: values.soughtTypes,
    soughtSizes: values.soughtSizes,
    soughtCountries: values.soughtCountries,
    soughtRegionIds: values.soughtRegionIds,
    stage: values.stage,
    deadline: values.deadline || null,
    visibility: values.visibility,
  };
}

const keysOf = (choice: ConceptChoice) => choice.concepts.map((c) => c.key);

/** A new draft; the concepts go along only when the author chose them, else the server reads them from the text. */
export function toCreateProfile(values: ProfileFormValues): CreateProfile {
  return {
    organisationId: values.organisationId ?? 0,
    ...profileFields(values),
    ...(values.concepts.isEdited ? { conceptKeys: keysOf(values.concepts) } : {}),
    ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
    ...(values.agencyOrganisationId !== undefined ? { agencyOrganisationId: values.agencyOrganisationId } : {}),
  };
}

const isSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed since the profile was read, with its version. Concepts: the author's choice when it
 * differs from the saved one; null hands them back to the text.
 */
export function toUpdateProfile(values: ProfileFormValues, profile: ProfileDetail): UpdateProfile {
  const before = profileFields(profileValues(profile));
  const after = profileFields(values);
  const changes: Partial<typeof after> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (!isSame(after[key], before[key])) Object.assign(changes, { [key]: after[key] });
  }
  let conceptKeys: string[] | null | undefined;
  if (values.concepts.isEdited) {
    const keys = keysOf(values.concepts);
    if (
      !profile.conceptsEdited ||
      !isSame(
        keys,
        profile.concepts.map((c) => c.key),
      )
    )
      conceptKeys = keys;
  } else if (profile.conceptsEdited) conceptKeys = null;
  return {
    version: profile.version,
    ...changes,
    ...(conceptKeys !== undefined ? { conceptKeys } : {}),
    ...(values.expiresOn && values.expiresOn !== profile.expiresOn ? { expiresOn: values.expiresOn } : {}),
    ...(values.agencyOrganisationId !== profile.agency?.id
      ? { agencyOrganisationId: values.agencyOrganisationId ?? null }
      : {}),
  };
}
