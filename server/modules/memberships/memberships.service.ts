import { type SQL, sql } from 'drizzle-orm';
import type { Membership } from '../../../contracts/organisations';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { organisationVisibleSql } from '../programmes';

type Row = {
  id: number;
  kind: Membership['kind'];
  org_id: number;
  org_name: string;
  org_type: Membership['organisation']['type'];
  group_id: number | null;
  group_name: string | null;
  group_type: Membership['organisation']['type'] | null;
  partnership_id: number | null;
  partnership_name: string | null;
  person_id: number | null;
  person_name: string | null;
  note: string | null;
  from: string | null;
  until: string | null;
  provenance: Membership['provenance'];
};

/**
 * Memberships matching `where` (over alias `m`), with both sides named; ties to organisations
 * or people the actor may not see are left out.
 */
export async function selectMemberships(db: Db, actor: Actor, where: SQL): Promise<Membership[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.kind, o.id as org_id, o.name as org_name, o.type as org_type,
        g.id as group_id, g.name as group_name, g.type as group_type,
        ps.id as partnership_id, ps.name as partnership_name,
        pe.id as person_id, pe.name as person_name,
        m.note, m."from"::text as "from", m.until::text as until, m.provenance
      from memberships m
      join organisations o on o.id = m.organisation_id
      left join organisations g on g.id = m.group_id
      left join partnerships ps on ps.id = m.partnership_id
      left join people pe on pe.id = m.person_id and ${organisationVisibleSql(actor, 'pe', null)}
      where ${where} and ${organisationVisibleSql(actor, 'o')}
        and (g.id is null or ${organisationVisibleSql(actor, 'g')})
        and (ps.id is null or ${organisationVisibleSql(actor, 'ps', null)})
      order by m.kind, coalesce(g.name, ps.name), o.name
      limit 2000`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    organisation: { id: Number(r.org_id), name: r.org_name, type: r.org_type },
    group:
      r.group_id !== null && r.group_name !== null && r.group_type !== null
        ? { id: Number(r.group_id), name: r.group_name, type: r.group_type }
        : null,
    partnership:
      r.partnership_id !== null && r.partnership_name !== null
        ? { id: Number(r.partnership_id), name: r.partnership_name }
        : null,
    person: r.person_id !== null && r.person_name !== null ? { id: Number(r.person_id), name: r.person_name } : null,
    note: r.note,
    from: r.from,
    until: r.until,
    provenance: r.provenance,
  }));
}

/** The groups an organisation belongs to, and — for a group — its members. */
export async function membershipsOfOrganisation(db: Db, actor: Actor, organisationId: number) {
  const [memberships, members] = await Promise.all([
    selectMemberships(db, actor, sql`m.organisation_id = ${organisationId}`),
    selectMemberships(db, actor, sql`m.group_id = ${organisationId}`),
  ]);
  return { memberships, members };
}

/** Clusters, alliances, networks and dialogues: organisations that have members. */
export async function listNetworks(db: Db, actor: Actor) {
  const rows = await queryRows<{
    id: number;
    name: string;
    type: Membership['organisation']['type'];
    member_count: string;
    kinds: Membership['kind'][];
  }>(
    db,
    sql`select g.id, g.name, g.type, count(distinct m.organisation_id) as member_count,
        array_agg(distinct m.kind::text) as kinds
      from memberships m join organisations g on g.id = m.group_id join organisations o on o.id = m.organisation_id
      where ${organisationVisibleSql(actor, 'g')} and ${organisationVisibleSql(actor, 'o')}
      group by g.id, g.name, g.type
      order by count(distinct m.organisation_id) desc, g.name`,
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      type: r.type,
      memberCount: Number(r.member_count),
      kinds: r.kinds,
    })),
  };
}
