import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GrantImportMapping, grantImportMappingSchema } from '../../../contracts/grant-import';
import type { Database } from '../../db/client';
import { fundingLines, grantPartners, grants, organisations, projects } from '../../db/schema';
import { AppError } from '../../errors';
import { createDemoDatabase, testTargets } from '../../test/database';
import { systemActor } from '../accounts';
import { suggestGrantMapping } from './grant-mapping';
import { parseAmount, parseDate, parseKind, parseSource } from './grant-values';
import { grantImporter } from './grants.importer';
import { runImport } from './imports.service';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-grant-import-'));
const writeTemp = (name: string, content: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};

const header =
  'Programm;Projektnummer;Projekttitel;Förderkennzeichen;Fördergeber;Bewilligt am;Laufzeitbeginn;Laufzeitende;Zuwendungsempfänger;Rolle;Anteil;Quelle;Art;Betrag;Jahr';

/** Three grants, two projects, two programmes (by slug and by name), German and plain amounts, both date styles. */
const goodCsv = [
  header,
  'regio-nrw-transformation;GI-P1;Wasserstoffregion Emscher;GI-001;Land NRW;15.01.2024;01.01.2024;31.12.2026;Emscher Wasserstoff GmbH;Lead;1.000.000,00;EFRE;bewilligt;600.000,00;2024',
  'regio-nrw-transformation;GI-P1;Wasserstoffregion Emscher;GI-001;Land NRW;15.01.2024;01.01.2024;31.12.2026;Emscher Wasserstoff GmbH;Lead;1.000.000,00;Land;bewilligt;400.000,00;2024',
  'regio-nrw-transformation;GI-P1;Wasserstoffregion Emscher;GI-001;Land NRW;15.01.2024;01.01.2024;31.12.2026;Hochschule Emscher-Lippe Test;Partner;500.000,00;EFRE;bewilligt;500.000,00;2025',
  'regio-nrw-transformation;GI-P1;Wasserstoffregion Emscher;GI-001;Land NRW;15.01.2024;01.01.2024;31.12.2026;Emscher Wasserstoff GmbH;Lead;1.000.000,00;EFRE;ausgezahlt;300.000,00;2025',
  'regio-nrw-transformation;GI-P1;;GI-002;Stadt Musterstadt;2024-03-01;2024-03-01;2025-12-31;Stadtwerke Musterstadt Test;;;Kommune;geplant;25.000;2025',
  'regio-nrw-transformation;GI-P1;;GI-002;Stadt Musterstadt;2024-03-01;2024-03-01;2025-12-31;Stadtwerke Musterstadt Test;;;Eigenanteil;geplant;10000.50;2025',
  'EFRE.NRW 2014–2020;GI-P2;Qualifizierung Transformation;GI-003;Land NRW;01.06.2021;01.07.2021;30.06.2023;Neue Beispiel Weiterbildung AG;;;ESF;zugesagt;12.345,67;2021',
].join('\r\n');

const germanMapping: GrantImportMapping = grantImportMappingSchema.parse({
  columns: suggestGrantMapping(header.split(';')),
});

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the import to fail');
}

describe('grant import values', () => {
  it('reads German and plain amounts, and refuses what neither reads', () => {
    expect(parseAmount('1.234.567,89', 'auto')).toEqual({ ok: true, value: 123456789 });
    expect(parseAmount('1234567.89', 'auto')).toEqual({ ok: true, value: 123456789 });
    expect(parseAmount('1.234', 'auto')).toEqual({ ok: true, value: 123400 });
    expect(parseAmount('12,5 €', 'auto')).toEqual({ ok: true, value: 1250 });
    expect(parseAmount('1,234.56', 'auto').ok).toBe(false);
    expect(parseAmount('1234.56', 'de').ok).toBe(false);
    expect(parseAmount(1234.5, 'auto')).toEqual({ ok: true, value: 123450 });
  });
  it('reads German and ISO dates and labels of sources and kinds', () => {
    expect(parseDate('31.12.2024')).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseDate('2024-12-31')).toEqual({ ok: true, value: '2024-12-31' });
    expect(parseDate('31.02.2024').ok).toBe(false);
    expect(
      ['EFRE', 'ESF+', 'JTF', 'Bund', 'Land', 'Kommune', 'Eigenanteil', 'eu_erdf'].map((s) => parseSource(s)),
    ).toEqual(
      ['eu_erdf', 'eu_esf', 'eu_jtf', 'federal', 'state', 'municipal', 'own', 'eu_erdf'].map((value) => ({
        ok: true,
        value,
      })),
    );
    expect(['geplant', 'bewilligt', 'zugesagt', 'ausgezahlt'].map((k) => parseKind(k))).toEqual(
      ['planned', 'committed', 'committed', 'disbursed'].map((value) => ({ ok: true, value })),
    );
  });
  it('suggests the mapping from German headers', () => {
    expect(germanMapping.columns).toEqual({
      programme: 'Programm',
      projectReference: 'Projektnummer',
      projectTitle: 'Projekttitel',
      grantReference: 'Förderkennzeichen',
      funder: 'Fördergeber',
      decidedOn: 'Bewilligt am',
      periodStart: 'Laufzeitbeginn',
      periodEnd: 'Laufzeitende',
      recipient: 'Zuwendungsempfänger',
      role: 'Rolle',
      share: 'Anteil',
      source: 'Quelle',
      kind: 'Art',
      amount: 'Betrag',
      year: 'Jahr',
    });
  });
});

describe.each(testTargets)('generic grant import on %s', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await createDemoDatabase(target);
  });
  afterAll(() => database?.close());

  const countOf = async (table: typeof grants | typeof fundingLines | typeof projects) =>
    (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  it('reports every bad row with line, column and reason, and writes nothing', async () => {
    const bad = [
      header,
      'regio-nrw-transformation;GB-P1;Projekt A;GB-001;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma A;Lead;;EFRE;bewilligt;zwölf;2024',
      'regio-nrw-transformation;GB-P1;Projekt A;GB-002;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma A;Lead;;Lotto;bewilligt;100,00;2024',
      'Gibt es nicht;GB-P2;Projekt B;GB-003;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma B;Lead;;EFRE;bewilligt;100,00;2024',
      'regio-nrw-transformation;GB-P3;Projekt C;GB-004;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma C;Lead;100,00;EFRE;bewilligt;100,00;2024',
      'regio-nrw-transformation;GB-P3;Projekt C;GB-004;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma D;Partner;100,00;EFRE;bewilligt;50,00;2024',
      'regio-nrw-transformation;GB-P4;Projekt D;GB-005;Land NRW;31.02.2024;01.01.2024;31.12.2026;Firma E;Lead;;EFRE;bewilligt;100,00;2024',
      'regio-nrw-transformation;GB-P5;Projekt E;GB-006;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma F;Lead;;EFRE;bewilligt;100,00;2024',
      'regio-nrw-transformation;GB-P5;Projekt E;GB-006;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma F;Lead;;EFRE;ausgezahlt;200,00;2024',
      'regio-nrw-transformation;GB-P6;Projekt F;GB-007;Land NRW;15.01.2024;01.01.2024;31.12.2026;Firma G;Lead;;EFRE;bewilligt;100,00;2030',
    ].join('\n');
    const before = await countOf(grants);
    const err = await failureOf(
      runImport(database.db, grantImporter(germanMapping, systemActor), writeTemp('bad.csv', bad)),
    );
    expect(err.code).toBe('import_failed');
    const errors = (err.details as { errors: { row: number; field: string; reason: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.field]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [2, 'Betrag'],
      [3, 'Quelle'],
      [4, 'Programm'],
      [5, 'Anteil'],
      [7, 'Bewilligt am'],
      [9, 'Betrag'],
      [10, 'Jahr'],
    ]);
    expect(errors.find((e) => e.row === 4)?.reason).toContain('„Gibt es nicht“');
    expect(errors.find((e) => e.row === 5)?.reason).toMatch(/Anteile ergeben 200,00 €, bewilligt sind 150,00 €/);
    expect(errors.find((e) => e.row === 9)?.reason).toMatch(/Ausgezahlt 200,00 € übersteigt die Zusage 100,00 €/);
    expect(errors.find((e) => e.row === 10)?.reason).toMatch(/außerhalb des Förderzeitraums/);
    expect(await countOf(grants)).toBe(before);
  });

  it('dry-runs a good file: the summary of what would be created, nothing written', async () => {
    const before = await countOf(grants);
    const result = await runImport(
      database.db,
      grantImporter(germanMapping, systemActor),
      writeTemp('good.csv', goodCsv),
      {
        dryRun: true,
      },
    );
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result.preview).toMatchObject({
      rows: 7,
      grants: 3,
      lines: 7,
      projects: { new: 2, existing: 0 },
      organisations: { new: 4, existing: 0 },
    });
    expect(result.preview?.programmes.map((p) => [p.name, p.grants, p.amountCents])).toEqual(
      expect.arrayContaining([
        ['Regio.NRW – Transformation', 2, 1_500_000_00 + 35_000_50],
        ['EFRE.NRW 2014–2020', 1, 12_345_67],
      ]),
    );
    expect(result.preview?.amountBySource).toContainEqual({
      source: 'eu_erdf',
      kind: 'committed',
      amountCents: 1_100_000_00,
    });
    expect(await countOf(grants)).toBe(before);
  });

  it('imports a good file: grants with partners and lines that add up, in new projects', async () => {
    const result = await runImport(
      database.db,
      grantImporter(germanMapping, systemActor),
      writeTemp('good.csv', goodCsv),
    );
    expect(result).toMatchObject({ status: 'imported', rows: 7, summary: { grants: 3, projects: 2, lines: 7 } });
    const [grant] = await database.db.select().from(grants).where(eq(grants.reference, 'GI-001'));
    expect(grant).toMatchObject({
      title: 'Wasserstoffregion Emscher',
      funderName: 'Land NRW',
      amountCents: 1_500_000_00,
      decidedOn: '2024-01-15',
      periodEnd: '2026-12-31',
    });
    const partners = await database.db
      .select({ name: organisations.name, role: grantPartners.role, share: grantPartners.shareCents })
      .from(grantPartners)
      .innerJoin(organisations, eq(organisations.id, grantPartners.organisationId))
      .where(eq(grantPartners.grantId, grant?.id ?? 0));
    expect(partners.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Emscher Wasserstoff GmbH', role: 'lead', share: 1_000_000_00 },
      { name: 'Hochschule Emscher-Lippe Test', role: 'partner', share: 500_000_00 },
    ]);
    const lines = await database.db
      .select({ kind: fundingLines.kind, sum: sql<string>`sum(${fundingLines.amountCents})::text` })
      .from(fundingLines)
      .where(eq(fundingLines.grantId, grant?.id ?? 0))
      .groupBy(fundingLines.kind);
    expect(Object.fromEntries(lines.map((l) => [l.kind, Number(l.sum)]))).toEqual({
      committed: 1_500_000_00,
      disbursed: 300_000_00,
    });
    const [second] = await database.db.select().from(grants).where(eq(grants.reference, 'GI-002'));
    expect(second).toMatchObject({ amountCents: 35_000_50, projectId: grant?.projectId });
    const [project] = await database.db
      .select()
      .from(projects)
      .where(eq(projects.id, grant?.projectId ?? 0));
    expect(project).toMatchObject({
      reference: 'GI-P1',
      title: 'Wasserstoffregion Emscher',
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      fundingTotalCents: 1_500_000_00,
    });
  });

  it('skips the same file with the same mapping, and refuses grants already there with another mapping', async () => {
    const file = writeTemp('good.csv', goodCsv);
    expect(await runImport(database.db, grantImporter(germanMapping, systemActor), file)).toMatchObject({
      status: 'unchanged',
    });
    const other = { ...germanMapping, defaults: { funder: 'Land NRW' } };
    const err = await failureOf(runImport(database.db, grantImporter(other, systemActor), file));
    expect((err.details as { errors: { field: string; reason: string }[] }).errors[0]).toMatchObject({
      field: 'Förderkennzeichen',
      reason: expect.stringContaining('gibt es im Programm'),
    });
  });

  it('reads XLSX like CSV: typed numbers and dates, grants attached to an existing project', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Förderungen');
    sheet.addRow(header.split(';'));
    sheet.addRow([
      'regio-nrw-transformation',
      'GI-P1',
      'Wasserstoffregion Emscher',
      'GX-001',
      'Bund',
      new Date(Date.UTC(2025, 0, 10)),
      new Date(Date.UTC(2025, 0, 1)),
      new Date(Date.UTC(2026, 11, 31)),
      'Emscher Wasserstoff GmbH',
      'Lead',
      null,
      'Bund',
      'bewilligt',
      250000.25,
      2025,
    ]);
    const file = path.join(tmp, 'grants.xlsx');
    await workbook.xlsx.writeFile(file);
    const projectsBefore = await countOf(projects);
    const result = await runImport(database.db, grantImporter(germanMapping, systemActor), file);
    expect(result).toMatchObject({
      status: 'imported',
      rows: 1,
      summary: { grants: 1, projects: 0, projectsExisting: 1 },
    });
    expect(await countOf(projects)).toBe(projectsBefore);
    const [grant] = await database.db.select().from(grants).where(eq(grants.reference, 'GX-001'));
    expect(grant).toMatchObject({ amountCents: 250_000_25, decidedOn: '2025-01-10', periodStart: '2025-01-01' });
  });
});
