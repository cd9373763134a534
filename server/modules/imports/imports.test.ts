import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../config';
import type { Database } from '../../db/client';
import {
  auditLog,
  fieldsOfAction,
  fundingLines,
  organisationIdentifiers,
  organisations,
  programmes,
  projectOrganisations,
  projects,
  regions,
} from '../../db/schema';
import { AppError } from '../../errors';
import { createDemoDatabase, testTargets } from '../../test/database';
import { eurosToCents } from './csv';
import { demoImports, runImport } from './index';

const erdf2007File = path.join(DATA_DIR, 'erdf-nrw', 'erdf_nrw_2007_2013_beneficiaries.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standort-import-'));

function writeTemp(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the import to fail');
}

describe.each(testTargets)('imports on %s', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await createDemoDatabase(target);
  });
  afterAll(() => database?.close());

  it('builds the NRW hierarchy: 1 state, 5 Regierungsbezirke, 53 Kreise, 396 Gemeinden', async () => {
    const rows = await database.db
      .select({ level: regions.level, n: count() })
      .from(regions)
      .where(eq(regions.country, 'DE'))
      .groupBy(regions.level);
    expect(Object.fromEntries(rows.map((r) => [r.level, r.n]))).toEqual({
      state: 1,
      admin_district: 5,
      district: 53,
      municipality: 396,
    });
    const [dortmund] = await database.db.select().from(regions).where(eq(regions.code, '05913000'));
    expect(dortmund?.nuts3).toBe('DEA52');
    expect(dortmund?.path.split('/').filter(Boolean)).toHaveLength(4);
  });

  it('builds Piemonte with its 8 provinces and 1,181 comuni', async () => {
    const rows = await database.db
      .select({ level: regions.level, n: count() })
      .from(regions)
      .where(eq(regions.country, 'IT'))
      .groupBy(regions.level);
    expect(Object.fromEntries(rows.map((r) => [r.level, r.n]))).toEqual({ region: 1, province: 8, municipality: 1181 });
  });

  it('imports every ERDF 2007–2013 operation, one field of action per programme line', async () => {
    const [programme] = await database.db.select().from(programmes).where(eq(programmes.slug, 'efre-nrw-2007-2013'));
    if (!programme) throw new Error('programme missing');
    const [projectCount] = await database.db
      .select({ n: count() })
      .from(projects)
      .where(eq(projects.programmeId, programme.id));
    expect(projectCount?.n).toBe(3109);
    const lines = parse(fs.readFileSync(path.join(DATA_DIR, 'erdf-nrw', 'erdf_nrw_2007_2013_call_lines.csv')), {
      columns: true,
    }) as { call_or_programme_line: string; operations: string }[];
    const perField = await database.db
      .select({ name: fieldsOfAction.name, n: count(projects.id) })
      .from(fieldsOfAction)
      .leftJoin(projects, eq(projects.fieldOfActionId, fieldsOfAction.id))
      .where(eq(fieldsOfAction.programmeId, programme.id))
      .groupBy(fieldsOfAction.name);
    const imported = Object.fromEntries(perField.map((f) => [f.name, f.n]));
    for (const line of lines.filter((l) => l.call_or_programme_line !== '')) {
      expect(imported[line.call_or_programme_line], line.call_or_programme_line).toBe(Number(line.operations));
    }
  });

  it("keeps the 2007–2013 public funding equal to the source file's column, to the cent", async () => {
    const rows = parse(fs.readFileSync(erdf2007File), { columns: true }) as { allocated_public_funding_eur: string }[];
    const expected = rows.reduce((sum, r) => sum + (eurosToCents(r.allocated_public_funding_eur) ?? Number.NaN), 0);
    const [total] = await database.db
      .select({ cents: sql<number>`sum(${fundingLines.amountCents})`.mapWith(Number) })
      .from(fundingLines)
      .innerJoin(projects, eq(projects.id, fundingLines.projectId))
      .innerJoin(programmes, eq(programmes.id, projects.programmeId))
      .where(sql`${programmes.slug} = 'efre-nrw-2007-2013' and ${fundingLines.kind} = 'committed'`);
    expect(total?.cents).toBe(expected);
  });

  it('merges beneficiaries whose names differ only in case, accents or punctuation', async () => {
    const rows = parse(fs.readFileSync(erdf2007File), { columns: true }) as { beneficiary: string }[];
    const distinctSpellings = new Set(rows.map((r) => r.beneficiary)).size;
    const [orgs] = await database.db
      .select({ n: count() })
      .from(organisations)
      .where(sql`${organisations.provenance}->>'importKind' = 'erdf-nrw-2007'`);
    expect(orgs?.n).toBeGreaterThan(1500);
    expect(orgs?.n).toBeLessThan(distinctSpellings);
  });

  it('maps ERDF 2014–2020 municipality keys to regions', async () => {
    const [row] = await database.db
      .select({ region: regions.name })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(eq(projects.reference, 'EFRE-2014-1'));
    expect(row?.region).toBe('Hagen');
  });

  it('records every committed import in the audit log', async () => {
    const rows = await database.db
      .select({ after: auditLog.after, via: auditLog.actorVia })
      .from(auditLog)
      .where(eq(auditLog.action, 'import'));
    expect(rows.map((r) => (r.after as { kind: string }).kind)).toEqual(demoImports.map(([kind]) => kind));
    expect(rows.every((r) => r.via === 'system')).toBe(true);
  });

  it('imports Horizon 2020 with full consortia, organisations found by PIC and placed in NRW or Piemonte', async () => {
    const [dlr] = await database.db
      .select({ id: organisations.id, name: organisations.name, region: regions.name, type: organisations.type })
      .from(organisationIdentifiers)
      .innerJoin(organisations, eq(organisations.id, organisationIdentifiers.organisationId))
      .leftJoin(regions, eq(regions.id, organisations.regionId))
      .where(sql`${organisationIdentifiers.scheme} = 'pic' and ${organisationIdentifiers.value} = '999981731'`);
    // The ERDF list named it first ("… für Luft- und Raumfahrt e.V."); CORDIS's spelling becomes an
    // alias, and CORDIS's stated type replaces the guess from the name.
    expect(dlr).toMatchObject({ region: 'Köln', type: 'research_institute' });
    expect(dlr?.name).toMatch(/^Deutsches Zentrum f(ü|ue)r Luft/i);
    const [torino] = await database.db
      .select({ region: regions.name })
      .from(organisationIdentifiers)
      .innerJoin(organisations, eq(organisations.id, organisationIdentifiers.organisationId))
      .innerJoin(regions, eq(regions.id, organisations.regionId))
      .where(sql`${organisationIdentifiers.value} = '918645291'`);
    expect(torino?.region).toBe('Torino');
    const [links] = await database.db
      .select({
        n: count(),
        coordinators: sql<number>`count(*) filter (where ${projectOrganisations.role} = 'lead')`.mapWith(Number),
      })
      .from(projectOrganisations)
      .innerJoin(projects, eq(projects.id, projectOrganisations.projectId))
      .where(sql`${projects.reference} like 'H2020-%'`);
    // 24,110 participations; four pairs of PICs carry the same name and so are one organisation.
    expect(links).toEqual({ n: 24106, coordinators: 1762 });
    const [first] = await database.db
      .select({ cents: projectOrganisations.contributionCents })
      .from(projectOrganisations)
      .innerJoin(projects, eq(projects.id, projectOrganisations.projectId))
      .innerJoin(
        organisationIdentifiers,
        eq(organisationIdentifiers.organisationId, projectOrganisations.organisationId),
      )
      .where(sql`${projects.reference} = 'H2020-193393' and ${organisationIdentifiers.value} = '999568608'`);
    expect(first?.cents).toBe(9_207_828);
  });

  it('skips a file that was already imported unchanged', async () => {
    const [kind, file] = demoImports[2] as [string, string];
    expect(await runImport(database.db, kind, file)).toEqual({ status: 'unchanged', kind, file: path.basename(file) });
  });

  it('rejects a file with bad rows as a whole and reports every bad row', async () => {
    const before = await database.db.select({ n: count() }).from(projects);
    const header = fs.readFileSync(erdf2007File, 'utf8').split(/\r?\n/)[0];
    const file = writeTemp(
      'bad-2007.csv',
      [
        header,
        '1,Gute GmbH,Ein gutes Vorhaben,Hightech.NRW,2012,1000.00,,ERDF,NRW Ziel 2,x',
        '2,,Ohne Begünstigten,Hightech.NRW,2012,1000.00,,ERDF,NRW Ziel 2,x',
        '3,Firma AG,Falscher Betrag,Hightech.NRW,2012,12.345,,ERDF,NRW Ziel 2,x',
        '4,Firma AG,Falsches Jahr,Hightech.NRW,1999,10.00,,ERDF,NRW Ziel 2,x',
        '5,Nur drei,Spalten',
      ].join('\n'),
    );
    const err = await failureOf(runImport(database.db, 'erdf-nrw-2007', file));
    expect(err.code).toBe('import_failed');
    const errors = (err.details as { errors: { row: number; field: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'beneficiary'],
      [3, 'allocated_public_funding_eur'],
      [4, 'approval_year'],
      [5, '(Zeile)'],
    ]);
    expect(await database.db.select({ n: count() }).from(projects)).toEqual(before);
  });

  it('rolls back everything when a row fails while writing', async () => {
    const before = await database.db.select({ n: count() }).from(projects);
    const header = fs
      .readFileSync(path.join(DATA_DIR, 'erdf-nrw', 'erdf_nrw_2014_2020_operations.csv'), 'utf8')
      .split('\n')[0];
    const file = writeTemp(
      'unknown-region-2014.csv',
      `${header}\n1,X GmbH,Vorhaben,Vorhaben,2016-01-01,2017-01-01,100.00,05999999,gemeinde,Nirgendwo,,,067,KMU,DE,ERDF,2014DE16RFOP009,2015-12-31\n`,
    );
    const err = await failureOf(runImport(database.db, 'erdf-nrw-2014', file));
    expect(err.code).toBe('import_failed');
    expect(err.details).toEqual({ errors: [expect.objectContaining({ row: 1, field: 'area_code_ags' })] });
    expect(await database.db.select({ n: count() }).from(projects)).toEqual(before);
  });

  it('refuses a seed fact whose passage is not in the cited document', async () => {
    const seeds = path.join(DATA_DIR, 'seeds');
    const portfolio = JSON.parse(fs.readFileSync(path.join(seeds, 'portfolio.json'), 'utf8'));
    portfolio.documentsDir = seeds;
    portfolio.programmes[0].reportedFigures[0].evidence.passage = 'Von den 74 Projekten, die 2019 entwickelt wurden';
    const err = await failureOf(
      runImport(database.db, 'portfolio', writeTemp('portfolio.json', JSON.stringify(portfolio))),
    );
    expect(err.details).toEqual({
      errors: [expect.objectContaining({ field: 'programmes.0.reportedFigures.0.evidence.passage' })],
    });
  });

  it('names an unknown import kind', async () => {
    const err = await failureOf(runImport(database.db, 'bogus', erdf2007File));
    expect(err.code).toBe('validation_failed');
    expect(err.message).toContain('erdf-nrw-2007');
  });
});
