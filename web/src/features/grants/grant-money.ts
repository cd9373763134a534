import type { FundingLineInput, GrantDetail } from '../../../../contracts/funding';
import type { FundingKind } from '../../../../contracts/portfolio';

/**
 * Cents from a euro input: a number from a NumberInput (1234.5) or German text ("1.234,50",
 * "1234,5 €"); null for anything empty, negative or with more than two decimals.
 */
export function eurosToCents(value: number | string): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const cents = Math.round(value * 100);
    return Math.abs(cents - value * 100) < 1e-6 ? cents : null;
  }
  const text = value.replace(/[€\s]/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(text)) return null;
  const [whole = '0', fraction = ''] = text.replace(/\./g, '').split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A share of a whole as a fraction (0…1); null when there is no whole. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export type ShareCheck = {
  sumCents: number;
  /** Positive: shares still to distribute; negative: shares over the amount. */
  remainingCents: number;
  isBalanced: boolean;
};

/** How the partners' shares compare with the grant's amount — the live sum under the partner rows. */
export function checkShares(amountCents: number | null, shares: (number | null)[]): ShareCheck {
  const sumCents = shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  const remainingCents = (amountCents ?? 0) - sumCents;
  return { sumCents, remainingCents, isBalanced: amountCents !== null && amountCents > 0 && remainingCents === 0 };
}

type MoneyLine = { organisationId?: number | null; kind: FundingKind; amountCents: number };

/** Committed and disbursed money per partner (null: the grant as a whole), as the server counts it. */
export function committedAndDisbursed(
  lines: MoneyLine[],
): Map<number | null, { committed: number; disbursed: number }> {
  const by = new Map<number | null, { committed: number; disbursed: number }>();
  for (const line of lines) {
    const key = line.organisationId ?? null;
    const sums = by.get(key) ?? { committed: 0, disbursed: 0 };
    if (line.kind === 'committed') sums.committed += line.amountCents;
    if (line.kind === 'disbursed') sums.disbursed += line.amountCents;
    by.set(key, sums);
  }
  return by;
}

/**
 * Indexes of the new lines that pay out more than is committed to their partner (counting the
 * grant's existing lines too): the server refuses these without a reason for the overrun.
 */
export function overrunLineIndexes(existing: MoneyLine[], added: MoneyLine[]): Set<number> {
  const sums = committedAndDisbursed([...existing, ...added]);
  const indexes = new Set<number>();
  added.forEach((line, index) => {
    const partner = sums.get(line.organisationId ?? null);
    if (line.kind === 'disbursed' && partner && partner.disbursed > partner.committed) indexes.add(index);
  });
  return indexes;
}

/** The grant's existing lines in the shape the overrun check reads. */
export function existingMoneyLines(grant: Pick<GrantDetail, 'lines'>): MoneyLine[] {
  return grant.lines.map((line) => ({
    organisationId: line.organisation?.id ?? null,
    kind: line.kind,
    amountCents: line.amountCents,
  }));
}

type Line = GrantDetail['lines'][number];
export type YearGroup = { year: number | null; lines: Line[]; sums: Partial<Record<FundingKind, number>> };

/** Funding lines grouped by year (years in order, lines without a year last), with a sum per kind. */
export function linesByYear(lines: Line[]): YearGroup[] {
  const groups = new Map<number | null, YearGroup>();
  for (const line of lines) {
    const group = groups.get(line.year) ?? { year: line.year, lines: [], sums: {} };
    group.lines.push(line);
    group.sums[line.kind] = (group.sums[line.kind] ?? 0) + line.amountCents;
    groups.set(line.year, group);
  }
  return [...groups.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

export type CoFinancing = GrantDetail['coFinancing'];
export const coFinancingParts = ['eu', 'nationalPublic', 'mixedPublic', 'own', 'other'] as const;
export type CoFinancingPart = (typeof coFinancingParts)[number];

/** The co-financing's parts with money, each with its share of the total (0…1). */
export function coFinancingShares(co: CoFinancing): { part: CoFinancingPart; cents: number; share: number }[] {
  if (co.totalCents <= 0) return [];
  const cents: Record<CoFinancingPart, number> = {
    eu: co.euCents,
    nationalPublic: co.nationalPublicCents,
    mixedPublic: co.mixedPublicCents,
    own: co.ownCents,
    other: co.otherCents,
  };
  return coFinancingParts
    .filter((part) => cents[part] !== 0)
    .map((part) => ({ part, cents: cents[part], share: cents[part] / co.totalCents }));
}

/** A funding line as the API takes it, from a form row; empty inputs become null. */
export function lineInput(row: {
  organisationId: number | null;
  source: FundingLineInput['source'];
  kind: FundingKind;
  amountCents: number;
  year: number | null;
  note: string;
  overrunReason: string;
}): FundingLineInput {
  return {
    organisationId: row.organisationId,
    source: row.source,
    kind: row.kind,
    amountCents: row.amountCents,
    year: row.year,
    note: row.note.trim() || null,
    overrunReason: row.overrunReason.trim() || null,
  };
}
