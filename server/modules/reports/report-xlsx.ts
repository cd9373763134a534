import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { headlineMetrics, type ProgressReport, type ReportSnapshot } from '../../../contracts/reports';
import {
  formatDateDe,
  formatLongDateDe,
  headlineLabelsDe,
  isMoneyMetric,
  kindLabelsDe,
  qualifierLabelsDe,
  sourceLabelsDe,
  statusLabelDe,
} from './report-format';

// The report as a workbook: one sheet per section, numbers as numbers (counts `#,##0`, euros
// `#,##0.00 "€"`, dates as date cells `dd.mm.yyyy`), which Excel shows with German separators.

const COUNT = '#,##0';
const EURO = '#,##0.00 "€"';
const DATE = 'dd.mm.yyyy';

/** A cell's value; a number in a column of mixed units carries its own format. */
type Cell = string | number | Date | null | { value: number; numFmt: string };
type Column = { header: string; width: number; numFmt?: string };

const euros = (cents: number) => ({ value: cents / 100, numFmt: EURO });
const count = (value: number) => ({ value, numFmt: COUNT });
const dateCell = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

function addRow(sheet: ExcelJS.Worksheet, cells: Cell[]): ExcelJS.Row {
  const row = sheet.addRow(
    cells.map((c) => (c !== null && typeof c === 'object' && !(c instanceof Date) ? c.value : c)),
  );
  cells.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (c instanceof Date) cell.numFmt = DATE;
    else if (c !== null && typeof c === 'object') cell.numFmt = c.numFmt;
  });
  return row;
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[], rows: Cell[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const row of rows) addRow(sheet, row).commit();
  sheet.commit();
}

/** Writes the report as XLSX to the stream; resolves when the workbook is complete. */
export async function writeReportXlsx(
  out: Writable,
  report: ProgressReport,
  snapshot: ReportSnapshot | null = null,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Standort';
  workbook.title = `Fortschrittsbericht ${report.programme.name}, Stand ${formatDateDe(report.asOf)}`;

  const about: Cell[][] = [
    ['Programm', report.programme.name],
    ['Träger', report.programme.owner],
    ['Stichtag', dateCell(report.asOf)],
    ['Bericht', snapshot ? `${snapshot.title} (Version ${snapshot.version})` : 'nicht eingefroren'],
    ...(snapshot ? [['SHA-256', snapshot.sha256] as Cell[]] : []),
    [],
    ...headlineMetrics.map((metric) => [
      headlineLabelsDe[metric],
      isMoneyMetric(metric) ? euros(report.headline[metric]) : count(report.headline[metric]),
    ]),
  ];
  const overview = workbook.addWorksheet('Übersicht');
  overview.columns = [{ width: 44 }, { width: 36 }];
  const title = overview.addRow([`Fortschrittsbericht — Stand ${formatLongDateDe(report.asOf)}`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const row of about) addRow(overview, row).commit();
  overview.commit();

  addSheet(
    workbook,
    'Status',
    [
      { header: 'Status', width: 30 },
      { header: 'Projekte', width: 12, numFmt: COUNT },
    ],
    report.byStatus.map((s) => [statusLabelDe(s.status), s.count]),
  );
  addSheet(
    workbook,
    'Handlungsfelder',
    [
      { header: 'Handlungsfeld', width: 44 },
      { header: 'Projekte', width: 12, numFmt: COUNT },
      ...report.byStatus.map((s) => ({ header: statusLabelDe(s.status), width: 14, numFmt: COUNT })),
      { header: 'Mittel (EUR)', width: 18, numFmt: EURO },
    ],
    report.byFieldOfAction.map((f) => [
      f.name ?? 'Ohne Handlungsfeld',
      f.projects,
      ...report.byStatus.map((s) => f.statusCounts.find((c) => c.status === s.status)?.count ?? 0),
      f.fundingCents / 100,
    ]),
  );
  addSheet(
    workbook,
    'Mittel',
    [
      { header: 'Quelle', width: 34 },
      { header: 'Art', width: 14 },
      { header: 'Jahr', width: 8 },
      { header: 'Betrag (EUR)', width: 20, numFmt: EURO },
    ],
    report.money.map((m) => [sourceLabelsDe[m.source], kindLabelsDe[m.kind], m.year, m.amountCents / 100]),
  );
  addSheet(
    workbook,
    'Projekte',
    [
      { header: 'Titel', width: 60 },
      { header: 'Referenz', width: 18 },
      { header: 'Handlungsfeld', width: 34 },
      { header: 'Status am Stichtag', width: 22 },
      { header: 'Status seit', width: 12, numFmt: DATE },
      { header: 'Partnerprojekt', width: 10 },
      { header: 'Federführung', width: 36 },
      { header: 'Region', width: 20 },
      { header: 'Beginn', width: 12, numFmt: DATE },
      { header: 'Ende', width: 12, numFmt: DATE },
      { header: 'Mittel (EUR)', width: 18, numFmt: EURO },
      { header: 'Ausgezahlt (EUR)', width: 18, numFmt: EURO },
    ],
    report.projects.map((p) => [
      p.title,
      p.reference,
      p.fieldOfAction,
      statusLabelDe(p.status),
      dateCell(p.statusSince),
      p.isPartnerProject ? 'ja' : 'nein',
      p.leadOrganisation,
      p.region,
      dateCell(p.startDate),
      dateCell(p.endDate),
      p.fundingCents / 100,
      p.disbursedCents / 100,
    ]),
  );
  addSheet(
    workbook,
    'Gemeldete Zahlen',
    [
      { header: 'Kennzahl', width: 60 },
      { header: 'Angabe', width: 10 },
      { header: 'Gemeldet', width: 20 },
      { header: 'Erfasst', width: 20 },
      { header: 'Differenz', width: 20 },
      { header: 'Einheit', width: 8 },
      { header: 'Veröffentlicht', width: 14, numFmt: DATE },
    ],
    report.reportedFigures.map((f) => {
      const value = (n: number | null) => (n === null ? null : f.unit === 'eur_cents' ? euros(n) : count(n));
      return [
        f.label,
        qualifierLabelsDe[f.qualifier].trim() || 'genau',
        value(f.value),
        value(f.tracked),
        value(f.difference),
        f.unit === 'eur_cents' ? 'EUR' : 'Anzahl',
        dateCell(f.publishedOn),
      ];
    }),
  );

  const diff = report.changes?.diff;
  addSheet(
    workbook,
    'Änderungen',
    [
      { header: 'Art', width: 22 },
      { header: 'Gegenstand', width: 56 },
      { header: 'Vorher', width: 22 },
      { header: 'Jetzt', width: 22 },
      { header: 'Differenz', width: 20 },
    ],
    diff
      ? [
          ...diff.headline.map((h) => {
            const v = (n: number) => (isMoneyMetric(h.metric) ? euros(n) : count(n));
            return ['Kennzahl', headlineLabelsDe[h.metric], v(h.previous), v(h.current), v(h.difference)];
          }),
          ...diff.statusChanges.map((c) => ['Status', c.title, statusLabelDe(c.from), statusLabelDe(c.to), null]),
          ...diff.newProjects.map((p) => ['Neues Projekt', p.title, null, statusLabelDe(p.status), null]),
          ...diff.removedProjects.map((p) => ['Nicht mehr enthalten', p.title, null, null, null]),
          ...diff.money.map((m) => [
            'Mittel',
            `${sourceLabelsDe[m.source]}, ${kindLabelsDe[m.kind]}`,
            euros(m.previousCents),
            euros(m.currentCents),
            euros(m.differenceCents),
          ]),
        ]
      : [['Kein eingefrorener Bericht bis zum Stichtag', null, null, null, null]],
  );
  await workbook.commit();
}
