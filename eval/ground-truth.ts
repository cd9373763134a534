import type { Participation } from './cordis-split';
import type { OrganisationFacts } from './training-db';

/** Organisation id → the organisations it shares at least one project with. */
export type PartnerGraph = Map<number, Set<number>>;
/** Query organisation id → the organisation ids that count as hits. */
export type Truth = Map<number, Set<number>>;

/** The consortia (sets of organisation ids) of the projects; PICs not in the database are left out and counted. */
function consortia(participations: readonly Participation[], organisationOfPic: ReadonlyMap<string, number>) {
  const byProject = new Map<string, Set<number>>();
  let unknownPics = 0;
  for (const p of participations) {
    const id = organisationOfPic.get(p.pic);
    if (id === undefined) {
      unknownPics++;
      continue;
    }
    const members = byProject.get(p.rcn) ?? new Set<number>();
    members.add(id);
    byProject.set(p.rcn, members);
  }
  return { consortia: [...byProject.values()], unknownPics };
}

function addPair(map: Map<number, Set<number>>, a: number, b: number): void {
  const set = map.get(a) ?? new Set<number>();
  set.add(b);
  map.set(a, set);
}

/** Who worked with whom in the given projects. */
export function partnerGraph(
  participations: readonly Participation[],
  organisationOfPic: ReadonlyMap<string, number>,
): PartnerGraph {
  const graph: PartnerGraph = new Map();
  for (const members of consortia(participations, organisationOfPic).consortia) {
    for (const a of members) for (const b of members) if (a !== b) addPair(graph, a, b);
  }
  return graph;
}

/**
 * The new partners of each organisation: those it shares a test project with and no training
 * project. Both must be in the training database; participations of organisations that are not
 * (cold start) are counted, not predicted.
 */
export function newPartners(
  test: readonly Participation[],
  organisationOfPic: ReadonlyMap<string, number>,
  training: PartnerGraph,
): { truth: Truth; coldStartParticipations: number } {
  const { consortia: projects, unknownPics } = consortia(test, organisationOfPic);
  const truth: Truth = new Map();
  for (const members of projects) {
    for (const a of members) {
      for (const b of members) if (a !== b && !training.get(a)?.has(b)) addPair(truth, a, b);
    }
  }
  return { truth, coldStartParticipations: unknownPics };
}

/** Organisations with at least one new partner and at least one training partner, in id order. */
export function queryOrganisations(truth: Truth, training: PartnerGraph): number[] {
  return [...truth.keys()].filter((id) => (training.get(id)?.size ?? 0) > 0).sort((a, b) => a - b);
}

/** A reproducible random sample of at most `max` ids (mulberry32-seeded Fisher–Yates), in id order. */
export function sampleIds(ids: readonly number[], max: number, seed: number): number[] {
  if (ids.length <= max) return [...ids];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
  }
  return shuffled.slice(0, max).sort((a, b) => a - b);
}

export type Slice = { name: string; label: string; isPair(a: number, b: number): boolean };

/**
 * The three views of the evaluation: every new partnership, company ↔ research (CORDIS PRC against
 * HES or REC), and NRW ↔ Piemonte (the organisation's region in the database, else the region flag
 * organisations.csv gives one of its PICs).
 */
export function slices(
  facts: ReadonlyMap<number, OrganisationFacts>,
  organisationOfPic: ReadonlyMap<string, number>,
  regionOfPic: ReadonlyMap<string, string>,
): Slice[] {
  const csvRegion = new Map<number, string>();
  for (const [pic, id] of organisationOfPic) {
    const region = regionOfPic.get(pic);
    if (region) csvRegion.set(id, region);
  }
  const regionOf = (id: number): string | null => {
    const country = facts.get(id)?.regionCountry;
    if (country === 'DE') return 'NRW';
    if (country === 'IT') return 'PIEMONTE';
    return csvRegion.get(id) ?? null;
  };
  const isCompany = (id: number) => facts.get(id)?.type === 'company';
  const isResearch = (id: number) => ['university', 'research_institute'].includes(facts.get(id)?.type ?? '');
  return [
    { name: 'overall', label: 'overall', isPair: () => true },
    {
      name: 'company-research',
      label: 'company ↔ research',
      isPair: (a, b) => (isCompany(a) && isResearch(b)) || (isResearch(a) && isCompany(b)),
    },
    {
      name: 'nrw-piemonte',
      label: 'NRW ↔ Piemonte',
      isPair: (a, b) => {
        const ra = regionOf(a);
        const rb = regionOf(b);
        return (ra === 'NRW' && rb === 'PIEMONTE') || (ra === 'PIEMONTE' && rb === 'NRW');
      },
    },
  ];
}

/** The truth of the queries restricted to the slice's pairs; queries without such a pair drop out. */
export function sliceTruth(truth: Truth, queries: readonly number[], slice: Slice): Truth {
  const out: Truth = new Map();
  for (const q of queries) {
    const relevant = new Set([...(truth.get(q) ?? [])].filter((b) => slice.isPair(q, b)));
    if (relevant.size > 0) out.set(q, relevant);
  }
  return out;
}
