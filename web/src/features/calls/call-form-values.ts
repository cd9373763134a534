import type { ComboboxItem } from '@mantine/core';
import type { Visibility } from '../../../../contracts/accounts';
import type { CallDetail, CreateCall, UpdateCall } from '../../../../contracts/calls';
import type { OrganisationType } from '../../../../contracts/portfolio';
import type { Language } from '../../lib/i18n';
import { eurosToCents } from '../grants/grant-money';

export type DocumentRow = { key: string; title: string; url: string };

export type CallFormValues = {
  programmeId: number | undefined;
  slug: string;
  title: string;
  description: string;
  funderName: string;
  funderOrganisationId: number | undefined;
  budget: number | string;
  opensOn: string;
  closesOn: string;
  eligibleTypes: OrganisationType[];
  eligibleRegionIds: number[];
  eligibleNace: string[];
  eligibilityNote: string;
  documents: DocumentRow[];
  visibility: Visibility;
};

let nextKey = 0;
/** A React key for a new document row. */
export const documentKey = () => `doc-${++nextKey}`;

/** "Transformation der Produktion 2026" → "transformation-der-produktion-2026" (umlauts spelled out). */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** An empty call for a programme (public, open to everyone). */
export function emptyCallValues(programmeId: number | undefined): CallFormValues {
  return {
    programmeId,
    slug: '',
    title: '',
    description: '',
    funderName: '',
    funderOrganisationId: undefined,
    budget: '',
    opensOn: '',
    closesOn: '',
    eligibleTypes: [],
    eligibleRegionIds: [],
    eligibleNace: [],
    eligibilityNote: '',
    documents: [],
    visibility: 'public',
  };
}

/** The form's start for editing a call. */
export function callValues(call: CallDetail): CallFormValues {
  return {
    programmeId: call.programme.id,
    slug: call.slug,
    title: call.title,
    description: call.description ?? '',
    funderName: call.funderName,
    funderOrganisationId: call.funderOrganisation?.id,
    budget: call.budgetCents === null ? '' : call.budgetCents / 100,
    opensOn: call.opensOn ?? '',
    closesOn: call.closesOn ?? '',
    eligibleTypes: call.eligibility.types,
    eligibleRegionIds: call.eligibility.regions.map((r) => r.id),
    eligibleNace: call.eligibility.nace.map((n) => n.code),
    eligibilityNote: call.eligibility.note ?? '',
    documents: call.documents.map((d) => ({ key: documentKey(), title: d.title, url: d.url })),
    visibility: call.visibility,
  };
}

/** Labels for the regions and NACE codes a call already names, so the pickers show them. */
export function knownEligibility(call: CallDetail | undefined, language: Language) {
  return {
    regions: (call?.eligibility.regions ?? []).map((r): ComboboxItem => ({ value: String(r.id), label: r.name })),
    nace: (call?.eligibility.nace ?? []).map(
      (n): ComboboxItem => ({ value: n.code, label: `${n.code} ${n.labels[language]}` }),
    ),
  };
}

/** Problem keys (translated by the form) per field, named like the API's fields ("documents.0.url"). */
export type CallFormProblems = Record<string, string>;

const isUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** What the form can tell before sending: missing fields, a bad slug or budget, dates the wrong way round. */
export function callFormProblems(values: CallFormValues, isNew: boolean): CallFormProblems {
  const problems: CallFormProblems = {};
  if (isNew && values.programmeId === undefined) problems.programmeId = 'callForm.programmeMissing';
  if (isNew && !/^[a-z0-9-]{2,80}$/.test(values.slug)) problems.slug = 'callForm.slugInvalid';
  if (!values.title.trim()) problems.title = 'callForm.titleMissing';
  if (!values.funderName.trim()) problems.funderName = 'callForm.funderMissing';
  if (values.budget !== '') {
    const cents = eurosToCents(values.budget);
    if (cents === null || cents <= 0) problems.budgetCents = 'callForm.budgetInvalid';
  }
  if (values.opensOn && values.closesOn && values.closesOn < values.opensOn)
    problems.closesOn = 'callForm.closesBeforeOpening';
  values.documents.forEach((d, i) => {
    if (!d.title.trim()) problems[`documents.${i}.title`] = 'callForm.documentTitleMissing';
    if (!isUrl(d.url.trim())) problems[`documents.${i}.url`] = 'callForm.documentUrlInvalid';
  });
  return problems;
}

/** The fields shared by creating and editing: empty inputs are null, euros are cents. */
function callFields(values: CallFormValues) {
  const text = (value: string) => value.trim() || null;
  return {
    title: values.title.trim(),
    description: text(values.description),
    funderName: values.funderName.trim(),
    funderOrganisationId: values.funderOrganisationId ?? null,
    budgetCents: values.budget === '' ? null : eurosToCents(values.budget),
    opensOn: values.opensOn || null,
    closesOn: values.closesOn || null,
    eligibleTypes: values.eligibleTypes,
    eligibleRegionIds: values.eligibleRegionIds,
    eligibleNace: values.eligibleNace,
    eligibilityNote: text(values.eligibilityNote),
    documents: values.documents.map((d) => ({ title: d.title.trim(), url: d.url.trim() })),
    visibility: values.visibility,
  };
}

export function toCreateCall(values: CallFormValues): CreateCall {
  return { programmeId: values.programmeId ?? 0, slug: values.slug, ...callFields(values) };
}

export function toUpdateCall(values: CallFormValues, version: number): UpdateCall {
  return { version, ...callFields(values) };
}
