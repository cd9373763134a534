import { and, asc, eq, sql } from 'drizzle-orm';
import type { Indicator, PartnershipDetail, PartnershipSummary } from '../../../contracts/partnerships';
import { type Db, queryRows } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../accounts';
import { selectMemberships } from '../memberships';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';
import { indicators, indicatorValues, partnershipEvents, partnerships } from './partnerships.table';

const visible = (actor: Actor) => organisationVisibleSql(actor, 'partnerships', null);

type SummaryRow = {
  id: number;
  name: string;
  region_a_id: number;
  region_a_name: string;
  region_a_country: string;
  region_b_id: number;
  region_b_name: string;
  region_b_country: string;
  agreement_signed_on: string | null;
  agreement_precision: PartnershipSummary['agreementPrecision'];
  agreement_until: string | null;
  themes: string[];
  event_count: string;
  visibility: PartnershipSummary['visibility'];
};

async function selectSummaries(db: Db, actor: Actor, id?: number): Promise<PartnershipSummary[]> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select partnerships.id, partnerships.name, a.id as region_a_id, a.name as region_a_name, a.country as region_a_country,
        b.id as region_b_id, b.name as region_b_name, b.country as region_b_country,
        partnerships.agreement_signed_on::text as agreement_signed_on, partnerships.agreement_precision,
        partnerships.agreement_until::text as agreement_until, partnerships.themes, partnerships.visibility,
        (select count(*) from partnership_events e where e.partnership_id = partnerships.id) as event_count
      from partnerships join regions a on a.id = partnerships.region_a_id join regions b on b.id = partnerships.region_b_id
      where ${visible(actor)} ${id === undefined ? sql`` : sql`and partnerships.id = ${id}`}
      order by partnerships.name`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    regions: [
      { id: Number(r.region_a_id), name: r.region_a_name, country: r.region_a_country },
      { id: Number(r.region_b_id), name: r.region_b_name, country: r.region_b_country },
    ],
    agreementSignedOn: r.agreement_signed_on,
    agreementPrecision: r.agreement_precision,
    agreementUntil: r.agreement_until,
    themes: r.themes,
    eventCount: Number(r.event_count),
    visibility: r.visibility,
  }));
}

/** The regional partnerships the actor may see. */
export async function listPartnerships(db: Db, actor: Actor) {
  return { items: await selectSummaries(db, actor) };
}

/**
 * Visible projects with organisations from both partner regions, per start year: computed live,
 * so it grows with every import.
 */
async function jointProjectsPerYear(db: Db, actor: Actor, regionA: number, regionB: number): Promise<Indicator> {
  const inRegion = (regionId: number) => sql`exists (select 1 from project_organisations po
      join organisations o on o.id = po.organisation_id join regions r on r.id = o.region_id
      where po.project_id = p.id and r.path like (select path from regions where id = ${regionId}) || '%')`;
  const rows = await queryRows<{ year: number; n: string }>(
    db,
    sql`select extract(year from p.start_date)::int as year, count(*) as n from projects p
      where p.start_date is not null and ${projectVisibleSql(actor, 'p')} and ${inRegion(regionA)} and ${inRegion(regionB)}
      group by 1 order by 1`,
  );
  return {
    id: null,
    key: 'joint_projects_per_year',
    label: 'Gemeinsame Projekte mit Partnern aus beiden Regionen (nach Startjahr)',
    unit: 'count',
    source: 'derived',
    points: rows.map((r) => ({
      period: String(r.year),
      value: Number(r.n),
      qualifier: 'exact' as const,
      provenance: {
        kind: 'derived' as const,
        source: 'Projekte in Standort mit Organisationen aus beiden Regionen, gezählt nach Startjahr',
      },
    })),
  };
}

/** One partnership: agreement, events, reported and derived indicators, and the organisations tied to it. */
export async function getPartnership(db: Db, actor: Actor, id: number): Promise<PartnershipDetail> {
  const [summary] = await selectSummaries(db, actor, id);
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  if (!summary || !row) throw new AppError('not_found', `Partnerschaft ${id} wurde nicht gefunden.`);
  const [events, series, values, ties, joint] = await Promise.all([
    db
      .select()
      .from(partnershipEvents)
      .where(eq(partnershipEvents.partnershipId, id))
      .orderBy(sql`${partnershipEvents.date} desc nulls last`, asc(partnershipEvents.id)),
    db.select().from(indicators).where(eq(indicators.partnershipId, id)).orderBy(asc(indicators.id)),
    db
      .select()
      .from(indicatorValues)
      .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
      .where(eq(indicators.partnershipId, id))
      .orderBy(sql`${indicatorValues.period} nulls first`),
    selectMemberships(db, actor, sql`m.partnership_id = ${id}`),
    jointProjectsPerYear(db, actor, row.regionAId, row.regionBId),
  ]);
  return {
    ...summary,
    description: row.description,
    agreementProvenance: row.agreementProvenance,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      date: e.date,
      datePrecision: e.datePrecision,
      places: e.places,
      participants: e.participants,
      topics: e.topics,
      followUps: e.followUps,
      provenance: e.provenance,
    })),
    indicators: [
      ...series.map(
        (s): Indicator => ({
          id: s.id,
          key: s.key,
          label: s.label,
          unit: s.unit,
          source: 'reported',
          points: values
            .filter((v) => v.indicator_values.indicatorId === s.id)
            .map((v) => ({
              period: v.indicator_values.period,
              value: v.indicator_values.value,
              qualifier: v.indicator_values.qualifier,
              provenance: v.indicator_values.provenance,
            })),
        }),
      ),
      ...(joint.points.length > 0 ? [joint] : []),
    ],
    organisations: ties.map((m) => ({ id: m.organisation.id, name: m.organisation.name, note: m.note })),
    version: row.version,
  };
}

/** The partnership row if visible; not_found otherwise. */
export async function findVisiblePartnership(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.id, id), visible(actor)));
  if (!row) throw new AppError('not_found', `Partnerschaft ${id} wurde nicht gefunden.`);
  return row;
}
