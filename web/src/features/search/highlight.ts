/** A piece of a highlighted title: plain text, or a match the server wrapped in <mark>. */
export interface HighlightPart {
  text: string;
  isMatch: boolean;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

const decodeEntities = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);

/**
 * Splits the server's highlight (HTML-escaped text with <mark>…</mark> around matches) into parts to
 * render as React text, so nothing in a title is ever interpreted as markup.
 */
export function parseHighlight(html: string): HighlightPart[] {
  return html
    .split(/(<mark>.*?<\/mark>)/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const match = /^<mark>(.*)<\/mark>$/.exec(piece);
      return { text: decodeEntities(match ? (match[1] ?? '') : piece), isMatch: Boolean(match) };
    });
}
