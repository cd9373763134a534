import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ProgressReport, ReportSnapshot } from '../../../contracts/reports';
import { renderReportPdf } from './report-pdf';
import { writeReportXlsx } from './report-xlsx';

export const reportFormats = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const contentTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Sends a report (live, or a frozen snapshot's stored data) as a streamed PDF or XLSX download. */
export async function sendReportFile(
  reply: FastifyReply,
  format: ReportFormat,
  report: ProgressReport,
  snapshot: ReportSnapshot | null = null,
): Promise<void> {
  const slug = report.programme.slug.replace(/[^a-z0-9-]+/g, '-');
  const name = `fortschrittsbericht-${slug}-${report.asOf}${snapshot ? `-v${snapshot.version}` : ''}.${format}`;
  reply
    .type(contentTypes[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    // Reports may hold internal records: no shared cache may keep them.
    .header('cache-control', 'private, no-store');
  if (format === 'pdf') {
    const { doc, pageCount, done } = renderReportPdf(report, snapshot);
    reply.header('x-page-count', String(pageCount));
    done.catch((err: unknown) => doc.destroy(err as Error));
    reply.send(doc);
  } else {
    const out = new PassThrough();
    writeReportXlsx(out, report, snapshot).catch((err: unknown) => out.destroy(err as Error));
    reply.send(out);
  }
  await reply;
}
