import type { GrantListItem } from '../../../contracts/funding';
import type { ExportColumn } from '../../http/table-export';

/** The columns of the grant list's CSV and XLSX files. */
export const grantExportColumns: ExportColumn<GrantListItem>[] = [
  { header: 'Förderkennzeichen / Referenz', kind: 'text', value: (g) => g.reference, width: 22 },
  { header: 'Titel', kind: 'text', value: (g) => g.title, width: 60 },
  { header: 'Programm', kind: 'text', value: (g) => g.programme.name, width: 40 },
  { header: 'Projekt', kind: 'text', value: (g) => g.project.title, width: 40 },
  { header: 'Fördergeber', kind: 'text', value: (g) => g.funderName, width: 30 },
  { header: 'Federführung', kind: 'text', value: (g) => g.lead?.name, width: 36 },
  { header: 'Partner', kind: 'number', value: (g) => g.partnerCount },
  { header: 'Bewilligt (EUR)', kind: 'money_cents', value: (g) => g.amountCents },
  { header: 'Zugesagt (EUR)', kind: 'money_cents', value: (g) => g.committedCents },
  { header: 'Ausgezahlt (EUR)', kind: 'money_cents', value: (g) => g.disbursedCents },
  { header: 'Bewilligt am', kind: 'date', value: (g) => g.decidedOn },
  { header: 'Beginn', kind: 'date', value: (g) => g.periodStart },
  { header: 'Ende', kind: 'date', value: (g) => g.periodEnd },
];
