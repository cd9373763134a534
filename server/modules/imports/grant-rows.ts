import type { GrantImportField, GrantImportMapping } from '../../../contracts/grant-import';
import { requiredGrantImportFields } from '../../../contracts/grant-import';
import type { FundingKind, FundingSource } from '../../../contracts/portfolio';
import { AppError } from '../../errors';
import { normaliseOrganisationName } from '../organisations';
import {
  foldLabel,
  type Parsed,
  parseAmount,
  parseDate,
  parseKind,
  parseRole,
  parseSource,
  parseYear,
} from './grant-values';
import type { RowError, RowProgress } from './importer';
import { type Cell, cellText, readTable } from './table-file';

/** How a field is named in an error when no column holds it. */
export const grantFieldLabels: Record<GrantImportField, string> = {
  programme: 'Programm',
  projectReference: 'Projektnummer',
  projectTitle: 'Projekttitel',
  grantReference: 'Förderkennzeichen',
  grantTitle: 'Titel der Förderung',
  funder: 'Fördergeber',
  decidedOn: 'Bewilligungsdatum',
  periodStart: 'Beginn',
  periodEnd: 'Ende',
  grantAmount: 'Bewilligungssumme',
  recipient: 'Empfänger',
  role: 'Rolle',
  share: 'Anteil',
  source: 'Quelle',
  kind: 'Art',
  amount: 'Betrag',
  year: 'Jahr',
};

/** One row: one funding line of one recipient of a grant. */
export type LineRow = {
  line: number;
  recipient: string;
  recipientKey: string;
  role: 'lead' | 'partner' | null;
  shareCents: number | null;
  source: FundingSource;
  kind: FundingKind;
  amountCents: number;
  year: number | null;
};

/** A grant as the rows with its reference give it; grant facts come from its first row. */
export type GrantRows = {
  line: number;
  programme: string;
  projectReference: string;
  projectTitle: string | null;
  reference: string;
  title: string | null;
  funder: string;
  decidedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  grantAmountCents: number | null;
  lines: LineRow[];
};

const grantFacts = [
  'programme',
  'projectReference',
  'title',
  'funder',
  'decidedOn',
  'periodStart',
  'periodEnd',
  'grantAmountCents',
] as const;
const factField: Record<(typeof grantFacts)[number], GrantImportField> = {
  programme: 'programme',
  projectReference: 'projectReference',
  title: 'grantTitle',
  funder: 'funder',
  decidedOn: 'decidedOn',
  periodStart: 'periodStart',
  periodEnd: 'periodEnd',
  grantAmountCents: 'grantAmount',
};

/** The column of each mapped field; a mapped header missing from the file is a bad mapping (400). */
export function columnIndexes(mapping: GrantImportMapping, headers: string[]): Map<GrantImportField, number> {
  const indexes = new Map<GrantImportField, number>();
  const problems: { field: string; reason: string }[] = [];
  for (const [field, header] of Object.entries(mapping.columns) as [GrantImportField, string][]) {
    const i = headers.findIndex((h) => h.trim() === header.trim());
    if (i < 0)
      problems.push({ field: `mapping.columns.${field}`, reason: `Spalte „${header}“ gibt es in der Datei nicht` });
    else indexes.set(field, i);
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', `Ungültige Zuordnung: ${problems.map((p) => p.field).join(', ')}`, {
      fields: problems,
    });
  }
  return indexes;
}

/**
 * Reads the file with the mapping: parses every cell, reports every bad one, and groups the rows
 * into grants (by grant reference); rows of one grant must agree on its facts, rows of one
 * project (programme and project reference) on its title.
 */
export async function readGrantRows(file: string, mapping: GrantImportMapping, onProgress?: RowProgress) {
  const errors: RowError[] = [];
  const grants = new Map<string, GrantRows>();
  const projectTitles = new Map<string, { title: string | null; line: number }>();
  const label = (field: GrantImportField) => mapping.columns[field] ?? grantFieldLabels[field];
  const defaults = mapping.defaults as Partial<Record<GrantImportField, string>>;
  let indexes: Map<GrantImportField, number> | undefined;
  let rows = 0;
  let fraction = 0;
  for await (const { line, cells } of readTable(file, (read, total) => {
    fraction = read / total;
  })) {
    if (!indexes) {
      indexes = columnIndexes(mapping, cells.map(cellText));
      continue;
    }
    if (cells.every((c) => cellText(c) === '')) continue;
    rows++;
    if (rows % 1000 === 0) onProgress?.('read', rows, Math.max(rows, Math.round(rows / Math.max(fraction, 1e-9))));
    const cellOf = (field: GrantImportField): Cell => {
      const i = indexes?.get(field);
      const cell = i === undefined ? null : (cells[i] ?? null);
      return cellText(cell) === '' ? (defaults[field] ?? null) : cell;
    };
    let isBad = false;
    const fail = (field: GrantImportField, reason: string) => {
      errors.push({ row: line, field: label(field), reason });
      isBad = true;
    };
    const text = (field: GrantImportField): string | null => {
      const t = cellText(cellOf(field));
      if (t === '' && requiredGrantImportFields.includes(field)) fail(field, `${grantFieldLabels[field]} fehlt`);
      return t === '' ? null : t;
    };
    const parsed = <T>(field: GrantImportField, parse: (cell: Cell) => Parsed<T>): T | null => {
      const cell = cellOf(field);
      if (cellText(cell) === '') {
        if (requiredGrantImportFields.includes(field)) fail(field, `${grantFieldLabels[field]} fehlt`);
        return null;
      }
      const result = parse(cell);
      if (!result.ok) fail(field, result.reason);
      return result.ok ? result.value : null;
    };
    const nonNegative = (field: GrantImportField) => {
      const cents = parsed(field, (c) => parseAmount(c, mapping.amountFormat));
      if (cents !== null && cents < 0) fail(field, 'Betrag darf nicht negativ sein');
      return cents;
    };
    const programme = text('programme');
    const projectReference = text('projectReference');
    const projectTitle = text('projectTitle');
    const reference = text('grantReference');
    const title = text('grantTitle');
    const funder = text('funder');
    const recipient = text('recipient');
    const row = {
      decidedOn: parsed('decidedOn', parseDate),
      periodStart: parsed('periodStart', parseDate),
      periodEnd: parsed('periodEnd', parseDate),
      grantAmountCents: nonNegative('grantAmount'),
      role: parsed('role', (c) => parseRole(cellText(c))),
      shareCents: nonNegative('share'),
      source: parsed('source', (c) => parseSource(cellText(c))),
      kind: parsed('kind', (c) => parseKind(cellText(c))),
      amountCents: nonNegative('amount'),
      year: parsed('year', parseYear),
    };
    if (isBad || !programme || !projectReference || !reference || !funder || !recipient) continue;
    if (!row.source || !row.kind || row.amountCents === null) continue;
    const facts = { programme, projectReference, title, funder, ...row };
    const grant = grants.get(reference);
    if (grant) {
      for (const fact of grantFacts) {
        // A fact left empty on some rows of a grant is taken from the rows that give it.
        if (facts[fact] === null || facts[fact] === undefined) continue;
        if (grant[fact] === null) {
          Object.assign(grant, { [fact]: facts[fact] });
          continue;
        }
        if (grant[fact] !== facts[fact]) {
          fail(
            factField[fact],
            `weicht von Zeile ${grant.line} derselben Förderung ab („${facts[fact] ?? ''}“ statt „${grant[fact] ?? ''}“)`,
          );
        }
      }
    }
    const projectKey = `${foldLabel(programme)}\u0000${projectReference}`;
    const project = projectTitles.get(projectKey);
    if (project && projectTitle !== null && project.title !== null && project.title !== projectTitle) {
      fail('projectTitle', `weicht von Zeile ${project.line} desselben Projekts ab („${project.title}“)`);
    }
    if (!project) projectTitles.set(projectKey, { title: projectTitle, line });
    else if (project.title === null) project.title = projectTitle;
    if (isBad) continue;
    const lineRow: LineRow = {
      line,
      recipient,
      recipientKey: normaliseOrganisationName(recipient),
      role: row.role,
      shareCents: row.shareCents,
      source: row.source,
      kind: row.kind,
      amountCents: row.amountCents,
      year: row.year,
    };
    if (grant) grant.lines.push(lineRow);
    else {
      const { decidedOn, periodStart, periodEnd, grantAmountCents } = row;
      grants.set(reference, {
        ...{ line, reference, programme, projectReference, projectTitle, title, funder },
        ...{ decidedOn, periodStart, periodEnd, grantAmountCents, lines: [lineRow] },
      });
    }
  }
  if (!indexes) throw new AppError('validation_failed', 'Die Datei hat keine Kopfzeile.', { field: 'file' });
  onProgress?.('read', rows, rows);
  const titleOf = (programme: string, reference: string) =>
    projectTitles.get(`${foldLabel(programme)}\u0000${reference}`)?.title ?? null;
  return { grants: [...grants.values()], rows, errors, titleOf };
}
