// Demo networks: the real network names of 2019 with invented regions, descriptions and partner rosters.
import { Bundesland, NetworkKind, PartnerType } from "../../app/generated/prisma/enums";
import { mintRegionen2019 } from "./mint-regionen-2019";
import { SeededRandom, hashString, slugify } from "./random";

export const bundeslandByGermanName: Readonly<Record<string, Bundesland>> = {
  "Baden-Württemberg": Bundesland.BW,
  Bayern: Bundesland.BY,
  Berlin: Bundesland.BE,
  Brandenburg: Bundesland.BB,
  Bremen: Bundesland.HB,
  Hamburg: Bundesland.HH,
  Hessen: Bundesland.HE,
  "Mecklenburg-Vorpommern": Bundesland.MV,
  Niedersachsen: Bundesland.NI,
  "Nordrhein-Westfalen": Bundesland.NW,
  "Rheinland-Pfalz": Bundesland.RP,
  Saarland: Bundesland.SL,
  Sachsen: Bundesland.SN,
  "Sachsen-Anhalt": Bundesland.ST,
  "Schleswig-Holstein": Bundesland.SH,
  Thüringen: Bundesland.TH,
};

/** Invented but plausible region and the main town of each network (keyed by the network's name). */
const places: Readonly<Record<string, readonly [region: string, town: string]>> = {
  "explorhino an der Hochschule Aalen": ["Ostalbkreis", "Aalen"],
  "Initiative – Südwestmetall macht Bildung": ["Baden-Württemberg", "Stuttgart"],
  "Karlsruher Technik-Initiative": ["Stadt und Landkreis Karlsruhe", "Karlsruhe"],
  "Metropolregion Rhein-Neckar": ["Rhein-Neckar (Mannheim, Heidelberg, Ludwigshafen)", "Mannheim"],
  "MINT hoch4": ["Landkreis Heilbronn", "Heilbronn"],
  "MINT-Region »Kepler-Seminar« Mittlerer Neckar": ["Region Stuttgart / Mittlerer Neckar", "Stuttgart"],
  "MINT-Region Freiburg": ["Freiburg im Breisgau und Breisgau-Hochschwarzwald", "Freiburg"],
  "MINT-Region IHK Ulm": ["Ulm, Alb-Donau-Kreis und Landkreis Biberach", "Ulm"],
  "MINT-Region Ortenau": ["Ortenaukreis", "Offenburg"],
  "NeMo – Netzwerk MINTregion Böblingen": ["Landkreis Böblingen", "Böblingen"],
  "NwT-Bildungshaus": ["Landkreis Tuttlingen", "Tuttlingen"],
  "phaenovum Schülerforschungszentrum Lörrach-Dreiländereck e. V.": ["Landkreis Lörrach (Dreiländereck)", "Lörrach"],
  "Schülerforschungszentrum Südwürttemberg e. V.": [
    "Südwürttemberg (Bad Saulgau, Ravensburg, Sigmaringen)",
    "Bad Saulgau",
  ],
  "Wissenswerkstatt Friedrichshafen e. V.": ["Bodenseekreis", "Friedrichshafen"],
  "MINT-Allianz Bayern": ["Freistaat Bayern", "München"],
  "MINT-Netz Bayern": ["Freistaat Bayern", "Nürnberg"],
  "MINT-Region Hochfranken": ["Landkreis Hof", "Hof"],
  "MINT-Offensive Regensburg (MINTOR)": ["Stadt und Landkreis Regensburg", "Regensburg"],
  "MINT-Region A³": ["Augsburg, Landkreis Augsburg und Aichach-Friedberg", "Augsburg"],
  "MINT-Region Bayerischer Untermain": ["Aschaffenburg und Landkreis Miltenberg", "Aschaffenburg"],
  "MINT-Region Bayreuth": ["Stadt und Landkreis Bayreuth", "Bayreuth"],
  "MINT-Region Berchtesgadener Land": ["Landkreis Berchtesgadener Land", "Bad Reichenhall"],
  "MINT-Region Freising": ["Landkreis Freising", "Freising"],
  "MINT-Region Landkreis Cham": ["Landkreis Cham", "Cham"],
  "MINT-Region Landkreis Neumarkt i. d. OPf.": ["Landkreis Neumarkt in der Oberpfalz", "Neumarkt"],
  "MINT-Region Mainfranken": ["Würzburg, Schweinfurt und Kitzingen", "Würzburg"],
  "MINT-Region Mittelfranken": ["Nürnberg, Fürth, Erlangen und Umland", "Nürnberg"],
  "MINT-Region Münchner Umland": ["Landkreise rund um München", "Fürstenfeldbruck"],
  "MINT-Region Niederbayern": ["Regierungsbezirk Niederbayern", "Landshut"],
  "MINT-Region Straubing-Bogen": ["Straubing und Landkreis Straubing-Bogen", "Straubing"],
  "MINT-Region Tirschenreuth": ["Landkreis Tirschenreuth", "Tirschenreuth"],
  "MINT-Region Wunsiedel/Hochfranken": ["Landkreis Wunsiedel im Fichtelgebirge", "Wunsiedel"],
  "MINTmacher der Region Ingolstadt": ["Region Ingolstadt", "Ingolstadt"],
  "MINT-Netz Berlin-Brandenburg": ["Berlin und Brandenburg", "Berlin"],
  "Schülerlabor-Netzwerk GenaU Berlin-Brandenburg": ["Berlin und Brandenburg", "Potsdam"],
  "Landkreis Elbe-Elster": ["Landkreis Elbe-Elster", "Herzberg"],
  "MINTRegion Westbrandenburg": [
    "Havelland, Potsdam-Mittelmark und Brandenburg an der Havel",
    "Brandenburg an der Havel",
  ],
  "MINTforum Bremen": ["Bremen und Bremerhaven", "Bremen"],
  "MINTforum Hamburg": ["Freie und Hansestadt Hamburg", "Hamburg"],
  "MINT im Werra-Meißner-Kreis e. V. – Witzenhausen": ["Werra-Meißner-Kreis", "Witzenhausen"],
  "MINT Forum Nordhessen": ["Kassel und Nordhessen", "Kassel"],
  "MINT-Region Südhessen": ["Darmstadt, Darmstadt-Dieburg und Bergstraße", "Darmstadt"],
  "MINTmachClub Fulda": ["Stadt und Landkreis Fulda", "Fulda"],
  "CreateMV – Landesinitiative Erfindergeist Mecklenburg-Vorpommern": ["Mecklenburg-Vorpommern", "Rostock"],
  "MINTKids MV": ["Mecklenburg-Vorpommern", "Schwerin"],
  "MINT-Kooperationsnetzwerke der Stiftung Niedersachsen Metall": ["Niedersachsen", "Hannover"],
  "Hildesheim macht MINT": ["Stadt und Landkreis Hildesheim", "Hildesheim"],
  "MINT im Landkreis Osnabrück": ["Landkreis Osnabrück", "Osnabrück"],
  "MINT-Kooperationsnetzwerk der Stiftung Niedersachsen Metall Braunschweig": ["Braunschweig", "Braunschweig"],
  "MINT-Kooperationsnetzwerk der Stiftung Niedersachsen Metall Celle": ["Stadt und Landkreis Celle", "Celle"],
  "MINT-Kooperationsnetzwerk der Stiftung NiedersachsenMetall Göttingen, Northeim, Osterode": [
    "Göttingen, Northeim und Osterode am Harz",
    "Göttingen",
  ],
  "MINT-Kooperationsnetzwerk der Stiftung Niedersachsen Metall Hannover-Nord, Hannover-Süd, Hameln-Pyrmont": [
    "Region Hannover und Landkreis Hameln-Pyrmont",
    "Hameln",
  ],
  "MINT-Kooperationsnetzwerk der Stiftung Niedersachsen Metall Hannover-Stadt, Hildesheim, Alfeld, Elze, Holzminden, Schaumburg":
    ["Hannover, Hildesheim, Holzminden und Schaumburg", "Hannover"],
  "MINT-Kooperationsnetzwerk Gifhorn, Peine, Wolfenbüttel, Salzgitter": [
    "Gifhorn, Peine, Wolfenbüttel und Salzgitter",
    "Peine",
  ],
  "MINT-Region Landkreis Harburg": ["Landkreis Harburg", "Winsen (Luhe)"],
  "MINT-Region NordWest": ["Oldenburg, Ammerland und Wesermarsch", "Oldenburg"],
  "Netzwerk MINT – Bildungsregion Landkreis Stade": ["Landkreis Stade", "Stade"],
  "Unternehmerinitiative Let’s MINT e. V.": ["Emsland und Grafschaft Bentheim", "Lingen"],
  "WOB macht MINT!": ["Stadt Wolfsburg", "Wolfsburg"],
  "Zukunft durch Innovation.NRW": ["Nordrhein-Westfalen", "Düsseldorf"],
  "Bildungsnetzwerk der StädteRegion Aachen": ["StädteRegion Aachen", "Aachen"],
  "MINT Düsseldorf": ["Landeshauptstadt Düsseldorf", "Düsseldorf"],
  "MINT in Lügde": ["Stadt Lügde (Kreis Lippe)", "Lügde"],
  "Technikförderung Südwestfalen e. V.": ["Südwestfalen", "Meschede"],
  "zdi-Netzwerk :MINT im Rhein-Sieg-Kreis": ["Rhein-Sieg-Kreis", "Siegburg"],
  "zdi-Netzwerk Aachen und Kreis Heinsberg": ["Aachen und Kreis Heinsberg", "Heinsberg"],
  "zdi-Netzwerk Bildungsregion Hochsauerlandkreis": ["Hochsauerlandkreis", "Arnsberg"],
  "zdi-Netzwerk cLEVer Bildungsregion Rhein-Wupper": ["Leverkusen und Rhein-Wupper", "Leverkusen"],
  "zdi-Netzwerk DU.MINT Niederrhein": ["Duisburg und Niederrhein", "Duisburg"],
  "zdi-Netzwerk Ennepe-Ruhr": ["Ennepe-Ruhr-Kreis", "Schwelm"],
  "zdi-Netzwerk experiMINT Bielefeld": ["Stadt Bielefeld", "Bielefeld"],
  "zdi-Netzwerk experiMINT Kreis Herford": ["Kreis Herford", "Herford"],
  "zdi-Netzwerk Gelsenkirchen": ["Stadt Gelsenkirchen", "Gelsenkirchen"],
  "zdi-Netzwerk im Kreis Warendorf": ["Kreis Warendorf", "Warendorf"],
  "zdi-Netzwerk IST.Bochum.NRW": ["Stadt Bochum", "Bochum"],
  "zdi-Netzwerk Kreis Coesfeld": ["Kreis Coesfeld", "Coesfeld"],
  "zdi-Netzwerk Kreis Mettmann": ["Kreis Mettmann", "Mettmann"],
  "zdi-Netzwerk Kreis Olpe": ["Kreis Olpe", "Olpe"],
  "zdi-Netzwerk Kreis Soest": ["Kreis Soest", "Soest"],
  "zdi-Netzwerk MINT Herne": ["Stadt Herne", "Herne"],
  "zdi-Netzwerk MINT Rhein-Berg": ["Rheinisch-Bergischer Kreis", "Bergisch Gladbach"],
  "zdi-Netzwerk MINT.REgio": ["Kreis Recklinghausen", "Recklinghausen"],
  "zdi-Netzwerk Natur und Technik Bildungsregion Kreis Höxter": ["Kreis Höxter", "Höxter"],
  "zdi-Netzwerk Perspektive Technik": ["Kreis Unna", "Unna"],
  "zdi-Netzwerk Rhein-Kreis Neuss": ["Rhein-Kreis Neuss", "Neuss"],
  "zdi-Netzwerk technik_mark": ["Märkischer Kreis", "Lüdenscheid"],
  "zdi-Zentrum ANTalive – Städteregion Aachen, Kreise Düren und Euskirchen": [
    "StädteRegion Aachen, Kreis Düren und Kreis Euskirchen",
    "Düren",
  ],
  "zdi-Zentrum BeST Bergisches Schul-Technikum": [
    "Bergisches Städtedreieck (Wuppertal, Solingen, Remscheid)",
    "Wuppertal",
  ],
  "zdi-Zentrum Bottrop mint4u": ["Stadt Bottrop", "Bottrop"],
  "zdi-Zentrum FIT.Paderborn": ["Kreis Paderborn", "Paderborn"],
  "zdi-Zentrum Hamm": ["Stadt Hamm", "Hamm"],
  "zdi-Zentrum I+I=Z.Gladbeck": ["Stadt Gladbeck", "Gladbeck"],
  "zdi-Zentrum investMINT Oberberg": ["Oberbergischer Kreis", "Gummersbach"],
  "zdi-Zentrum Köln": ["Stadt Köln", "Köln"],
  "zdi-Zentrum Kreis Borken": ["Kreis Borken", "Borken"],
  "zdi-Zentrum Kreis Kleve cleverMINT": ["Kreis Kleve", "Kleve"],
  "zdi-Zentrum Kreis Steinfurt": ["Kreis Steinfurt", "Steinfurt"],
  "zdi-Zentrum KReMINTec": ["Krefeld und Kreis Viersen", "Krefeld"],
  "zdi-Zentrum Lippe.MINT": ["Kreis Lippe", "Detmold"],
  "zdi-Zentrum LNU-Frechen Rhein-Erft": ["Rhein-Erft-Kreis", "Frechen"],
  "zdi-Zentrum Minden-Lübbecke": ["Kreis Minden-Lübbecke", "Minden"],
  "zdi-Zentrum MINT-Netzwerk Essen": ["Stadt Essen", "Essen"],
  "zdi-Zentrum Mönchengladbach": ["Stadt Mönchengladbach", "Mönchengladbach"],
  "zdi-Zentrum Münster": ["Stadt Münster", "Münster"],
  "zdi-Zentrum pro MINT GT Kreis Gütersloh": ["Kreis Gütersloh", "Gütersloh"],
  "zdi-Zentrum Regionalinitiative MINT Siegen-Wittgenstein": ["Kreis Siegen-Wittgenstein", "Siegen"],
  "MINT-Geschäftsstelle Rheinland-Pfalz": ["Rheinland-Pfalz", "Mainz"],
  "MINT-Initiativkreis Trier": ["Trier und Landkreis Trier-Saarburg", "Trier"],
  "MINT-Region Koblenz": ["Koblenz und Landkreis Mayen-Koblenz", "Koblenz"],
  "MINTplus, Region Mainz-Bingen": ["Mainz und Landkreis Mainz-Bingen", "Bingen am Rhein"],
  "Netzwerk der Rhein-Main-Schülerlabore": ["Rhein-Main-Gebiet", "Mainz"],
  "Schülerforschungsverbund Westpfalz": ["Kaiserslautern und Westpfalz", "Kaiserslautern"],
  "MINT-Netzwerk Chemnitz": ["Chemnitz und Erzgebirgskreis", "Chemnitz"],
  "MINT_Netzwerk Leipzig": ["Stadt und Landkreis Leipzig", "Leipzig"],
  SalineTechnikum: ["Saalekreis und Halle (Saale)", "Halle (Saale)"],
  "MINTforum Schleswig-Holstein": ["Schleswig-Holstein", "Kiel"],
  "Jungforscher Thüringen": ["Freistaat Thüringen", "Erfurt"],
  "MINT-freundliche Stadt Sonneberg": ["Stadt und Landkreis Sonneberg", "Sonneberg"],
  "MINT-Region Nordthüringen": ["Nordhausen, Kyffhäuserkreis und Eichsfeld", "Nordhausen"],
  "Schülerforschungszentrum Erfurt": ["Stadt Erfurt", "Erfurt"],
  "Schülerforschungszentrum Gera": ["Gera und Landkreis Greiz", "Gera"],
  "Schülerforschungszentrum Ilmenau": ["Ilm-Kreis", "Ilmenau"],
  "Schülerforschungszentrum Jena": ["Stadt Jena und Saale-Holzland-Kreis", "Jena"],
  "Schülerforschungszentrum Nordhausen": ["Landkreis Nordhausen", "Nordhausen"],
  "Schülerforschungszentrum Schmalkalden": ["Landkreis Schmalkalden-Meiningen", "Schmalkalden"],
  "Schülerforschungszentrum Waltershausen": ["Landkreis Gotha", "Waltershausen"],
  "witelo e. V. – wissenschaftlich-technische Lernorte in Jena": ["Stadt Jena", "Jena"],
};

export interface DemoPartner {
  id: string;
  name: string;
  type: PartnerType;
  roleInNetwork: string;
  position: number;
}

export interface DemoNetwork {
  /** Deterministic id used when the seed creates the row. */
  id: string;
  name: string;
  kind: NetworkKind;
  bundesland: Bundesland;
  region: string;
  town: string;
  description: string;
  partners: DemoPartner[];
}

/** Partner names by type; `{ort}` is replaced by the network's main town. */
const partnerNames: Readonly<Record<PartnerType, readonly string[]>> = {
  KITA: [
    "Kita Sonnenblume {ort}",
    "Städtische Kita Entdeckerland",
    "Ev. Kindergarten Regenbogen {ort}",
    "Kita Kleine Forscher {ort}",
    "Familienzentrum Wiesengrund",
  ],
  SCHOOL: [
    "Gymnasium am Schlossberg",
    "Gesamtschule {ort}-Nord",
    "Grundschule am Lindenhof",
    "Berufsbildende Schulen {ort}",
    "Marie-Curie-Gymnasium {ort}",
    "Realschule an der Stadtmauer",
    "Gemeinschaftsschule Am Weiher",
    "Friedrich-Schiller-Gymnasium {ort}",
    "Oberschule am Park",
    "Lise-Meitner-Schule {ort}",
  ],
  UNIVERSITY: [
    "Hochschule für Technik und Wirtschaft {ort}",
    "Technische Hochschule {ort} – Fachbereich Ingenieurwissenschaften",
    "Pädagogische Hochschule – Lernwerkstatt Naturwissenschaften",
    "Universität {ort} – Didaktik der Physik",
  ],
  COMPANY: [
    "Stadtwerke {ort}",
    "Maschinenbau Berger GmbH",
    "Elektrotechnik Krämer & Söhne KG",
    "Weber Kunststofftechnik GmbH",
    "Solartechnik Lindner AG",
    "Softwarehaus Brandt GmbH",
    "Volksbank {ort} eG",
    "Metallbau Schubert GmbH & Co. KG",
    "Feinmechanik Albrecht GmbH",
  ],
  MUNICIPALITY: [
    "Stadt {ort} – Amt für Schule und Bildung",
    "Bildungsbüro {ort}",
    "Kreisverwaltung – Regionales Bildungsmanagement",
    "Wirtschaftsförderung {ort}",
  ],
  ASSOCIATION: [
    "Förderverein MINT {ort} e. V.",
    "Technikfreunde {ort} e. V.",
    "Sternwarte {ort} e. V.",
    "Makerspace {ort} e. V.",
    "Ingenieurverein – Bezirksgruppe {ort}",
  ],
  FOUNDATION: [
    "Bürgerstiftung {ort}",
    "Stiftung Zukunft MINT {ort}",
    "Hartmann-Schmidt-Stiftung",
    "Stiftung Lernen und Forschen",
  ],
  CHAMBER: ["Industrie- und Handelskammer {ort}", "Handwerkskammer {ort}", "Kreishandwerkerschaft {ort}"],
  RESEARCH_INSTITUTE: [
    "Institut für angewandte Materialforschung {ort}",
    "Forschungszentrum für Umwelt- und Energietechnik",
    "Zentrum für Robotik und Automation {ort}",
  ],
  STUDENT_LAB: [
    "Schülerlabor ExperiMINT {ort}",
    "Schülerforschungszentrum {ort}",
    "Technikwerkstatt Junge Tüftler",
    "Mobiles MINT-Labor {ort}",
  ],
  OTHER: ["Stadtbibliothek {ort}", "Volkshochschule {ort}", "Agentur für Arbeit {ort}", "Kreismedienzentrum {ort}"],
};

const partnerRoles: Readonly<Record<PartnerType, readonly string[]>> = {
  KITA: ["Frühe MINT-Bildung, Forscherecke", "Pilot-Kita für Experimentierkisten"],
  SCHOOL: [
    "Partnerschule, MINT-Arbeitsgemeinschaften",
    "Forscherklassen und Projekttage",
    "Berufsorientierung in den Klassen 8 bis 10",
    "Teilnahme an Wettbewerben und Ferienakademien",
  ],
  UNIVERSITY: [
    "Wissenschaftliche Begleitung und Evaluation",
    "Lehrkräftefortbildungen und Schnupperstudium",
    "Fachdidaktische Beratung",
  ],
  COMPANY: [
    "Praktikumsplätze und Betriebserkundungen",
    "Ausbildungsbotschafterinnen und -botschafter",
    "Sponsoring von Material und Preisen",
    "Technik-Workshops in der Lehrwerkstatt",
  ],
  MUNICIPALITY: ["Koordination und Geschäftsstelle", "Regionale Bildungsplanung", "Räume und Öffentlichkeitsarbeit"],
  ASSOCIATION: ["Ehrenamtliche Kursleitungen", "Ferienprogramme und Aktionstage", "Öffentlichkeitsarbeit"],
  FOUNDATION: ["Kofinanzierung von Projekten", "Förderung von Talenten"],
  CHAMBER: ["Berufsorientierung und Ausbildungsmessen", "Kontakte zu Unternehmen"],
  RESEARCH_INSTITUTE: ["Forschungspraktika für Schülerinnen und Schüler", "Experimentiertage im Institut"],
  STUDENT_LAB: ["Außerschulischer Lernort, Laborkurse", "Betreuung von Jugend-forscht-Projekten"],
  OTHER: ["Medienangebote und Makerspace", "Beratung zur Studien- und Berufswahl", "Räume für Kurse"],
};

/** Types of the partners after the lead partner; duplicates weight the draw. */
const partnerTypeWeights: readonly PartnerType[] = [
  PartnerType.SCHOOL,
  PartnerType.SCHOOL,
  PartnerType.SCHOOL,
  PartnerType.COMPANY,
  PartnerType.COMPANY,
  PartnerType.KITA,
  PartnerType.UNIVERSITY,
  PartnerType.ASSOCIATION,
  PartnerType.FOUNDATION,
  PartnerType.CHAMBER,
  PartnerType.RESEARCH_INSTITUTE,
  PartnerType.STUDENT_LAB,
  PartnerType.OTHER,
];

const leadTypes: readonly PartnerType[] = [
  PartnerType.MUNICIPALITY,
  PartnerType.ASSOCIATION,
  PartnerType.CHAMBER,
  PartnerType.UNIVERSITY,
];

const descriptionOpenings = [
  "bündelt die MINT-Angebote in der Region {region} und macht sie für Kinder, Jugendliche und Lehrkräfte sichtbar.",
  "verbindet Schulen, Unternehmen und außerschulische Lernorte in der Region {region}.",
  "begeistert seit vielen Jahren Kinder und Jugendliche in der Region {region} für Mathematik, Informatik, Naturwissenschaften und Technik.",
  "ist die zentrale Anlaufstelle für MINT-Bildung in der Region {region}.",
];

const descriptionFocus = [
  "Schwerpunkte sind Berufs- und Studienorientierung sowie die Gewinnung von Fachkräften.",
  "Ein besonderes Anliegen ist es, mehr Mädchen für technische Berufe zu gewinnen.",
  "Das Netzwerk organisiert Ferienprogramme, Aktionstage und Fortbildungen für Lehrkräfte.",
  "Ein Schülerlabor bietet regelmäßig Kurse und Forschungsprojekte an.",
  "Talentförderung und die Vorbereitung auf Wettbewerbe gehören fest zum Programm.",
];

function fill(template: string, town: string, region: string): string {
  return template.replaceAll("{ort}", town).replaceAll("{region}", region);
}

function demoNetwork(fact: { bundesland: string; name: string; kind: "network" | "programme" }): DemoNetwork {
  const bundesland = bundeslandByGermanName[fact.bundesland];
  if (!bundesland) throw new Error(`Unknown Bundesland in the network list: ${fact.bundesland}`);
  const [region, town] = places[fact.name] ?? [fact.bundesland, fact.bundesland];
  const key = `${fact.name}|${bundesland}`;
  const id = `seed-network-${slugify(fact.name).slice(0, 40)}-${bundesland.toLowerCase()}-${hashString(key).toString(36)}`;
  const random = new SeededRandom(key);

  const description =
    fact.kind === "programme"
      ? `${fact.name} ist ein landesweites Dach- bzw. Förderprogramm, das regionale MINT-Netzwerke in ${fact.bundesland} berät, vernetzt und unterstützt.`
      : `${fact.name} ${fill(random.pick(descriptionOpenings), town, region)} ${random.pick(descriptionFocus)}`;

  const count = random.int(3, 8);
  const usedNames = new Set<string>();
  const partners: DemoPartner[] = [];
  for (let position = 0; partners.length < count; position++) {
    const type = position === 0 ? random.pick(leadTypes) : random.pick(partnerTypeWeights);
    const candidates = partnerNames[type]
      .map((name) => fill(name, town, region))
      .filter((name) => !usedNames.has(name));
    if (candidates.length === 0) continue;
    const name = random.pick(candidates);
    usedNames.add(name);
    const roleInNetwork =
      partners.length === 0 ? "Koordination und Geschäftsstelle des Netzwerks" : random.pick(partnerRoles[type]);
    partners.push({ id: `${id}-partner-${partners.length + 1}`, name, type, roleInNetwork, position: partners.length });
  }

  return {
    id,
    name: fact.name,
    kind: fact.kind === "programme" ? NetworkKind.PROGRAMME : NetworkKind.NETWORK,
    bundesland,
    region,
    town,
    description,
    partners,
  };
}

/** All networks of the 2019 overview with their invented details, in the overview's order. */
export const demoNetworks: readonly DemoNetwork[] = mintRegionen2019.map(demoNetwork);

export function findDemoNetwork(name: string, bundesland?: Bundesland): DemoNetwork {
  const network = demoNetworks.find((entry) => entry.name === name && (!bundesland || entry.bundesland === bundesland));
  if (!network) throw new Error(`No demo network named ${name}`);
  return network;
}
