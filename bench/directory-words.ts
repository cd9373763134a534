/** Vocabulary for a generated directory of German, Italian and other European organisations. */

const words = (text: string): string[] => text.trim().split(/\s+/u);
const lines = (text: string): string[] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** More German family names (with those of words.ts: the common ones of the telephone book). */
export const moreSurnames = words(`
  Schuster Böhm Winter Schumacher Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf
  Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Ludwig
  Schäfers Hermann Kraus Martin Schmitt-Berger Lindner Ernst Böttcher Franke Albrecht Schramm Simon Beyer Wendt
  Dörr Kraft Hesse Nowak Kowalski Yilmaz Kaya Demir Şahin Schneiders Dreher Heller Brinkmann Janssen Hüsken
  Overbeck Terhorst Hölscher Büscher Ostendorf Kemper Wessels Evers Thiele Tillmann Rademacher Kortmann Bußmann
  Pieper Leifeld Hagedorn Lütkemeyer Böckmann Heitkamp Berghoff Schulte Schulte-Wien Rüther Niehaus Hüttemann
`);

/** Given names, for owner-run firms ("Hans Müller Metallbau e. K."). */
export const givenNames = words(`
  Hans Peter Klaus Jürgen Wolfgang Michael Thomas Andreas Stefan Frank Uwe Bernd Ralf Dirk Markus Christian
  Sabine Petra Monika Andrea Claudia Birgit Susanne Nicole Anja Katrin Julia Sandra Heike Martina Anke
  Ahmet Mehmet Dariusz Piotr Ivana Giuseppe Lukas Jonas Leon Finn Emma Mia Hannah Lea
`);

/** Trades and branches of German companies. */
export const trades = words(`
  Metallbau Maschinenbau Elektrotechnik Haustechnik Sanitärtechnik Heizungsbau Kältetechnik Klimatechnik
  Dachdeckerei Tischlerei Schreinerei Zimmerei Malerbetrieb Bäckerei Fleischerei Konditorei Autohaus Kfz-Technik
  Logistik Spedition Transporte Umzüge Bauunternehmung Hochbau Tiefbau Straßenbau Ingenieurbüro Planungsbüro
  Steuerberatung Wirtschaftsprüfung Immobilien Hausverwaltung Softwareentwicklung IT-Service Systemhaus
  Consulting Unternehmensberatung Kunststofftechnik Druckerei Verpackung Medizintechnik Zahntechnik Pflegedienst
  Gebäudereinigung Gartenbau Landschaftsbau Energietechnik Solartechnik Umwelttechnik Recycling Entsorgung
  Stahlbau Anlagenbau Werkzeugbau Feinmechanik Präzisionstechnik Oberflächentechnik Galvanik Gießerei Holzbau
  Messtechnik Sensorik Automation Robotik Lasertechnik Optik Chemie Pharma Biotech Lebensmittel Getränke
  Brauerei Weinhandel Textil Mode Möbel Elektro Fahrzeugbau Antriebstechnik Hydraulik Pneumatik Schweißtechnik
  Kabeltechnik Steuerungstechnik Prüftechnik Labortechnik Reinraumtechnik Fördertechnik Lagertechnik Baustoffe
  Fliesen Fenster Treppenbau Glaserei Schlosserei Dreherei Fräserei Stanztechnik Blechbearbeitung Wasserstrahltechnik
`);

/** Words for associations, institutes and public bodies ("Förderverein Kultur Bochum e. V."). */
export const causes = words(`
  Kultur Sport Jugend Heimat Naturschutz Denkmalpflege Bildung Integration Gesundheit Pflege Musik Kunst Theater
  Geschichte Wirtschaft Handel Handwerk Tourismus Umwelt Klimaschutz Energie Mobilität Digitalisierung Forschung
  Innovation Technologie Wissenschaft Medizin Stadtentwicklung Quartiersarbeit Nachbarschaft Senioren Familie
`);

export const germanLegalForms: readonly (readonly [string, number])[] = [
  ['GmbH', 50],
  ['GmbH & Co. KG', 15],
  ['AG', 3],
  ['KG', 4],
  ['e. K.', 8],
  ['UG (haftungsbeschränkt)', 6],
  ['OHG', 2],
  ['GbR', 4],
  ['mbH', 2],
  ['', 6],
];

/** Italian family names. */
export const italianSurnames = words(`
  Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Mancini
  Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini
  Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola D'Angelo Marchetti Parisi Villa Conte
  Ferraro Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala Gatti Pellegrini Palumbo Sanna
  Farina Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti
  Barone Rossetti Caputo Montanari Guerra Palmieri Bernardi Martino Fiore Ferretti Bellini Basile Riva
  Donati Piras Vitali Battaglia Sartori Neri Costantini Milani Pagano Ruggiero Sorrentino D'Amico Orlando Negri
  Bertolino Bosio Gribaudo Chiapello Audisio Cravero Bonino Ghione Allasia Vottero Giraudo Borgna Peano Cerutti
`).concat(['De Luca', 'De Santis', 'De Angelis', 'De Rosa']);

/** Italian sectors ("Rossi Meccanica S.r.l."). */
export const settori = words(`
  Meccanica Costruzioni Impianti Elettronica Informatica Logistica Trasporti Edilizia Ingegneria Automazione
  Tecnologie Servizi Consulenza Alimentari Tessile Arredamenti Metalli Plastica Carpenteria Stampi Energia Ambiente
  Agricola Vinicola Dolciaria Farmaceutica Biomedica Chimica Ottica Robotica Software Sistemi Componenti Utensili
  Verniciatura Packaging Termoidraulica Elettromeccanica Aerospaziale Automotive Serramenti Ceramiche Pelletteria
  Gioielli Tipografia Cartotecnica Trafileria Fonderia Minuteria Oleodinamica Pneumatica Lavorazioni Forniture
`);

export const italianLegalForms: readonly (readonly [string, number])[] = [
  ['S.r.l.', 55],
  ['S.p.A.', 8],
  ['S.n.c.', 10],
  ['S.a.s.', 10],
  ['S.r.l.s.', 6],
  ['Società Cooperativa', 5],
  ['S.c.a.r.l.', 3],
  ['di {s} & C.', 3],
];

/** Other EU countries (CORDIS codes): family names, legal forms, cities. */
export const europe: readonly {
  country: string;
  weight: number;
  surnames: string[];
  forms: string[];
  cities: string[];
}[] = [
  {
    country: 'FR',
    weight: 20,
    surnames: words(
      'Dupont Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre',
    ),
    forms: ['SAS', 'SARL', 'SA'],
    cities: words('Paris Lyon Toulouse Grenoble Marseille Nantes Strasbourg Lille Bordeaux Rennes'),
  },
  {
    country: 'NL',
    weight: 12,
    surnames: words('Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer').concat([
      'de Vries',
      'van Dijk',
      'de Boer',
      'van den Berg',
    ]),
    forms: ['B.V.', 'N.V.'],
    cities: words('Amsterdam Rotterdam Eindhoven Delft Utrecht Groningen Enschede Nijmegen'),
  },
  {
    country: 'ES',
    weight: 14,
    surnames: words('García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz'),
    forms: ['S.L.', 'S.A.', 'S.L.U.'],
    cities: words('Madrid Barcelona Valencia Sevilla Bilbao Zaragoza Málaga Valladolid'),
  },
  {
    country: 'PL',
    weight: 8,
    surnames: words('Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański'),
    forms: ['Sp. z o.o.', 'S.A.'],
    cities: words('Warszawa Kraków Wrocław Poznań Gdańsk Łódź'),
  },
  {
    country: 'AT',
    weight: 8,
    surnames: words('Gruber Huber Bauer Wagner Pichler Steiner Moser Mayer Hofer Leitner Berger Fuchs'),
    forms: ['GmbH', 'AG', 'KG', 'e.U.'],
    cities: words('Wien Graz Linz Salzburg Innsbruck Klagenfurt'),
  },
  {
    country: 'BE',
    weight: 7,
    surnames: words('Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters Dubois'),
    forms: ['NV', 'BV', 'SA', 'SRL'],
    cities: words('Bruxelles Antwerpen Gent Leuven Liège Namur'),
  },
  {
    country: 'SE',
    weight: 5,
    surnames: words('Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson'),
    forms: ['AB'],
    cities: words('Stockholm Göteborg Malmö Uppsala Linköping Lund'),
  },
  {
    country: 'FI',
    weight: 4,
    surnames: words('Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen'),
    forms: ['Oy', 'Oyj'],
    cities: words('Helsinki Espoo Tampere Oulu Turku'),
  },
  {
    country: 'DK',
    weight: 4,
    surnames: words('Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen'),
    forms: ['A/S', 'ApS'],
    cities: words('København Aarhus Odense Aalborg'),
  },
  {
    country: 'CZ',
    weight: 4,
    surnames: words('Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý'),
    forms: ['s.r.o.', 'a.s.'],
    cities: words('Praha Brno Ostrava Plzeň'),
  },
  {
    country: 'PT',
    weight: 4,
    surnames: words('Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins'),
    forms: ['Lda', 'S.A.'],
    cities: words('Lisboa Porto Braga Coimbra Aveiro'),
  },
  {
    country: 'EL',
    weight: 3,
    surnames: words('Papadopoulos Georgiou Nikolaidis Konstantinou Pappas Dimitriou Oikonomou'),
    forms: ['A.E.', 'E.P.E.', 'IKE'],
    cities: words('Athina Thessaloniki Patra Irakleio'),
  },
  {
    country: 'IE',
    weight: 3,
    surnames: words('Murphy Kelly Byrne Ryan Walsh Doyle Brennan Lynch').concat(["O'Brien", "O'Sullivan"]),
    forms: ['Limited', 'Ltd', 'DAC'],
    cities: words('Dublin Cork Galway Limerick'),
  },
];

/** English words for European companies ("Jansen Robotics B.V."). */
export const sectorsEn = words(`
  Technologies Engineering Solutions Systems Consulting Research Innovation Energy Logistics Software Materials
  Robotics Analytics Biotech Medical Photonics Sensors Composites Aerospace Automotive Hydrogen Water Environment
  Data Networks Instruments Diagnostics Pharma Foods Packaging Mobility Security Quantum Microsystems Coatings
`);

/** Fields of research institutes and university chairs. */
export const researchFields = lines(`
  Lasertechnik
  Produktionstechnologie
  Werkstoffmechanik
  Umwelt-, Sicherheits- und Energietechnik
  Materialfluss und Logistik
  Mikroelektronische Schaltungen und Systeme
  Software- und Systemtechnik
  Molekularbiologie und Angewandte Oekologie
  Verfahrenstechnik und Verpackung
  Angewandte Informationstechnik
  Windenergiesysteme
  Solare Energiesysteme
  Chemische Technologie
  Kommunikation, Informationsverarbeitung und Ergonomie
  Bauphysik
  Arbeitswirtschaft und Organisation
  Energiewirtschaft und Energiesystemtechnik
  Wasserstoff- und Brennstoffzellentechnik
  Künstliche Intelligenz
  Quantentechnologie
`);

export const istituti = lines(`
  Scienze dei Materiali
  Ingegneria Meccanica e Aerospaziale
  Elettronica e Telecomunicazioni
  Scienze Agrarie, Forestali e Alimentari
  Chimica e Tecnologia dei Polimeri
  Ricerca sulla Crescita Economica Sostenibile
  Fisica Applicata
  Tecnologie Biomediche
`);
