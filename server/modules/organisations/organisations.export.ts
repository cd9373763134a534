import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ListOrganisationsQuery, OrganisationListItem } from '../../../contracts/organisations';
import type { OrganisationType } from '../../../contracts/portfolio';
import { rowsInIdOrder } from '../../db/batch';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import type { ExportColumn, ExportRows } from '../../http/table-export';
import type { Actor } from '../accounts';
import { listColumns, planOrganisationList, toListItem } from './directory.service';
import { organisations } from './organisations.table';

type ExportRow = OrganisationListItem & { nace: string | null; website: string | null };

/** The organisations of the list — same filters, visibility and order — at most `limit`, a page at a time. */
export async function exportOrganisations(
  db: Db,
  actor: Actor,
  query: Omit<ListOrganisationsQuery, 'page' | 'pageSize'>,
  limit: number,
): Promise<ExportRows<ExportRow>> {
  const { where, order } = await planOrganisationList(db, actor, query);
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
  const ids = found.slice(0, limit).map((r) => r.id);
  const columns = {
    ...listColumns(actor),
    nace: sql<string | null>`(select string_agg(n.code, ', ' order by n.is_primary desc, n.code)
      from organisation_nace n where n.organisation_id = organisations.id)`,
    website: sql<string | null>`(select min(i.value) from organisation_identifiers i
      where i.organisation_id = organisations.id and i.scheme = 'website')`,
  };
  // The filters again on every page: an organisation hidden since the ids were read stays out.
  const rows = rowsInIdOrder(ids, async (page) =>
    (
      await db
        .select(columns)
        .from(organisations)
        .leftJoin(regions, eq(regions.id, organisations.regionId))
        .where(and(inArray(organisations.id, page), where))
    ).map((r) => ({ ...toListItem(r), nace: r.nace, website: r.website })),
  );
  return { rows, isTruncated: found.length > limit };
}

const typeLabels: Record<OrganisationType, string> = {
  company: 'Unternehmen',
  university: 'Hochschule',
  research_institute: 'Forschungseinrichtung',
  cluster_organisation: 'Clusterorganisation',
  development_agency: 'Wirtschaftsförderung',
  chamber_association: 'Kammer / Verband',
  trade_union: 'Gewerkschaft',
  public_body: 'Öffentliche Stelle',
  network_alliance: 'Netzwerk / Allianz',
  other: 'Sonstige',
};

const visibilityLabels = { public: 'öffentlich', internal: 'intern', restricted: 'eingeschränkt' } as const;

/** The columns of the organisation list's CSV and XLSX files. */
export const organisationExportColumns: ExportColumn<ExportRow>[] = [
  { header: 'Name', kind: 'text', value: (o) => o.name, width: 60 },
  { header: 'Kurzname', kind: 'text', value: (o) => o.shortName, width: 16 },
  { header: 'Typ', kind: 'text', value: (o) => typeLabels[o.type], width: 22 },
  { header: 'NACE', kind: 'text', value: (o) => o.nace, width: 16 },
  { header: 'Land', kind: 'text', value: (o) => o.country, width: 8 },
  { header: 'Ort', kind: 'text', value: (o) => o.city, width: 24 },
  { header: 'Region', kind: 'text', value: (o) => o.region?.name, width: 24 },
  { header: 'Website', kind: 'text', value: (o) => o.website, width: 30 },
  { header: 'Projekte', kind: 'number', value: (o) => o.projectCount },
  { header: 'Sichtbarkeit', kind: 'text', value: (o) => visibilityLabels[o.visibility], width: 14 },
];
