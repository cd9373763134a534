// Text folding and word stems shared by concept extraction and term matching, language-blind on
// purpose: a German, Italian or English text yields comparable words.

/** Lower case, accents and umlauts dropped (ä → a, è → e), ß → ss. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The folded words of a text: letters and digits, split at everything else. */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}

// Words too common in partner profiles to say anything: function words of the three languages and
// the vocabulary of every offer ("partner", "entwickeln", "sviluppo", "company"), as 5-letter stems.
const stopStems = new Set(
  (
    'aber alle allem allen aller alles also andere anderen auch dabei damit dann daruber dass deren diese dieser ' +
    'dieses durch eine einem einen einer eines etwa fuer gegen haben hatte hier ihre ihren immer innerhalb jedoch ' +
    'kann konnen mehr muss nach neben noch oder ohne schon sehr seit sich sind sowie uber unser unsere unter viele ' +
    'vom von wenn werden wird wurde zwischen ' +
    'about above after also among and are been being both but can could does each from further have into more most ' +
    'other our over same should such than that their them then there these they this those through under very what ' +
    'when where which while will with within would your ' +
    'alla alle anche come con dalla dalle degli della delle dello nella nelle negli nostra nostre nostri nostro ' +
    'ogni oltre per piu presso quale quali quando questa queste questi questo sono sulla sulle tutte tutti ' +
    'partner partnerschaft cooperation cooperazione kooperation zusammenarbeit suchen sucht cerchiamo cerca ' +
    'looking seeking offer offre offriamo bieten bietet anbieten request richiesta anfrage ' +
    'company companies unternehmen azienda aziende impresa imprese firma firmen societa ' +
    'entwicklung entwickeln develop development sviluppo sviluppare sviluppa ' +
    'project projekt projekte progetto progetti product produkt produkte prodotto prodotti ' +
    'service services dienstleistung servizio servizi solution solutions losung losungen soluzione soluzioni ' +
    'innovation innovative innovativ innovazione innovativo technology technologie tecnologia tecnologie ' +
    'neue neuen nuovo nuova nuovi nuove experience erfahrung esperienza market markt mercato ' +
    'international internationale internazionale europa europe europaischen europea region regione ' +
    'bereich settore sector field feld areas'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);

/** A word's stem for matching across languages: its first five letters ("satellite", "satelliti", "Satelliten" → "satel"). */
export function stem(word: string): string {
  return word.slice(0, 5);
}

/** The distinct stems of a text's words of five letters or more, without the common ones; at most `max`. */
export function termsOf(text: string, max = 60): string[] {
  const terms = new Set<string>();
  for (const word of words(text)) {
    if (word.length < 5 || /^\d+$/.test(word)) continue;
    const s = stem(word);
    if (stopStems.has(s)) continue;
    terms.add(s);
    if (terms.size >= max) break;
  }
  return [...terms];
}
