import { type SQL, sql } from 'drizzle-orm';
import { type OpenDataCatalogue, type OpenDataQuery, openDataLicence } from '../../../contracts/opendata';
import { type Db, queryRows } from '../../db/client';
import { anonymous } from '../accounts';
import { findVisibleProgramme, organisationVisibleSql, projectVisibleSql } from '../programmes';

/** One grant with everything its 360Giving record needs, as read from the database. */
export type OpenGrantRow = {
  id: number;
  projectId: number;
  title: string;
  purpose: string | null;
  projectSummary: string | null;
  /** Integer cents as text: node-postgres returns bigint as a string, PGlite as a number. */
  amountCents: string;
  currency: string;
  awardDate: string;
  startDate: string | null;
  endDate: string | null;
  funderName: string;
  funderOrganisationId: number | null;
  funderPic: string | null;
  programmeSlug: string;
  programmeName: string;
  recipientId: number;
  recipientName: string;
  isRecipientPublic: boolean;
  recipientPic: string | null;
  recipientWebsite: string | null;
  recipientStreet: string | null;
  recipientCity: string | null;
  recipientCountry: string | null;
  recipientRegionName: string | null;
  recipientRegionCountry: string | null;
  recipientRegionCode: string | null;
  projectRegionName: string | null;
  projectRegionCountry: string | null;
  projectRegionCode: string | null;
  /** The other public partners of the consortium, by name. */
  partnerNames: string | null;
};

/** Grants read per query while a file streams. */
const PAGE_SIZE = 1000;

const anonymousProject = projectVisibleSql(anonymous, 'p');

// 360Giving requires an award date: the decision date, else the first date that stands in for it
// (grant period, project start, 1 January of the grant's first funding year, programme start) —
// the standard allows proxy dates such as the first day of the year.
const awardDateSql = sql`coalesce(g.decided_on, g.period_start, p.start_date,
  (select make_date(min(fl.year), 1, 1) from funding_lines fl where fl.grant_id = g.id), pg.period_start)`;

// The recipient is the consortium's lead (else its largest share); a grant without partners takes
// the project's lead organisation.
const recipientSql = sql`lateral (
  select o.*, c.rank from (
    select gp.organisation_id, 0 as rank, gp.role, gp.share_cents from grant_partners gp where gp.grant_id = g.id
    union all
    select po.organisation_id, 1, po.role, 0 from project_organisations po where po.project_id = g.project_id
  ) c join organisations o on o.id = c.organisation_id
  order by c.rank, (c.role = 'lead') desc, c.share_cents desc, o.id
  limit 1
) ro`;

/**
 * What makes a grant open data: a public grant of a public project of a public programme, with an
 * award date and a recipient. The reader does not matter: open data is the same file for everyone.
 */
function openGrantsWhere(query: OpenDataQuery): SQL {
  const programme = query.programmeId === undefined ? sql`true` : sql`p.programme_id = ${query.programmeId}`;
  return sql`g.visibility = 'public' and ${anonymousProject} and ${programme} and ${awardDateSql} is not null`;
}

/** Refuses a programme filter that names no public programme (404, as for any hidden record). */
export async function checkOpenDataQuery(db: Db, query: OpenDataQuery): Promise<void> {
  if (query.programmeId !== undefined) await findVisibleProgramme(db, anonymous, query.programmeId);
}

/** The public grants in id order, read a page at a time, so a file of any size streams in flat memory. */
export async function* listOpenGrants(db: Db, query: OpenDataQuery): AsyncGenerator<OpenGrantRow> {
  let after = 0;
  for (;;) {
    const rows = await queryRows<OpenGrantRow>(
      db,
      sql`select g.id, g.project_id as "projectId", g.title, g.purpose, p.summary as "projectSummary",
          g.amount_cents::text as "amountCents", g.currency, ${awardDateSql}::text as "awardDate",
          coalesce(g.period_start, p.start_date)::text as "startDate",
          coalesce(g.period_end, p.end_date)::text as "endDate",
          g.funder_name as "funderName", g.funder_organisation_id as "funderOrganisationId",
          (select i.value from organisation_identifiers i
            where i.organisation_id = g.funder_organisation_id and i.scheme = 'pic' limit 1) as "funderPic",
          pg.slug as "programmeSlug", pg.name as "programmeName",
          ro.id as "recipientId", ro.name as "recipientName",
          ${organisationVisibleSql(anonymous, 'ro')} as "isRecipientPublic",
          (select i.value from organisation_identifiers i
            where i.organisation_id = ro.id and i.scheme = 'pic' limit 1) as "recipientPic",
          (select i.value from organisation_identifiers i
            where i.organisation_id = ro.id and i.scheme = 'website' limit 1) as "recipientWebsite",
          ro.street as "recipientStreet", ro.city as "recipientCity", ro.country as "recipientCountry",
          rr.name as "recipientRegionName", rr.country as "recipientRegionCountry", rr.code as "recipientRegionCode",
          pr.name as "projectRegionName", pr.country as "projectRegionCountry", pr.code as "projectRegionCode",
          (select string_agg(o2.name, ', ' order by o2.name) from grant_partners gp2
            join organisations o2 on o2.id = gp2.organisation_id
            where gp2.grant_id = g.id and o2.id <> ro.id and ${organisationVisibleSql(anonymous, 'o2')}) as "partnerNames"
        from grants g
        join projects p on p.id = g.project_id
        join programmes pg on pg.id = p.programme_id
        join ${recipientSql} on true
        left join regions rr on rr.id = ro.region_id
        left join regions pr on pr.id = p.region_id
        where ${openGrantsWhere(query)} and g.id > ${after}
        order by g.id
        limit ${PAGE_SIZE}`,
    );
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    after = last.id;
  }
}

async function count(db: Db, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}

/** Every open dataset with the number of public records it holds and where to download it. */
export async function getOpenDataCatalogue(db: Db): Promise<OpenDataCatalogue> {
  const [grants, organisations, projects] = await Promise.all([
    count(
      db,
      sql`select count(*) as n from grants g
        join projects p on p.id = g.project_id
        join programmes pg on pg.id = p.programme_id
        where ${openGrantsWhere({})}
          and (exists (select 1 from grant_partners gp where gp.grant_id = g.id)
            or exists (select 1 from project_organisations po where po.project_id = g.project_id))`,
    ),
    count(db, sql`select count(*) as n from organisations o where ${organisationVisibleSql(anonymous, 'o')}`),
    count(db, sql`select count(*) as n from projects p where ${anonymousProject}`),
  ]);
  const spreadsheets = (path: string) =>
    (['csv', 'xlsx'] as const).map((format) => ({ format, standard: null, url: `/api/${path}/export.${format}` }));
  return {
    licence: { ...openDataLicence },
    datasets: [
      {
        id: 'grants',
        records: grants,
        downloads: [
          { format: 'json', standard: '360Giving', url: '/api/export/360giving.json' },
          { format: 'csv', standard: '360Giving', url: '/api/export/360giving.csv' },
        ],
      },
      { id: 'organisations', records: organisations, downloads: spreadsheets('organisations') },
      { id: 'projects', records: projects, downloads: spreadsheets('projects') },
    ],
  };
}
