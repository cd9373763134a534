import type { Concept } from '../../../contracts/matching';
import type { Db } from '../../db/client';
import { stem, termsOf, words } from './text';
import { type Term, type Vocabulary, vocabulary } from './vocabulary';

export interface ExtractedConcept extends Concept {
  /** The words of the text that led to the concept. */
  terms: string[];
  score: number;
}

/** Whether a term occurs in the words of a text (one-word terms as prefix, long ones inside compounds too). */
function findTerm(term: Term, textWords: string[], joined: string): string | null {
  const [first] = term.words;
  if (first === undefined) return null;
  if (term.words.length > 1) return joined.includes(` ${term.words.join(' ')}`) ? term.text : null;
  const hit = textWords.find(
    (w) => (first.length >= 5 ? w.startsWith(first) : w === first) || (first.length >= 7 && w.includes(first)),
  );
  return hit ?? null;
}

/**
 * Whether a word of a text is a label's word: one begins with the other, or they share a beginning
 * of eight letters and 60 % of the shorter one ("Kunststoffteile" is "Kunststoffwaren";
 * "Elektronik" is not "Elektroinstallation", "Wasserstoff" not "Wasserbau").
 */
function sameWord(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const shorter = Math.min(a.length, b.length);
  return common === shorter || (common >= 8 && common >= 0.6 * shorter);
}

/** How much of a NACE label's weight a text must cover, and how rare the covered words must be in sum. */
const NACE_MIN_SHARE = 0.5;
const NACE_MIN_WEIGHT = 4;
const NACE_MAX = 3;

/**
 * The concepts a text speaks of, in any of the three languages: technology fields by their terms,
 * NACE classes by the rare words of their labels (at most three, the best covered).
 */
export function extractConcepts(vocab: Vocabulary, text: string): ExtractedConcept[] {
  const textWords = words(text);
  const joined = ` ${textWords.join(' ')} `;
  const found: ExtractedConcept[] = [];
  for (const field of vocab.fields) {
    const hits = [...new Set(field.terms.map((t) => findTerm(t, textWords, joined)).filter((t) => t !== null))];
    if (hits.length > 0)
      found.push({ ...field.concept, terms: hits, score: Math.min(1, 0.6 + 0.2 * (hits.length - 1)) });
  }
  const byStem = new Map<string, string[]>();
  for (const w of new Set(textWords)) if (w.length >= 5) byStem.set(stem(w), [...(byStem.get(stem(w)) ?? []), w]);
  const nace: ExtractedConcept[] = [];
  for (const entry of vocab.nace) {
    let best: { share: number; weight: number; terms: string[] } | null = null;
    for (const label of entry.labels) {
      let weight = 0;
      const terms: string[] = [];
      for (const [labelWord, w] of label.stems) {
        const word = byStem.get(stem(labelWord))?.find((t) => sameWord(t, labelWord));
        if (word === undefined) continue;
        weight += w;
        terms.push(word);
      }
      const share = label.total > 0 ? weight / label.total : 0;
      // One rare word is not enough where the label has more ("componenti" of "componenti elettronici").
      if (terms.length < Math.min(2, label.stems.size)) continue;
      if (share >= NACE_MIN_SHARE && weight >= NACE_MIN_WEIGHT && (!best || share > best.share))
        best = { share, weight, terms };
    }
    if (best) nace.push({ ...entry.concept, terms: best.terms, score: Math.min(1, best.share * 0.9) });
  }
  nace.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return [...found, ...nace.slice(0, NACE_MAX)].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** Concepts and word stems of a text: what a profile, a challenge or a search is compared by. */
export async function analyseText(db: Db, text: string): Promise<{ concepts: ExtractedConcept[]; terms: string[] }> {
  return { concepts: extractConcepts(await vocabulary(db), text), terms: termsOf(text) };
}

/** The keys a record is matched by: its concepts, and the NACE division above each NACE code. */
export function matchKeysOf(conceptKeys: readonly string[]): string[] {
  const keys = new Set(conceptKeys);
  for (const key of conceptKeys) {
    const division = /^nace:(\d{2})\.\d+$/.exec(key)?.[1];
    if (division) keys.add(`nace:${division}`);
  }
  return [...keys];
}

/** The concepts behind keys, in the order given; unknown keys are left out. */
export async function describeConcepts(db: Db, keys: readonly string[]): Promise<Concept[]> {
  const vocab = await vocabulary(db);
  return keys.flatMap((k) => {
    const concept = vocab.concepts.get(k);
    return concept ? [concept] : [];
  });
}

/** Keys that name no concept, for validation messages. */
export async function unknownConceptKeys(db: Db, keys: readonly string[]): Promise<string[]> {
  const vocab = await vocabulary(db);
  return keys.filter((k) => !vocab.concepts.has(k));
}

/** Concepts whose label (any language) or key contains the query; technology fields first. */
export async function searchConcepts(db: Db, query: { q?: string; limit: number }): Promise<{ items: Concept[] }> {
  const vocab = await vocabulary(db);
  const q = query.q ? words(query.q).join(' ') : '';
  const items: Concept[] = [];
  for (const concept of vocab.concepts.values()) {
    const haystack = words(`${concept.key} ${concept.labels.de} ${concept.labels.en} ${concept.labels.it}`).join(' ');
    if (q === '' || haystack.includes(q)) items.push(concept);
  }
  items.sort((a, b) => (a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind === 'technology' ? -1 : 1));
  return { items: items.slice(0, query.limit) };
}
