import type { FundingKind, ProjectStatus } from '../../../contracts/portfolio';
import type { ProgressReport } from '../../../contracts/reports';
import { type Block, BOLD, CONTENT_WIDTH, DIMMED, type Doc, FONT, INK, PAGE, RULE } from './pdf-layout';
import { formatCountDe, formatEuroShortDe, kindLabelsDe, sourceLabelsDe, statusLabelDe } from './report-format';

// The report's charts, drawn with pdfkit's vector graphics: cards, bars and columns.

const statusColours: Record<ProjectStatus | 'none', string> = {
  proposed: '#be4bdb',
  under_review: '#fab005',
  in_progress: '#228be6',
  completed: '#12b886',
  stopped: '#fa5252',
  none: '#adb5bd',
};
const kindColours: Record<FundingKind, string> = { planned: '#a5d8ff', committed: '#1c7ed6', disbursed: '#0ca678' };
const kinds: FundingKind[] = ['planned', 'committed', 'disbursed'];

export function headlineCards(report: ProgressReport): Block {
  const h = report.headline;
  const cards: [string, string][] = [
    ['Projekte', formatCountDe(h.projects)],
    ['In Umsetzung', formatCountDe(h.inProgress)],
    ['Abgeschlossen', formatCountDe(h.completed)],
    ['In Prüfung', formatCountDe(h.underReview)],
    ['Erfasste Mittel', formatEuroShortDe(h.fundingCents)],
    ['davon geplant', formatEuroShortDe(h.plannedCents)],
    ['zugesagt', formatEuroShortDe(h.committedCents)],
    ['ausgezahlt', formatEuroShortDe(h.disbursedCents)],
  ];
  const width = (CONTENT_WIDTH - 3 * 8) / 4;
  return {
    height: 2 * 50 + 8 + 10,
    draw: (doc, y) => {
      cards.forEach(([label, value], i) => {
        const x = PAGE.left + (i % 4) * (width + 8);
        const top = y + Math.floor(i / 4) * 58;
        doc.roundedRect(x, top, width, 50, 4).lineWidth(0.6).strokeColor(RULE).stroke();
        doc
          .font(FONT)
          .fontSize(7.5)
          .fillColor(DIMMED)
          .text(label.toUpperCase(), x + 8, top + 9, { lineBreak: false });
        doc
          .font(BOLD)
          .fontSize(16)
          .fillColor(INK)
          .text(value, x + 8, top + 24, { lineBreak: false });
      });
    },
  };
}

/** Horizontal bars: one per status, with the count after the bar. */
export function statusChart(report: ProgressReport): Block {
  const rows = report.byStatus;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barMax = CONTENT_WIDTH - 170 - 50;
  return {
    height: rows.length * 18 + 6,
    draw: (doc, y) => {
      rows.forEach((row, i) => {
        const top = y + i * 18;
        doc
          .font(FONT)
          .fontSize(9)
          .fillColor(INK)
          .text(statusLabelDe(row.status), PAGE.left, top + 4, {
            width: 165,
            lineBreak: false,
          });
        const width = (row.count / max) * barMax;
        if (width > 0) doc.rect(PAGE.left + 170, top + 2, width, 12).fill(statusColours[row.status ?? 'none']);
        doc
          .font(BOLD)
          .fillColor(INK)
          .text(formatCountDe(row.count), PAGE.left + 170 + width + 5, top + 4, { lineBreak: false });
      });
    },
  };
}

function legend(doc: Doc, y: number): void {
  let x: number = PAGE.left;
  for (const kind of kinds) {
    doc.rect(x, y + 1, 9, 9).fill(kindColours[kind]);
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(INK)
      .text(kindLabelsDe[kind], x + 13, y + 1.5, { lineBreak: false });
    x += 80;
  }
}

/** Per source three thin bars — planned, committed, disbursed — on one scale. */
export function sourceChart(report: ProgressReport): Block {
  const rows = report.bySource;
  const max = Math.max(1, ...rows.flatMap((r) => [r.plannedCents, r.committedCents, r.disbursedCents]));
  const barMax = CONTENT_WIDTH - 170 - 70;
  return {
    height: 20 + rows.length * 32,
    draw: (doc, y) => {
      legend(doc, y);
      rows.forEach((row, i) => {
        const top = y + 20 + i * 32;
        doc
          .font(FONT)
          .fontSize(9)
          .fillColor(INK)
          .text(sourceLabelsDe[row.source], PAGE.left, top + 9, {
            width: 165,
            lineBreak: false,
          });
        kinds.forEach((kind, k) => {
          const value = row[`${kind}Cents`];
          const width = (value / max) * barMax;
          const barTop = top + k * 9;
          if (width > 0) doc.rect(PAGE.left + 170, barTop, width, 7).fill(kindColours[kind]);
          doc
            .font(FONT)
            .fontSize(7)
            .fillColor(DIMMED)
            .text(formatEuroShortDe(value), PAGE.left + 170 + width + 4, barTop, { lineBreak: false });
        });
      });
    },
  };
}

/** The smallest 1, 2, 4, 5 or 8 × 10ⁿ not below the value, so four scale steps are round numbers. */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 4, 5, 8, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

/** Columns per year, grouped by kind, with a labelled scale. */
export function yearChart(report: ProgressReport): Block {
  const rows = report.byYear;
  const max = niceMax(Math.max(1, ...rows.flatMap((r) => [r.plannedCents, r.committedCents, r.disbursedCents])));
  const plotHeight = 130;
  const axisX = PAGE.left + 62;
  const plotWidth = PAGE.left + CONTENT_WIDTH - axisX;
  return {
    height: 20 + plotHeight + 22,
    draw: (doc, y) => {
      legend(doc, y);
      const base = y + 20 + plotHeight;
      for (let tick = 0; tick <= 4; tick++) {
        const ty = base - (tick / 4) * plotHeight;
        doc
          .moveTo(axisX, ty)
          .lineTo(axisX + plotWidth, ty)
          .lineWidth(0.4)
          .strokeColor(RULE)
          .stroke();
        doc
          .font(FONT)
          .fontSize(7)
          .fillColor(DIMMED)
          .text(formatEuroShortDe(Math.round((max * tick) / 4)), PAGE.left, ty - 3, { width: 58, align: 'right' });
      }
      const slot = plotWidth / Math.max(1, rows.length);
      const barWidth = Math.min(14, (slot - 6) / 3);
      rows.forEach((row, i) => {
        const x0 = axisX + i * slot + (slot - 3 * barWidth) / 2;
        kinds.forEach((kind, k) => {
          const height = (row[`${kind}Cents`] / max) * plotHeight;
          if (height > 0) doc.rect(x0 + k * barWidth, base - height, barWidth - 1, height).fill(kindColours[kind]);
        });
        doc
          .font(FONT)
          .fontSize(7.5)
          .fillColor(INK)
          .text(row.year === null ? 'o. J.' : String(row.year), axisX + i * slot, base + 5, {
            width: slot,
            align: 'center',
            lineBreak: false,
          });
      });
    },
  };
}
