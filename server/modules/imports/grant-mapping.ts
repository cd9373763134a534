import type { GrantImportField } from '../../../contracts/grant-import';
import { foldLabel } from './grant-values';

// Header names (folded: lower case, no accents or punctuation) in German, English and Italian.
const synonyms: Record<GrantImportField, string[]> = {
  programme: ['programm', 'programme', 'program', 'forderprogramm', 'foerderprogramm', 'programma'],
  projectReference: [
    'projektnummer',
    'projektnr',
    'projektreferenz',
    'projektkennung',
    'projektid',
    'projectreference',
    'projectref',
    'projectid',
    'codiceprogetto',
  ],
  projectTitle: ['projekttitel', 'projektname', 'projekt', 'projecttitle', 'project', 'titoloprogetto', 'progetto'],
  grantReference: [
    'forderkennzeichen',
    'foerderkennzeichen',
    'fkz',
    'aktenzeichen',
    'bewilligungsnummer',
    'zuwendungsnummer',
    'vorhabennummer',
    'grantreference',
    'grantref',
    'grantid',
    'cup',
  ],
  grantTitle: ['vorhabentitel', 'vorhaben', 'titel', 'bezeichnung', 'granttitle', 'title', 'titolo'],
  funder: ['fordergeber', 'foerdergeber', 'zuwendungsgeber', 'mittelgeber', 'bewilligungsbehorde', 'funder', 'ente'],
  decidedOn: [
    'bewilligungsdatum',
    'bescheiddatum',
    'bewilligtam',
    'entscheidungsdatum',
    'decidedon',
    'awarddate',
    'datadecisione',
  ],
  periodStart: ['laufzeitbeginn', 'projektbeginn', 'beginn', 'start', 'periodstart', 'von', 'inizio'],
  periodEnd: ['laufzeitende', 'projektende', 'ende', 'periodend', 'end', 'bis', 'fine'],
  grantAmount: [
    'bewilligungssumme',
    'zuwendungsbetrag',
    'forderbetraggesamt',
    'forderbetrag',
    'foerderbetrag',
    'fordersumme',
    'foerdersumme',
    'bewilligterbetrag',
    'grantamount',
  ],
  recipient: [
    'zuwendungsempfanger',
    'zuwendungsempfaenger',
    'empfanger',
    'empfaenger',
    'begunstigter',
    'beguenstigter',
    'organisation',
    'organization',
    'recipient',
    'beneficiario',
  ],
  role: ['rolle', 'role', 'ruolo'],
  share: ['partneranteil', 'anteil', 'share', 'quota'],
  source: ['mittelquelle', 'finanzierungsquelle', 'mittelherkunft', 'quelle', 'fonds', 'source', 'fonte'],
  kind: ['mittelart', 'art', 'stufe', 'kind', 'tipo'],
  amount: ['betrag', 'summe', 'amount', 'importo', 'eur'],
  year: ['haushaltsjahr', 'jahr', 'year', 'anno'],
};

/**
 * A mapping suggested from the file's headers: a header equal to a known name first, then a
 * header containing one (the longest known name wins); each header serves one field.
 */
export function suggestGrantMapping(headers: string[]): Partial<Record<GrantImportField, string>> {
  const columns: Partial<Record<GrantImportField, string>> = {};
  const used = new Set<string>();
  const fields = Object.keys(synonyms) as GrantImportField[];
  const folded = headers.map((h) => ({ header: h, key: foldLabel(h) })).filter((h) => h.key !== '');
  for (const field of fields) {
    const match = folded.find((h) => !used.has(h.header) && synonyms[field].includes(h.key));
    if (match) {
      columns[field] = match.header;
      used.add(match.header);
    }
  }
  const candidates = folded
    .filter((h) => !used.has(h.header))
    .flatMap((h) =>
      fields.flatMap((field) =>
        synonyms[field]
          .filter((s) => s.length >= 4 && h.key.includes(s))
          .map((s) => ({ ...h, field, length: s.length })),
      ),
    )
    .sort((a, b) => b.length - a.length);
  for (const c of candidates) {
    if (columns[c.field] !== undefined || used.has(c.header)) continue;
    columns[c.field] = c.header;
    used.add(c.header);
  }
  return columns;
}
