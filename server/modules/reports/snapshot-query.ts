import { and, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Visibility } from '../../../contracts/accounts';
import type { ProgressReport, ReportSnapshot } from '../../../contracts/reports';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../accounts';
import { readableReportLevels } from './reports.policy';
import { reportSnapshots } from './reports.table';

export const snapshotVisibility = sql<Visibility>`${reportSnapshots.data}->>'visibility'`;

export const snapshotColumns = {
  id: reportSnapshots.id,
  programmeId: reportSnapshots.programmeId,
  version: reportSnapshots.version,
  asOf: reportSnapshots.asOf,
  title: reportSnapshots.title,
  note: reportSnapshots.note,
  sha256: reportSnapshots.sha256,
  visibility: snapshotVisibility,
  frozenAt: reportSnapshots.frozenAt,
  frozenById: reportSnapshots.frozenBy,
  frozenByName: users.name,
};

type SnapshotRow = {
  id: number;
  programmeId: number;
  version: number;
  asOf: string;
  title: string;
  note: string | null;
  sha256: string;
  visibility: Visibility;
  frozenAt: Date;
  frozenById: number | null;
  frozenByName: string | null;
};

/** A snapshot row as the API shows it (without its data). */
export function toSnapshot(row: SnapshotRow): ReportSnapshot {
  return {
    id: row.id,
    programmeId: row.programmeId,
    version: row.version,
    asOf: row.asOf,
    title: row.title,
    note: row.note,
    sha256: row.sha256,
    visibility: row.visibility,
    frozenAt: new Date(row.frozenAt).toISOString(),
    frozenBy: row.frozenById !== null ? { id: row.frozenById, name: row.frozenByName ?? '' } : null,
  };
}

/** Snapshots of one programme the actor may read (its programme's visibility is checked by the caller). */
export function readableSnapshotsSql(actor: Actor, programmeId: number): SQL | undefined {
  return and(
    eq(reportSnapshots.programmeId, programmeId),
    inArray(snapshotVisibility, readableReportLevels(actor, programmeId)),
  );
}

/** The latest frozen report of a programme as of the date or earlier that the actor may read. */
export async function latestReadableSnapshotBefore(
  db: Db,
  actor: Actor,
  programmeId: number,
  asOf: string,
): Promise<(ReportSnapshot & { data: ProgressReport }) | null> {
  const [row] = await db
    .select({ ...snapshotColumns, data: reportSnapshots.data })
    .from(reportSnapshots)
    .leftJoin(users, eq(users.id, reportSnapshots.frozenBy))
    .where(and(readableSnapshotsSql(actor, programmeId), lte(reportSnapshots.asOf, asOf)))
    .orderBy(desc(reportSnapshots.asOf), desc(reportSnapshots.version))
    .limit(1);
  return row ? { ...toSnapshot(row), data: row.data as ProgressReport } : null;
}
