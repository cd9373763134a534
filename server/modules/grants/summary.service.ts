import { type SQL, sql } from 'drizzle-orm';
import type { ProgrammeSummary } from '../../../contracts/funding';
import type { FundingKind, FundingSource } from '../../../contracts/portfolio';
import { type Db, intArray, queryRows } from '../../db/client';
import { type Actor, isAdmin, isStaff, organisationScope, programmeScope } from '../accounts';
import { findVisibleProgramme } from '../programmes';
import { coFinancing } from './grant-rules';

type Row = {
  source: FundingSource;
  kind: FundingKind;
  year: number | null;
  field_id: number | null;
  amount: string;
  lines: string;
};

/** Which project visibilities the kept totals may add for this reader of this programme. */
function visibleLevels(actor: Actor, programmeId: number): string[] {
  const scope = programmeScope(actor);
  const restricted = isAdmin(actor) || scope === 'all' || scope.includes(programmeId);
  return ['public', ...(isStaff(actor) ? ['internal'] : []), ...(restricted ? ['restricted'] : [])];
}

/**
 * A programme's money as totals per source, kind, year and field of action, from
 * `funding_totals` (kept by triggers), so the cost does not grow with the number of lines;
 * restricted projects a reader sees only as a partner are added from their lines.
 */
export async function programmeMoneyTotals(db: Db, actor: Actor, programmeId: number) {
  const programme = await findVisibleProgramme(db, actor, programmeId);
  const levels = visibleLevels(actor, programmeId);
  const orgs = organisationScope(actor);
  const partnerOnly: SQL =
    !levels.includes('restricted') && orgs.length > 0
      ? sql`union all
        select l.source, l.kind, l.year, l.field_of_action_id as field_id, sum(l.amount_cents) as amount, count(*) as lines
        from funding_lines l
        where l.programme_id = ${programmeId} and l.project_visibility = 'restricted'
          and exists (select 1 from project_organisations po where po.project_id = l.project_id
            and po.organisation_id = any(${intArray(orgs)}))
        group by l.source, l.kind, l.year, l.field_of_action_id`
      : sql``;
  const [rows, fields] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select t.source, t.kind, t.year, t.field_of_action_id as field_id, sum(t.amount_cents)::text as amount, sum(t.lines)::text as lines
        from funding_totals t
        where t.programme_id = ${programmeId} and t.project_visibility::text = any(${`{${levels.join(',')}}`}::text[])
        group by t.source, t.kind, t.year, t.field_of_action_id
        ${partnerOnly}`,
    ),
    queryRows<{ id: number; name: string }>(
      db,
      sql`select id, name from fields_of_action where programme_id = ${programmeId} order by position, name`,
    ),
  ]);
  return {
    programme: { id: programme.id, name: programme.name },
    fieldNames: new Map(fields.map((f) => [Number(f.id), f.name])),
    lines: rows.map((r) => ({
      source: r.source,
      kind: r.kind,
      year: r.year === null ? null : Number(r.year),
      fieldId: r.field_id === null ? null : Number(r.field_id),
      amountCents: Number(r.amount),
      lines: Number(r.lines),
    })),
  };
}

/** A programme's money by source, kind, year and field of action, with its co-financing. */
export async function programmeSummary(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeSummary> {
  const { programme, fieldNames, lines } = await programmeMoneyTotals(db, actor, programmeId);
  const byKind = (subset: typeof lines) => ({
    plannedCents: subset.filter((l) => l.kind === 'planned').reduce((s, l) => s + l.amountCents, 0),
    committedCents: subset.filter((l) => l.kind === 'committed').reduce((s, l) => s + l.amountCents, 0),
    disbursedCents: subset.filter((l) => l.kind === 'disbursed').reduce((s, l) => s + l.amountCents, 0),
  });
  const groups = <K>(key: (l: (typeof lines)[number]) => K) => {
    const map = new Map<K, typeof lines>();
    for (const l of lines) map.set(key(l), [...(map.get(key(l)) ?? []), l]);
    return map;
  };
  const rowKey = (l: (typeof lines)[number]) => `${l.source}|${l.kind}|${l.year ?? ''}`;
  return {
    programme,
    totals: byKind(lines),
    bySource: [...groups((l) => l.source)]
      .map(([source, subset]) => ({ source, ...byKind(subset) }))
      .sort((a, b) => b.committedCents + b.plannedCents - (a.committedCents + a.plannedCents)),
    byYear: [...groups((l) => l.year)]
      .map(([year, subset]) => ({ year, ...byKind(subset) }))
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0)),
    byFieldOfAction: [...groups((l) => l.fieldId)]
      .map(([id, subset]) => ({
        fieldOfAction: id === null ? null : { id, name: fieldNames.get(id) ?? `#${id}` },
        ...byKind(subset),
      }))
      .sort((a, b) => (a.fieldOfAction?.name ?? '￿').localeCompare(b.fieldOfAction?.name ?? '￿', 'de')),
    rows: [...groups(rowKey)]
      .map(([, subset]) => ({
        source: subset[0]?.source as FundingSource,
        kind: subset[0]?.kind as FundingKind,
        year: subset[0]?.year ?? null,
        amountCents: subset.reduce((s, l) => s + l.amountCents, 0),
        lines: subset.reduce((s, l) => s + l.lines, 0),
      }))
      .sort(
        (a, b) => (a.year ?? 0) - (b.year ?? 0) || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind),
      ),
    coFinancing: coFinancing(lines),
  };
}
