import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
import { AppError } from '../../errors';
import { insertGrants } from '../grants';
import { ensureOrganisations, normaliseOrganisationName } from '../organisations';
import { ensureFieldsOfAction, upsertProgramme } from '../programmes';
import { type ProjectDraft, replaceProgrammeProjects } from '../projects';
import { regionKeyIndex } from '../regions';
import { beneficiaryGrant } from './beneficiary-grants';
import { eurosToCents, readCsv } from './csv';
import type { Importer, RowError } from './importer';
import { validateRow } from './row-schema';

const isoDate = z.iso.date({ error: 'kein Datum (JJJJ-MM-TT)' });

const rowSchema = z
  .object({
    row: z.string().regex(/^\d+$/, 'Zeilennummer fehlt'),
    beneficiary: z.string().min(1, 'Begünstigter fehlt'),
    operation_name: z.string().min(1, 'Vorhabenname fehlt'),
    summary: z.string(),
    start_date: isoDate,
    end_date: isoDate,
    eligible_total_eur: z.string().refine((v) => eurosToCents(v) !== null, 'kein Eurobetrag (z. B. 833851.95)'),
    area_code_ags: z.union([z.literal(''), z.string().regex(/^\d{8}$/, 'Gebietsschlüssel muss 8 Ziffern haben')]),
    area_level: z.enum(
      ['gemeinde', 'kreis', 'legacy_kreis', 'legacy_kreisfreie_stadt', 'regierungsbezirk', 'land', 'unknown'],
      {
        error: 'unbekannte Gebietsebene',
      },
    ),
    area_name: z.string(),
    intervention_category: z.string().regex(/^\d{3}$/, 'Interventionskategorie muss 3 Ziffern haben'),
    intervention_category_label: z.string().min(1, 'Bezeichnung der Interventionskategorie fehlt'),
    fund: z.literal('ERDF', { error: 'Fonds muss ERDF sein' }),
    programme_cci: z.string().min(1, 'CCI fehlt'),
    list_as_of: isoDate,
  })
  .refine((r) => r.end_date >= r.start_date, { path: ['end_date'], message: 'Ende liegt vor dem Beginn' });
type Row = z.infer<typeof rowSchema> & { line: number };

const FUNDER = 'Land Nordrhein-Westfalen (EFRE-Verwaltungsbehörde)';

/** 2015-12-31 → 31.12.2015, for texts stored with the record. */
function germanDate(iso: string | undefined): string {
  return iso ? iso.split('-').reverse().join('.') : 'unbekannt';
}

/** The region key an area code of the given level points to, or null when the list gives none. */
function regionKey(level: Row['area_level'], code: string): string | null {
  if (code === '') return null;
  switch (level) {
    case 'gemeinde':
      return `municipality:${code}`;
    case 'kreis':
    case 'legacy_kreis':
    case 'legacy_kreisfreie_stadt':
      return `district:${code.slice(0, 5)}`;
    case 'regierungsbezirk':
      return `admin_district:${code.slice(0, 3)}`;
    case 'land':
      return `state:${code.slice(0, 2)}`;
    case 'unknown':
      return null;
  }
}

/** ERDF NRW 2014–2020 operations → one programme; intervention categories become fields of action. */
export const erdf2014Importer: Importer<Row> = {
  kind: 'erdf-nrw-2014',
  description: 'EFRE.NRW 2014–2020: Liste der Vorhaben (CSV)',
  async read(file) {
    const records: Row[] = [];
    const errors: RowError[] = [];
    for await (const csvRow of readCsv(file)) {
      const row = csvRow.row;
      const r = validateRow(rowSchema, csvRow, errors);
      if (r) records.push({ ...r, line: row });
    }
    return { records, errors };
  },
  async write(tx, records, ctx) {
    const prov = (row: number): Provenance => ({
      kind: 'import',
      importKind: 'erdf-nrw-2014',
      file: ctx.fileName,
      row,
    });
    const regionIds = await regionKeyIndex(tx, 'DE');
    const errors: RowError[] = [];
    const regionOf = (r: Row) => {
      const key = regionKey(r.area_level, r.area_code_ags);
      if (key === null) return null;
      const id = regionIds.get(key);
      // Legacy district keys (before a district reform) may be missing from today's list: no region then.
      if (id === undefined && !r.area_level.startsWith('legacy')) {
        errors.push({
          row: r.line,
          field: 'area_code_ags',
          reason: `Gebiet ${r.area_code_ags} (${r.area_level}) ist nicht bekannt — zuerst Regionen importieren`,
        });
      }
      return id ?? null;
    };
    const resolved = records.map((r) => ({ r, regionId: regionOf(r) }));
    if (errors.length > 0)
      throw new AppError('import_failed', `${errors.length} Zeilen verweisen auf unbekannte Gebiete.`, { errors });

    const first = records[0];
    const programmeId = await upsertProgramme(tx, {
      slug: 'efre-nrw-2014-2020',
      name: 'EFRE.NRW 2014–2020',
      description: `Operationelles Programm EFRE NRW 2014–2020 (CCI ${first?.programme_cci ?? '2014DE16RFOP009'}). Liste der Vorhaben, Stand ${germanDate(first?.list_as_of)}.`,
      owner: FUNDER,
      periodStart: '2014-01-01',
      periodEnd: '2020-12-31',
      provenance: prov(1),
    });
    const categories = new Map(records.map((r) => [r.intervention_category, r]));
    const fields = await ensureFieldsOfAction(
      tx,
      programmeId,
      [...categories.values()].map((r) => ({
        name: `${r.intervention_category} – ${r.intervention_category_label}`,
        position: Number(r.intervention_category),
        provenance: prov(r.line),
      })),
    );
    const orgIds = await ensureOrganisations(
      tx,
      records.map((r) => ({ name: r.beneficiary, provenance: prov(r.line) })),
    );
    const drafts = resolved.map(
      ({ r, regionId }): ProjectDraft => ({
        programmeId,
        fieldOfActionId: fields.get(`${r.intervention_category} – ${r.intervention_category_label}`) ?? null,
        reference: `EFRE-2014-${r.row}`,
        title: r.operation_name,
        summary: r.summary !== r.operation_name ? r.summary : null,
        regionId,
        startDate: r.start_date,
        endDate: r.end_date,
        organisations: [
          {
            organisationId: orgIds.get(normaliseOrganisationName(r.beneficiary)) as number,
            name: r.beneficiary,
            role: 'lead',
          },
        ],
        statusChanges: [
          {
            status: 'in_progress',
            changedOn: r.start_date,
            comment: `Vorhabenbeginn laut Liste der Vorhaben (Stand ${germanDate(r.list_as_of)}).`,
            provenance: prov(r.line),
          },
        ],
        fundingLines: [
          {
            source: 'erdf_programme',
            kind: 'planned',
            amountCents: eurosToCents(r.eligible_total_eur) as number,
            year: Number(r.start_date.slice(0, 4)),
            note: 'Förderfähige Gesamtkosten des Vorhabens',
            provenance: prov(r.line),
          },
        ],
        searchTerms: [r.intervention_category_label, r.area_name],
        provenance: prov(r.line),
      }),
    );
    const ids = await replaceProgrammeProjects(
      tx,
      programmeId,
      drafts.map((d) => ({ ...d, fundingLines: [] })),
    );
    const grants = await insertGrants(
      tx,
      drafts.map((d, i) => {
        const r = resolved[i]?.r as Row;
        return beneficiaryGrant(ids[i] as number, d, {
          funderName: FUNDER,
          amountCents: eurosToCents(r.eligible_total_eur) as number,
          purpose:
            'Förderfähige Gesamtkosten des Vorhabens; der Zuschuss ist in der Liste der Vorhaben nicht ausgewiesen.',
          periodStart: r.start_date,
          periodEnd: r.end_date,
          provenance: prov(r.line),
        });
      }),
    );
    return {
      programmes: 1,
      fieldsOfAction: fields.size,
      organisations: orgIds.size,
      projects: ids.length,
      grants: grants.length,
    };
  },
};
