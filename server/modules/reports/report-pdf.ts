import { setImmediate as nextTick } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import type { ProjectStatus } from '../../../contracts/portfolio';
import type { ProgressReport, ReportSnapshot } from '../../../contracts/reports';
import { headlineCards, sourceChart, statusChart, yearChart } from './pdf-charts';
import {
  type Block,
  BOLD,
  CONTENT_WIDTH,
  DIMMED,
  type Doc,
  FONT,
  gap,
  headingBlock,
  INK,
  noteBlock,
  PAGE,
  paginate,
  RULE,
  tableBlocks,
} from './pdf-layout';
import { changeBlocks } from './pdf-sections';
import {
  formatCountDe,
  formatDateDe,
  formatDifferenceDe,
  formatEuroDe,
  formatFigureDe,
  formatLongDateDe,
  kindLabelsDe,
  qualifierLabelsDe,
  sourceLabelsDe,
  statusLabelDe,
} from './report-format';

const RED = '#c92a2a';
const GREEN = '#2b8a3e';

function titleBlock(report: ProgressReport, snapshot: ReportSnapshot | null): Block {
  return {
    height: 78,
    draw: (doc, y) => {
      doc
        .font(BOLD)
        .fontSize(20)
        .fillColor(INK)
        .text(snapshot?.title ?? 'Fortschrittsbericht', PAGE.left, y, {
          width: CONTENT_WIDTH,
          height: 26,
          ellipsis: '…',
        });
      doc
        .font(FONT)
        .fontSize(11)
        .fillColor(INK)
        .text(`${report.programme.name} · Stand: ${formatLongDateDe(report.asOf)}`, PAGE.left, y + 30, {
          lineBreak: false,
        });
      const frozen = snapshot
        ? `Eingefroren am ${formatDateDe(snapshot.frozenAt)} als Version ${snapshot.version}${snapshot.frozenBy ? ` von ${snapshot.frozenBy.name}` : ''} · SHA-256 ${snapshot.sha256.slice(0, 16)}…`
        : `Erstellt am ${formatDateDe(report.generatedAt)} aus den Daten von Standort (nicht eingefroren)`;
      doc
        .fontSize(8.5)
        .fillColor(DIMMED)
        .text([report.programme.owner, frozen].filter(Boolean).join(' · '), PAGE.left, y + 48, { lineBreak: false });
    },
  };
}

const differenceColour = (difference: number | null) => (difference === null ? DIMMED : difference === 0 ? GREEN : RED);

function blocksOf(report: ProgressReport, snapshot: ReportSnapshot | null): Block[] {
  const r = report;
  return [
    titleBlock(r, snapshot),
    headlineCards(r),
    headingBlock(
      'Projekte nach Status',
      'Status am Stichtag: letzte datierte Änderung bis dahin; ohne datierte Änderung der aktuelle Status.',
    ),
    statusChart(r),
    gap(8),
    headingBlock('Projekte nach Handlungsfeld'),
    ...tableBlocks(
      [
        { header: 'Handlungsfeld', width: 215, value: (f) => f.name ?? 'Ohne Handlungsfeld' },
        { header: 'Projekte', width: 55, align: 'right', value: (f) => formatCountDe(f.projects) },
        { header: 'In Umsetzung', width: 70, align: 'right', value: (f) => formatCountDe(count(f, 'in_progress')) },
        { header: 'Abgeschl.', width: 55, align: 'right', value: (f) => formatCountDe(count(f, 'completed')) },
        { header: 'Mittel', width: CONTENT_WIDTH - 395, align: 'right', value: (f) => formatEuroDe(f.fundingCents) },
      ],
      r.byFieldOfAction,
    ),
    gap(8),
    headingBlock(
      'Mittel nach Quelle',
      'Summen der Förderlinien bis zum Jahr des Stichtags; Linien ohne Jahr eingeschlossen.',
    ),
    ...(r.bySource.length > 0 ? [sourceChart(r)] : [noteBlock('Keine Mittel erfasst.')]),
    gap(8),
    headingBlock('Mittel nach Jahr'),
    ...(r.byYear.length > 0 ? [yearChart(r)] : [noteBlock('Keine Mittel erfasst.')]),
    gap(8),
    headingBlock('Mittel nach Quelle, Art und Jahr'),
    ...(r.money.length > 0
      ? tableBlocks(
          [
            { header: 'Quelle', width: 200, value: (m) => sourceLabelsDe[m.source] },
            { header: 'Art', width: 90, value: (m) => kindLabelsDe[m.kind] },
            { header: 'Jahr', width: 70, value: (m) => (m.year === null ? 'ohne Jahr' : String(m.year)) },
            { header: 'Betrag', width: CONTENT_WIDTH - 360, align: 'right', value: (m) => formatEuroDe(m.amountCents) },
          ],
          r.money,
        )
      : [noteBlock('Keine Mittel erfasst.')]),
    gap(8),
    headingBlock(
      'Gemeldete und erfasste Zahlen',
      'Was das Programm veröffentlicht hat (bis zum Stichtag) neben dem, was Standort erfasst.',
    ),
    ...(r.reportedFigures.length > 0
      ? tableBlocks(
          [
            { header: 'Kennzahl', width: 215, lines: 2, value: (f) => f.label },
            {
              header: 'Gemeldet',
              width: 95,
              align: 'right',
              value: (f) => `${qualifierLabelsDe[f.qualifier]}${formatFigureDe(f.unit, f.value)}`,
            },
            {
              header: 'Erfasst',
              width: 95,
              align: 'right',
              value: (f) => (f.tracked === null ? 'nicht erfasst' : formatFigureDe(f.unit, f.tracked)),
            },
            {
              header: 'Differenz',
              width: CONTENT_WIDTH - 405,
              align: 'right',
              value: (f) => (f.difference === null ? '–' : formatDifferenceDe(f.unit, f.difference)),
              color: (f) => differenceColour(f.difference),
              bold: (f) => f.difference !== null && f.difference !== 0,
            },
          ],
          r.reportedFigures,
          { rowHeight: 26 },
        )
      : [noteBlock('Keine veröffentlichten Zahlen bis zum Stichtag.')]),
    gap(8),
    ...changeBlocks(r),
    gap(8),
    headingBlock(`Projekte (${formatCountDe(r.projects.length)})`),
    ...(r.projects.length > 0
      ? tableBlocks(
          [
            { header: 'Titel', width: 154, value: (p) => p.title },
            { header: 'Handlungsfeld', width: 80, value: (p) => p.fieldOfAction ?? '–' },
            {
              header: 'Status',
              width: 78,
              value: (p) => (p.status ? statusLabelDe(p.status) : 'nicht veröffentlicht'),
            },
            { header: 'Federführung', width: 80, value: (p) => p.leadOrganisation ?? '–' },
            { header: 'Beginn', width: 46, value: (p) => (p.startDate ? formatDateDe(p.startDate) : '–') },
            {
              header: 'Mittel',
              width: CONTENT_WIDTH - 438,
              align: 'right',
              value: (p) => formatEuroDe(p.fundingCents),
            },
          ],
          r.projects,
          {
            rowHeight: 14,
            fontSize: 7.5,
            footer: ['Summe', '', '', '', '', formatEuroDe(r.headline.fundingCents)],
          },
        )
      : [noteBlock('Keine Projekte zum Stichtag.')]),
  ];
}

function count(field: ProgressReport['byFieldOfAction'][number], status: ProjectStatus): number {
  return field.statusCounts.find((s) => s.status === status)?.count ?? 0;
}

function pageFrame(doc: Doc, report: ProgressReport, page: number, pages: number): void {
  doc.font(BOLD).fontSize(9).fillColor(INK).text(report.programme.name, PAGE.left, 34, { lineBreak: false });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(DIMMED)
    .text(`Fortschrittsbericht · Stand ${formatDateDe(report.asOf)}`, PAGE.left, 34, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
  doc
    .moveTo(PAGE.left, 50)
    .lineTo(PAGE.left + CONTENT_WIDTH, 50)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  const footerY = PAGE.height - 40;
  doc.font(FONT).fontSize(8).fillColor(DIMMED).text('Standort', PAGE.left, footerY, { lineBreak: false });
  doc.text(`Seite ${page} von ${pages}`, PAGE.left, footerY, {
    width: CONTENT_WIDTH,
    align: 'right',
    lineBreak: false,
  });
}

/**
 * The report as a PDF (A4, Helvetica, German formats): a stream that fills page by page; the
 * pages are laid out first, so each page knows the page count. Resolves once every page is drawn.
 */
export function renderReportPdf(
  report: ProgressReport,
  snapshot: ReportSnapshot | null = null,
): { doc: Doc; pageCount: number; done: Promise<void> } {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margin: 0,
    info: {
      Title: `${snapshot?.title ?? 'Fortschrittsbericht'} – ${report.programme.name}, Stand ${formatDateDe(report.asOf)}`,
      Author: report.programme.owner ?? 'Standort',
      Creator: 'Standort',
    },
  });
  const pages = paginate(blocksOf(report, snapshot));
  const done = (async () => {
    for (const [index, placed] of pages.entries()) {
      doc.addPage({ size: 'A4', margin: 0 });
      pageFrame(doc, report, index + 1, pages.length);
      for (const { block, y } of placed) block.draw(doc, y);
      // Let the finished page flow out before drawing the next.
      if (index % 8 === 7) await nextTick();
    }
    doc.end();
  })();
  return { doc, pageCount: pages.length, done };
}
