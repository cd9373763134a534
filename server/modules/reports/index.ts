/**
 * Reports: a programme's progress report as of a date — headline figures, projects by status and
 * field of action, money by source and year, the project table, reported next to tracked figures —
 * as JSON, PDF and XLSX, and frozen as immutable, versioned snapshots that can be compared.
 */
export { reportRoutes } from './reports.routes';
export { getProgrammeReport } from './reports.service';
export { compareReportSnapshots, freezeReport, getReportSnapshot, listReportSnapshots } from './snapshots.service';
