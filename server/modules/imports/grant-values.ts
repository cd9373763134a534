import type { FundingKind, FundingSource } from '../../../contracts/portfolio';
import { fundingKinds, fundingSources } from '../../../contracts/portfolio';
import type { Cell } from './table-file';

/** A parsed value, or why the cell cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Lower case, without accents, punctuation and spaces: "Eigen-Anteil" → "eigenanteil". */
export function foldLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9+]/g, '');
}

const sourceLabels: Record<string, FundingSource> = {
  ...Object.fromEntries(fundingSources.map((s) => [foldLabel(s), s])),
  efre: 'eu_erdf',
  erdf: 'eu_erdf',
  fesr: 'eu_erdf',
  eufre: 'eu_erdf',
  euefre: 'eu_erdf',
  esf: 'eu_esf',
  'esf+': 'eu_esf',
  esfplus: 'eu_esf',
  fse: 'eu_esf',
  'fse+': 'eu_esf',
  jtf: 'eu_jtf',
  ftg: 'eu_jtf',
  justtransitionfund: 'eu_jtf',
  horizon: 'eu_horizon',
  horizon2020: 'eu_horizon',
  horizonteuropa: 'eu_horizon',
  horizoneurope: 'eu_horizon',
  eu: 'eu_other',
  eusonstige: 'eu_other',
  efreprogramm: 'erdf_programme',
  bund: 'federal',
  bundesmittel: 'federal',
  stato: 'federal',
  federal: 'federal',
  land: 'state',
  landesmittel: 'state',
  regione: 'state',
  kommune: 'municipal',
  kommunal: 'municipal',
  kommunalemittel: 'municipal',
  gemeinde: 'municipal',
  comune: 'municipal',
  eigenanteil: 'own',
  eigenmittel: 'own',
  eigenleistung: 'own',
  fondipropri: 'own',
  cofinanziamentoprivato: 'own',
  gemischt: 'mixed',
  misto: 'mixed',
  sonstige: 'other',
  sonstiges: 'other',
  andere: 'other',
  altro: 'other',
  privat: 'other',
};

const kindLabels: Record<string, FundingKind> = {
  ...Object.fromEntries(fundingKinds.map((k) => [k, k])),
  geplant: 'planned',
  plan: 'planned',
  planung: 'planned',
  previsto: 'planned',
  pianificato: 'planned',
  bewilligt: 'committed',
  zugesagt: 'committed',
  zusage: 'committed',
  bewilligung: 'committed',
  concesso: 'committed',
  impegnato: 'committed',
  ausgezahlt: 'disbursed',
  auszahlung: 'disbursed',
  gezahlt: 'disbursed',
  erogato: 'disbursed',
  liquidato: 'disbursed',
};

const roleLabels: Record<string, 'lead' | 'partner'> = {
  lead: 'lead',
  leadpartner: 'lead',
  koordinator: 'lead',
  koordination: 'lead',
  federfuhrung: 'lead',
  federfuehrung: 'lead',
  konsortialfuhrer: 'lead',
  konsortialfuehrer: 'lead',
  capofila: 'lead',
  partner: 'partner',
  verbundpartner: 'partner',
  projektpartner: 'partner',
};

function label<T>(labels: Record<string, T>, what: string, cell: string): Parsed<T> {
  const value = labels[foldLabel(cell)];
  return value === undefined ? bad(`${what} „${cell}“ ist unbekannt`) : ok(value);
}

export const parseSource = (text: string) => label(sourceLabels, 'Quelle', text);
export const parseKind = (text: string) => label(kindLabels, 'Art', text) as Parsed<FundingKind> as Parsed<FundingKind>;
export const parseRole = (text: string) => label(roleLabels, 'Rolle', text);

export type AmountFormat = 'auto' | 'de' | 'plain';

const deAmount = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$/;
const plainAmount = /^-?\d+(?:\.\d{1,2})?$/;

/**
 * Euros to integer cents. German "1.234.567,89" and plain "1234567.89"; `auto` takes whichever of
 * the two reads the cell (they agree on whole numbers), and refuses a cell neither reads.
 * Spaces, "€" and "EUR" are ignored; XLSX number cells are taken as they are.
 */
export function parseAmount(cell: Cell, format: AmountFormat): Parsed<number> {
  if (typeof cell === 'number') {
    const cents = Math.round(cell * 100);
    return Math.abs(cents - cell * 100) > 1e-6 * Math.max(1, Math.abs(cell))
      ? bad(`${cell} hat mehr als zwei Nachkommastellen`)
      : ok(cents);
  }
  const text = String(cell ?? '')
    .replace(/€|eur\b|\u0080/gi, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return bad('Betrag fehlt');
  const asDe = (format === 'de' || format === 'auto') && deAmount.test(text);
  const asPlain = (format === 'plain' || format === 'auto') && plainAmount.test(text);
  if (asDe) return ok(toCents(text.replace(/\./g, '').replace(',', '.')));
  if (asPlain) return ok(toCents(text));
  const example = format === 'plain' ? '1234567.89' : format === 'de' ? '1.234.567,89' : '1.234.567,89 oder 1234567.89';
  return bad(`„${String(cell)}“ ist kein Eurobetrag (z. B. ${example})`);
}

function toCents(decimal: string): number {
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return decimal.startsWith('-') ? -cents : cents;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const germanDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** "31.12.2024", "2024-12-31" or an XLSX date cell → "2024-12-31". */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  // A date cell without date format: Excel's day number (1 = 1900-01-01, with its 1900 leap day).
  if (typeof cell === 'number' && cell > 20_000 && cell < 80_000 && Number.isInteger(cell)) {
    return ok(new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10));
  }
  const text = String(cell ?? '').trim();
  const iso = isoDate.exec(text);
  const de = germanDate.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : de ? [de[3], de[2], de[1]] : [];
  if (!y || !m || !d) return bad(`„${text}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)`);
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return bad(`${text} gibt es nicht im Kalender`);
  }
  return ok(date.toISOString().slice(0, 10));
}

/** A year 1950–2100. */
export function parseYear(cell: Cell): Parsed<number> {
  const text = String(cell ?? '').trim();
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1950 || year > 2100) return bad(`„${text}“ ist kein Jahr (1950–2100)`);
  return ok(year);
}
