/**
 * Report benchmark: the progress report of a programme with 1,000 projects as PDF (built from the
 * database, laid out, drawn and streamed to the end), on PGlite and PostgreSQL.
 */
import os from 'node:os';
import type { Database } from '../server/db/client';
import { systemActor } from '../server/modules/accounts';
import { ensureFieldsOfAction, upsertProgramme } from '../server/modules/programmes';
import { insertProjects, type ProjectDraft } from '../server/modules/projects';
import { getProgrammeReport } from '../server/modules/reports';
import { renderReportPdf } from '../server/modules/reports/report-pdf';
import { createRng } from './generate';
import { formatMs, nowMs, printTable, round, type Summary, summarise } from './stats';

export const reportTargetMs = 3_000;

export type ReportResult = {
  backend: string;
  projects: number;
  pages: number;
  bytes: number;
  pdf: Summary;
  load: [number, number];
};

async function generate(database: Database, projects: number): Promise<number> {
  const rng = createRng(4711);
  const provenance = { kind: 'derived' as const, source: 'bench/reports.ts' };
  const programmeId = await upsertProgramme(database.db, {
    slug: 'bench-report',
    name: 'Strukturprogramm (synthetisch, 1.000 Projekte)',
    provenance,
  });
  const fields = await ensureFieldsOfAction(
    database.db,
    programmeId,
    [
      'Mobilität',
      'Wirtschaft und Arbeit',
      'Vielfalt und Zusammenhalt',
      'Energie und Umwelt',
      'Bildung und Forschung',
    ].map((name, i) => ({ name, position: i + 1, provenance })),
  );
  const fieldIds = [...fields.values()];
  const statuses = ['proposed', 'under_review', 'in_progress', 'completed'] as const;
  const drafts: ProjectDraft[] = Array.from({ length: projects }, (_, i) => {
    const year = 2019 + rng.int(0, 5);
    const status = statuses[rng.int(0, statuses.length - 1)] ?? 'in_progress';
    return {
      programmeId,
      fieldOfActionId: fieldIds[i % fieldIds.length] ?? null,
      reference: `BR-${i + 1}`,
      title: `Vorhaben ${i + 1}: Transformation und Innovation in der Metropole Ruhr, Teilprojekt ${rng.int(1, 9)}`,
      organisations: [],
      statusChanges: [{ status, changedOn: `${year}-0${rng.int(1, 9)}-15`, provenance }],
      fundingLines: [
        { source: 'state', kind: 'committed', amountCents: rng.int(10_000, 5_000_000) * 100, year, provenance },
        {
          source: 'eu_erdf',
          kind: 'planned',
          amountCents: rng.int(10_000, 5_000_000) * 100,
          year: year + 1,
          provenance,
        },
        { source: 'state', kind: 'disbursed', amountCents: rng.int(1_000, 500_000) * 100, year: year + 1, provenance },
      ],
      provenance,
    };
  });
  await database.db.transaction((tx) => insertProjects(tx, drafts));
  return programmeId;
}

async function pdfOnce(database: Database, programmeId: number) {
  const report = await getProgrammeReport(database.db, systemActor, programmeId, '2025-12-31');
  const { doc, pageCount, done } = renderReportPdf(report);
  let bytes = 0;
  doc.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  await done;
  await ended;
  return { pageCount, bytes };
}

export async function benchReportsOn(
  backend: string,
  database: Database,
  o: { projects: number; runs: number },
): Promise<ReportResult> {
  await database.migrate();
  const programmeId = await generate(database, o.projects);
  const first = await pdfOnce(database, programmeId);
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const samples: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const t = nowMs();
    await pdfOnce(database, programmeId);
    samples.push(nowMs() - t);
  }
  return {
    backend,
    projects: o.projects,
    pages: first.pageCount,
    bytes: first.bytes,
    pdf: summarise(samples),
    load: [round(loadBefore, 1), round(os.loadavg()[0] ?? Number.NaN, 1)],
  };
}

export function printReports(results: ReportResult[]): void {
  printTable(
    'Progress report as PDF (GET /programmes/:id/report.pdf, built and streamed to the end)',
    ['backend', 'projects', 'pages', 'size', 'runs', 'p50', 'p95', 'max', 'target', 'load 1m'],
    results.map((r) => [
      r.backend,
      r.projects.toLocaleString('en-US'),
      String(r.pages),
      `${round(r.bytes / 1024, 0)} KB`,
      String(r.pdf.runs),
      formatMs(r.pdf.p50),
      formatMs(r.pdf.p95),
      formatMs(r.pdf.max),
      r.pdf.p95 < reportTargetMs ? `PASS (< ${formatMs(reportTargetMs)})` : `MISS (≥ ${formatMs(reportTargetMs)})`,
      `${r.load[0].toFixed(1)}–${r.load[1].toFixed(1)}`,
    ]),
  );
}
