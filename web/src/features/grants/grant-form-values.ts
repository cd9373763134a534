import type { Visibility } from '../../../../contracts/accounts';
import type { CreateGrant } from '../../../../contracts/funding';
import type { FundingKind, FundingSource, ProjectDetail } from '../../../../contracts/portfolio';
import { checkShares, eurosToCents, lineInput, overrunLineIndexes } from './grant-money';

export type PartnerRow = {
  key: string;
  organisationId: number | undefined;
  role: 'lead' | 'partner';
  share: number | string;
};
export type LineRow = {
  key: string;
  organisationId: number | null;
  source: FundingSource;
  kind: FundingKind;
  amount: number | string;
  year: string;
  note: string;
  overrunReason: string;
};

export type GrantFormValues = {
  title: string;
  reference: string;
  purpose: string;
  funderName: string;
  funderOrganisationId: number | undefined;
  amount: number | string;
  decidedOn: string;
  periodStart: string;
  periodEnd: string;
  visibility: Visibility;
  partners: PartnerRow[];
  lines: LineRow[];
};

let nextKey = 0;
/** A React key for a new row. */
export const rowKey = () => `row-${++nextKey}`;

/** A new line: committed state money for the whole grant in the project's first year. */
export function newLine(year: string): LineRow {
  return {
    key: rowKey(),
    organisationId: null,
    source: 'state',
    kind: 'committed',
    amount: '',
    year,
    note: '',
    overrunReason: '',
  };
}

/** The form's start: the project's title, period and organisations (its lead as the grant's lead). */
export function initialGrantValues(project: ProjectDetail): GrantFormValues {
  const organisations = [...project.organisations].sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
  const partners: PartnerRow[] = organisations.map((o, i) => ({
    key: rowKey(),
    organisationId: o.id,
    role: i === 0 ? 'lead' : 'partner',
    share: '',
  }));
  return {
    title: project.title,
    reference: '',
    purpose: '',
    funderName: '',
    funderOrganisationId: undefined,
    amount: '',
    decidedOn: '',
    periodStart: project.startDate ?? '',
    periodEnd: project.endDate ?? '',
    visibility: project.visibility,
    partners: partners.length > 0 ? partners : [{ key: rowKey(), organisationId: undefined, role: 'lead', share: '' }],
    lines: [],
  };
}

const yearOf = (value: string) => (/^\d{4}$/.test(value.trim()) ? Number(value.trim()) : null);

/** Problem keys (translated by the form) per field, named like the API's fields ("partners.0.organisationId"). */
export type GrantFormProblems = Record<string, string>;

/** What the form itself can tell before sending: missing fields, shares that don't add up, overruns without a reason. */
export function grantFormProblems(values: GrantFormValues): GrantFormProblems {
  const problems: GrantFormProblems = {};
  const amountCents = eurosToCents(values.amount);
  if (!values.title.trim()) problems.title = 'grantForm.titleMissing';
  if (!values.funderName.trim()) problems.funderName = 'grantForm.funderMissing';
  if (amountCents === null || amountCents <= 0) problems.amountCents = 'grantForm.amountMissing';
  if (values.periodStart && values.periodEnd && values.periodEnd < values.periodStart)
    problems.periodEnd = 'form.endBeforeStart';
  const leads = values.partners.filter((p) => p.role === 'lead').length;
  if (leads !== 1) problems.partners = 'grantForm.oneLead';
  const seen = new Set<number>();
  values.partners.forEach((p, i) => {
    if (p.organisationId === undefined) problems[`partners.${i}.organisationId`] = 'grantForm.partnerMissing';
    else if (seen.has(p.organisationId)) problems[`partners.${i}.organisationId`] = 'grantForm.partnerTwice';
    else seen.add(p.organisationId);
    const share = eurosToCents(p.share);
    if (share === null) problems[`partners.${i}.shareCents`] = 'grantForm.shareMissing';
  });
  if (!problems.partners && amountCents !== null && amountCents > 0) {
    const shares = checkShares(
      amountCents,
      values.partners.map((p) => eurosToCents(p.share)),
    );
    if (!shares.isBalanced) problems.partners = 'grantForm.sharesDontAddUp';
  }
  values.lines.forEach((line, i) => {
    const cents = eurosToCents(line.amount);
    if (cents === null || cents <= 0) problems[`lines.${i}.amountCents`] = 'grantForm.amountMissing';
    if (line.year && yearOf(line.year) === null) problems[`lines.${i}.year`] = 'recordLines.yearInvalid';
    if (line.organisationId !== null && !seen.has(line.organisationId))
      problems[`lines.${i}.organisationId`] = 'grantForm.lineNotPartner';
  });
  for (const i of lineOverruns(values)) {
    if ((values.lines[i]?.overrunReason.trim().length ?? 0) < 3)
      problems[`lines.${i}.overrunReason`] = 'recordLines.overrunReasonMissing';
  }
  return problems;
}

/** Indexes of the lines paying out more than is committed to their partner. */
export function lineOverruns(values: Pick<GrantFormValues, 'lines'>): Set<number> {
  return overrunLineIndexes(
    [],
    values.lines.map((l) => ({
      organisationId: l.organisationId,
      kind: l.kind,
      amountCents: eurosToCents(l.amount) ?? 0,
    })),
  );
}

/** The API's CreateGrant from checked form values: empty inputs are null, euros are cents. */
export function toCreateGrant(projectId: number, values: GrantFormValues): CreateGrant {
  const overruns = lineOverruns(values);
  const text = (value: string) => value.trim() || null;
  return {
    projectId,
    title: values.title.trim(),
    reference: text(values.reference),
    purpose: text(values.purpose),
    funderName: values.funderName.trim(),
    funderOrganisationId: values.funderOrganisationId ?? null,
    amountCents: eurosToCents(values.amount) ?? 0,
    decidedOn: values.decidedOn || null,
    periodStart: values.periodStart || null,
    periodEnd: values.periodEnd || null,
    visibility: values.visibility,
    partners: values.partners.map((p) => ({
      organisationId: p.organisationId ?? 0,
      role: p.role,
      shareCents: eurosToCents(p.share) ?? 0,
    })),
    lines: values.lines.map((l, i) =>
      lineInput({
        organisationId: l.organisationId,
        source: l.source,
        kind: l.kind,
        amountCents: eurosToCents(l.amount) ?? 0,
        year: yearOf(l.year),
        note: l.note,
        overrunReason: overruns.has(i) ? l.overrunReason : '',
      }),
    ),
  };
}
