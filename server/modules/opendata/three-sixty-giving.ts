/**
 * Grants as 360Giving data (https://standard.threesixtygiving.org): the JSON package and the flat
 * CSV with the standard's column titles, both streamed.
 *
 * Identifiers:
 * - Grants: `360G-standort-<grant id>`. `standort` stands in for the publisher prefix 360Giving
 *   issues on registration; a registered publisher replaces `PUBLISHER_PREFIX` and nothing else.
 * - Organisations: an org-id.guide identifier where we hold one — the EU Participant Identification
 *   Code as `XI-PIC-<pic>` — else `360G-standort-org-<organisation id>`. German register and
 *   municipality keys (AGS) have no org-id.guide list, so they are not used as identifiers.
 * - A funder without a directory record: `360G-standort-funder-<name as slug>`.
 * - A recipient that is not public (internal or restricted in the directory) is anonymised as
 *   360Giving asks for individuals: `360G-standort-withheld-<grant id>` (one per grant, so grants of
 *   the same hidden organisation cannot be linked), name "Empfänger nicht veröffentlicht", no
 *   address or location. The grant itself stays in: the money of a public programme is public.
 *
 * Locations are the region of the recipient and of the project with its official key as
 * `geoCode`: `geoCodeType` `AGS` (Amtlicher Gemeindeschlüssel and its prefixes for Kreis,
 * Regierungsbezirk, Land) or `ISTAT` (Italian comune, provincia, regione). 360Giving's geoCodeType
 * codelist only knows UK codes, so these two are our own, documented values.
 */
import type { ThreeSixtyGivingGrant } from '../../../contracts/opendata';
import { csvField } from '../../http/table-export';
import type { OpenGrantRow } from './opendata.service';

export const PUBLISHER_PREFIX = '360G-standort';

/** The grant's 360Giving identifier. */
export const grantIdentifier = (grantId: number) => `${PUBLISHER_PREFIX}-${grantId}`;

function organisationIdentifier(organisationId: number, pic: string | null): string {
  return pic ? `XI-PIC-${pic}` : `${PUBLISHER_PREFIX}-org-${organisationId}`;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Integer cents (as text or number) as euros, exact: `83385195` → 833851.95. */
export function euros(cents: string | number): number {
  const value = BigInt(cents);
  const abs = value < 0n ? -value : value;
  return Number(`${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
}

const geoCodeTypes: Record<string, string> = { DE: 'AGS', IT: 'ISTAT' };

function location(name: string | null, country: string | null, code: string | null) {
  if (!name || !country) return undefined;
  const geoCodeType = geoCodeTypes[country];
  return [{ name, countryCode: country, ...(code && geoCodeType ? { geoCode: code, geoCodeType } : {}) }];
}

const withoutEmpty = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;

/** One grant as a 360Giving record; `baseUrl` (e.g. `https://standort.example.org`) makes the link to the project. */
export function toThreeSixtyGiving(row: OpenGrantRow, baseUrl: string): ThreeSixtyGivingGrant {
  const description = [row.purpose || row.projectSummary || row.title];
  if (row.partnerNames) description.push(`Verbundpartner: ${row.partnerNames}.`);
  const recipient = row.isRecipientPublic
    ? withoutEmpty({
        id: organisationIdentifier(row.recipientId, row.recipientPic),
        name: row.recipientName,
        streetAddress: row.recipientStreet ?? undefined,
        addressLocality: row.recipientCity ?? undefined,
        addressCountry: row.recipientCountry ?? undefined,
        url: row.recipientWebsite ?? undefined,
        location: location(row.recipientRegionName, row.recipientRegionCountry, row.recipientRegionCode),
      })
    : { id: `${PUBLISHER_PREFIX}-withheld-${row.id}`, name: 'Empfänger nicht veröffentlicht' };
  return withoutEmpty({
    id: grantIdentifier(row.id),
    title: row.title,
    description: description.join(' '),
    currency: row.currency,
    amountAwarded: euros(row.amountCents),
    awardDate: row.awardDate,
    url: `${baseUrl}/projects/${row.projectId}`,
    plannedDates: row.startDate
      ? [withoutEmpty({ startDate: row.startDate, endDate: row.endDate ?? undefined })]
      : undefined,
    recipientOrganization: [recipient],
    fundingOrganization: [
      {
        id:
          row.funderOrganisationId === null
            ? `${PUBLISHER_PREFIX}-funder-${slug(row.funderName)}`
            : organisationIdentifier(row.funderOrganisationId, row.funderPic),
        name: row.funderName,
      },
    ],
    grantProgramme: [{ code: row.programmeSlug, title: row.programmeName }],
    beneficiaryLocation: location(row.projectRegionName, row.projectRegionCountry, row.projectRegionCode),
  });
}

const CHUNK_CHARS = 64 * 1024;

/** The JSON package `{"grants":[…]}`, in chunks of about 64 KiB. */
export async function* threeSixtyGivingJson(grants: AsyncIterable<ThreeSixtyGivingGrant>): AsyncGenerator<string> {
  let chunk = '{"grants":[';
  let separator = '';
  for await (const grant of grants) {
    chunk += separator + JSON.stringify(grant);
    separator = ',\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]}\n`;
}

type Column = [title: string, value: (g: ThreeSixtyGivingGrant) => string | number | undefined];

const recipientLocation = (g: ThreeSixtyGivingGrant) => g.recipientOrganization[0]?.location?.[0];

/** The flat file's columns: 360Giving's column titles, one row per grant. */
export const threeSixtyGivingColumns: readonly Column[] = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Award Date', (g) => g.awardDate],
  ['URL', (g) => g.url],
  ['Planned Dates:Start Date', (g) => g.plannedDates?.[0]?.startDate],
  ['Planned Dates:End Date', (g) => g.plannedDates?.[0]?.endDate],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0]?.id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0]?.name],
  ['Recipient Org:Street Address', (g) => g.recipientOrganization[0]?.streetAddress],
  ['Recipient Org:City', (g) => g.recipientOrganization[0]?.addressLocality],
  ['Recipient Org:Country', (g) => g.recipientOrganization[0]?.addressCountry],
  ['Recipient Org:Web Address', (g) => g.recipientOrganization[0]?.url],
  ['Recipient Org:Location:0:Name', (g) => recipientLocation(g)?.name],
  ['Recipient Org:Location:0:Country Code', (g) => recipientLocation(g)?.countryCode],
  ['Recipient Org:Location:0:Geographic Code', (g) => recipientLocation(g)?.geoCode],
  ['Recipient Org:Location:0:Geographic Code Type', (g) => recipientLocation(g)?.geoCodeType],
  ['Beneficiary Location:Name', (g) => g.beneficiaryLocation?.[0]?.name],
  ['Beneficiary Location:Country Code', (g) => g.beneficiaryLocation?.[0]?.countryCode],
  ['Beneficiary Location:Geographic Code', (g) => g.beneficiaryLocation?.[0]?.geoCode],
  ['Beneficiary Location:Geographic Code Type', (g) => g.beneficiaryLocation?.[0]?.geoCodeType],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0]?.id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0]?.name],
  ['Grant Programme:Code', (g) => g.grantProgramme?.[0]?.code],
  ['Grant Programme:Title', (g) => g.grantProgramme?.[0]?.title],
];

/**
 * The flat CSV as 360Giving's tools read it: `,` between fields, `.` as the decimal mark, ISO
 * dates, RFC 4180 quotes and CRLF — plus a byte order mark so Excel reads the umlauts as UTF-8.
 * Text is made spreadsheet-safe like every other export.
 */
export async function* threeSixtyGivingCsv(grants: AsyncIterable<ThreeSixtyGivingGrant>): AsyncGenerator<string> {
  const line = (cells: string[]) => `${cells.join(',')}\r\n`;
  let chunk = `\uFEFF${line(threeSixtyGivingColumns.map(([title]) => csvField(title, ',')))}`;
  for await (const grant of grants) {
    chunk += line(
      threeSixtyGivingColumns.map(([, value]) => {
        const v = value(grant);
        return v === undefined ? '' : typeof v === 'number' ? String(v) : csvField(v, ',');
      }),
    );
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
