import { type SQL, sql } from 'drizzle-orm';
import type { FundingLinesQuery, funds, ProgrammeChecks, Rollup, rollupDimensions } from '../../../contracts/funding';
import type { FundingKind, FundingSource, OrganisationType } from '../../../contracts/portfolio';
import { type Db, queryRows } from '../../db/client';
import type { Actor } from '../accounts';
import { formatEuroExactDe } from '../funding';
import { districtOfRegionSql } from '../organisations';
import { findVisibleProgramme, projectVisibleSql } from '../programmes';
import { programmeMoneyTotals } from './summary.service';

type Fund = (typeof funds)[number];
const fundOfSource: Record<FundingSource, Fund> = {
  eu_erdf: 'erdf',
  eu_esf: 'esf',
  eu_jtf: 'jtf',
  eu_horizon: 'horizon',
  eu_other: 'eu_other',
  erdf_programme: 'erdf_programme',
  federal: 'national',
  state: 'national',
  municipal: 'national',
  own: 'national',
  mixed: 'national',
  other: 'national',
};
const fundLabels: Record<Fund, string> = {
  erdf: 'EFRE (EU-Anteil)',
  esf: 'ESF (EU-Anteil)',
  jtf: 'JTF (EU-Anteil)',
  horizon: 'Horizont 2020',
  eu_other: 'Andere EU-Mittel',
  erdf_programme: 'EFRE-Programm (EU und Land, nicht getrennt)',
  national: 'Ohne EU-Fonds (Bund, Land, Kommune, Eigenanteil, sonstige)',
};
const sourceLabels: Record<FundingSource, string> = {
  eu_erdf: 'EU (EFRE)',
  eu_esf: 'EU (ESF)',
  eu_jtf: 'EU (JTF)',
  eu_other: 'EU (sonstige)',
  eu_horizon: 'EU (Horizont 2020)',
  erdf_programme: 'EFRE-Programm (EU + Land)',
  federal: 'Bund',
  state: 'Land',
  municipal: 'Kommune',
  own: 'Eigenanteil',
  mixed: 'Gemischt (Aufteilung nicht veröffentlicht)',
  other: 'Sonstige',
};
const kindLabels: Record<FundingKind, string> = { planned: 'geplant', committed: 'zugesagt', disbursed: 'ausgezahlt' };

/** The line's recipient: its partner, else the project's lead; its district or province from the region path. */
const recipientJoins = sql`
  left join organisations o on o.id = coalesce(l.organisation_id,
    (select po.organisation_id from project_organisations po where po.project_id = l.project_id and po.role = 'lead' order by po.organisation_id limit 1))
  left join regions r on r.id = coalesce(o.region_id, p.region_id)
  left join regions d on d.id = ${districtOfRegionSql('r')}`;

const sums = sql`coalesce(sum(l.amount_cents) filter (where l.kind = 'planned'), 0)::text as planned,
  coalesce(sum(l.amount_cents) filter (where l.kind = 'committed'), 0)::text as committed,
  coalesce(sum(l.amount_cents) filter (where l.kind = 'disbursed'), 0)::text as disbursed, count(*)::int as lines`;

type Group = Rollup['groups'][number];
type SumRow = {
  key: string | null;
  label: string | null;
  planned: string;
  committed: string;
  disbursed: string;
  lines: number;
};

/**
 * A programme's money grouped by one dimension. Source, fund, kind, year and field of action come
 * from the kept totals; district and recipient type from the lines (recipient: the partner the
 * line pays, else the project's lead).
 */
export async function programmeRollup(
  db: Db,
  actor: Actor,
  programmeId: number,
  by: (typeof rollupDimensions)[number],
): Promise<Rollup> {
  if (by === 'district' || by === 'recipientType') {
    await findVisibleProgramme(db, actor, programmeId);
    const [key, label] = by === 'district' ? [sql`d.id::text`, sql`d.name`] : [sql`o.type::text`, sql`o.type::text`];
    const rows = await queryRows<SumRow>(
      db,
      sql`select ${key} as key, ${label} as label, ${sums}
        from funding_lines l join projects p on p.id = l.project_id ${recipientJoins}
        where l.programme_id = ${programmeId} and ${projectVisibleSql(actor, 'p')}
        group by 1, 2 order by sum(l.amount_cents) desc nulls last`,
    );
    return { by, groups: rows.map((r) => toGroup(r, r.label ?? 'ohne Angabe')) };
  }
  const { fieldNames, lines } = await programmeMoneyTotals(db, actor, programmeId);
  const group = (keyOf: (l: (typeof lines)[number]) => string | null, labelOf: (key: string | null) => string) => {
    const map = new Map<string | null, Group>();
    for (const l of lines) {
      const key = keyOf(l);
      const g = map.get(key) ?? {
        key,
        label: labelOf(key),
        plannedCents: 0,
        committedCents: 0,
        disbursedCents: 0,
        lines: 0,
      };
      g[`${l.kind}Cents`] += l.amountCents;
      g.lines += l.lines;
      map.set(key, g);
    }
    return [...map.values()].sort((a, b) =>
      by === 'year'
        ? Number(a.key ?? 0) - Number(b.key ?? 0)
        : b.committedCents + b.plannedCents - (a.committedCents + a.plannedCents),
    );
  };
  const groups = {
    source: () =>
      group(
        (l) => l.source,
        (k) => sourceLabels[k as FundingSource],
      ),
    fund: () =>
      group(
        (l) => fundOfSource[l.source],
        (k) => fundLabels[k as Fund],
      ),
    kind: () =>
      group(
        (l) => l.kind,
        (k) => kindLabels[k as FundingKind],
      ),
    year: () =>
      group(
        (l) => (l.year === null ? null : String(l.year)),
        (k) => k ?? 'ohne Jahr',
      ),
    fieldOfAction: () =>
      group(
        (l) => (l.fieldId === null ? null : String(l.fieldId)),
        (k) => (k === null ? 'ohne Handlungsfeld' : (fieldNames.get(Number(k)) ?? `#${k}`)),
      ),
  }[by]();
  return { by, groups };
}

function toGroup(r: SumRow, label: string): Group {
  return {
    key: r.key,
    label,
    plannedCents: Number(r.planned),
    committedCents: Number(r.committed),
    disbursedCents: Number(r.disbursed),
    lines: Number(r.lines),
  };
}

/** The lines behind a roll-up group: the drill-down, biggest first, one page. */
export async function listFundingLines(db: Db, actor: Actor, query: FundingLinesQuery) {
  await findVisibleProgramme(db, actor, query.programmeId);
  const filters: SQL[] = [sql`l.programme_id = ${query.programmeId}`, projectVisibleSql(actor, 'p')];
  const noneOr = (value: string | number | undefined, column: SQL) =>
    value === undefined ? null : value === 'none' ? sql`${column} is null` : sql`${column} = ${value}`;
  if (query.source) filters.push(sql`l.source = ${query.source}`);
  if (query.fund) {
    const sources = Object.entries(fundOfSource).flatMap(([s, f]) => (f === query.fund ? [s] : []));
    filters.push(sql`l.source::text = any(${`{${sources.join(',')}}`}::text[])`);
  }
  if (query.kind) filters.push(sql`l.kind = ${query.kind}`);
  for (const f of [
    noneOr(query.year, sql`l.year`),
    noneOr(query.fieldOfAction, sql`l.field_of_action_id`),
    noneOr(query.district, sql`d.id`),
    noneOr(query.recipientType, sql`o.type::text`),
  ]) {
    if (f) filters.push(f);
  }
  const where = sql.join(filters, sql` and `);
  const from = sql`from funding_lines l join projects p on p.id = l.project_id ${recipientJoins}
    left join grants g on g.id = l.grant_id`;
  const [rows, [counted]] = await Promise.all([
    queryRows<{
      id: number;
      project_id: number;
      project_title: string;
      grant_id: number | null;
      grant_title: string | null;
      recipient_id: number | null;
      recipient_name: string | null;
      recipient_type: OrganisationType | null;
      source: FundingSource;
      kind: FundingKind;
      amount_cents: string;
      year: number | null;
    }>(
      db,
      sql`select l.id, p.id as project_id, p.title as project_title, g.id as grant_id, g.title as grant_title,
          o.id as recipient_id, o.name as recipient_name, o.type as recipient_type, l.source, l.kind,
          l.amount_cents::text as amount_cents, l.year
        ${from} where ${where}
        order by l.amount_cents desc, l.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`),
  ]);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      project: { id: Number(r.project_id), title: r.project_title },
      grant: r.grant_id !== null && r.grant_title !== null ? { id: Number(r.grant_id), title: r.grant_title } : null,
      recipient:
        r.recipient_id !== null && r.recipient_name !== null && r.recipient_type !== null
          ? { id: Number(r.recipient_id), name: r.recipient_name, type: r.recipient_type }
          : null,
      source: r.source,
      kind: r.kind,
      amountCents: Number(r.amount_cents),
      year: r.year === null ? null : Number(r.year),
    })),
    total: Number(counted?.n ?? 0),
  };
}

const count = (n: number) => n.toLocaleString('de-DE');
const germanDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('de-DE', { timeZone: 'UTC' });

/**
 * Figures that don't add up, shown as warnings: reported status counts beyond the reported total,
 * reported next to tracked figures, grants and calls over budget, projects without money.
 */
export async function programmeChecks(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeChecks> {
  await findVisibleProgramme(db, actor, programmeId);
  const [reported, tracked, overBudget, calls, moneyless, mixed] = await Promise.all([
    queryRows<{ metric: string; label: string; value: string; unit: string; published_on: string }>(
      db,
      sql`select metric, label, value::text as value, unit, published_on::text as published_on from reported_figures
        where programme_id = ${programmeId} order by published_on, metric`,
    ),
    queryRows<{ status: string | null; n: number }>(
      db,
      sql`select p.status::text as status, count(*)::int as n from projects p
        where p.programme_id = ${programmeId} and ${projectVisibleSql(actor, 'p')} group by 1`,
    ),
    queryRows<{ id: number; title: string; amount: string; committed: string }>(
      db,
      sql`select g.id, g.title, g.amount_cents::text as amount, sum(l.amount_cents)::text as committed
        from grants g join projects p on p.id = g.project_id join funding_lines l on l.grant_id = g.id
        where p.programme_id = ${programmeId} and ${projectVisibleSql(actor, 'p')} and l.kind = 'committed' and l.source <> 'own'
        group by g.id having sum(l.amount_cents) > g.amount_cents order by g.id limit 100`,
    ),
    queryRows<{ id: number; title: string; budget: string; granted: string }>(
      db,
      sql`select c.id, c.title, c.budget_cents::text as budget, sum(g.amount_cents)::text as granted
        from funding_calls c join grants g on g.call_id = c.id
        where c.programme_id = ${programmeId} and c.budget_cents is not null
        group by c.id having sum(g.amount_cents) > c.budget_cents`,
    ),
    queryRows<{ id: number }>(
      db,
      sql`select p.id from projects p where p.programme_id = ${programmeId} and ${projectVisibleSql(actor, 'p')}
        and not exists (select 1 from funding_lines l where l.project_id = p.id) order by p.id`,
    ),
    queryRows<{ id: number; title: string }>(
      db,
      sql`select p.id, p.title from projects p where p.programme_id = ${programmeId} and ${projectVisibleSql(actor, 'p')}
        and exists (select 1 from funding_lines l where l.project_id = p.id and l.grant_id is null)
        and exists (select 1 from funding_lines l where l.project_id = p.id and l.grant_id is not null) order by p.id`,
    ),
  ]);
  const items: ProgrammeChecks['items'] = [];
  for (const date of [...new Set(reported.map((r) => r.published_on))]) {
    const on = reported.filter((r) => r.published_on === date);
    const total = on.find((r) => r.metric === 'projects.total');
    const parts = on.filter((r) => r.metric.startsWith('projects.status.'));
    const sum = parts.reduce((s, r) => s + Number(r.value), 0);
    if (total && parts.length > 0 && sum > Number(total.value)) {
      items.push({
        code: 'reported_parts_exceed_total',
        severity: 'warning',
        message: `Bericht vom ${germanDate(date)}: Projekte nach Status ergeben ${count(sum)}, gemeldet sind ${count(Number(total.value))} insgesamt`,
      });
    }
  }
  const latest = reported.at(-1)?.published_on;
  const trackedTotal = tracked.reduce((s, t) => s + Number(t.n), 0);
  for (const r of reported.filter((x) => x.published_on === latest && x.unit === 'count')) {
    const value =
      r.metric === 'projects.total'
        ? trackedTotal
        : r.metric.startsWith('projects.status.')
          ? Number(tracked.find((t) => t.status === r.metric.slice('projects.status.'.length))?.n ?? 0)
          : null;
    if (value !== null && value !== Number(r.value)) {
      items.push({
        code: 'reported_vs_tracked',
        severity: 'info',
        message: `${r.label}: gemeldet ${count(Number(r.value))} (${germanDate(r.published_on)}), erfasst ${count(value)}`,
      });
    }
  }
  for (const g of overBudget) {
    items.push({
      code: 'grant_over_budget',
      severity: 'warning',
      message: `„${g.title}“: zugesagte Fördermittel ${formatEuroExactDe(Number(g.committed))} über der Bewilligung ${formatEuroExactDe(Number(g.amount))}`,
      grantIds: [Number(g.id)],
    });
  }
  for (const c of calls) {
    items.push({
      code: 'call_over_budget',
      severity: 'warning',
      message: `Aufruf „${c.title}“: bewilligt ${formatEuroExactDe(Number(c.granted))}, Budget ${formatEuroExactDe(Number(c.budget))}`,
    });
  }
  for (const p of mixed) {
    items.push({
      code: 'lines_beside_grants',
      severity: 'warning',
      message: `„${p.title}“: Mittel ohne Förderung neben Förderungen erfasst – möglicherweise doppelt gezählt`,
      projectIds: [Number(p.id)],
    });
  }
  if (moneyless.length > 0) {
    items.push({
      code: 'projects_without_money',
      severity: 'info',
      message: `${count(moneyless.length)} von ${count(trackedTotal)} Projekten ohne erfasste Mittel`,
      projectIds: moneyless.slice(0, 100).map((p) => Number(p.id)),
    });
  }
  return { items };
}
