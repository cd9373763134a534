import { normaliseOrganisationName } from '../organisations';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Wraps the words of the query found in the title (accent- and case-insensitively) in <mark>. */
export function highlight(title: string, q: string): string {
  const fold = (s: string) => normaliseOrganisationName(s);
  const words = fold(q)
    .split(' ')
    .filter((w) => w.length > 1);
  return title
    .split(/([^\p{L}\p{N}]+)/u)
    .map((part) => {
      const folded = fold(part);
      const hit = folded !== '' && words.some((w) => folded.startsWith(w) || w.startsWith(folded));
      return hit ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
    })
    .join('');
}
