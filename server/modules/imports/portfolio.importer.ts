import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
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

const isoDate = z.iso.date();
/** A passage of a seed document that states the fact; checked against the document's text. */
const evidenceSchema = z.object({ document: z.string().min(1), passage: z.string().min(10) });
const regionKeySchema = z.object({
  country: z.enum(['DE', 'IT']).default('DE'),
  level: z.enum(['state', 'admin_district', 'district', 'municipality', 'region', 'province']),
  code: z.string().min(1),
});

const portfolioSchema = z.object({
  documentsDir: z.string().min(1),
  documents: z.record(z.string(), z.object({ title: z.string().min(1), publishedOn: isoDate.optional() })),
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
type Loaded = Portfolio & { texts: Map<string, string> };

/** Whitespace- and hyphenation-insensitive form of a text, to find a passage in its document. */
function flatten(text: string): string {
  return text
    .replace(/-\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every `evidence` object in the file with its JSON path, for the passage check. */
function* citations(p: Portfolio): Generator<[string, z.infer<typeof evidenceSchema>]> {
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
export const portfolioImporter: Importer<Loaded> = {
  kind: 'portfolio',
  description: 'Programme, Handlungsfelder, Kennzahlen und Projekte aus einer JSON-Datei mit Quellenbelegen',
  countRows: ([p]) =>
    p ? p.programmes.reduce((n, prog) => n + 1 + prog.projects.length + prog.reportedFigures.length, 0) : 0,
  async read(file) {
    const errors: RowError[] = [];
    let json: unknown;
    try {
      json = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (err) {
      return {
        records: [],
        errors: [{ row: 1, field: '(Datei)', reason: `kein gültiges JSON: ${(err as Error).message}` }],
      };
    }
    const parsed = portfolioSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row: Number(issue.path[1] ?? 0) + 1, field: issue.path.join('.'), reason: issue.message });
      }
      return { records: [], errors };
    }
    const texts = new Map<string, string>();
    for (const name of Object.keys(parsed.data.documents)) {
      try {
        texts.set(
          name,
          flatten(await fs.readFile(path.resolve(path.dirname(file), parsed.data.documentsDir, name), 'utf8')),
        );
      } catch {
        errors.push({ row: 1, field: `documents.${name}`, reason: 'Dokument nicht gefunden' });
      }
    }
    for (const [at, s] of citations(parsed.data)) {
      const row = Number(at.split('.')[1]) + 1;
      const text = texts.get(s.document);
      if (!(s.document in parsed.data.documents)) {
        errors.push({
          row,
          field: `${at}.document`,
          reason: `Dokument ${s.document} ist nicht unter documents aufgeführt`,
        });
      } else if (text !== undefined && !text.includes(flatten(s.passage))) {
        errors.push({ row, field: `${at}.passage`, reason: `Textstelle steht nicht in ${s.document}` });
      }
    }
    return { records: errors.length === 0 ? [{ ...parsed.data, texts }] : [], errors };
  },
  async write(tx, [portfolio], _ctx) {
    if (!portfolio) return {};
    const cite = (s: z.infer<typeof evidenceSchema>): Provenance => {
      const doc = portfolio.documents[s.document];
      return {
        kind: 'seed',
        document: s.document,
        title: doc?.title ?? s.document,
        publishedOn: doc?.publishedOn,
        passage: s.passage,
      };
    };
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
