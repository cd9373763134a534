import { sql } from 'drizzle-orm';
import type { CallDetail } from '../../../contracts/calls';
import type { OrganisationType } from '../../../contracts/portfolio';
import { type Db, queryRows } from '../../db/client';
import { naceCodeSql } from '../organisations';

/** Organisation types in the plural, for the eligibility sentence and refusals. */
const typesInWords: Record<OrganisationType, string> = {
  company: 'Unternehmen',
  university: 'Hochschulen',
  research_institute: 'Forschungseinrichtungen',
  cluster_organisation: 'Clusterorganisationen',
  development_agency: 'Wirtschaftsförderungen',
  chamber_association: 'Kammern und Verbände',
  trade_union: 'Gewerkschaften',
  public_body: 'öffentliche Stellen',
  network_alliance: 'Netzwerke und Allianzen',
  other: 'sonstige Organisationen',
};

const listInWords = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;

/** Who may apply, in one German sentence: "Antragsberechtigt sind Wirtschaftsförderungen in … aus …". */
export function eligibilitySummary(e: Omit<CallDetail['eligibility'], 'summary'>): string {
  const who = e.types.length > 0 ? listInWords(e.types.map((t) => typesInWords[t])) : 'Organisationen jeder Art';
  const where =
    e.regions.length > 0
      ? ` mit Sitz in ${listInWords(e.regions.map((r) => (r.level === 'admin_district' ? `Regierungsbezirk ${r.name}` : r.name)))}`
      : '';
  const sector =
    e.nace.length > 0
      ? ` aus den Wirtschaftszweigen ${listInWords(e.nace.map((n) => `${n.code} (${n.labels.de})`))}`
      : '';
  return `Antragsberechtigt sind ${who}${where}${sector}.`;
}

type Rules = { eligibleTypes: OrganisationType[]; eligibleRegionIds: number[]; eligibleNace: string[] };

/**
 * Why each organisation may not apply to a call: wrong type, a seat outside the call's regions,
 * no NACE code within the call's sectors. Organisations missing from the result do not exist.
 */
export async function eligibilityProblems(
  db: Db,
  call: Rules,
  organisationIds: number[],
): Promise<Map<number, { name: string; reasons: string[] }>> {
  const ids = sql.raw(organisationIds.map((v) => String(Math.trunc(v))).join(', ') || 'null');
  const inRegion =
    call.eligibleRegionIds.length > 0
      ? sql`exists (select 1 from regions r, regions e where r.id = o.region_id
          and e.id in (${sql.raw(call.eligibleRegionIds.map(Number).join(', '))}) and r.path like e.path || '%')`
      : sql`true`;
  const inSector =
    call.eligibleNace.length > 0
      ? sql`exists (select 1 from organisation_nace n where n.organisation_id = o.id and (${sql.join(
          call.eligibleNace.map((code) => naceCodeSql(code, sql`n.code`)),
          sql` or `,
        )}))`
      : sql`true`;
  const rows = await queryRows<{
    id: number;
    name: string;
    type: OrganisationType;
    in_region: boolean;
    in_sector: boolean;
  }>(
    db,
    sql`select o.id, o.name, o.type, ${inRegion} as in_region, ${inSector} as in_sector from organisations o where o.id in (${ids})`,
  );
  const result = new Map<number, { name: string; reasons: string[] }>();
  for (const r of rows) {
    const reasons: string[] = [];
    if (call.eligibleTypes.length > 0 && !call.eligibleTypes.includes(r.type)) {
      reasons.push(
        `Art „${typesInWords[r.type]}“ ist nicht antragsberechtigt (nur ${listInWords(call.eligibleTypes.map((t) => typesInWords[t]))})`,
      );
    }
    if (!r.in_region) reasons.push('Sitz liegt außerhalb der förderfähigen Regionen');
    if (!r.in_sector) reasons.push(`kein Wirtschaftszweig (NACE) aus ${call.eligibleNace.join(', ')}`);
    result.set(Number(r.id), { name: r.name, reasons });
  }
  return result;
}
