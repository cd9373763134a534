import type { OrganisationType } from '../../../contracts/portfolio';

/** Folds case, accents, ß and punctuation so spelling variants of one name meet. */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Ordered: the first rule that matches the normalised name wins.
const typeRules: [RegExp, OrganisationType][] = [
  [/\b(universitat|universita|university|hochschule|fachhochschule|rwth)\b/, 'university'],
  [/\b(fraunhofer|max planck|leibniz|helmholtz|forschungszentrum|institut|institute|istituto)\b/, 'research_institute'],
  [/\b(wirtschaftsforderung\w*|wirtschaftsentwicklung\w*|wfg)\b/, 'development_agency'],
  [/\b(cluster|clustermanagement)\b/, 'cluster_organisation'],
  [/\b(ihk|industrie und handelskammer|handwerkskammer|kammer|verband|verein|e v)\b/, 'chamber_association'],
  [/\b(gewerkschaft|dgb|ig metall|igbce|verdi)\b/, 'trade_union'],
  [
    /^(stadt|kreis|gemeinde|land|landkreis|bezirksregierung|ministerium)\b|\b(landschaftsverband|landesbetrieb|regionalverband)\b/,
    'public_body',
  ],
  [/\b(gmbh|mbh|ag|kg|kgaa|ug|gbr|ohg|e k|se|ltd|inc|srl|s r l|spa|s p a|gmbh co kg)\b/, 'company'],
];

/** A first guess of an organisation's type from its name, for sources that do not give one. */
export function classifyOrganisation(name: string): OrganisationType {
  const n = normaliseOrganisationName(name);
  for (const [pattern, type] of typeRules) if (pattern.test(n)) return type;
  return 'other';
}
