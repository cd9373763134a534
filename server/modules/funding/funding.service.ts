import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { FundingKind, FundingSource } from '../../../contracts/portfolio';
import { chunks } from '../../db/batch';
import type { Db } from '../../db/client';
import { projects } from '../../db/schema';
import { fundingLines } from './funding.table';

export type FundingLineDraft = {
  source: FundingSource;
  kind: FundingKind;
  amountCents: number;
  year?: number | null;
  note?: string | null;
  provenance: Provenance;
};

/**
 * The headline amount of a set of lines: what was committed, or — before any commitment —
 * what is planned. Disbursements are progress against commitments and are not added on top.
 */
export function headlineAmount(lines: Pick<FundingLineDraft, 'kind' | 'amountCents'>[]): number {
  const sum = (kind: FundingKind) => lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amountCents, 0);
  const committed = sum('committed');
  return committed !== 0 ? committed : sum('planned');
}

/** Inserts funding lines for already created projects. */
export async function insertFundingLines(
  tx: Db,
  lines: (FundingLineDraft & {
    projectId: number;
    /** The project's programme, field of action and visibility, copied so the totals trigger needs no lookup. */
    programmeId?: number;
    fieldOfActionId?: number | null;
    projectVisibility?: 'public' | 'internal' | 'restricted';
  })[],
): Promise<void> {
  for (const part of chunks(lines)) {
    await tx.insert(fundingLines).values(part.map((l) => ({ ...l, year: l.year ?? null, note: l.note ?? null })));
  }
}

/** A programme's money summed by source, kind and year, over the projects the filter admits. */
export async function programmeMoney(db: Db, programmeId: number, projectFilter: SQL) {
  return db
    .select({
      source: fundingLines.source,
      kind: fundingLines.kind,
      year: fundingLines.year,
      amountCents: sql<number>`sum(${fundingLines.amountCents})`.mapWith(Number),
    })
    .from(fundingLines)
    .innerJoin(projects, eq(projects.id, fundingLines.projectId))
    .where(and(eq(projects.programmeId, programmeId), projectFilter))
    .groupBy(fundingLines.source, fundingLines.kind, fundingLines.year)
    .orderBy(asc(fundingLines.year), asc(fundingLines.source), asc(fundingLines.kind));
}

/** The funding lines of one project. */
export async function listProjectFundingLines(db: Db, projectId: number) {
  return db
    .select({
      id: fundingLines.id,
      source: fundingLines.source,
      kind: fundingLines.kind,
      amountCents: fundingLines.amountCents,
      currency: fundingLines.currency,
      year: fundingLines.year,
      note: fundingLines.note,
      provenance: fundingLines.provenance,
    })
    .from(fundingLines)
    .where(eq(fundingLines.projectId, projectId))
    .orderBy(asc(fundingLines.year), asc(fundingLines.id));
}
