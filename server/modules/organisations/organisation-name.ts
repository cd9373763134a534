import type { OrganisationType } from '../../../contracts/portfolio';

/**
 * Folds case, accents, ß, German umlaut spellings (ü = ue = u) and punctuation so spelling variants
 * of one name meet: "Deutsches Zentrum für Luft- und Raumfahrt e.V." and "DEUTSCHES ZENTRUM FUER
 * LUFT - UND RAUMFAHRT EV" both become "deutsches zentrum fur luft und raumfahrt ev".
 */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/([aou])e/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1')
    .trim();
}

// Ordered: the first rule that matches the normalised name wins.
const typeRules: [RegExp, OrganisationType][] = [
  [/\b(universitat|universita|university|hochschule|fachhochschule|rwth)\b/, 'university'],
  [/\b(fraunhofer|max planck|leibniz|helmholtz|forschungszentrum|institut|institute|istituto)\b/, 'research_institute'],
  [/\b(wirtschaftsforderung\w*|wirtschaftsentwicklung\w*|wfg)\b/, 'development_agency'],
  [/\b(cluster|clustermanagement)\b/, 'cluster_organisation'],
  [/\b(ihk|industrie und handelskammer|handwerkskammer|kammer|verband|verein|ev)\b/, 'chamber_association'],
  [/\b(gewerkschaft|dgb|ig metall|igbce|verdi)\b/, 'trade_union'],
  [
    /^(stadt|kreis|gemeinde|land|landkreis|bezirksregierung|ministerium)\b|\b(landschaftsverband|landesbetrieb|regionalverband)\b/,
    'public_body',
  ],
  [/\b(gmbh|mbh|ag|kg|kgaa|ug|gbr|ohg|ek|se|ltd|inc|srl|spa|gmbh co kg)\b/, 'company'],
];

/** A first guess of an organisation's type from its name, for sources that do not give one. */
export function classifyOrganisation(name: string): OrganisationType {
  const n = normaliseOrganisationName(name);
  for (const [pattern, type] of typeRules) if (pattern.test(n)) return type;
  return 'other';
}
