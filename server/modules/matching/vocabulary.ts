import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Concept } from '../../../contracts/matching';
import { DATA_DIR } from '../../config';
import { type Db, queryRows } from '../../db/client';
import { sentenceCase } from '../nace';
import { stem, words } from './text';

const languages = ['de', 'en', 'it'] as const;

const fieldsFileSchema = z.object({
  fields: z.array(
    z.object({
      key: z.string().regex(/^[a-z0-9_]+$/),
      de: z.string(),
      en: z.string(),
      it: z.string(),
      terms: z.object({ de: z.array(z.string()), en: z.array(z.string()), it: z.array(z.string()) }),
    }),
  ),
});

/** A word or phrase pointing to a concept: its folded words; a one-word term may match as a prefix or inside a compound. */
export interface Term {
  words: string[];
  text: string;
  language: (typeof languages)[number];
}

/**
 * A NACE class and, per language, the words of its label, each weighed by how rare its stem is
 * among all labels of that language.
 */
interface NaceEntry {
  concept: Concept;
  labels: { stems: Map<string, number>; total: number }[];
}

export interface Vocabulary {
  concepts: Map<string, Concept>;
  /** Technology fields with the terms that point to them. */
  fields: { concept: Concept; terms: Term[] }[];
  nace: NaceEntry[];
}

const FIELDS_FILE = path.join(DATA_DIR, 'matching', 'technology-fields.json');

function readFields(): Vocabulary['fields'] {
  const file = fieldsFileSchema.parse(JSON.parse(readFileSync(FIELDS_FILE, 'utf8')));
  return file.fields.map((f) => ({
    concept: { key: `tech:${f.key}`, kind: 'technology', labels: { de: f.de, en: f.en, it: f.it } },
    terms: languages.flatMap((l) => [...f.terms[l], f[l]].map((t) => ({ words: words(t), text: t, language: l }))),
  }));
}

// Words of NACE labels that name no activity ("Herstellung von …", "fabbricazione di …", "n.e.c.").
const naceNoise = new Set(
  [
    'herstellung',
    'sonstigen',
    'sonstige',
    'anderweitig',
    'genannt',
    'erbringung',
    'dienstleistungen',
    'handel',
    'manufacture',
    'other',
    'activities',
    'products',
    'fabbricazione',
    'altri',
    'altre',
    'attivita',
    'prodotti',
    'servizi',
    'commercio',
  ].map(stem),
);

/**
 * A word's stem for NACE labels: its first seven letters, finer than the term stems, so that
 * "Wasserstoff" does not meet "Wasserversorgung".
 */
const naceStem = (word: string): string => word.slice(0, 7);

/** The words that carry a label's meaning. */
function labelWords(label: string): string[] {
  return [...new Set(words(label).filter((w) => w.length >= 5))].filter((w) => !naceNoise.has(stem(w)));
}

const cache = new WeakMap<object, Promise<Vocabulary>>();

/** The concepts (technology fields from data/matching, NACE classes from the database), loaded once per database. */
export function vocabulary(db: Db): Promise<Vocabulary> {
  let loaded = cache.get(db);
  if (!loaded) {
    loaded = loadVocabulary(db);
    cache.set(db, loaded);
    loaded.catch(() => cache.delete(db));
  }
  return loaded;
}

async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const fields = readFields();
  const rows = await queryRows<{ code: string; level: number; label_de: string; label_en: string; label_it: string }>(
    db,
    sql`select code, level, label_de, label_en, label_it from nace_codes order by code`,
  );
  const concepts = new Map<string, Concept>(fields.map((f) => [f.concept.key, f.concept]));
  const classes: { concept: Concept; stems: string[][] }[] = [];
  for (const r of rows) {
    const concept: Concept = {
      key: `nace:${r.code}`,
      kind: 'nace',
      labels: {
        de: sentenceCase(r.label_de, 'de'),
        en: sentenceCase(r.label_en, 'en'),
        it: sentenceCase(r.label_it, 'it'),
      },
    };
    concepts.set(concept.key, concept);
    if (r.level === 4) classes.push({ concept, stems: [r.label_de, r.label_en, r.label_it].map(labelWords) });
  }
  // Inverse frequency of a stem among the class labels of its language.
  const weights = languages.map((_, l) => {
    const frequency = new Map<string, number>();
    for (const c of classes)
      for (const w of c.stems[l] ?? []) frequency.set(naceStem(w), (frequency.get(naceStem(w)) ?? 0) + 1);
    return new Map([...frequency].map(([s, n]) => [s, Math.log(classes.length / n)]));
  });
  const nace = classes.map((c) => ({
    concept: c.concept,
    labels: c.stems
      .map((labelWords, l) => new Map(labelWords.map((w) => [w, weights[l]?.get(naceStem(w)) ?? 0])))
      .filter((stems) => stems.size > 0)
      .map((stems) => ({ stems, total: [...stems.values()].reduce((a, b) => a + b, 0) })),
  }));
  return { concepts, fields, nace };
}
