/** German vocabulary of economic development, for generated project titles, summaries and organisations. */

const words = (text: string): string[] => text.trim().split(/\s+/u);

/** What projects are about. */
export const topics = words(`
  Wasserstoff Digitalisierung Kreislaufwirtschaft Fachkräfte Gründung Robotik Luftfahrt Raumfahrt Mobilität
  Elektromobilität Batterietechnik Brennstoffzelle Photovoltaik Windenergie Geothermie Wärmepumpe Fernwärme
  Energieeffizienz Energiewende Klimaschutz Klimaanpassung Ressourceneffizienz Recycling Abwasser Kläranlage
  Wasserwirtschaft Hochwasserschutz Bodensanierung Flächenrecycling Brachfläche Stadtentwicklung Quartier
  Innenstadt Ortskern Dorfentwicklung Tourismus Gastronomie Einzelhandel Handwerk Mittelstand Familienunternehmen
  Innovation Forschung Entwicklung Technologietransfer Wissenstransfer Patentierung Normung Zertifizierung
  Qualifizierung Weiterbildung Ausbildung Berufsorientierung Umschulung Integration Inklusion Gleichstellung
  Beschäftigung Arbeitsmarkt Unternehmensnachfolge Existenzgründung Internationalisierung Export Außenwirtschaft
  Logistik Binnenschifffahrt Hafen Schienengüterverkehr Radverkehr Nahverkehr Verkehrswende Ladeinfrastruktur
  Breitband Glasfaser Mobilfunk Rechenzentrum Cloud Cybersicherheit Datenschutz Datenökonomie Plattformökonomie
  Blockchain Quantencomputing Halbleiter Mikroelektronik Sensorik Photonik Lasertechnik Optik Automatisierung
  Industrie Maschinenbau Anlagenbau Metallverarbeitung Stahl Chemie Kunststoff Textil Papier Glas Keramik
  Lebensmittel Landwirtschaft Agrarwirtschaft Forstwirtschaft Holzbau Bauwirtschaft Baustoffe Gebäudesanierung
  Denkmalschutz Kultur Kreativwirtschaft Design Medien Games Film Musikwirtschaft Sport Gesundheit Medizintechnik
  Pflege Telemedizin Biotechnologie Pharmazie Diagnostik Lebenswissenschaften Bioökonomie Nachhaltigkeit
  Strukturwandel Kohleausstieg Braunkohle Steinkohle Bergbau Renaturierung Biodiversität Naturschutz Grünflächen
  Wohnungsbau Gewerbegebiet Gewerbefläche Industriepark Technologiepark Gründerzentrum Coworking Inkubator
  Beteiligungskapital Risikokapital Mikrokredit Bürgschaft Förderberatung Wirtschaftsförderung Standortmarketing
  Ansiedlung Clusterpolitik Vernetzung Kooperation Wertschöpfung Lieferkette Produktion Fertigung Werkstoffe
  Leichtbau Verbundwerkstoffe Additive Fertigung Prototypenbau Simulation Modellierung Künstliche Intelligenz
  Maschinelles Lernen Software Informatik Elektrotechnik Energietechnik Umwelttechnik Verfahrenstechnik
  Wasserstoffwirtschaft Elektrolyse Speichertechnik Netzausbau Smart Grid Sektorkopplung Biogas Biomasse
  Effizienz Transformation Resilienz Versorgungssicherheit Daseinsvorsorge Verwaltung Bürgerbeteiligung
  E-Government Bildung Schule Hochschule Fachhochschule Berufskolleg Jugend Senioren Familie Nachbarschaft
`);

/** What kind of undertaking a project is. */
export const heads = words(`
  Kompetenzzentrum Netzwerk Initiative Modellprojekt Reallabor Plattform Verbundvorhaben Machbarkeitsstudie
  Förderprogramm Qualifizierungsoffensive Innovationslabor Transferstelle Demonstrator Pilotanlage Testfeld
  Leitprojekt Zukunftswerkstatt Beratungsstelle Anlaufstelle Gründungsinitiative Beschleuniger Werkstatt
  Konzept Strategie Masterplan Handlungskonzept Entwicklungskonzept Studie Analyse Wettbewerb Kampagne
  Akademie Campus Labor Zentrum Forum Allianz Bündnis Agentur Fonds Programm Projekt Ausbau Neubau Umbau
  Sanierung Modernisierung Erweiterung Aufbau Einrichtung Erprobung Entwicklung Umsetzung Begleitung Lotsendienst
`);

/** Whom a project addresses. */
export const groups = words(`
  Mittelstand Handwerk Hochschulen Kommunen Start-ups Schulen Auszubildende Studierende Beschäftigte Frauen
  Gründerinnen Migrantinnen Langzeitarbeitslose Jugendliche Unternehmen Betriebe Kreise Regionen Quartiere
  Vereine Verbände Kammern Forschungseinrichtungen Kliniken Pflegeeinrichtungen Landwirte Kulturschaffende
`);

/** Family names for company names. */
export const surnames = words(`
  Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein
  Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause
  Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz
  Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
`);

export const legalForms = ['GmbH', 'AG', 'GmbH & Co. KG', 'e. V.', 'KG', 'UG (haftungsbeschränkt)', 'eG'];

/** Organisation name patterns; {t} a topic, {s} a surname, {p} a place. */
export const organisationPatterns = [
  '{s} {t} {f}',
  '{t} {p} {f}',
  '{s} & {s2} {f}',
  'Stadt {p}',
  'Kreis {p}',
  'Stadtwerke {p}',
  'Wirtschaftsförderung {p}',
  'Hochschule {p}',
  'Fraunhofer-Institut für {t}',
  'Zentrum für {t} {p}',
  'IHK {p}',
  'Handwerkskammer {p}',
  '{t}Cluster {p} e. V.',
  'Innovationsnetzwerk {t} {p}',
];
