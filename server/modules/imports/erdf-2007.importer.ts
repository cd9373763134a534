import { z } from 'zod';
import type { Provenance } from '../../../contracts/common';
import { insertGrants } from '../grants';
import { ensureOrganisations, normaliseOrganisationName } from '../organisations';
import { ensureFieldsOfAction, upsertProgramme } from '../programmes';
import { type ProjectDraft, replaceProgrammeProjects } from '../projects';
import { beneficiaryGrant } from './beneficiary-grants';
import { eurosToCents, readCsv } from './csv';
import type { Importer, RowError } from './importer';
import { validateRow } from './row-schema';

const euros = (field: string) =>
  z.string().refine((v) => eurosToCents(v) !== null, `${field} ist kein Eurobetrag (z. B. 48219.00)`);

const rowSchema = z.object({
  row: z.string().regex(/^\d+$/, 'Zeilennummer fehlt'),
  beneficiary: z.string().min(1, 'Begünstigter fehlt'),
  operation_name: z.string().min(1, 'Vorhabenname fehlt'),
  call_or_programme_line: z.string(),
  approval_year: z.coerce.number().int().min(2007, 'Bewilligungsjahr vor 2007').max(2015, 'Bewilligungsjahr nach 2015'),
  allocated_public_funding_eur: euros('allocated_public_funding_eur'),
  total_value_on_completion_eur: z.union([z.literal(''), euros('total_value_on_completion_eur')]),
  fund: z.literal('ERDF', { error: 'Fonds muss ERDF sein' }),
  programme: z.string().min(1, 'Programm fehlt'),
  source_pdf: z.string(),
});
type Row = z.infer<typeof rowSchema> & { line: number };

const FUNDER = 'Land Nordrhein-Westfalen (EFRE-Verwaltungsbehörde)';

// The beneficiary list's state: its file name says 2014-12-31.
const LIST_AS_OF = '2014-12-31';

/** ERDF NRW 2007–2013 beneficiaries → one programme; programme lines become fields of action. */
export const erdf2007Importer: Importer<Row> = {
  kind: 'erdf-nrw-2007',
  description: 'EFRE NRW 2007–2013: Verzeichnis der Begünstigten (CSV)',
  async read(file) {
    const records: Row[] = [];
    const errors: RowError[] = [];
    for await (const csvRow of readCsv(file)) {
      const row = csvRow.row;
      const r = validateRow(rowSchema, csvRow, errors);
      if (r) records.push({ ...r, line: row });
    }
    return { records, errors };
  },
  async write(tx, records, ctx) {
    const prov = (row: number): Provenance => ({
      kind: 'import',
      importKind: 'erdf-nrw-2007',
      file: ctx.fileName,
      row,
      ...(records[0]?.source_pdf ? { source: records[0].source_pdf } : {}),
    });
    const programmeId = await upsertProgramme(tx, {
      slug: 'efre-nrw-2007-2013',
      name: 'EFRE NRW 2007–2013 (Ziel 2)',
      description: `${records[0]?.programme ?? 'NRW Ziel 2'} — Europäischer Fonds für regionale Entwicklung. Verzeichnis der Begünstigten, Stand 31.12.2014.`,
      owner: FUNDER,
      periodStart: '2007-01-01',
      periodEnd: '2013-12-31',
      provenance: prov(1),
    });
    const lineNames = [...new Set(records.map((r) => r.call_or_programme_line).filter((l) => l !== ''))].sort((a, b) =>
      a.localeCompare(b, 'de'),
    );
    const fields = await ensureFieldsOfAction(
      tx,
      programmeId,
      lineNames.map((name, i) => ({
        name,
        position: i + 1,
        provenance: prov(records.find((r) => r.call_or_programme_line === name)?.line ?? 1),
      })),
    );
    const orgIds = await ensureOrganisations(
      tx,
      records.map((r) => ({ name: r.beneficiary, provenance: prov(r.line) })),
    );
    const drafts = records.map((r): ProjectDraft => {
      const completed = r.total_value_on_completion_eur !== '';
      return {
        programmeId,
        fieldOfActionId: fields.get(r.call_or_programme_line) ?? null,
        reference: `EFRE-2007-${r.row}`,
        title: r.operation_name,
        organisations: [
          {
            organisationId: orgIds.get(normaliseOrganisationName(r.beneficiary)) as number,
            name: r.beneficiary,
            role: 'lead',
          },
        ],
        statusChanges: [
          {
            status: completed ? 'completed' : 'in_progress',
            changedOn: LIST_AS_OF,
            comment: completed
              ? `Bewilligt ${r.approval_year}; Gesamtbetrag bei Abschluss ausgewiesen (Stand 31.12.2014).`
              : `Bewilligt ${r.approval_year}; laut Verzeichnis der Begünstigten in Umsetzung (Stand 31.12.2014).`,
            provenance: prov(r.line),
          },
        ],
        fundingLines: [
          {
            source: 'erdf_programme',
            kind: 'committed',
            amountCents: eurosToCents(r.allocated_public_funding_eur) as number,
            year: r.approval_year,
            note: 'Zugewiesene öffentliche Mittel (EU-EFRE und nationale Kofinanzierung)',
            provenance: prov(r.line),
          },
          ...(r.total_value_on_completion_eur
            ? [
                {
                  source: 'erdf_programme' as const,
                  kind: 'disbursed' as const,
                  amountCents: eurosToCents(r.total_value_on_completion_eur) as number,
                  year: null,
                  note: 'Gesamtbetrag bei Abschluss',
                  provenance: prov(r.line),
                },
              ]
            : []),
        ],
        searchTerms: [r.call_or_programme_line],
        provenance: prov(r.line),
      };
    });
    const ids = await replaceProgrammeProjects(
      tx,
      programmeId,
      drafts.map((d) => ({ ...d, fundingLines: [] })),
    );
    const grants = await insertGrants(
      tx,
      drafts.map((d, i) => {
        const r = records[i] as Row;
        return beneficiaryGrant(ids[i] as number, d, {
          funderName: FUNDER,
          amountCents: eurosToCents(r.allocated_public_funding_eur) as number,
          purpose: `Bewilligt ${r.approval_year}; zugewiesene öffentliche Mittel (EU-EFRE und nationale Kofinanzierung).`,
          provenance: prov(r.line),
        });
      }),
    );
    return {
      programmes: 1,
      fieldsOfAction: fields.size,
      organisations: orgIds.size,
      projects: ids.length,
      grants: grants.length,
    };
  },
};
