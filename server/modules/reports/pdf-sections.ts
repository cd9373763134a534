import type { ProgressReport, ReportDiff } from '../../../contracts/reports';
import { type Block, CONTENT_WIDTH, headingBlock, noteBlock, tableBlocks } from './pdf-layout';
import {
  formatCountDe,
  formatDateDe,
  formatDifferenceDe,
  formatEuroDe,
  headlineLabelsDe,
  isMoneyMetric,
  kindLabelsDe,
  sourceLabelsDe,
  statusLabelDe,
} from './report-format';

type Headline = ReportDiff['headline'][number];

const headlineValue = (row: Headline, value: number) =>
  isMoneyMetric(row.metric) ? formatEuroDe(value) : formatCountDe(value);

/** The blocks of a diff: headline figures, status changes, new and gone projects, money. */
export function diffBlocks(diff: ReportDiff): Block[] {
  const blocks: Block[] = [
    ...tableBlocks(
      [
        { header: 'Kennzahl', width: 200, value: (h: Headline) => headlineLabelsDe[h.metric] },
        { header: 'Vorher', width: 100, align: 'right', value: (h) => headlineValue(h, h.previous) },
        { header: 'Jetzt', width: 100, align: 'right', value: (h) => headlineValue(h, h.current) },
        {
          header: 'Differenz',
          width: CONTENT_WIDTH - 400,
          align: 'right',
          value: (h) => formatDifferenceDe(isMoneyMetric(h.metric) ? 'eur_cents' : 'count', h.difference),
          bold: (h) => h.difference !== 0,
        },
      ],
      diff.headline,
    ),
  ];
  if (diff.statusChanges.length > 0) {
    blocks.push(
      headingBlock(`Statusänderungen (${formatCountDe(diff.statusChanges.length)})`),
      ...tableBlocks(
        [
          { header: 'Projekt', width: 260, value: (c) => c.title },
          { header: 'Vorher', width: 120, value: (c) => statusLabelDe(c.from) },
          { header: 'Jetzt', width: CONTENT_WIDTH - 380, value: (c) => statusLabelDe(c.to), bold: () => true },
        ],
        diff.statusChanges,
      ),
    );
  }
  if (diff.newProjects.length > 0) {
    blocks.push(
      headingBlock(`Neue Projekte (${formatCountDe(diff.newProjects.length)})`),
      ...tableBlocks(
        [
          { header: 'Projekt', width: 380, value: (p) => p.title },
          { header: 'Status', width: CONTENT_WIDTH - 380, value: (p) => statusLabelDe(p.status) },
        ],
        diff.newProjects,
      ),
    );
  }
  if (diff.removedProjects.length > 0) {
    blocks.push(
      headingBlock(`Nicht mehr enthaltene Projekte (${formatCountDe(diff.removedProjects.length)})`),
      ...tableBlocks([{ header: 'Projekt', width: CONTENT_WIDTH, value: (p) => p.title }], diff.removedProjects),
    );
  }
  if (diff.money.length > 0) {
    blocks.push(
      headingBlock('Veränderte Mittel'),
      ...tableBlocks(
        [
          { header: 'Quelle', width: 150, value: (m) => sourceLabelsDe[m.source] },
          { header: 'Art', width: 70, value: (m) => kindLabelsDe[m.kind] },
          { header: 'Vorher', width: 90, align: 'right', value: (m) => formatEuroDe(m.previousCents) },
          { header: 'Jetzt', width: 90, align: 'right', value: (m) => formatEuroDe(m.currentCents) },
          {
            header: 'Differenz',
            width: CONTENT_WIDTH - 400,
            align: 'right',
            value: (m) => formatDifferenceDe('eur_cents', m.differenceCents),
            bold: () => true,
          },
        ],
        diff.money,
      ),
    );
  }
  return blocks;
}

/** "Änderungen seit dem letzten eingefrorenen Bericht", or a note that there is none. */
export function changeBlocks(report: ProgressReport): Block[] {
  const changes = report.changes;
  if (!changes) {
    return [
      headingBlock('Änderungen seit dem letzten Bericht'),
      noteBlock('Noch kein eingefrorener Bericht bis zum Stichtag.'),
    ];
  }
  const { previous, diff } = changes;
  return [
    headingBlock(
      'Änderungen seit dem letzten Bericht',
      `Verglichen mit Version ${previous.version} „${previous.title}“ (Stand ${formatDateDe(previous.asOf)}).`,
    ),
    ...diffBlocks(diff),
  ];
}
