import { eq, inArray } from 'drizzle-orm';
import type { Provenance } from '../../../contracts/common';
import type { GrantImportField, GrantImportMapping, GrantImportSummary } from '../../../contracts/grant-import';
import { chunks } from '../../db/batch';
import type { Db } from '../../db/client';
import { grants, organisations, programmes, projects } from '../../db/schema';
import { type Actor, canEditFunding } from '../accounts';
import { type GrantInsert, grantProblems, insertGrants } from '../grants';
import { ensureOrganisations } from '../organisations';
import { insertProjects, type ProjectDraft } from '../projects';
import { type GrantRows, grantFieldLabels, type LineRow, readGrantRows } from './grant-rows';
import { foldLabel } from './grant-values';
import type { Importer, RowError } from './importer';

export const GRANT_IMPORT_KIND = 'grants';

type Partner = { key: string; name: string; role: 'lead' | 'partner'; shareCents: number; line: number };

/** A validated grant, ready to write: its programme, its project (new or existing), its consortium. */
export type GrantRecord = {
  line: number;
  programmeId: number;
  projectKey: string;
  projectReference: string;
  projectTitle: string;
  existingProjectId: number | null;
  reference: string;
  title: string;
  funder: string;
  decidedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  amountCents: number;
  partners: Partner[];
  lines: LineRow[];
};

/**
 * The generic grant import for one column mapping, run by one actor: rows become funding lines of
 * grants to consortia, grants of (new or existing) projects of existing programmes the actor may
 * edit the money of. Every grant is checked like a grant entered by hand (`grantProblems`).
 */
export function grantImporter(mapping: GrantImportMapping, actor: Actor): Importer<GrantRecord, GrantImportSummary> {
  const label = (field: GrantImportField) => mapping.columns[field] ?? grantFieldLabels[field];
  return {
    kind: GRANT_IMPORT_KIND,
    description: 'Förderungen aus CSV/XLSX mit Spaltenzuordnung (--mapping)',
    fingerprint: JSON.stringify(mapping),
    countRows: (records) => records.reduce((n, r) => n + r.lines.length, 0),
    async read(file, { db, onProgress }) {
      const { grants: read, rows, errors, titleOf } = await readGrantRows(file, mapping, onProgress);
      const programmeIds = await programmesByName(db);
      const programmeOf = new Map<string, { id: number; name: string } | null>();
      for (const g of read) {
        const key = foldLabel(g.programme);
        if (!programmeOf.has(key)) programmeOf.set(key, programmeIds.get(key) ?? null);
      }
      const existing = await existingRecords(db, read);
      const records: GrantRecord[] = [];
      let validated = 0;
      for (const g of read) {
        if (++validated % 1000 === 0) onProgress?.('validate', validated, read.length);
        const programme = programmeOf.get(foldLabel(g.programme)) ?? null;
        const rowErrors = (field: GrantImportField, reason: string) =>
          errors.push(...g.lines.map((l) => ({ row: l.line, field: label(field), reason })));
        if (!programme) {
          rowErrors('programme', `Programm „${g.programme}“ gibt es nicht (Kürzel oder Name eines Programms)`);
          continue;
        }
        if (!canEditFunding(actor, programme.id)) {
          rowErrors('programme', `Förderungen des Programms „${programme.name}“ dürfen Sie nicht importieren`);
          continue;
        }
        if (existing.grants.has(`${programme.id}\u0000${g.reference}`)) {
          errors.push({
            row: g.line,
            field: label('grantReference'),
            reason: `Eine Förderung ${g.reference} gibt es im Programm „${programme.name}“ schon`,
          });
          continue;
        }
        const projects = existing.projects.get(`${programme.id}\u0000${g.projectReference}`) ?? [];
        if (projects.length > 1) {
          errors.push({
            row: g.line,
            field: label('projectReference'),
            reason: `Projektnummer ${g.projectReference} ist im Programm mehrdeutig (${projects.length} Projekte)`,
          });
          continue;
        }
        const record = validateGrant(
          g,
          programme.id,
          projects[0] ?? null,
          titleOf,
          errors,
          label,
          mapping.columns.share !== undefined,
        );
        if (record) records.push(record);
      }
      onProgress?.('validate', read.length, read.length);
      const keys = [...new Set(records.flatMap((r) => r.partners.map((p) => p.key)))];
      const known = await knownOrganisations(db, keys);
      errors.sort((a, b) => a.row - b.row);
      return { records, errors, preview: summarise(records, rows, programmeOf, keys.length, known) };
    },
    async write(tx, records, ctx) {
      const prov = (row: number): Provenance => ({
        kind: 'import',
        importKind: GRANT_IMPORT_KIND,
        file: ctx.fileName,
        row,
      });
      const names = new Map<string, Partner>();
      for (const r of records) for (const p of r.partners) if (!names.has(p.key)) names.set(p.key, p);
      const orgIds = await ensureOrganisations(
        tx,
        [...names.values()].map((p) => ({ name: p.name, provenance: prov(p.line) })),
      );
      const orgId = (key: string) => orgIds.get(key) as number;
      const drafts = new Map<string, ProjectDraft>();
      for (const r of records) {
        if (r.existingProjectId !== null) continue;
        const draft = drafts.get(r.projectKey) ?? {
          programmeId: r.programmeId,
          reference: r.projectReference,
          title: r.projectTitle,
          startDate: r.periodStart,
          endDate: r.periodEnd,
          organisations: [],
          statusChanges: [],
          fundingLines: [],
          provenance: prov(r.line),
        };
        drafts.set(r.projectKey, draft);
        if (r.periodStart && (!draft.startDate || r.periodStart < draft.startDate)) draft.startDate = r.periodStart;
        if (r.periodEnd && (!draft.endDate || r.periodEnd > draft.endDate)) draft.endDate = r.periodEnd;
        for (const p of r.partners) {
          if (draft.organisations.some((o) => o.organisationId === orgId(p.key))) continue;
          draft.organisations.push({ organisationId: orgId(p.key), name: p.name, role: p.role });
        }
      }
      const newIds = await insertProjects(tx, [...drafts.values()]);
      const projectIds = new Map([...drafts.keys()].map((key, i) => [key, newIds[i] as number]));
      const total = records.reduce((n, r) => n + r.lines.length, 0);
      let written = 0;
      // Grants of one project in one chunk: insertGrants refreshes each project's headline amount once.
      const byProject = [...records].sort((a, b) =>
        a.projectKey < b.projectKey ? -1 : a.projectKey > b.projectKey ? 1 : 0,
      );
      for (const part of chunks(byProject, 5000)) {
        await insertGrants(
          tx,
          part.map(
            (r): GrantInsert => ({
              projectId: r.existingProjectId ?? (projectIds.get(r.projectKey) as number),
              reference: r.reference,
              title: r.title,
              funderName: r.funder,
              amountCents: r.amountCents,
              decidedOn: r.decidedOn,
              periodStart: r.periodStart,
              periodEnd: r.periodEnd,
              partners: r.partners.map((p) => ({
                organisationId: orgId(p.key),
                role: p.role,
                shareCents: p.shareCents,
              })),
              lines: r.lines.map((l) => ({
                organisationId: orgId(l.recipientKey),
                source: l.source,
                kind: l.kind,
                amountCents: l.amountCents,
                year: l.year,
                provenance: prov(l.line),
              })),
              provenance: prov(r.line),
            }),
          ),
        );
        written += part.reduce((n, r) => n + r.lines.length, 0);
        ctx.onProgress?.(written, total);
      }
      return {
        programmes: new Set(records.map((r) => r.programmeId)).size,
        projects: drafts.size,
        projectsExisting: new Set(records.filter((r) => r.existingProjectId !== null).map((r) => r.projectKey)).size,
        grants: records.length,
        organisations: orgIds.size,
        lines: total,
      };
    },
  };
}

/** Programmes by folded slug and by folded name. */
async function programmesByName(db: Db) {
  const rows = await db.select({ id: programmes.id, slug: programmes.slug, name: programmes.name }).from(programmes);
  const byName = new Map<string, { id: number; name: string }>();
  for (const p of rows) {
    byName.set(foldLabel(p.name), { id: p.id, name: p.name });
    byName.set(foldLabel(p.slug), { id: p.id, name: p.name });
  }
  return byName;
}

/** Grants with the file's references and projects with its project references, keyed by programme. */
async function existingRecords(db: Db, read: GrantRows[]) {
  const found = { grants: new Set<string>(), projects: new Map<string, number[]>() };
  for (const part of chunks([...new Set(read.map((g) => g.reference))], 1000)) {
    const rows = await db
      .select({ reference: grants.reference, programmeId: projects.programmeId })
      .from(grants)
      .innerJoin(projects, eq(projects.id, grants.projectId))
      .where(inArray(grants.reference, part));
    for (const r of rows) found.grants.add(`${r.programmeId}\u0000${r.reference}`);
  }
  for (const part of chunks([...new Set(read.map((g) => g.projectReference))], 1000)) {
    const rows = await db
      .select({ id: projects.id, reference: projects.reference, programmeId: projects.programmeId })
      .from(projects)
      .where(inArray(projects.reference, part));
    for (const r of rows) {
      const key = `${r.programmeId}\u0000${r.reference}`;
      found.projects.set(key, [...(found.projects.get(key) ?? []), r.id]);
    }
  }
  return found;
}

async function knownOrganisations(db: Db, keys: string[]): Promise<number> {
  let known = 0;
  for (const part of chunks(keys, 1000)) {
    const rows = await db
      .select({ key: organisations.normalisedName })
      .from(organisations)
      .where(inArray(organisations.normalisedName, part));
    known += rows.length;
  }
  return known;
}

/**
 * A grant's consortium, shares and amount from its rows, checked by the grant rules. Without a
 * role column the first recipient is the lead; without a share column a partner's share is its
 * committed (else planned) money; without a grant amount column the grant's amount is the sum of
 * its committed (else planned) lines.
 */
function validateGrant(
  g: GrantRows,
  programmeId: number,
  existingProjectId: number | null,
  titleOf: (programme: string, reference: string) => string | null,
  errors: RowError[],
  label: (field: GrantImportField) => string,
  hasShareColumn: boolean,
): GrantRecord | null {
  const before = errors.length;
  const basis = g.lines.some((l) => l.kind === 'committed') ? 'committed' : 'planned';
  const partners = new Map<string, Partner & { explicitRole: boolean; explicitShare: boolean }>();
  for (const l of g.lines) {
    const p = partners.get(l.recipientKey);
    if (!p) {
      partners.set(l.recipientKey, {
        key: l.recipientKey,
        name: l.recipient,
        role: l.role ?? 'partner',
        explicitRole: l.role !== null,
        shareCents: l.shareCents ?? 0,
        explicitShare: l.shareCents !== null,
        line: l.line,
      });
      continue;
    }
    if (l.role !== null && p.explicitRole && l.role !== p.role) {
      errors.push({ row: l.line, field: label('role'), reason: `Rolle weicht von Zeile ${p.line} ab` });
    } else if (l.role !== null) Object.assign(p, { role: l.role, explicitRole: true });
    if (l.shareCents !== null && p.explicitShare && l.shareCents !== p.shareCents) {
      errors.push({ row: l.line, field: label('share'), reason: `Anteil weicht von Zeile ${p.line} ab` });
    } else if (l.shareCents !== null) Object.assign(p, { shareCents: l.shareCents, explicitShare: true });
  }
  const list = [...partners.values()];
  const first = list[0];
  if (first && !list.some((p) => p.role === 'lead') && !first.explicitRole) first.role = 'lead';
  for (const p of list) {
    if (!p.explicitShare) {
      p.shareCents = g.lines
        .filter((l) => l.recipientKey === p.key && l.kind === basis)
        .reduce((s, l) => s + l.amountCents, 0);
    }
  }
  const amountCents =
    g.grantAmountCents ?? g.lines.filter((l) => l.kind === basis).reduce((s, l) => s + l.amountCents, 0);
  if (amountCents <= 0) {
    errors.push({
      row: g.line,
      field: label(g.grantAmountCents === null ? 'amount' : 'grantAmount'),
      reason: 'Förderung ohne bewilligten oder geplanten Betrag',
    });
  }
  const projectTitle = titleOf(g.programme, g.projectReference) ?? g.title;
  if (projectTitle === null) {
    errors.push({ row: g.line, field: label('projectTitle'), reason: 'Titel fehlt (des Projekts oder der Förderung)' });
  }
  const index = new Map(list.map((p, i) => [p.key, i + 1]));
  const problems = grantProblems({
    amountCents,
    decidedOn: g.decidedOn,
    periodStart: g.periodStart,
    periodEnd: g.periodEnd,
    partners: list.map((p) => ({ organisationId: index.get(p.key) as number, role: p.role, shareCents: p.shareCents })),
    lines: g.lines.map((l) => ({
      organisationId: index.get(l.recipientKey) as number,
      source: l.source,
      kind: l.kind,
      amountCents: l.amountCents,
      year: l.year,
    })),
  });
  for (const problem of problems) {
    const [, i, what] = /^lines\.(\d+)\.(\w+)$/.exec(problem.field) ?? [];
    const line = i === undefined ? undefined : g.lines[Number(i)];
    if (line) {
      const field = what === 'year' ? 'year' : what === 'organisationId' ? 'recipient' : 'amount';
      errors.push({ row: line.line, field: label(field), reason: problem.reason });
    } else {
      const field: GrantImportField =
        problem.field === 'periodEnd' || problem.field === 'decidedOn'
          ? problem.field
          : problem.field.startsWith('partners.')
            ? 'recipient'
            : hasShareColumn
              ? 'share'
              : g.grantAmountCents !== null
                ? 'grantAmount'
                : 'amount';
      errors.push({ row: g.line, field: label(field), reason: problem.reason });
    }
  }
  if (errors.length > before || projectTitle === null) return null;
  return {
    line: g.line,
    programmeId,
    projectKey: `${programmeId}\u0000${g.projectReference}`,
    projectReference: g.projectReference,
    projectTitle,
    existingProjectId,
    reference: g.reference,
    title: g.title ?? projectTitle,
    funder: g.funder,
    decidedOn: g.decidedOn,
    periodStart: g.periodStart,
    periodEnd: g.periodEnd,
    amountCents,
    partners: list.map(({ key, name, role, shareCents, line }) => ({ key, name, role, shareCents, line })),
    lines: g.lines,
  };
}

function summarise(
  records: GrantRecord[],
  rows: number,
  programmeOf: Map<string, { id: number; name: string } | null>,
  organisationCount: number,
  knownOrganisations: number,
): GrantImportSummary {
  const byProgramme = new Map<number, { id: number; name: string; grants: number; amountCents: number }>();
  for (const p of programmeOf.values()) if (p) byProgramme.set(p.id, { ...p, grants: 0, amountCents: 0 });
  const bySource = new Map<string, { source: string; kind: string; amountCents: number }>();
  const projectKeys = new Map<string, boolean>();
  let lines = 0;
  for (const r of records) {
    const p = byProgramme.get(r.programmeId);
    if (p) {
      p.grants++;
      p.amountCents += r.amountCents;
    }
    projectKeys.set(r.projectKey, r.existingProjectId !== null);
    for (const l of r.lines) {
      lines++;
      const key = `${l.source}/${l.kind}`;
      const s = bySource.get(key) ?? { source: l.source, kind: l.kind, amountCents: 0 };
      s.amountCents += l.amountCents;
      bySource.set(key, s);
    }
  }
  const existingProjects = [...projectKeys.values()].filter(Boolean).length;
  return {
    rows,
    programmes: [...byProgramme.values()].filter((p) => p.grants > 0),
    projects: { new: projectKeys.size - existingProjects, existing: existingProjects },
    grants: records.length,
    organisations: { new: organisationCount - knownOrganisations, existing: knownOrganisations },
    lines,
    amountBySource: [...bySource.values()].sort(
      (a, b) => a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind),
    ),
  };
}
