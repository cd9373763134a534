import path from 'node:path';
import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
import type { OrganisationType } from '../../../contracts/portfolio';
import {
  attachIdentifiers,
  attachNace,
  ensureOrganisations,
  normaliseOrganisationName,
  organisationsByIdentifier,
} from '../organisations';
import { ensureFieldsOfAction, upsertProgramme } from '../programmes';
import { type ProjectDraft, replaceProgrammeProjects } from '../projects';
import { regionKeyIndex } from '../regions';
import { eurosToCents, readCsv } from './csv';
import type { Importer, RowError } from './importer';
import { repairMojibake } from './mojibake';
import { validateRow } from './row-schema';

// CORDIS writes some amounts in scientific notation (8.38611e+07) and "NA" where none is known.
const unknown = (v: string) => v === '' || v === 'NA';
const amount = z
  .string()
  .refine((v) => unknown(v) || Number.isFinite(Number(v)), 'kein Betrag')
  .transform((v) => (unknown(v) ? null : (eurosToCents(v) ?? Math.round(Number(v) * 100))));
const pic = z.string().regex(/^\d{9}$/, 'PIC muss 9 Ziffern haben');
const activityType = z.enum(['PRC', 'HES', 'REC', 'PUB', 'OTH'], {
  error: 'Art muss PRC, HES, REC, PUB oder OTH sein',
});
const isoDate = z.iso.date({ error: 'kein Datum (JJJJ-MM-TT)' });

const organisationRow = z.object({
  pic,
  name: z.string().min(1, 'Name fehlt'),
  short_name: z.string(),
  activity_type: z.union([activityType, z.literal('')]),
  country: z.string().regex(/^[A-Z]{2}$/, 'Ländercode muss zwei Großbuchstaben haben'),
  city: z.string(),
  street: z.string(),
  region: z.enum(['', 'NRW', 'PIEMONTE']),
  municipality_code: z.union([z.literal(''), z.string().regex(/^\d{6}(\d{2})?$/, 'Gemeindeschlüssel ungültig')]),
});
const projectRow = z.object({
  rcn: z.string().regex(/^\d+$/, 'RCN fehlt'),
  start_date: isoDate,
  end_date: isoDate,
  max_contribution: amount,
  programme_parts: z.string(),
  n_participants: z.coerce.number().int().nonnegative(),
  countries: z.string(),
  coordinator_name: z.string(),
});
const participationRow = z.object({
  rcn: z.string().regex(/^\d+$/, 'RCN fehlt'),
  role: z.enum(['coordinator', 'participant', 'partner'], { error: 'Rolle unbekannt' }),
  pic,
  type: z.union([activityType, z.literal('')]),
  contribution: amount,
  country: z.string(),
  org_name: z.string(),
});

type Organisation = z.infer<typeof organisationRow> & { line: number };
type Project = z.infer<typeof projectRow> & { line: number };
type Participation = z.infer<typeof participationRow> & { line: number };
type Records = { organisations: Organisation[]; projects: Project[]; participations: Participation[] };

const typeOf: Record<string, OrganisationType> = {
  PRC: 'company',
  HES: 'university',
  REC: 'research_institute',
  PUB: 'public_body',
  OTH: 'other',
};

/**
 * The NACE division an activity type implies: higher education is 85.4, research organisations
 * do research and development (72), public bodies are public administration (84). Companies and
 * others: CORDIS does not say.
 */
const naceOf: Record<string, string> = { HES: '85.4', REC: '72', PUB: '84' };

/** Horizon 2020 programme parts, as fields of action. */
const partLabels: Record<string, string> = {
  LEIT: 'Führende Rolle der Industrie (LEIT)',
  ERC: 'Europäischer Forschungsrat (ERC)',
  MSCA: 'Marie-Skłodowska-Curie-Maßnahmen (MSCA)',
  FET: 'Künftige und neu entstehende Technologien (FET)',
  RI: 'Forschungsinfrastrukturen (RI)',
  SC1: 'Gesundheit, demografischer Wandel und Wohlergehen (SC1)',
  SC2: 'Ernährungssicherheit, Landwirtschaft, Meeres- und Bioökonomie (SC2)',
  SC3: 'Sichere, saubere und effiziente Energie (SC3)',
  SC4: 'Intelligenter, umweltfreundlicher und integrierter Verkehr (SC4)',
  SC5: 'Klimaschutz, Umwelt, Ressourceneffizienz und Rohstoffe (SC5)',
  SC6: 'Europa in einer sich verändernden Welt (SC6)',
  SC7: 'Sichere Gesellschaften (SC7)',
  SWAFS: 'Wissenschaft mit der und für die Gesellschaft (SWAFS)',
  SEWP: 'Verbreitung von Exzellenz und Ausweitung der Beteiligung (SEWP)',
  'Innovation in SMEs': 'Innovation in KMU',
  Euratom: 'Euratom',
};

async function readRows<S extends z.ZodType>(file: string, schema: S, label: string, errors: RowError[]) {
  const rows: (z.infer<S> & { line: number })[] = [];
  const own: RowError[] = [];
  for await (const csvRow of readCsv(file)) {
    if (csvRow.values) for (const [k, v] of Object.entries(csvRow.values)) csvRow.values[k] = repairMojibake(v);
    const r = validateRow(schema, csvRow, own);
    if (r) rows.push({ ...r, line: csvRow.row });
  }
  errors.push(...own.map((e) => ({ ...e, field: `${label}:${e.field}` })));
  return rows;
}

/**
 * CORDIS Horizon 2020 projects with NRW or Piemonte partners: projects.csv, with participations.csv
 * and organisations.csv from the same folder. Organisations are matched by PIC, then by name.
 */
export const cordisH2020Importer: Importer<Records> = {
  kind: 'cordis-h2020',
  description: 'Horizon 2020 aus CORDIS: projects.csv (mit participations.csv und organisations.csv daneben)',
  countRows: ([r]) => (r ? r.projects.length + r.participations.length + r.organisations.length : 0),
  companionFiles: (file) => ['participations.csv', 'organisations.csv'].map((f) => path.join(path.dirname(file), f)),
  async read(file) {
    const errors: RowError[] = [];
    const dir = path.dirname(file);
    const projects = await readRows(file, projectRow, 'projects.csv', errors);
    const participations = await readRows(
      path.join(dir, 'participations.csv'),
      participationRow,
      'participations.csv',
      errors,
    );
    const organisations = await readRows(
      path.join(dir, 'organisations.csv'),
      organisationRow,
      'organisations.csv',
      errors,
    );
    const rcns = new Set(projects.map((p) => p.rcn));
    for (const p of participations) {
      if (!rcns.has(p.rcn))
        errors.push({ row: p.line, field: 'participations.csv:rcn', reason: `Projekt ${p.rcn} fehlt in projects.csv` });
    }
    return { records: [{ organisations, projects, participations }], errors };
  },
  async write(tx, [records], ctx): Promise<Record<string, number>> {
    if (!records) return {};
    const prov = (file: string, row: number): Provenance => ({ kind: 'import', importKind: 'cordis-h2020', file, row });
    const regionIds = await regionKeyIndex(tx, 'DE');
    const italian = await regionKeyIndex(tx, 'IT');
    const regionOf = (o: Organisation) =>
      o.region === 'NRW'
        ? (regionIds.get(`municipality:${o.municipality_code}`) ?? null)
        : o.region === 'PIEMONTE'
          ? (italian.get(`municipality:${o.municipality_code}`) ?? null)
          : null;

    // Every PIC taking part gets an organisation: from organisations.csv, else from the participation.
    const byPic = new Map<
      string,
      {
        name: string;
        type: OrganisationType;
        country: string | null;
        regionId: number | null;
        city: string | null;
        street: string | null;
        shortName: string | null;
        activityType: string;
        provenance: Provenance;
      }
    >();
    for (const o of records.organisations) {
      byPic.set(o.pic, {
        name: o.name,
        type: typeOf[o.activity_type] ?? 'other',
        country: o.country,
        regionId: regionOf(o),
        city: o.city || null,
        street: o.street || null,
        shortName: o.short_name || null,
        activityType: o.activity_type,
        provenance: prov('organisations.csv', o.line),
      });
    }
    for (const p of records.participations) {
      if (byPic.has(p.pic)) continue;
      byPic.set(p.pic, {
        // A quarter of the participations name no organisation; the PIC is all CORDIS gives here.
        name: p.org_name || `Organisation PIC ${p.pic} (Name nicht veröffentlicht)`,
        type: typeOf[p.type] ?? 'other',
        country: p.country || null,
        regionId: null,
        city: null,
        street: null,
        shortName: null,
        activityType: p.type,
        provenance: prov('participations.csv', p.line),
      });
    }
    const known = await organisationsByIdentifier(tx, 'pic', [...byPic.keys()]);
    const missing = [...byPic.entries()].filter(([p]) => !known.has(p));
    const byName = await ensureOrganisations(
      tx,
      missing.map(([, o]) => o),
    );
    const orgIdOf = new Map<string, number>(known);
    for (const [p, o] of missing) orgIdOf.set(p, byName.get(normaliseOrganisationName(o.name)) as number);
    await attachIdentifiers(
      tx,
      [...byPic.entries()].map(([p, o]) => ({
        organisationId: orgIdOf.get(p) as number,
        scheme: 'pic' as const,
        value: p,
        provenance: o.provenance,
        alias: o.name,
        details: o,
      })),
    );
    await attachNace(
      tx,
      [...byPic.entries()].flatMap(([p, o]) => {
        const code = naceOf[o.activityType];
        return code ? [{ organisationId: orgIdOf.get(p) as number, code, provenance: o.provenance }] : [];
      }),
    );

    const programmeId = await upsertProgramme(tx, {
      slug: 'horizon-2020',
      name: 'Horizon 2020 (Projekte mit NRW- und Piemont-Beteiligung)',
      description:
        'EU-Rahmenprogramm für Forschung und Innovation 2014–2020: Projekte mit Start 2014–2018 und mindestens einem Partner aus Nordrhein-Westfalen oder dem Piemont, mit ihren vollständigen Konsortien (CORDIS).',
      owner: 'Europäische Kommission',
      periodStart: '2014-01-01',
      periodEnd: '2020-12-31',
      provenance: prov(ctx.fileName, 1),
    });
    const parts = (p: Project) => p.programme_parts.split(';').filter(Boolean);
    const partNames = [...new Set(records.projects.flatMap(parts))];
    const fields = await ensureFieldsOfAction(
      tx,
      programmeId,
      partNames.map((code, i) => ({
        name: partLabels[code] ?? code,
        position: i + 1,
        provenance: prov(ctx.fileName, records.projects.find((p) => parts(p).includes(code))?.line ?? 1),
      })),
    );
    const participationsOf = new Map<string, Participation[]>();
    for (const part of records.participations)
      participationsOf.set(part.rcn, [...(participationsOf.get(part.rcn) ?? []), part]);
    const today = new Date().toISOString().slice(0, 10);
    const drafts = records.projects.map((p): ProjectDraft => {
      const consortium = new Map<
        number,
        { name: string; role: 'lead' | 'partner'; contributionCents: number | null }
      >();
      for (const part of participationsOf.get(p.rcn) ?? []) {
        const id = orgIdOf.get(part.pic) as number;
        const previous = consortium.get(id);
        consortium.set(id, {
          name: byPic.get(part.pic)?.name ?? part.pic,
          role: part.role === 'coordinator' || previous?.role === 'lead' ? 'lead' : 'partner',
          contributionCents: (previous?.contributionCents ?? 0) + (part.contribution ?? 0),
        });
      }
      const primary = parts(p)[0];
      const ended = p.end_date < today;
      return {
        programmeId,
        fieldOfActionId: primary ? (fields.get(partLabels[primary] ?? primary) ?? null) : null,
        reference: `H2020-${p.rcn}`,
        title: `Horizon-2020-Projekt ${p.rcn}${p.coordinator_name ? ` – Koordination: ${p.coordinator_name}` : ''}`,
        summary: `CORDIS-Datensatz ${p.rcn}: ${p.n_participants} Partner aus ${p.countries.split(';').join(', ')}. Der Projekttitel ist in der Quelle nicht enthalten.`,
        startDate: p.start_date,
        endDate: p.end_date,
        organisations: [...consortium.entries()].map(([organisationId, c]) => ({ organisationId, ...c })),
        statusChanges: [
          {
            status: 'in_progress',
            changedOn: p.start_date,
            comment: 'Projektbeginn laut CORDIS.',
            provenance: prov(ctx.fileName, p.line),
          },
          ...(ended
            ? [
                {
                  status: 'completed' as const,
                  changedOn: p.end_date,
                  comment: 'Projektende laut CORDIS.',
                  provenance: prov(ctx.fileName, p.line),
                },
              ]
            : []),
        ],
        fundingLines:
          p.max_contribution === null
            ? []
            : [
                {
                  source: 'eu_horizon',
                  kind: 'committed',
                  amountCents: p.max_contribution,
                  year: Number(p.start_date.slice(0, 4)),
                  note: 'EU-Beitrag (Höchstbetrag) laut CORDIS',
                  provenance: prov(ctx.fileName, p.line),
                },
              ],
        searchTerms: parts(p).map((code) => partLabels[code] ?? code),
        provenance: prov(ctx.fileName, p.line),
      };
    });
    const ids = await replaceProgrammeProjects(tx, programmeId, drafts);
    return {
      programmes: 1,
      fieldsOfAction: fields.size,
      organisations: byPic.size,
      projects: ids.length,
      participations: records.participations.length,
    };
  },
};
