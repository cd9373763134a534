import fs from 'node:fs/promises';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import type { MapValues } from '../../../contracts/map';
import { DATA_DIR } from '../../config';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { districtOfRegionSql } from '../organisations';
import { organisationVisibleSql, projectVisibleSql } from '../programmes';

const areas = {
  nrw: { country: 'DE', level: 'district' },
  piemonte: { country: 'IT', level: 'province' },
} as const;

/**
 * Organisations, projects or funding per NRW district or Piemonte province: each record counts for
 * the district its region lies in. Funding is the projects' headline amount (committed, else planned).
 */
export async function mapValues(
  db: Db,
  actor: Actor,
  query: { area: keyof typeof areas; measure: MapValues['measure']; programmeId?: number },
): Promise<MapValues> {
  const { country, level } = areas[query.area];
  const programme = query.programmeId ? sql`and p.programme_id = ${query.programmeId}` : sql``;
  const perDistrict: SQL = {
    organisations: sql`select ${districtOfRegionSql('r')} as district_id, count(*)::float8 as value
      from organisations o join regions r on r.id = o.region_id
      where r.country = ${country} and ${organisationVisibleSql(actor, 'o')}
        ${query.programmeId ? sql`and exists (select 1 from project_organisations po join projects p on p.id = po.project_id where po.organisation_id = o.id ${programme} and ${projectVisibleSql(actor, 'p')})` : sql``}
      group by 1`,
    projects: sql`select ${districtOfRegionSql('r')} as district_id, count(*)::float8 as value
      from projects p join regions r on r.id = p.region_id
      where r.country = ${country} and ${projectVisibleSql(actor, 'p')} ${programme}
      group by 1`,
    funding: sql`select ${districtOfRegionSql('r')} as district_id, sum(p.funding_total_cents)::float8 as value
      from projects p join regions r on r.id = p.region_id
      where r.country = ${country} and ${projectVisibleSql(actor, 'p')} ${programme}
      group by 1`,
  }[query.measure];
  const rows = await queryRows<{ id: number; code: string; name: string; value: number | null }>(
    db,
    sql`with v as (${perDistrict})
      select d.id, d.code, d.name, v.value from regions d left join v on v.district_id = d.id
      where d.country = ${country} and d.level = ${level} order by d.name`,
  );
  return {
    area: query.area,
    measure: query.measure,
    items: rows.map((r) => ({ regionId: Number(r.id), code: r.code, name: r.name, value: Number(r.value ?? 0) })),
  };
}

type Shapes = {
  type: 'FeatureCollection';
  attribution: string;
  features: {
    type: 'Feature';
    properties: { code: string; name: string; kind: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
  }[];
};
let shapes: Promise<Shapes> | undefined;

/** NRW district outlines (BKG VG5000, 1:5,000,000), keyed by the official regional key; read once. */
export function districtShapes(): Promise<Shapes> {
  shapes ??= fs.readFile(path.join(DATA_DIR, 'admin-de', 'kreise_nrw.geojson'), 'utf8').then((text) => {
    const geo = JSON.parse(text) as {
      attribution: string;
      features: {
        properties: { ARS: string; GEN: string; BEZ: string };
        geometry: Shapes['features'][number]['geometry'];
      }[];
    };
    return {
      type: 'FeatureCollection' as const,
      attribution: geo.attribution,
      features: geo.features.map((f) => ({
        type: 'Feature' as const,
        properties: { code: f.properties.ARS, name: f.properties.GEN, kind: f.properties.BEZ },
        geometry: f.geometry,
      })),
    };
  });
  return shapes;
}
