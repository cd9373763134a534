import type { ProfileKind, ProfileLanguage, Reason } from '../../../contracts/matching';
import type { OrganisationType } from '../../../contracts/portfolio';

// The reasons of a suggestion in words, in German, English and Italian.

type Texts = Record<ProfileLanguage, string>;

const typeNames: Record<OrganisationType, Texts> = {
  company: { de: 'Unternehmen', en: 'company', it: 'impresa' },
  university: { de: 'Hochschule', en: 'university', it: 'università' },
  research_institute: { de: 'Forschungseinrichtung', en: 'research institute', it: 'istituto di ricerca' },
  cluster_organisation: { de: 'Clusterorganisation', en: 'cluster organisation', it: 'organizzazione di cluster' },
  development_agency: { de: 'Wirtschaftsförderung', en: 'development agency', it: 'agenzia di sviluppo' },
  chamber_association: { de: 'Kammer oder Verband', en: 'chamber or association', it: 'camera o associazione' },
  trade_union: { de: 'Gewerkschaft', en: 'trade union', it: 'sindacato' },
  public_body: { de: 'öffentliche Stelle', en: 'public body', it: 'ente pubblico' },
  network_alliance: { de: 'Netzwerk', en: 'network', it: 'rete' },
  other: { de: 'Organisation', en: 'organisation', it: 'organizzazione' },
};

const kindNames: Record<ProfileKind, Texts> = {
  technology_offer: { de: 'Technologieangebot', en: 'technology offer', it: 'offerta tecnologica' },
  technology_request: { de: 'Technologiegesuch', en: 'technology request', it: 'richiesta tecnologica' },
  business_offer: { de: 'Geschäftsangebot', en: 'business offer', it: 'offerta commerciale' },
  business_request: { de: 'Geschäftsgesuch', en: 'business request', it: 'richiesta commerciale' },
  research_cooperation: {
    de: 'Forschungskooperation',
    en: 'research cooperation',
    it: 'cooperazione di ricerca',
  },
};

const list = (items: string[], lang: ProfileLanguage) => {
  const and = { de: 'und', en: 'and', it: 'e' }[lang];
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
};

export const typeName = (type: OrganisationType, lang: ProfileLanguage) => typeNames[type][lang];

export const reasonText = {
  partnersOfPartners: (names: string[], count: number, lang: ProfileLanguage): Reason => ({
    code: 'partners_of_partners',
    evidence: names,
    text: {
      de: `${count === 1 ? 'Ein gemeinsamer Partner' : `${count} gemeinsame Partner`} aus echten Projekten: ${list(names, 'de')}`,
      en: `${count === 1 ? 'One partner' : `${count} partners`} in common from real projects: ${list(names, 'en')}`,
      it: `${count === 1 ? 'Un partner' : `${count} partner`} in comune da progetti reali: ${list(names, 'it')}`,
    }[lang],
  }),
  sharedFields: (names: string[], lang: ProfileLanguage): Reason => ({
    code: 'shared_fields',
    evidence: names,
    text: {
      de: `Projekte in denselben Themenfeldern: ${list(names, 'de')}`,
      en: `Projects in the same fields: ${list(names, 'en')}`,
      it: `Progetti negli stessi ambiti: ${list(names, 'it')}`,
    }[lang],
  }),
  projectTopics: (count: number, titles: string[], lang: ProfileLanguage): Reason => {
    const quoted = titles.map((t) => ({ de: `„${t}“`, en: `“${t}”`, it: `«${t}»` })[lang]);
    return {
      code: 'project_topics',
      evidence: titles,
      text: {
        de: `${count === 1 ? 'Ein Projekt' : `${count} Projekte`} zu diesen Themen, etwa ${list(quoted, 'de')}`,
        en: `${count === 1 ? 'One project' : `${count} projects`} on these topics, such as ${list(quoted, 'en')}`,
        it: `${count === 1 ? 'Un progetto' : `${count} progetti`} su questi temi, ad esempio ${list(quoted, 'it')}`,
      }[lang],
    };
  },
  sharedConcepts: (keys: string[], labels: string[], lang: ProfileLanguage): Reason => ({
    code: 'shared_concepts',
    evidence: keys,
    text: {
      de: `Gemeinsame Themen: ${list(labels, 'de')}`,
      en: `Shared topics: ${list(labels, 'en')}`,
      it: `Temi in comune: ${list(labels, 'it')}`,
    }[lang],
  }),
  matchingTerms: (terms: string[], lang: ProfileLanguage): Reason => ({
    code: 'matching_terms',
    evidence: terms,
    text: {
      de: `Dieselben Begriffe im Text: ${list(terms, 'de')}`,
      en: `The same terms in the text: ${list(terms, 'en')}`,
      it: `Gli stessi termini nel testo: ${list(terms, 'it')}`,
    }[lang],
  }),
  offerMeetsRequest: (mine: ProfileKind, theirs: ProfileKind, lang: ProfileLanguage): Reason => ({
    code: 'offer_meets_request',
    evidence: [mine, theirs],
    text: {
      de: `${kindNames[theirs].de} passt zu ${kindNames[mine].de}`,
      en: `${capitalise(kindNames[theirs].en)} meets ${kindNames[mine].en}`,
      it: `${capitalise(kindNames[theirs].it)} incontra ${kindNames[mine].it}`,
    }[lang],
  }),
  typeComplement: (mine: OrganisationType, theirs: OrganisationType, lang: ProfileLanguage): Reason => ({
    code: 'type_complement',
    evidence: [mine, theirs],
    text: {
      de: `${capitalise(typeNames[mine].de)} und ${typeNames[theirs].de} ergänzen sich`,
      en: `${capitalise(typeNames[mine].en)} and ${typeNames[theirs].en} complement each other`,
      it: `${capitalise(typeNames[mine].it)} e ${typeNames[theirs].it} si completano`,
    }[lang],
  }),
  soughtCriteria: (met: string[], lang: ProfileLanguage): Reason => ({
    code: 'sought_criteria',
    evidence: met,
    text: {
      de: `Entspricht dem gesuchten Partner: ${list(met, 'de')}`,
      en: `Fits the partner sought: ${list(met, 'en')}`,
      it: `Corrisponde al partner cercato: ${list(met, 'it')}`,
    }[lang],
  }),
  crossBorder: (from: string, to: string, lang: ProfileLanguage): Reason => ({
    code: 'cross_border',
    evidence: [from, to],
    text: {
      de: `Partnerregionen über die Grenze: ${from} – ${to}`,
      en: `Partner regions across the border: ${from} – ${to}`,
      it: `Regioni partner oltre confine: ${from} – ${to}`,
    }[lang],
  }),
  sameRegion: (region: string, lang: ProfileLanguage): Reason => ({
    code: 'same_region',
    evidence: [region],
    text: {
      de: `Aus derselben Region: ${region}`,
      en: `From the same region: ${region}`,
      it: `Dalla stessa regione: ${region}`,
    }[lang],
  }),
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const countryNames: Record<string, Texts> = {
  DE: { de: 'Deutschland', en: 'Germany', it: 'Germania' },
  IT: { de: 'Italien', en: 'Italy', it: 'Italia' },
};
