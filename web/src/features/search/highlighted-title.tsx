import { parseHighlight } from './highlight';

/** A title with its matches marked, rendered as text (never as HTML). */
export function HighlightedTitle({ highlight }: { highlight: string }) {
  return (
    <>
      {parseHighlight(highlight).map((part, index) =>
        // The parts of one title never move, so their position is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        part.isMatch ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
