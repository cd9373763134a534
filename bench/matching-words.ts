/** Italian and English words of partner profiles, beside the German ones of words.ts and directory-words.ts. */

const words = (text: string): string[] => text.trim().split(/\s+/u);

/** What Italian offers and requests speak of. */
export const profileWordsIt = words(`
  idrogeno digitalizzazione economia circolare formazione robotica aeronautica mobilità elettrica batterie
  fotovoltaico eolico geotermia pompe calore teleriscaldamento efficienza energetica decarbonizzazione clima
  riciclo acque reflue depurazione bonifica rigenerazione urbana turismo ristorazione commercio artigianato
  trasferimento tecnologico brevetto licenza certificazione qualificazione apprendistato occupazione
  internazionalizzazione esportazione logistica portuale ferroviaria ciclabile ricarica banda larga fibra ottica
  cloud cibersicurezza protezione dati piattaforma blockchain quantistica semiconduttori microelettronica
  sensori fotonica laser ottica automazione industria macchinari impiantistica metallurgia acciaio chimica
  plastica tessile carta vetro ceramica alimentare agricoltura agroalimentare forestale legno edilizia materiali
  restauro cultura creatività design media videogiochi cinema musica sport salute dispositivi medici
  assistenza telemedicina biotecnologie farmaceutica diagnostica bioeconomia sostenibilità transizione
  biodiversità paesaggio abitazioni distretto incubatore acceleratore capitale rischio microcredito garanzia
  filiera produzione manifattura compositi leggerezza stampa additiva prototipazione simulazione modellazione
  intelligenza artificiale apprendimento automatico informatica elettrotecnica elettrolisi accumulo reti
  biogas biomassa resilienza sicurezza approvvigionamento amministrazione scuola università giovani anziani
  collaudo validazione manutenzione predittiva tracciabilità etichettatura imballaggio refrigerazione
  vinificazione caseificio panificazione oleificio frutticoltura viticoltura zootecnia irrigazione droni
  satelliti osservazione terra navigazione veicoli autonomi ferrovie infrastrutture ponti gallerie cantieri
`);

/** What English offers and requests speak of. */
export const profileWordsEn = words(`
  hydrogen digitalisation circular economy training robotics aviation mobility electric batteries
  photovoltaics wind geothermal heat pumps district heating efficiency decarbonisation climate adaptation
  recycling wastewater treatment remediation regeneration tourism hospitality retail crafts manufacturing
  transfer patent licence certification qualification apprenticeship employment internationalisation export
  logistics port railway cycling charging broadband fibre cloud cybersecurity privacy platform blockchain
  quantum semiconductors microelectronics sensors photonics laser optics automation machinery engineering
  metalworking steel chemistry plastics textiles paper glass ceramics food agriculture agrifood forestry timber
  construction materials restoration culture creative design media games film music sport health devices
  care telemedicine biotechnology pharmaceuticals diagnostics bioeconomy sustainability transition biodiversity
  landscape housing district incubator accelerator venture microfinance guarantee supply chain production
  composites lightweight additive prototyping simulation modelling artificial intelligence machine learning
  computing electrical electrolysis storage grids biogas biomass resilience security procurement administration
  schools university youth elderly testing validation maintenance predictive traceability labelling packaging
  refrigeration winemaking dairy bakery horticulture viticulture livestock irrigation drones satellites
  observation navigation autonomous vehicles infrastructure bridges tunnels monitoring inspection coatings
  surfaces membranes filtration catalysis polymers adhesives welding machining casting forging moulding
`);
