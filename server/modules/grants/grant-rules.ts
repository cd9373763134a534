import type { CreateGrant, FundingLineInput, ProgrammeSummary } from '../../../contracts/funding';
import type { FundingKind, FundingSource } from '../../../contracts/portfolio';
import { formatEuroExactDe } from '../funding';

export type FieldProblem = { field: string; reason: string };
type Line = Pick<FundingLineInput, 'source' | 'kind' | 'amountCents'> & Partial<FundingLineInput>;

const yearOf = (date: string | null | undefined) => (date ? Number(date.slice(0, 4)) : null);

export const euSources: readonly FundingSource[] = ['eu_erdf', 'eu_esf', 'eu_jtf', 'eu_horizon', 'eu_other'];
export const nationalPublicSources: readonly FundingSource[] = ['federal', 'state', 'municipal'];
/** Public money whose split between EU and national is not published. */
export const mixedPublicSources: readonly FundingSource[] = ['erdf_programme', 'mixed'];

/**
 * What is wrong with a grant, field by field: one lead, partners once each, shares adding up to
 * the amount, a consistent period, lines for partners of the grant within its years, and never
 * more disbursed than committed to a partner without a reason.
 */
export function grantProblems(
  g: Pick<CreateGrant, 'amountCents' | 'decidedOn' | 'periodStart' | 'periodEnd' | 'partners' | 'lines'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const leads = g.partners.filter((p) => p.role === 'lead').length;
  if (leads !== 1) problems.push({ field: 'partners', reason: `Genau ein Lead-Partner nötig, angegeben: ${leads}` });
  const seen = new Set<number>();
  g.partners.forEach((p, i) => {
    if (seen.has(p.organisationId)) {
      problems.push({ field: `partners.${i}.organisationId`, reason: 'Organisation ist bereits Partner' });
    }
    seen.add(p.organisationId);
  });
  const shares = g.partners.reduce((sum, p) => sum + p.shareCents, 0);
  if (shares !== g.amountCents) {
    problems.push({
      field: 'partners',
      reason: `Die Anteile ergeben ${formatEuroExactDe(shares)}, bewilligt sind ${formatEuroExactDe(g.amountCents)}`,
    });
  }
  if (g.periodStart && g.periodEnd && g.periodStart > g.periodEnd) {
    problems.push({ field: 'periodEnd', reason: 'Ende liegt vor dem Beginn' });
  }
  if (g.decidedOn && g.periodEnd && g.decidedOn > g.periodEnd) {
    problems.push({ field: 'decidedOn', reason: 'Bewilligung liegt nach dem Ende des Zeitraums' });
  }
  const [from, until] = [yearOf(g.periodStart), yearOf(g.periodEnd)];
  g.lines.forEach((l, i) => {
    if (l.organisationId != null && !seen.has(l.organisationId)) {
      problems.push({ field: `lines.${i}.organisationId`, reason: 'Organisation ist kein Partner der Förderung' });
    }
    if (l.year != null && ((from !== null && l.year < from) || (until !== null && l.year > until))) {
      problems.push({
        field: `lines.${i}.year`,
        reason: `Jahr liegt außerhalb des Förderzeitraums (${from ?? '…'}–${until ?? '…'})`,
      });
    }
  });
  for (const overrun of overruns(g.lines)) {
    if (!overrun.hasReason) {
      problems.push({
        field: `lines.${overrun.lastDisbursed}.amountCents`,
        reason: `Ausgezahlt ${formatEuroExactDe(overrun.disbursed)} übersteigt die Zusage ${formatEuroExactDe(overrun.committed)}; Begründung (overrunReason) nötig`,
      });
    }
  }
  return problems;
}

/** Partners (by organisation; null = the grant as a whole) with more disbursed than committed. */
export function overruns(lines: Line[]) {
  const by = new Map<
    number | null,
    { committed: number; disbursed: number; lastDisbursed: number; hasReason: boolean }
  >();
  lines.forEach((l, i) => {
    const key = l.organisationId ?? null;
    const s = by.get(key) ?? { committed: 0, disbursed: 0, lastDisbursed: -1, hasReason: false };
    if (l.kind === 'committed') s.committed += l.amountCents;
    if (l.kind === 'disbursed') {
      s.disbursed += l.amountCents;
      s.lastDisbursed = i;
      if (l.overrunReason) s.hasReason = true;
    }
    by.set(key, s);
  });
  return [...by.entries()]
    .filter(([, s]) => s.disbursed > s.committed)
    .map(([organisationId, s]) => ({ organisationId, ...s }));
}

/** The co-financing of money: shares of EU, national public, mixed public, own and other money. */
export function coFinancing(lines: Pick<Line, 'source' | 'kind' | 'amountCents'>[]): ProgrammeSummary['coFinancing'] {
  const sum = (kind: FundingKind, sources?: readonly FundingSource[]) =>
    lines
      .filter((l) => l.kind === kind && (!sources || sources.includes(l.source)))
      .reduce((s, l) => s + l.amountCents, 0);
  const basis: FundingKind | null = sum('committed') !== 0 ? 'committed' : sum('planned') !== 0 ? 'planned' : null;
  if (basis === null) {
    return {
      basis,
      totalCents: 0,
      euCents: 0,
      nationalPublicCents: 0,
      mixedPublicCents: 0,
      ownCents: 0,
      otherCents: 0,
      euRate: null,
      publicRate: null,
    };
  }
  const total = sum(basis);
  const eu = sum(basis, euSources);
  const national = sum(basis, nationalPublicSources);
  const mixed = sum(basis, mixedPublicSources);
  const own = sum(basis, ['own']);
  return {
    basis,
    totalCents: total,
    euCents: eu,
    nationalPublicCents: national,
    mixedPublicCents: mixed,
    ownCents: own,
    otherCents: total - eu - national - mixed - own,
    euRate: total !== 0 ? eu / total : null,
    publicRate: total !== 0 ? (eu + national + mixed) / total : null,
  };
}
