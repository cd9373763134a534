import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';

/** One CSV row: its fields by column name, and its text as in the file (for an unchanged copy). */
type CsvRecord = { values: Record<string, string>; raw: string };
type CsvTable = { header: string; rows: CsvRecord[] };

export type Participation = { rcn: string; pic: string };
export type CordisSplit = {
  trainingProjects: number;
  testProjects: number;
  /** Participations of training (before the split date) and test projects. */
  training: Participation[];
  test: Participation[];
  /** The region flag of organisations.csv (NRW, PIEMONTE or empty) per PIC. */
  regionOfPic: Map<string, string>;
};

async function readTable(file: string): Promise<CsvTable> {
  const parser = fs.createReadStream(file).pipe(parse({ raw: true, bom: true, skip_empty_lines: true }));
  let columns: string[] | undefined;
  let header = '';
  const rows: CsvRecord[] = [];
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    if (!columns) {
      columns = record;
      header = raw;
      continue;
    }
    rows.push({ values: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])), raw });
  }
  return { header, rows };
}

function writeTable(file: string, table: CsvTable, keep: (row: CsvRecord) => boolean): void {
  fs.writeFileSync(
    file,
    table.header +
      table.rows
        .filter(keep)
        .map((r) => r.raw)
        .join(''),
  );
}

/**
 * Splits the CORDIS projects by start date and writes the training part as an importable copy to
 * `outDir`: the training projects, their participations, and organisations.csv unchanged.
 */
export async function splitCordis(sourceDir: string, splitDate: string, outDir: string): Promise<CordisSplit> {
  const [projects, participations, organisations] = (await Promise.all(
    ['projects.csv', 'participations.csv', 'organisations.csv'].map((f) => readTable(path.join(sourceDir, f))),
  )) as [CsvTable, CsvTable, CsvTable];
  const trainingRcns = new Set<string>();
  const testRcns = new Set<string>();
  for (const p of projects.rows) {
    const start = p.values.start_date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`projects.csv: rcn ${p.values.rcn} has no start date`);
    (start < splitDate ? trainingRcns : testRcns).add(p.values.rcn ?? '');
  }
  const isTraining = (r: CsvRecord) => trainingRcns.has(r.values.rcn ?? '');
  writeTable(path.join(outDir, 'projects.csv'), projects, isTraining);
  writeTable(path.join(outDir, 'participations.csv'), participations, isTraining);
  writeTable(path.join(outDir, 'organisations.csv'), organisations, () => true);

  const asParticipation = (r: CsvRecord): Participation => ({ rcn: r.values.rcn ?? '', pic: r.values.pic ?? '' });
  return {
    trainingProjects: trainingRcns.size,
    testProjects: testRcns.size,
    training: participations.rows.filter(isTraining).map(asParticipation),
    test: participations.rows.filter((r) => testRcns.has(r.values.rcn ?? '')).map(asParticipation),
    regionOfPic: new Map(organisations.rows.map((r) => [r.values.pic ?? '', r.values.region ?? ''])),
  };
}
