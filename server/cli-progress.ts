import type { ImportPhase } from './modules/imports/importer';

const phaseNames: Record<ImportPhase, string> = { read: 'gelesen', validate: 'geprüft', write: 'geschrieben' };

/**
 * A progress bar for long imports: on a terminal one line redrawn in place (rows, rate, ETA);
 * otherwise (a log file, CI) one line per 10 %.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const isTty = stream.isTTY === true;
  let phase: ImportPhase | undefined;
  let started = 0;
  let lastDraw = 0;
  let lastTenth = -1;
  return (next: ImportPhase, done: number, total: number) => {
    const now = Date.now();
    if (next !== phase) {
      if (isTty && phase) stream.write('\n');
      phase = next;
      started = now;
      lastTenth = -1;
    }
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && total > done ? (total - done) / rate : 0;
    const text = `${phaseNames[next].padEnd(11)} ${done.toLocaleString('de-DE')} / ${total.toLocaleString('de-DE')} (${Math.round(
      fraction * 100,
    )} %) · ${Math.round(rate).toLocaleString('de-DE')}/s · noch ${formatSeconds(eta)}`;
    if (isTty) {
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 24;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}\u001b[K`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${text}\n`);
    }
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
