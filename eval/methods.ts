import { nowMs } from '../bench/stats';
import type { Db } from '../server/db/client';
import { systemActor } from '../server/modules/accounts';
import { type OrganisationWeights, suggestPartnersForOrganisation } from '../server/modules/matching';
import type { PartnerGraph } from './ground-truth';
import type { OrganisationFacts } from './training-db';

/** A way of suggesting partners: up to k organisation ids for a query, best first. */
export type Method = { name: string; suggest(query: number): Promise<number[]> };

/** The first k ids of a ranking that are neither the query nor one of its partners. */
function firstAllowed(ranking: Iterable<number>, query: number, partners: ReadonlySet<number>, k: number): number[] {
  const out: number[] = [];
  for (const id of ranking) {
    if (out.length === k) break;
    if (id !== query && !partners.has(id)) out.push(id);
  }
  return out;
}

/** Organisations by their number of distinct training partners, most first (ties by id). */
function byDegree(graph: PartnerGraph, ids: Iterable<number>): number[] {
  const degree = (id: number) => graph.get(id)?.size ?? 0;
  return [...ids].filter((id) => degree(id) > 0).sort((a, b) => degree(b) - degree(a) || a - b);
}

/** Baseline: the organisations with the most training partners, the same for everybody. */
export function mostConnected(graph: PartnerGraph, k: number): Method {
  const ranking = byDegree(graph, graph.keys());
  return {
    name: 'most-connected',
    suggest: async (q) => firstAllowed(ranking, q, graph.get(q) ?? new Set(), k),
  };
}

/** Baseline: the most connected organisations of the query's own country. */
export function sameCountry(graph: PartnerGraph, facts: ReadonlyMap<number, OrganisationFacts>, k: number): Method {
  const byCountry = new Map<string, number[]>();
  for (const id of byDegree(graph, graph.keys())) {
    const country = facts.get(id)?.country;
    if (!country) continue;
    byCountry.set(country, [...(byCountry.get(country) ?? []), id]);
  }
  return {
    name: 'same-country',
    suggest: async (q) => {
      const country = facts.get(q)?.country;
      return firstAllowed((country && byCountry.get(country)) || [], q, graph.get(q) ?? new Set(), k);
    },
  };
}

/** Baseline: the classic link predictor — most shared training partners first (ties: more partners, then id). */
export function commonNeighbours(graph: PartnerGraph, k: number): Method {
  const degree = (id: number) => graph.get(id)?.size ?? 0;
  return {
    name: 'common-neighbours',
    suggest: async (q) => {
      const partners = graph.get(q) ?? new Set<number>();
      const shared = new Map<number, number>();
      for (const p of partners) {
        for (const c of graph.get(p) ?? []) if (c !== q && !partners.has(c)) shared.set(c, (shared.get(c) ?? 0) + 1);
      }
      return [...shared.entries()]
        .sort(([a, na], [b, nb]) => nb - na || degree(b) - degree(a) || a - b)
        .slice(0, k)
        .map(([id]) => id);
    },
  };
}

/** What the calls of Standort's suggestions returned, beyond the ids that were scored. */
export type StandortCalls = {
  durationsMs: number[];
  items: number;
  /** Items without an organisation (anonymous profiles). */
  withoutOrganisation: number;
  /** Items naming the query itself or one of its training partners (dropped). */
  selfOrPartner: number;
  duplicates: number;
  /** Queries with fewer than k usable ids. */
  short: number;
};

/** Standort's own partner suggestions (`suggestPartnersForOrganisation`), timed per call. */
export function standort(
  db: Db,
  graph: PartnerGraph,
  k: number,
  variant?: { name: string; weights: OrganisationWeights },
): { method: Method; calls: StandortCalls } {
  const calls: StandortCalls = {
    durationsMs: [],
    items: 0,
    withoutOrganisation: 0,
    selfOrPartner: 0,
    duplicates: 0,
    short: 0,
  };
  const method: Method = {
    name: variant ? `standort:${variant.name}` : 'standort',
    suggest: async (q) => {
      const started = nowMs();
      const { items } = await suggestPartnersForOrganisation(
        db,
        systemActor,
        q,
        { limit: k, lang: 'de' },
        { weights: variant?.weights },
      );
      calls.durationsMs.push(nowMs() - started);
      calls.items += items.length;
      const partners = graph.get(q) ?? new Set<number>();
      const ids: number[] = [];
      for (const { organisationId: id } of items) {
        if (id === null) calls.withoutOrganisation++;
        else if (id === q || partners.has(id)) calls.selfOrPartner++;
        else if (ids.includes(id)) calls.duplicates++;
        else ids.push(id);
      }
      if (ids.length < k) calls.short++;
      return ids.slice(0, k);
    },
  };
  return { method, calls };
}
