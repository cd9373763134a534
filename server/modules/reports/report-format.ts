import type { FundingKind, FundingSource, ProjectStatus } from '../../../contracts/portfolio';
import type { ReportFigure, ReportHeadline } from '../../../contracts/reports';

// German labels and formats for the report's PDF and XLSX (the web app has its own, translated).

const numberDe = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const euroDe = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euroCentsDe = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const longDateDe = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });

/** "1.234" */
export const formatCountDe = (value: number): string => numberDe.format(value);

/** Integer cents as euros: "136.000.000 €", or "1.234,56 €" when there are cents. */
export const formatEuroDe = (cents: number): string =>
  cents % 100 === 0 ? euroDe.format(cents / 100) : euroCentsDe.format(cents / 100);

/** Short euros with three significant digits for cards and charts: "75 Mio. €", "2,05 Mrd. €", "950.000 €". */
export function formatEuroShortDe(cents: number): string {
  const euros = cents / 100;
  const abs = Math.abs(euros);
  const short = (value: number, unit: string) =>
    `${new Intl.NumberFormat('de-DE', { maximumSignificantDigits: 3 }).format(value)} ${unit} €`;
  if (abs >= 1e9) return short(euros / 1e9, 'Mrd.');
  if (abs >= 1e6) return short(euros / 1e6, 'Mio.');
  return euroDe.format(Math.round(euros));
}

/** An ISO date as "07.12.2021". */
export function formatDateDe(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/** An ISO date as "7. Dezember 2021". */
export function formatLongDateDe(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return longDateDe.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

export const statusLabelsDe: Record<ProjectStatus, string> = {
  proposed: 'Vorgeschlagen',
  under_review: 'In Prüfung',
  in_progress: 'In Umsetzung',
  completed: 'Abgeschlossen',
  stopped: 'Gestoppt',
};
export const statusLabelDe = (status: ProjectStatus | null): string =>
  status ? statusLabelsDe[status] : 'Status nicht veröffentlicht';

export const sourceLabelsDe: Record<FundingSource, string> = {
  eu_erdf: 'EU (EFRE)',
  eu_esf: 'EU (ESF)',
  eu_jtf: 'EU (JTF)',
  eu_other: 'EU (sonstige)',
  eu_horizon: 'EU (Horizont 2020)',
  erdf_programme: 'EFRE-Programm (öffentliche Mittel)',
  federal: 'Bund',
  state: 'Land',
  municipal: 'Kommune',
  own: 'Eigenanteil',
  mixed: 'Mehrere Quellen',
  other: 'Sonstige',
};

export const kindLabelsDe: Record<FundingKind, string> = {
  planned: 'geplant',
  committed: 'zugesagt',
  disbursed: 'ausgezahlt',
};

export const headlineLabelsDe: Record<keyof ReportHeadline, string> = {
  projects: 'Projekte',
  inProgress: 'In Umsetzung',
  completed: 'Abgeschlossen',
  underReview: 'In Prüfung',
  withoutStatus: 'Status nicht veröffentlicht',
  fundingCents: 'Erfasste Mittel (zugesagt, sonst geplant)',
  plannedCents: 'Geplant',
  committedCents: 'Zugesagt',
  disbursedCents: 'Ausgezahlt',
};

/** Whether a headline metric is money (cents) rather than a count. */
export const isMoneyMetric = (metric: keyof ReportHeadline): boolean => metric.endsWith('Cents');

export const qualifierLabelsDe: Record<ReportFigure['qualifier'], string> = {
  exact: '',
  approx: 'rund ',
  up_to: 'bis zu ',
  more_than: 'mehr als ',
};

/** A reported or tracked figure's value in German: a count or euros. */
export const formatFigureDe = (unit: ReportFigure['unit'], value: number): string =>
  unit === 'eur_cents' ? formatEuroDe(value) : formatCountDe(value);

/** A difference with its sign: "+3", "-136.000.000 €" (a hyphen: Helvetica in PDF has no U+2212). */
export function formatDifferenceDe(unit: ReportFigure['unit'], value: number): string {
  const formatted = formatFigureDe(unit, Math.abs(value));
  return value > 0 ? `+${formatted}` : value < 0 ? `-${formatted}` : '±0';
}
