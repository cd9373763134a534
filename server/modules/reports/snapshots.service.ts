import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type {
  FreezeReport,
  ProgressReport,
  ReportComparison,
  ReportSnapshot,
  ReportSnapshotDetail,
} from '../../../contracts/reports';
import type { Db } from '../../db/client';
import { programmes, users } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { recordAudit } from '../audit';
import { findVisibleProgramme } from '../programmes';
import { diffReports } from './report-diff';
import { formatDateDe } from './report-format';
import { canFreezeReport, readableReportLevels } from './reports.policy';
import { getProgrammeReport } from './reports.service';
import { reportSnapshots } from './reports.table';
import { readableSnapshotsSql, snapshotColumns, toSnapshot } from './snapshot-query';

/** JSON with every object's keys sorted: the same report always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** SHA-256 (hex) of a report's canonical JSON, stored with its snapshot. */
export function reportSha256(report: ProgressReport): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}

/**
 * Freezes the programme's report as of a date: an immutable snapshot with the next version of
 * the programme, its SHA-256 and who froze it. Programme office and admins only.
 */
export async function freezeReport(
  db: Db,
  actor: Actor,
  programmeId: number,
  input: FreezeReport,
): Promise<ReportSnapshotDetail> {
  const programme = await findVisibleProgramme(db, actor, programmeId);
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canFreezeReport(actor, programmeId)) {
    throw new AppError('forbidden', 'Berichte einfrieren darf nur das Programmbüro dieses Programms.');
  }
  const id = await db.transaction(async (tx) => {
    // One freeze at a time per programme, so versions count up without gaps or clashes.
    await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId)).for('update');
    const report = await getProgrammeReport(tx, actor, programmeId, input.asOf);
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${reportSnapshots.version}), 0)`.mapWith(Number) })
      .from(reportSnapshots)
      .where(eq(reportSnapshots.programmeId, programmeId));
    const [row] = await tx
      .insert(reportSnapshots)
      .values({
        programmeId,
        version: (last?.version ?? 0) + 1,
        asOf: input.asOf,
        title: input.title ?? `Fortschrittsbericht ${programme.name} zum ${formatDateDe(input.asOf)}`,
        note: input.note ?? null,
        data: report,
        sha256: reportSha256(report),
        frozenBy: actor.userId > 0 ? actor.userId : null,
      })
      .returning();
    if (!row) throw new AppError('internal', 'Der Bericht konnte nicht eingefroren werden.');
    const { data: _data, ...meta } = row;
    await recordAudit(tx, actor, { action: 'freeze', entityType: 'report_snapshot', entityId: row.id, after: meta });
    return row.id;
  });
  return getReportSnapshot(db, actor, id);
}

/** One frozen report with its data; not_found when it or its programme is hidden from the actor. */
export async function getReportSnapshot(db: Db, actor: Actor, id: number): Promise<ReportSnapshotDetail> {
  const [row] = await db
    .select({ ...snapshotColumns, data: reportSnapshots.data })
    .from(reportSnapshots)
    .leftJoin(users, eq(users.id, reportSnapshots.frozenBy))
    .where(eq(reportSnapshots.id, id));
  const notFound = new AppError('not_found', `Bericht ${id} wurde nicht gefunden.`);
  if (!row) throw notFound;
  await findVisibleProgramme(db, actor, row.programmeId).catch(() => {
    throw notFound;
  });
  if (!readableReportLevels(actor, row.programmeId).includes(row.visibility)) throw notFound;
  return { ...toSnapshot(row), data: row.data as ProgressReport };
}

/** The frozen reports of a programme the actor may read, newest version first. */
export async function listReportSnapshots(
  db: Db,
  actor: Actor,
  programmeId: number,
): Promise<{ items: ReportSnapshot[]; total: number }> {
  await findVisibleProgramme(db, actor, programmeId);
  const rows = await db
    .select(snapshotColumns)
    .from(reportSnapshots)
    .leftJoin(users, eq(users.id, reportSnapshots.frozenBy))
    .where(readableSnapshotsSql(actor, programmeId))
    .orderBy(desc(reportSnapshots.version));
  return { items: rows.map(toSnapshot), total: rows.length };
}

/** What changed from one frozen report to another of the same programme. */
export async function compareReportSnapshots(
  db: Db,
  actor: Actor,
  id: number,
  otherId: number,
): Promise<ReportComparison> {
  const [from, to] = await Promise.all([getReportSnapshot(db, actor, id), getReportSnapshot(db, actor, otherId)]);
  if (from.programmeId !== to.programmeId) {
    throw new AppError('validation_failed', 'Nur Berichte desselben Programms lassen sich vergleichen.', {
      fields: [{ field: 'params.otherId', reason: 'anderes Programm' }],
    });
  }
  const { data: fromData, ...fromMeta } = from;
  const { data: toData, ...toMeta } = to;
  return { from: fromMeta, to: toMeta, diff: diffReports(fromData, toData) };
}
