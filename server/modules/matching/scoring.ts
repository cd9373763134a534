import type { ProfileKind } from '../../../contracts/matching';
import type { OrganisationType } from '../../../contracts/portfolio';

// The parts of a suggestion's score, each between 0 and 1, as plain functions of the facts.

/** How much two profile kinds want each other: an offer meets the request of its family. */
export function kindFit(a: ProfileKind, b: ProfileKind): number {
  const pair = new Set([a, b]);
  const is = (x: ProfileKind, y: ProfileKind) => pair.has(x) && pair.has(y) && (x !== y || a === b);
  if (is('technology_offer', 'technology_request') || is('business_offer', 'business_request')) return 1;
  if (a === 'research_cooperation' && b === 'research_cooperation') return 0.8;
  if (is('research_cooperation', 'technology_offer') || is('research_cooperation', 'technology_request')) return 0.6;
  if (is('technology_offer', 'business_request') || is('business_offer', 'technology_request')) return 0.4;
  // Two offers or two requests: competitors more often than partners.
  return 0.1;
}

/** Whether the pair of kinds is an offer meeting a request. */
export const offerMeetsRequest = (a: ProfileKind, b: ProfileKind): boolean => kindFit(a, b) >= 1;

const research: OrganisationType[] = ['university', 'research_institute'];

/** Company and research complement each other; research with research is common in real consortia. */
export function typeFit(a: OrganisationType, b: OrganisationType): { score: number; complement: boolean } {
  const ra = research.includes(a);
  const rb = research.includes(b);
  if ((a === 'company' && rb) || (b === 'company' && ra)) return { score: 1, complement: true };
  if (ra && rb) return { score: 0.7, complement: false };
  if (a === 'company' && b === 'company') return { score: 0.4, complement: false };
  return { score: 0.3, complement: false };
}

export interface Place {
  country: string | null;
  land: string | null;
  region: string | null;
  regionId: number | null;
}

/** The partner regions (NRW and Piemonte, by their top region's country) across the border, else nearness. */
export function placeFit(a: Place, b: Place): { score: number; crossBorder: boolean; sameRegion: boolean } {
  const crossBorder = a.land !== null && b.land !== null && a.country !== b.country;
  if (crossBorder) return { score: 1, crossBorder, sameRegion: false };
  const sameRegion = a.regionId !== null && a.regionId === b.regionId;
  if (sameRegion) return { score: 0.6, crossBorder, sameRegion };
  if (a.country !== null && a.country === b.country) return { score: 0.4, crossBorder, sameRegion };
  return { score: 0.3, crossBorder, sameRegion };
}

/** Shared items of two sets, and their overlap as |A ∩ B| / √(|A|·|B|). */
export function overlap(a: readonly string[], b: readonly string[]): { score: number; shared: string[] } {
  if (a.length === 0 || b.length === 0) return { score: 0, shared: [] };
  const set = new Set(b);
  const shared = [...new Set(a)].filter((x) => set.has(x));
  return { score: shared.length / Math.sqrt(new Set(a).size * set.size), shared };
}

/**
 * Concept overlap where an exact concept counts fully and a NACE division shared only through
 * different classes below it counts half.
 */
export function conceptFit(a: readonly string[], b: readonly string[]): { score: number; shared: string[] } {
  const exact = (keys: readonly string[]) => keys.filter((k) => !/^nace:\d{2}$/.test(k));
  const ea = exact(a);
  const eb = exact(b);
  if (ea.length === 0 || eb.length === 0) return { score: 0, shared: [] };
  const { shared } = overlap(ea, eb);
  const divisionsOnly = overlap(a, b).shared.filter(
    (k) => /^nace:\d{2}$/.test(k) && !shared.some((s) => s.startsWith(`${k}.`)),
  );
  const score = (shared.length + 0.5 * divisionsOnly.length) / Math.sqrt(ea.length * eb.length);
  return { score: Math.min(1, score), shared: [...shared, ...divisionsOnly] };
}

/** Cosine similarity of two count vectors (projects per field of action), with the shared keys, heaviest first. */
export function cosine(a: Map<number, number>, b: Map<number, number>): { score: number; shared: number[] } {
  let dot = 0;
  const shared: [number, number][] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) {
      dot += v * w;
      shared.push([k, v * w]);
    }
  }
  if (dot === 0) return { score: 0, shared: [] };
  const norm = (m: Map<number, number>) => Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0));
  return { score: dot / (norm(a) * norm(b)), shared: shared.sort((x, y) => y[1] - x[1]).map(([k]) => k) };
}

/**
 * Weights of the parts of an organisation suggestion, tuned with `npm run eval:matching` on the
 * Horizon 2020 consortia (see docs/MATCHING.md): common partners in real projects and how active
 * the candidate is predict new partnerships best; shared fields of work, concepts, complementary
 * types and the partner regions refine the order. Resource allocation (partners in between
 * weighed by their own number of partners) ranked worse there and stays available for variants.
 */
export const organisationWeights = {
  network: 0,
  common: 0.45,
  activity: 0.3,
  fields: 0.1,
  concepts: 0.05,
  type: 0.05,
  place: 0.05,
};
export type OrganisationWeights = typeof organisationWeights;

/** Weights of the parts of a profile match. */
export const profileWeights = {
  concepts: 0.3,
  terms: 0.1,
  kind: 0.2,
  sought: 0.1,
  network: 0.1,
  type: 0.1,
  place: 0.1,
};
