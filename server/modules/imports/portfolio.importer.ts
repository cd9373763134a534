import { z } from 'zod';
import {
  fundingKindSchema,
  fundingSourceSchema,
  organisationTypeSchema,
  projectStatusSchema,
} from '../../../contracts/portfolio';
import { AppError } from '../../errors';
import { ensureOrganisations, normaliseOrganisationName } from '../organisations';
import { ensureFieldsOfAction, replaceReportedFigures, upsertProgramme } from '../programmes';
import { type ProjectDraft, replaceProgrammeProjects } from '../projects';
import { regionKeyIndex } from '../regions';
import type { Importer, RowError } from './importer';
import {
  checkCitations,
  citer,
  type Evidence,
  evidenceSchema,
  readSeedFile,
  regionKeySchema,
  seedDocumentsSchema,
} from './seed-documents';

const isoDate = z.iso.date();

const portfolioSchema = seedDocumentsSchema.extend({
  programmes: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9-]+$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche'),
      name: z.string().min(1),
      description: z.string().nullable().default(null),
      owner: z.string().nullable().default(null),
      periodStart: isoDate.nullable().default(null),
      periodEnd: isoDate.nullable().default(null),
      evidence: evidenceSchema,
      fieldsOfAction: z.array(z.object({ name: z.string().min(1), evidence: evidenceSchema })).default([]),
      reportedFigures: z
        .array(
          z
            .object({
              metric: z.string().regex(/^[a-z_.]+$/),
              label: z.string().min(1),
              count: z.number().int().nonnegative().optional(),
              amountEur: z.number().nonnegative().optional(),
              qualifier: z.enum(['exact', 'approx', 'up_to', 'more_than']).default('exact'),
              periodStart: isoDate.nullable().default(null),
              periodEnd: isoDate.nullable().default(null),
              publishedOn: isoDate,
              evidence: evidenceSchema,
            })
            .refine((f) => (f.count === undefined) !== (f.amountEur === undefined), {
              message: 'genau eines von count und amountEur angeben',
            }),
        )
        .default([]),
      projects: z
        .array(
          z.object({
            title: z.string().min(1),
            summary: z.string().nullable().default(null),
            fieldOfAction: z.string().nullable().default(null),
            isPartnerProject: z.boolean().default(false),
            region: regionKeySchema.nullable().default(null),
            organisations: z
              .array(
                z.object({
                  name: z.string().min(1),
                  type: organisationTypeSchema,
                  role: z.enum(['lead', 'partner']),
                  region: regionKeySchema.nullable().default(null),
                  evidence: evidenceSchema.optional(),
                }),
              )
              .default([]),
            statusChanges: z
              .array(
                z.object({
                  status: projectStatusSchema,
                  changedOn: isoDate.nullable().default(null),
                  comment: z.string().nullable().default(null),
                  evidence: evidenceSchema,
                }),
              )
              .default([]),
            fundingLines: z
              .array(
                z.object({
                  source: fundingSourceSchema,
                  kind: fundingKindSchema,
                  amountEur: z.number().positive(),
                  year: z.number().int().min(1990).max(2100).nullable().default(null),
                  note: z.string().nullable().default(null),
                  evidence: evidenceSchema,
                }),
              )
              .default([]),
            evidence: evidenceSchema,
          }),
        )
        .default([]),
    }),
  ),
});
type Portfolio = z.infer<typeof portfolioSchema>;
/** Every `evidence` object in the file with its JSON path, for the passage check. */
function* citations(p: Portfolio): Generator<[string, Evidence]> {
  for (const [i, prog] of p.programmes.entries()) {
    const at = `programmes.${i}`;
    yield [`${at}.evidence`, prog.evidence];
    for (const [j, f] of prog.fieldsOfAction.entries()) yield [`${at}.fieldsOfAction.${j}.evidence`, f.evidence];
    for (const [j, f] of prog.reportedFigures.entries()) yield [`${at}.reportedFigures.${j}.evidence`, f.evidence];
    for (const [j, pr] of prog.projects.entries()) {
      yield [`${at}.projects.${j}.evidence`, pr.evidence];
      for (const [k, o] of pr.organisations.entries()) {
        if (o.evidence) yield [`${at}.projects.${j}.organisations.${k}.evidence`, o.evidence];
      }
      for (const [k, s] of pr.statusChanges.entries())
        yield [`${at}.projects.${j}.statusChanges.${k}.evidence`, s.evidence];
      for (const [k, l] of pr.fundingLines.entries())
        yield [`${at}.projects.${j}.fundingLines.${k}.evidence`, l.evidence];
    }
  }
}

/**
 * A portfolio described in JSON — programmes, fields of action, reported figures and projects —
 * where every fact cites a passage of a source document. The import refuses a passage that the
 * document does not contain, so the demo data cannot drift from its sources.
 */
export const portfolioImporter: Importer<Portfolio> = {
  kind: 'portfolio',
  description: 'Programme, Handlungsfelder, Kennzahlen und Projekte aus einer JSON-Datei mit Quellenbelegen',
  countRows: ([p]) =>
    p ? p.programmes.reduce((n, prog) => n + 1 + prog.projects.length + prog.reportedFigures.length, 0) : 0,
  async read(file) {
    const errors: RowError[] = [];
    const portfolio = await readSeedFile(file, portfolioSchema, errors);
    if (portfolio) await checkCitations(file, portfolio, citations(portfolio), errors);
    return { records: portfolio && errors.length === 0 ? [portfolio] : [], errors };
  },
  async write(tx, [portfolio], _ctx) {
    if (!portfolio) return {};
    const cite = citer(portfolio);
    const regionIds = await regionKeyIndex(tx, 'DE');
    for (const [k, v] of await regionKeyIndex(tx, 'IT')) regionIds.set(`IT:${k}`, v);
    const errors: RowError[] = [];
    const regionOf = (key: z.infer<typeof regionKeySchema> | null, row: number, field: string) => {
      if (!key) return null;
      const id = regionIds.get(`${key.country === 'IT' ? 'IT:' : ''}${key.level}:${key.code}`);
      if (id === undefined)
        errors.push({
          row,
          field,
          reason: `Region ${key.level} ${key.code} ist nicht bekannt — zuerst Regionen importieren`,
        });
      return id ?? null;
    };
    const summary = { programmes: 0, fieldsOfAction: 0, reportedFigures: 0, projects: 0, organisations: 0 };
    for (const [i, prog] of portfolio.programmes.entries()) {
      const programmeId = await upsertProgramme(tx, { ...prog, provenance: cite(prog.evidence) });
      const fields = await ensureFieldsOfAction(
        tx,
        programmeId,
        prog.fieldsOfAction.map((f, i) => ({ name: f.name, position: i + 1, provenance: cite(f.evidence) })),
      );
      await replaceReportedFigures(
        tx,
        programmeId,
        prog.reportedFigures.map((f) => ({
          metric: f.metric,
          label: f.label,
          value: f.count ?? Math.round((f.amountEur ?? 0) * 100),
          unit: f.count !== undefined ? 'count' : 'eur_cents',
          qualifier: f.qualifier,
          periodStart: f.periodStart,
          periodEnd: f.periodEnd,
          publishedOn: f.publishedOn,
          provenance: cite(f.evidence),
        })),
      );
      const orgDrafts = prog.projects.flatMap((p, j) =>
        p.organisations.map((o, k) => ({
          name: o.name,
          type: o.type,
          regionId: regionOf(o.region, i + 1, `programmes.${i}.projects.${j}.organisations.${k}.region`),
          provenance: cite(o.evidence ?? p.evidence),
        })),
      );
      const orgIds = await ensureOrganisations(tx, orgDrafts);
      const drafts = prog.projects.map((p, j): ProjectDraft => {
        const fieldOfActionId = p.fieldOfAction === null ? null : (fields.get(p.fieldOfAction) ?? null);
        if (p.fieldOfAction !== null && fieldOfActionId === null) {
          errors.push({
            row: i + 1,
            field: `programmes.${i}.projects.${j}.fieldOfAction`,
            reason: `Handlungsfeld „${p.fieldOfAction}“ fehlt`,
          });
        }
        return {
          programmeId,
          fieldOfActionId,
          title: p.title,
          summary: p.summary,
          isPartnerProject: p.isPartnerProject,
          regionId: regionOf(p.region, i + 1, `programmes.${i}.projects.${j}.region`),
          organisations: p.organisations.map((o) => ({
            organisationId: orgIds.get(normaliseOrganisationName(o.name)) as number,
            name: o.name,
            role: o.role,
          })),
          statusChanges: p.statusChanges.map((s) => ({ ...s, provenance: cite(s.evidence) })),
          fundingLines: p.fundingLines.map((l) => ({
            source: l.source,
            kind: l.kind,
            amountCents: Math.round(l.amountEur * 100),
            year: l.year,
            note: l.note,
            provenance: cite(l.evidence),
          })),
          searchTerms: p.fieldOfAction ? [p.fieldOfAction] : [],
          provenance: cite(p.evidence),
        };
      });
      if (errors.length > 0)
        throw new AppError('import_failed', `${errors.length} Angaben verweisen auf Unbekanntes.`, { errors });
      const ids = await replaceProgrammeProjects(tx, programmeId, drafts);
      summary.programmes++;
      summary.fieldsOfAction += fields.size;
      summary.reportedFigures += prog.reportedFigures.length;
      summary.projects += ids.length;
      summary.organisations += orgIds.size;
    }
    return summary;
  },
};
