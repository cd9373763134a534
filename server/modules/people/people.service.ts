import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PersonDetail, PersonListItem } from '../../../contracts/people';
import { rowsInIdOrder } from '../../db/batch';
import { type Db, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { ExportColumn, ExportRows } from '../../http/table-export';
import { type Actor, isStaff } from '../accounts';
import { normaliseOrganisationName } from '../organisations';
import { organisationVisibleSql } from '../programmes';
import { people } from './people.table';

const visible = (actor: Actor) => organisationVisibleSql(actor, 'people', null);

type PeopleFilters = { q?: string; organisationId?: number };

/** The list's filters and visibility as one predicate over `people`. */
function peopleWhere(actor: Actor, query: PeopleFilters): SQL | undefined {
  const filters: SQL[] = [visible(actor)];
  const key = query.q ? normaliseOrganisationName(query.q) : '';
  if (key !== '') {
    filters.push(
      sql`(${sql.join(
        key.split(' ').map((w) => sql`people.normalised_name like ${`%${w}%`}`),
        sql` and `,
      )} or people.normalised_name % ${key})`,
    );
  }
  if (query.organisationId)
    filters.push(
      sql`exists (select 1 from person_roles r where r.person_id = people.id and r.organisation_id = ${query.organisationId})`,
    );
  return and(...filters);
}

const listColumns = { id: people.id, name: people.name, honorific: people.honorific };
const listOrder = [asc(people.name), asc(people.id)];

/** The list items of these people: their current roles at organisations the actor may see, newest first. */
async function withRoles(
  db: Db,
  actor: Actor,
  rows: { id: number; name: string; honorific: string | null }[],
): Promise<PersonListItem[]> {
  const roles =
    rows.length === 0
      ? []
      : await queryRows<{ person_id: number; organisation_id: number; organisation_name: string; title: string }>(
          db,
          sql`select r.person_id, o.id as organisation_id, o.name as organisation_name, r.title
            from person_roles r join organisations o on o.id = r.organisation_id
            where r.person_id in (${sql.join(
              rows.map((r) => sql`${r.id}`),
              sql`, `,
            )}) and r.until is null and ${organisationVisibleSql(actor, 'o')}
            order by r."from" desc nulls last, o.name`,
        );
  return rows.map((p) => ({
    ...p,
    roles: roles
      .filter((r) => Number(r.person_id) === p.id)
      .map((r) => ({
        organisationId: Number(r.organisation_id),
        organisationName: r.organisation_name,
        title: r.title,
      })),
  }));
}

/** People by name (forgiving, like organisations) or organisation, one page, visible ones only. */
export async function listPeople(
  db: Db,
  actor: Actor,
  query: PeopleFilters & { page: number; pageSize: number },
): Promise<{ items: PersonListItem[]; total: number }> {
  const where = peopleWhere(actor, query);
  const [rows, totals] = await Promise.all([
    db
      .select(listColumns)
      .from(people)
      .where(where)
      .orderBy(...listOrder)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(people)
      .where(where),
  ]);
  return { items: await withRoles(db, actor, rows), total: totals[0]?.n ?? 0 };
}

/**
 * The people of the list — same filters, visibility and order — at most `limit`, a page at a time.
 * Only what the list shows: no contact details, which the list shows to no one.
 */
export async function exportPeople(
  db: Db,
  actor: Actor,
  query: PeopleFilters,
  limit: number,
): Promise<ExportRows<PersonListItem>> {
  const where = peopleWhere(actor, query);
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(where)
    .orderBy(...listOrder)
    .limit(limit + 1);
  const ids = found.slice(0, limit).map((r) => r.id);
  // The filters again on every page: a person hidden since the ids were read stays out.
  const rows = rowsInIdOrder(ids, async (page) =>
    withRoles(
      db,
      actor,
      await db
        .select(listColumns)
        .from(people)
        .where(and(inArray(people.id, page), where)),
    ),
  );
  return { rows, isTruncated: found.length > limit };
}

/** The columns of the people list's CSV and XLSX files. */
export const personExportColumns: ExportColumn<PersonListItem>[] = [
  { header: 'Name', kind: 'text', value: (p) => p.name, width: 36 },
  { header: 'Anrede / Titel', kind: 'text', value: (p) => p.honorific, width: 16 },
  {
    header: 'Funktionen',
    kind: 'text',
    value: (p) => p.roles.map((r) => `${r.title}, ${r.organisationName}`).join(' | '),
    width: 80,
  },
];

/** May the actor see this person's contact details? Public ones, staff, or the person's own organisations' members. */
function seesContact(actor: Actor, contactVisibility: string): boolean {
  return contactVisibility === 'public' || isStaff(actor);
}

/** One person with roles, signatures and — for those allowed — contact details. */
export async function getPerson(db: Db, actor: Actor, id: number): Promise<PersonDetail> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, id), visible(actor)));
  if (!row) throw new AppError('not_found', `Person ${id} wurde nicht gefunden.`);
  const [roles, signatures] = await Promise.all([
    queryRows<{
      id: number;
      organisation_id: number;
      organisation_name: string;
      organisation_type: PersonDetail['roles'][number]['organisationType'];
      title: string;
      from: string | null;
      until: string | null;
      provenance: PersonDetail['provenance'];
    }>(
      db,
      sql`select r.id, o.id as organisation_id, o.name as organisation_name, o.type as organisation_type, r.title,
          r."from"::text as "from", r.until::text as until, r.provenance
        from person_roles r join organisations o on o.id = r.organisation_id
        where r.person_id = ${id} and ${organisationVisibleSql(actor, 'o')}
        order by (r.until is null) desc, r.until desc, r."from" desc nulls last`,
    ),
    queryRows<{
      id: number;
      organisation_id: number;
      organisation_name: string;
      group_id: number;
      group_name: string;
      from: string | null;
    }>(
      db,
      sql`select m.id, o.id as organisation_id, o.name as organisation_name, g.id as group_id, g.name as group_name, m."from"::text as "from"
        from memberships m join organisations o on o.id = m.organisation_id join organisations g on g.id = m.group_id
        where m.person_id = ${id} and ${organisationVisibleSql(actor, 'o')} and ${organisationVisibleSql(actor, 'g')}
        order by m."from" desc nulls last`,
    ),
  ]);
  return {
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    roles: roles.map((r) => ({
      id: Number(r.id),
      organisationId: Number(r.organisation_id),
      organisationName: r.organisation_name,
      organisationType: r.organisation_type,
      title: r.title,
      from: r.from,
      until: r.until,
      provenance: r.provenance,
    })),
    signatures: signatures.map((s) => ({
      membershipId: Number(s.id),
      organisationId: Number(s.organisation_id),
      organisationName: s.organisation_name,
      groupId: Number(s.group_id),
      groupName: s.group_name,
      from: s.from,
    })),
    contact: seesContact(actor, row.contactVisibility)
      ? { email: row.email, phone: row.phone, visibility: row.contactVisibility }
      : null,
    visibility: row.visibility,
    version: row.version,
    provenance: row.provenance,
  };
}
