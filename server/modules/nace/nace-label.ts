// The section labels of the NACE list are upper case; the other levels are already sentence case.

/** German words that stay lower case inside a label: articles, prepositions, conjunctions, adjectives. */
const germanLowerCase = new Set([
  'und',
  'von',
  'der',
  'des',
  'den',
  'mit',
  'für',
  'durch',
  'ohne',
  'freiberuflichen',
  'wissenschaftlichen',
  'technischen',
  'sonstigen',
  'wirtschaftlichen',
  'ausgeprägten',
  'private',
  'öffentliche',
  'exterritoriale',
]);

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A label in sentence case. German: nouns capitalised, the words above lower case ("Land- und
 * Forstwirtschaft, Fischerei"). English, Italian: only the first letter capitalised.
 */
export function sentenceCase(label: string, language: 'de' | 'en' | 'it'): string {
  if (label !== label.toUpperCase()) return label;
  const lower = label.toLowerCase();
  if (language !== 'de') return capitalise(lower);
  const words = lower.split(' ').map((word, i) => {
    if (i > 0 && germanLowerCase.has(word.replace(/[,;]$/, ''))) return word;
    return word.split('/').map(capitalise).join('/');
  });
  return words.join(' ');
}
