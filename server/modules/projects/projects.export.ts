import { and, inArray } from 'drizzle-orm';
import type { ProjectStatus } from '../../../contracts/portfolio';
import { rowsInIdOrder } from '../../db/batch';
import type { Db } from '../../db/client';
import type { ExportColumn, ExportRows } from '../../http/table-export';
import type { Actor } from '../accounts';
import { type ProjectFilters, type ProjectListRow, planProjectList, selectProjectList } from './projects.service';
import { projects } from './projects.table';

/**
 * The projects of the list — same filters, same visibility, same order — at most `limit` of them,
 * read a page at a time. Only the ids of the matches are held at once.
 */
export async function exportProjects(
  db: Db,
  actor: Actor,
  query: ProjectFilters,
  limit: number,
): Promise<ExportRows<ProjectListRow>> {
  const { where, order } = await planProjectList(db, actor, query);
  const found = await db
    .select({ id: projects.id })
    .from(projects)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
  const ids = found.slice(0, limit).map((r) => r.id);
  // The filters again on every page: a project hidden or changed since the ids were read stays out.
  const rows = rowsInIdOrder(ids, (page) => selectProjectList(db).where(and(inArray(projects.id, page), where)));
  return { rows, isTruncated: found.length > limit };
}

const statusLabels: Record<ProjectStatus, string> = {
  proposed: 'Vorgeschlagen',
  under_review: 'In Prüfung',
  in_progress: 'In Umsetzung',
  completed: 'Abgeschlossen',
  stopped: 'Gestoppt',
};

/** The columns of the project list's CSV and XLSX files. */
export const projectExportColumns: ExportColumn<ProjectListRow>[] = [
  { header: 'Titel', kind: 'text', value: (p) => p.title, width: 60 },
  { header: 'Aktenzeichen / Referenz', kind: 'text', value: (p) => p.reference, width: 24 },
  { header: 'Programm', kind: 'text', value: (p) => p.programmeName },
  { header: 'Handlungsfeld', kind: 'text', value: (p) => p.fieldOfActionName },
  { header: 'Status', kind: 'text', value: (p) => (p.status ? statusLabels[p.status] : null), width: 16 },
  { header: 'Federführung', kind: 'text', value: (p) => p.leadOrganisation },
  { header: 'Region', kind: 'text', value: (p) => p.regionName, width: 24 },
  { header: 'Beginn', kind: 'date', value: (p) => p.startDate },
  { header: 'Ende', kind: 'date', value: (p) => p.endDate },
  { header: 'Fördersumme (EUR)', kind: 'money_cents', value: (p) => p.fundingTotalCents },
];
