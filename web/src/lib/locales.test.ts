import { describe, expect, it } from 'vitest';
import { type Language, languages, resources } from './i18n';

// German is the reference: every other locale must have each of its keys and keep each {{placeholder}}.
const reference = resources.de.translation;

type Leaves = Map<string, string>;

function leavesOf(tree: object, prefix = '', into: Leaves = new Map()): Leaves {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else leavesOf(value as object, path, into);
  }
  return into;
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? ''));
}

const referenceLeaves = leavesOf(reference);

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Plural keys without their suffix ("count.projects" for "count.projects_one" and "_other"). */
function pluralBases(leaves: Leaves): Set<string> {
  const bases = new Set<string>();
  for (const path of leaves.keys()) {
    const base = path.replace(pluralSuffix, '');
    if (base !== path && leaves.has(`${base}_one`) && leaves.has(`${base}_other`)) bases.add(base);
  }
  return bases;
}

/**
 * The keys a locale must have (German's, each plural in the forms i18next asks for in that language:
 * Intl.PluralRules gives Italian also "many", for exact millions), each with the German key whose
 * placeholders it must keep.
 */
function expectedKeys(language: Language): Map<string, string> {
  const bases = pluralBases(referenceLeaves);
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const expected = new Map<string, string>();
  for (const path of referenceLeaves.keys()) {
    const base = path.replace(pluralSuffix, '');
    if (!bases.has(base)) {
      expected.set(path, path);
      continue;
    }
    // Each form is checked against the German text of the same form, or German's "other".
    for (const form of forms) {
      const key = `${base}_${form}`;
      expected.set(key, referenceLeaves.has(key) ? key : `${base}_other`);
    }
  }
  return expected;
}

describe.each(languages)('locale %s', (language) => {
  const leaves = leavesOf(resources[language].translation);
  const expected = expectedKeys(language);

  it('has exactly the keys of the German locale, plurals in the forms of its language', () => {
    expect([...leaves.keys()].filter((path) => !expected.has(path))).toEqual([]);
    expect([...expected.keys()].filter((path) => !leaves.has(path))).toEqual([]);
  });

  it('keeps every placeholder of the German text and adds none', () => {
    const problems: string[] = [];
    for (const [path, referencePath] of expected) {
      const text = leaves.get(path);
      const german = referenceLeaves.get(referencePath);
      if (text === undefined || german === undefined) continue;
      const own = placeholders(text);
      const wanted = placeholders(german);
      for (const name of wanted) if (!own.has(name)) problems.push(`${path}: lacks {{${name}}}`);
      // A plural form may name the count that selects it even where German leaves it out ("Prüfhinweis").
      const allowed = pluralSuffix.test(path) ? new Set([...wanted, 'count']) : wanted;
      for (const name of own) if (!allowed.has(name)) problems.push(`${path}: unknown {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });
});
