import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
import type { RowError } from './importer';

// Seed files (portfolio.json, directory.json) describe facts that cite a passage of a source
// document. The passage must be in the document, so the demo data cannot drift from its sources.

/** A passage of a seed document that states the fact; checked against the document's text. */
export const evidenceSchema = z.object({ document: z.string().min(1), passage: z.string().min(10) });
export type Evidence = z.infer<typeof evidenceSchema>;

export const seedDocumentsSchema = z.object({
  documentsDir: z.string().min(1),
  documents: z.record(z.string(), z.object({ title: z.string().min(1), publishedOn: z.iso.date().optional() })),
});
type SeedDocuments = z.infer<typeof seedDocumentsSchema>;

export const regionKeySchema = z.object({
  country: z.enum(['DE', 'IT']).default('DE'),
  level: z.enum(['state', 'admin_district', 'district', 'municipality', 'region', 'province']),
  code: z.string().min(1),
});

/** Whitespace- and hyphenation-insensitive form of a text, to find a passage in its document. */
function flatten(text: string): string {
  return text
    .replace(/-\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads and parses a seed JSON file; every problem becomes a row error naming the JSON path. */
export async function readSeedFile<S extends z.ZodType>(
  file: string,
  schema: S,
  errors: RowError[],
): Promise<z.infer<S> | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    errors.push({ row: 1, field: '(Datei)', reason: `kein gültiges JSON: ${(err as Error).message}` });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    errors.push({ row: Number(issue.path[1] ?? 0) + 1, field: issue.path.join('.'), reason: issue.message });
  }
  return undefined;
}

/** Checks every cited passage against its document: `citations` yields [JSON path, evidence]. */
export async function checkCitations(
  file: string,
  seed: SeedDocuments,
  citations: Iterable<[string, Evidence]>,
  errors: RowError[],
): Promise<void> {
  const texts = new Map<string, string>();
  for (const name of Object.keys(seed.documents)) {
    try {
      texts.set(name, flatten(await fs.readFile(path.resolve(path.dirname(file), seed.documentsDir, name), 'utf8')));
    } catch {
      errors.push({ row: 1, field: `documents.${name}`, reason: 'Dokument nicht gefunden' });
    }
  }
  for (const [at, s] of citations) {
    const row = Number(at.split('.')[1]) + 1;
    const text = texts.get(s.document);
    if (!(s.document in seed.documents)) {
      errors.push({
        row,
        field: `${at}.document`,
        reason: `Dokument ${s.document} ist nicht unter documents aufgeführt`,
      });
    } else if (text !== undefined && !text.includes(flatten(s.passage))) {
      errors.push({ row, field: `${at}.passage`, reason: `Textstelle steht nicht in ${s.document}` });
    }
  }
}

/** The provenance of a fact: the document's title and date and the cited passage. */
export function citer(seed: SeedDocuments): (evidence: Evidence) => Provenance {
  return (s) => {
    const doc = seed.documents[s.document];
    return {
      kind: 'seed',
      document: s.document,
      title: doc?.title ?? s.document,
      publishedOn: doc?.publishedOn,
      passage: s.passage,
    };
  };
}
