// Demo programmes and calls (texts invented, figures from the programme documents). All dates of
// current calls derive from `now`, so one call is always open whenever the demo is seeded.
import { AwardType, Bundesland, CallStatus, StageKind } from "../../app/generated/prisma/enums";
import { addDays, berlinDay, berlinTime, dateOnly, shiftDay, ymd, type Day } from "./time";
import { formDefinition, type FormDefinition } from "../../app/forms/form-definition";

export type FieldType =
  | "shortText"
  | "longText"
  | "number"
  | "amount"
  | "date"
  | "singleChoice"
  | "multipleChoice"
  | "yesNo"
  | "file"
  | "partners"
  | "budget";

export type FieldOption = { value: string; labelDe: string; labelEn: string };

export type FormField = {
  key: string;
  type: FieldType;
  labelDe: string;
  labelEn: string;
  required: boolean;
  helpDe?: string;
  helpEn?: string;
  maxLength?: number;
  /** Only for number fields: the range and whether only whole numbers are accepted. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** Only for singleChoice and multipleChoice. */
  options?: FieldOption[];
  /** Only for file fields. */
  accept?: ("pdf" | "png" | "jpeg" | "docx" | "xlsx" | "odt")[];
  maxSizeMb?: number;
  maxFiles?: number;
  /** Only for budget fields. */
  categories?: FieldOption[];
  years?: number[];
};

export type FormSection = { key: string; titleDe: string; titleEn: string; fields: FormField[] };

export type FormDefinitionJson = FormDefinition;

/** Checks a demo form against the portal's own schema (and fills its defaults), so the seed never drifts from it. */
const validForm = (form: { sections: FormSection[] }): FormDefinition => formDefinition.parse(form);

const budgetCategories: FieldOption[] = [
  { value: "personal", labelDe: "Personal", labelEn: "Staff" },
  { value: "sachkosten", labelDe: "Sachkosten", labelEn: "Materials" },
  { value: "veranstaltungen", labelDe: "Veranstaltungen", labelEn: "Events" },
  { value: "reisekosten", labelDe: "Reisekosten", labelEn: "Travel" },
];

export type CriterionSpec = {
  titleDe: string;
  titleEn: string;
  descriptionDe: string;
  descriptionEn: string;
  weight: number;
};

export type StageSpec = {
  kind: StageKind;
  opensAt: Date;
  closesAt: Date;
  form: FormDefinitionJson;
  rubric: CriterionSpec[];
};

export type ProgrammeSpec = { id: string; slug: string; name: string; funder: string; description: string };

export type CallSpec = {
  id: string;
  slug: string;
  programmeSlug: string;
  round: number;
  title: string;
  summary: string;
  description: string;
  rules: string;
  eligibility: string;
  funder: string;
  targetGroup: string;
  totalBudgetCents: bigint | null;
  awardType: AwardType;
  maxAwardCents: bigint | null;
  /** Above the maximum up to this with a written justification (MINT-Cluster: up to 1,000,000 €). */
  awardExceptionMaxCents?: bigint | null;
  supportDescription: string;
  plannedAwards: number;
  fundingStartsOn: Date;
  fundingEndsOn: Date;
  contactName: string;
  contactEmail: string;
  /** Only networks from these Länder may apply; empty: networks from everywhere. */
  openToBundeslaender: Bundesland[];
  status: CallStatus;
  publishedAt: Date;
  createdAt: Date;
  copiedFromSlug: string | null;
  stages: StageSpec[];
};

// ---------------------------------------------------------------------------------------------
// Programmes

export const FUNDER_KOERBER = "Körber-Stiftung und Stifterverband";
export const FUNDER_BMFTR = "Bundesministerium für Forschung, Technologie und Raumfahrt (BMFTR, vormals BMBF)";
export const FUNDER_RLP = "Ministerium für Bildung Rheinland-Pfalz";
export const FUNDER_NRW = "Ministerium für Kultur und Wissenschaft des Landes Nordrhein-Westfalen";

export const programmes: readonly ProgrammeSpec[] = [
  {
    id: "seed-programme-mint-regionen",
    slug: "mint-regionen",
    name: "Förderwettbewerb MINT-Regionen",
    funder: FUNDER_KOERBER,
    description:
      "Der Förderwettbewerb unterstützt regionale MINT-Netzwerke dabei, sich professionell weiterzuentwickeln. Statt Geld erhalten die ausgewählten Netzwerke zwei Jahre lang kostenfreie Beratung und Qualifizierung.",
  },
  {
    id: "seed-programme-digital-skills",
    slug: "digital-skills",
    name: "Digital Skills. Lernen in regionalen Netzwerken",
    funder: FUNDER_KOERBER,
    description:
      "Das Programm fördert regionale Bildungsnetzwerke, die Kindern und Jugendlichen digitale Kompetenzen vermitteln, und begleitet die geförderte Kohorte mit Austausch- und Transferveranstaltungen.",
  },
  {
    id: "seed-programme-mint-cluster",
    slug: "mint-cluster",
    name: "MINT-Cluster",
    funder: FUNDER_BMFTR,
    description:
      "Die Förderrichtlinie unterstützt regionale Cluster, die außerschulische MINT-Angebote für Kinder und Jugendliche von 10 bis 16 Jahren gemeinsam entwickeln und anbieten. Das Verfahren ist zweistufig: Auf eine Projektskizze folgt auf Aufforderung ein Vollantrag.",
  },
  {
    id: "seed-programme-rlp-gruendung",
    slug: "rlp-gruendung",
    name: "Gründungswettbewerb MINT-Regionen Rheinland-Pfalz",
    funder: FUNDER_RLP,
    description:
      "Jedes Jahr werden zwei neue regionale MINT-Netzwerke in Rheinland-Pfalz ausgewählt und bei ihrer Gründung mit Anschubhilfe und Beratung begleitet.",
  },
  {
    id: "seed-programme-zdi-qualitaetssiegel",
    slug: "zdi-qualitaetssiegel",
    name: "zdi-Qualitätssiegel NRW",
    funder: FUNDER_NRW,
    description:
      "Die zdi-Netzwerke und zdi-Schülerlabore in Nordrhein-Westfalen melden jedes Jahr ihre Kurszahlen. Auf dieser Grundlage wird das zdi-Qualitätssiegel vergeben, das zur Teilnahme an weiteren Förderungen berechtigt.",
  },
];

// ---------------------------------------------------------------------------------------------
// Form building blocks

const text = (key: string, labelDe: string, labelEn: string, maxLength = 200, required = true): FormField => ({
  key,
  type: "shortText",
  labelDe,
  labelEn,
  required,
  maxLength,
});

const longText = (
  key: string,
  labelDe: string,
  labelEn: string,
  maxLength: number,
  helpDe?: string,
  helpEn?: string,
  required = true,
): FormField => ({
  key,
  type: "longText",
  labelDe,
  labelEn,
  required,
  maxLength,
  ...(helpDe ? { helpDe } : {}),
  ...(helpEn ? { helpEn } : {}),
});

const field = (
  key: string,
  type: FieldType,
  labelDe: string,
  labelEn: string,
  required = true,
  help?: { de: string; en: string },
): FormField => ({
  key,
  type,
  labelDe,
  labelEn,
  required,
  ...(help ? { helpDe: help.de, helpEn: help.en } : {}),
  ...(type === "file" ? { accept: ["pdf"], maxSizeMb: 20, maxFiles: 3 } : {}),
  ...(type === "budget" ? { categories: budgetCategories, years: [2026, 2027, 2028] } : {}),
});

/** How many of something: a whole number, never negative. */
const count = (key: string, labelDe: string, labelEn: string): FormField => ({ ...field(key, "number", labelDe, labelEn), min: 0, integer: true });

/** A share in percent: 0 to 100, decimals allowed. */
const percentage = (key: string, labelDe: string, labelEn: string): FormField => ({ ...field(key, "number", labelDe, labelEn), min: 0, max: 100, integer: false });

const partnersField = field("partner", "partners", "Partnerinnen und Partner", "Partners", true, {
  de: "Bitte führen Sie alle beteiligten Einrichtungen mit ihrer Rolle im Netzwerk auf.",
  en: "Please list all participating institutions and their role in the network.",
});

const targetGroupOptions: FieldOption[] = [
  { value: "kita", labelDe: "Kita-Kinder", labelEn: "Children in day care" },
  { value: "grundschule", labelDe: "Grundschülerinnen und -schüler", labelEn: "Primary school pupils" },
  { value: "sek1", labelDe: "Sekundarstufe I", labelEn: "Lower secondary" },
  { value: "sek2", labelDe: "Sekundarstufe II", labelEn: "Upper secondary" },
  { value: "lehrkraefte", labelDe: "Lehrkräfte und pädagogische Fachkräfte", labelEn: "Teachers and educators" },
  { value: "eltern", labelDe: "Eltern", labelEn: "Parents" },
];

const ageGroupOptions: FieldOption[] = [
  { value: "age10to12", labelDe: "10 bis 12 Jahre", labelEn: "10 to 12 years" },
  { value: "age13to14", labelDe: "13 bis 14 Jahre", labelEn: "13 to 14 years" },
  { value: "age15to16", labelDe: "15 bis 16 Jahre", labelEn: "15 to 16 years" },
];

const criterion = (titleDe: string, titleEn: string, weight: number, descriptionDe: string, descriptionEn: string) => ({
  titleDe,
  titleEn,
  descriptionDe,
  descriptionEn,
  weight,
});

// ---------------------------------------------------------------------------------------------
// Forms and rubrics per competition

export const mintRegionenForm: FormDefinitionJson = validForm({
  sections: [
    {
      key: "netzwerk",
      titleDe: "Das Netzwerk",
      titleEn: "The network",
      fields: [
        { ...field("gruendungsjahr", "number", "Gründungsjahr des Netzwerks", "Year the network was founded"), min: 1900, integer: true },
        text("koordination", "Koordinierende Einrichtung", "Coordinating institution"),
        partnersField,
        longText(
          "angebote",
          "Bestehende MINT-Angebote",
          "Existing STEM activities",
          3000,
          "Welche Angebote gibt es bereits, und wen erreichen sie?",
          "Which activities exist already, and whom do they reach?",
        ),
      ],
    },
    {
      key: "entwicklung",
      titleDe: "Entwicklungsvorhaben",
      titleEn: "Development plan",
      fields: [
        longText("ziele", "Ziele für die nächsten zwei Jahre", "Goals for the next two years", 3000),
        longText(
          "beratungsbedarf",
          "Beratungs- und Qualifizierungsbedarf",
          "Need for consulting and training",
          2000,
          "Wobei soll die Beratung Ihr Netzwerk unterstützen (z. B. Strategie, Finanzierung, Öffentlichkeitsarbeit)?",
          "Where should consulting support your network (e.g. strategy, funding, public relations)?",
        ),
        { ...field("zielgruppen", "multipleChoice", "Zielgruppen", "Target groups"), options: targetGroupOptions },
      ],
    },
    {
      key: "anlagen",
      titleDe: "Anlagen",
      titleEn: "Attachments",
      fields: [
        field(
          "absichtserklaerung",
          "file",
          "Absichtserklärung der Netzwerkpartner (PDF)",
          "Letter of intent of the partners (PDF)",
          false,
        ),
      ],
    },
  ],
});

export const mintRegionenRubric: CriterionSpec[] = [
  criterion(
    "Netzwerkstruktur und Partner",
    "Network structure and partners",
    25,
    "Breite und Verbindlichkeit des Partnerkreises, klare Koordination.",
    "Breadth and commitment of the partners, clear coordination.",
  ),
  criterion(
    "Qualität der Angebote",
    "Quality of the activities",
    20,
    "Vielfalt, Reichweite und Qualität der bestehenden MINT-Angebote.",
    "Variety, reach and quality of the existing STEM activities.",
  ),
  criterion(
    "Entwicklungsziele",
    "Development goals",
    25,
    "Die Ziele sind konkret, ehrgeizig und in zwei Jahren erreichbar.",
    "The goals are concrete, ambitious and achievable within two years.",
  ),
  criterion(
    "Verankerung in der Region",
    "Regional roots",
    15,
    "Rückhalt in Kommune, Wirtschaft und Schullandschaft.",
    "Backing from municipality, business and schools.",
  ),
  criterion(
    "Nutzen der Beratung",
    "Benefit of the consulting",
    15,
    "Der Beratungsbedarf ist nachvollziehbar und die Beratung verspricht eine nachhaltige Wirkung.",
    "The need is plausible and the consulting promises a lasting effect.",
  ),
];

export const digitalSkillsForm: FormDefinitionJson = validForm({
  sections: [
    {
      key: "vorhaben",
      titleDe: "Vorhaben",
      titleEn: "Project",
      fields: [
        text("titel", "Titel des Vorhabens", "Project title", 150),
        longText("kurzbeschreibung", "Kurzbeschreibung", "Summary", 1500),
        longText(
          "digitaleKompetenzen",
          "Welche digitalen Kompetenzen sollen Kinder und Jugendliche erwerben?",
          "Which digital skills should children and young people acquire?",
          3000,
        ),
        { ...field("zielgruppen", "multipleChoice", "Zielgruppen", "Target groups"), options: targetGroupOptions },
        field("beginn", "date", "Geplanter Beginn", "Planned start"),
        field("ende", "date", "Geplantes Ende", "Planned end"),
      ],
    },
    { key: "partner", titleDe: "Partner", titleEn: "Partners", fields: [partnersField] },
    {
      key: "finanzen",
      titleDe: "Finanzierung",
      titleEn: "Funding",
      fields: [
        field("beantragteSumme", "amount", "Beantragte Fördersumme (EUR)", "Amount requested (EUR)", true, {
          de: "Höchstens 30.000 Euro.",
          en: "At most EUR 30,000.",
        }),
        { ...field("finanzplan", "budget", "Finanzplan", "Budget"), years: [2018, 2019, 2020] },
      ],
    },
    {
      key: "anlagen",
      titleDe: "Anlagen",
      titleEn: "Attachments",
      fields: [
        field(
          "konzept",
          "file",
          "Ausführliches Konzept (PDF, höchstens 10 Seiten)",
          "Detailed concept (PDF, at most 10 pages)",
          false,
        ),
      ],
    },
  ],
});

export const digitalSkillsRubric: CriterionSpec[] = [
  criterion(
    "Innovationsgehalt",
    "Innovation",
    25,
    "Das Vorhaben geht über bestehende Angebote hinaus.",
    "The project goes beyond existing activities.",
  ),
  criterion(
    "Qualität des Lernkonzepts",
    "Quality of the learning concept",
    25,
    "Lernziele, Methoden und Zielgruppen passen zusammen.",
    "Learning goals, methods and target groups fit together.",
  ),
  criterion(
    "Einbindung der Netzwerkpartner",
    "Involvement of the partners",
    20,
    "Die Partner übernehmen klar beschriebene Aufgaben.",
    "The partners take on clearly described tasks.",
  ),
  criterion(
    "Transferpotenzial",
    "Potential for transfer",
    15,
    "Ergebnisse lassen sich auf andere Regionen übertragen.",
    "Results can be transferred to other regions.",
  ),
  criterion(
    "Wirtschaftlichkeit",
    "Value for money",
    15,
    "Kosten und Nutzen stehen in einem angemessenen Verhältnis.",
    "Costs and benefits are in reasonable proportion.",
  ),
];

export const mintClusterOutlineForm: FormDefinitionJson = validForm({
  sections: [
    {
      key: "cluster",
      titleDe: "Das Cluster",
      titleEn: "The cluster",
      fields: [
        text("clustername", "Name des Clusters", "Name of the cluster", 150),
        text("region", "Region", "Region", 200),
        longText("kurzbeschreibung", "Kurzbeschreibung des Vorhabens", "Summary of the project", 2500),
        { ...field("altersgruppen", "multipleChoice", "Altersgruppen", "Age groups"), options: ageGroupOptions },
        percentage("maedchenanteil", "Angestrebter Anteil von Mädchen (%)", "Targeted share of girls (%)"),
      ],
    },
    {
      key: "angebote",
      titleDe: "Angebote",
      titleEn: "Activities",
      fields: [
        longText(
          "angebotsformate",
          "Geplante außerschulische MINT-Angebote",
          "Planned out-of-school STEM activities",
          4000,
          "Beschreiben Sie Formate, Orte und Häufigkeit der Angebote.",
          "Describe formats, places and frequency of the activities.",
        ),
        count("schulen", "Anzahl der beteiligten Schulen", "Number of schools involved"),
      ],
    },
    { key: "partner", titleDe: "Clusterpartner", titleEn: "Cluster partners", fields: [partnersField] },
    {
      key: "finanzen",
      titleDe: "Finanzierung",
      titleEn: "Funding",
      fields: [
        field("zuwendung", "amount", "Beantragte Zuwendung (EUR)", "Grant requested (EUR)", true, {
          de: "In der Regel bis 500.000 Euro, in begründeten Einzelfällen bis 1.000.000 Euro.",
          en: "Usually up to EUR 500,000, in justified single cases up to EUR 1,000,000.",
        }),
      ],
    },
  ],
});

export const mintClusterOutlineRubric: CriterionSpec[] = [
  criterion(
    "Qualität und Kohärenz des Konzepts",
    "Quality and coherence of the concept",
    30,
    "Das Konzept ist schlüssig und auf die Förderziele ausgerichtet.",
    "The concept is coherent and aligned with the aims of the programme.",
  ),
  criterion(
    "Erreichen der Zielgruppe 10 bis 16 Jahre",
    "Reaching the 10-16 age group",
    20,
    "Die Angebote erreichen Jugendliche, auch solche ohne MINT-Vorerfahrung.",
    "The activities reach young people, including those new to STEM.",
  ),
  criterion(
    "Clusterpartner",
    "Cluster partners",
    20,
    "Schulen, außerschulische Lernorte und Wirtschaft wirken verbindlich zusammen.",
    "Schools, out-of-school places of learning and business cooperate bindingly.",
  ),
  criterion(
    "Nachhaltigkeit",
    "Sustainability",
    15,
    "Die Angebote bleiben über die Förderung hinaus bestehen.",
    "The activities continue beyond the funding.",
  ),
  criterion(
    "Angemessenheit der Finanzplanung",
    "Appropriateness of the budget",
    15,
    "Die beantragte Zuwendung ist plausibel und angemessen.",
    "The grant requested is plausible and appropriate.",
  ),
];

export const mintClusterFullForm: FormDefinitionJson = validForm({
  sections: [
    {
      key: "arbeitsplan",
      titleDe: "Arbeitsplan",
      titleEn: "Work plan",
      fields: [
        longText("arbeitspakete", "Arbeitspakete", "Work packages", 8000),
        longText("meilensteine", "Meilensteine", "Milestones", 3000),
        field("projektbeginn", "date", "Geplanter Projektbeginn", "Planned start of the project"),
      ],
    },
    {
      key: "finanzen",
      titleDe: "Finanzierungsplan",
      titleEn: "Financial plan",
      fields: [
        field("finanzplan", "budget", "Ausgaben nach Jahren und Positionen", "Expenses by year and item"),
        field(
          "eigenanteil",
          "amount",
          "Eigenanteil und Drittmittel (EUR)",
          "Own contribution and third-party funds (EUR)",
          false,
        ),
      ],
    },
    {
      key: "qualitaet",
      titleDe: "Qualitätssicherung und Verstetigung",
      titleEn: "Quality assurance and continuation",
      fields: [
        longText("evaluation", "Evaluation und Qualitätssicherung", "Evaluation and quality assurance", 3000),
        longText("verstetigung", "Verstetigung nach Ende der Förderung", "Continuation after the funding ends", 3000),
      ],
    },
    {
      key: "anlagen",
      titleDe: "Anlagen",
      titleEn: "Attachments",
      fields: [
        field(
          "kooperationsvereinbarungen",
          "file",
          "Kooperationsvereinbarungen der Clusterpartner (PDF)",
          "Cooperation agreements of the partners (PDF)",
        ),
        field(
          "lebenslaeufe",
          "file",
          "Kurzlebensläufe der Projektleitung (PDF)",
          "Short CVs of the project leads (PDF)",
          false,
        ),
      ],
    },
  ],
});

export const mintClusterFullRubric: CriterionSpec[] = [
  criterion(
    "Arbeitsplan und Meilensteine",
    "Work plan and milestones",
    25,
    "Arbeitspakete sind realistisch geplant und überprüfbar.",
    "Work packages are realistic and verifiable.",
  ),
  criterion(
    "Qualität der Bildungsangebote",
    "Quality of the educational activities",
    25,
    "Die Angebote sind fachlich und didaktisch überzeugend.",
    "The activities convince in subject and teaching.",
  ),
  criterion(
    "Evaluation und Qualitätssicherung",
    "Evaluation and quality assurance",
    20,
    "Wirkungen werden systematisch erfasst.",
    "Effects are measured systematically.",
  ),
  criterion(
    "Verstetigung",
    "Continuation",
    15,
    "Es gibt einen tragfähigen Plan für die Zeit nach der Förderung.",
    "There is a viable plan for after the funding.",
  ),
  criterion(
    "Finanzplan",
    "Financial plan",
    15,
    "Ausgaben sind notwendig, angemessen und nachvollziehbar.",
    "Expenses are necessary, appropriate and traceable.",
  ),
];

export const rlpForm: FormDefinitionJson = validForm({
  sections: [
    {
      key: "gruendung",
      titleDe: "Gründungsvorhaben",
      titleEn: "Founding plan",
      fields: [
        text("netzwerkname", "Name des künftigen Netzwerks", "Name of the future network", 150),
        text("region", "Region", "Region", 200),
        text("traeger", "Trägereinrichtung", "Host institution", 200),
        longText("gruendungsidee", "Gründungsidee und regionaler Bedarf", "Founding idea and regional need", 3000),
      ],
    },
    { key: "partner", titleDe: "Gründungspartner", titleEn: "Founding partners", fields: [partnersField] },
    {
      key: "unterstuetzung",
      titleDe: "Unterstützung",
      titleEn: "Support",
      fields: [
        longText("ersteAktivitaeten", "Geplante erste Aktivitäten", "First planned activities", 2000),
        longText("beratungswunsch", "Gewünschte Beratung", "Consulting wanted", 1500, undefined, undefined, false),
      ],
    },
  ],
});

export const rlpRubric: CriterionSpec[] = [
  criterion(
    "Tragfähigkeit der Gründungsidee",
    "Viability of the founding idea",
    30,
    "Die Idee ist klar und auf Dauer angelegt.",
    "The idea is clear and built to last.",
  ),
  criterion(
    "Breite des Partnerkreises",
    "Breadth of the partners",
    25,
    "Bildung, Wirtschaft und Kommune sind beteiligt.",
    "Education, business and municipality take part.",
  ),
  criterion(
    "Regionaler Bedarf",
    "Regional need",
    25,
    "Das Netzwerk schließt eine Lücke in der Region.",
    "The network fills a gap in the region.",
  ),
  criterion(
    "Umsetzungsplanung",
    "Implementation plan",
    20,
    "Die ersten Schritte sind konkret geplant.",
    "The first steps are planned concretely.",
  ),
];

export const zdiForm: FormDefinitionJson = validForm({
  sections: [
    {
      key: "kennzahlen",
      titleDe: "Kennzahlen des Berichtsjahres",
      titleEn: "Figures of the reporting year",
      fields: [
        count("kurse", "Anzahl der Kursangebote", "Number of courses"),
        count("teilnehmende", "Teilnehmende Schülerinnen und Schüler", "Participating pupils"),
        percentage("anteilMaedchen", "Anteil der Mädchen (%)", "Share of girls (%)"),
        count("schulen", "Beteiligte Schulen", "Schools involved"),
        count("fortbildungen", "Fortbildungen für Lehrkräfte", "Teacher trainings held"),
        count("unternehmen", "Beteiligte Unternehmen", "Companies involved"),
      ],
    },
    {
      key: "qualitaet",
      titleDe: "Qualitätsentwicklung",
      titleEn: "Quality development",
      fields: [
        field(
          "berufsorientierung",
          "yesNo",
          "Bietet das Netzwerk Angebote zur Berufsorientierung an?",
          "Does the network offer careers orientation?",
        ),
        longText(
          "qualitaetsentwicklung",
          "Maßnahmen zur Qualitätsentwicklung",
          "Measures of quality development",
          2000,
          "Zum Beispiel Feedbackbögen, Kursleiterschulungen oder Evaluation.",
          "For example feedback forms, training of course leaders or evaluation.",
        ),
      ],
    },
    {
      key: "anlagen",
      titleDe: "Anlagen",
      titleEn: "Attachments",
      fields: [
        { ...field("kursstatistik", "file", "Kursstatistik (Tabellenvorlage)", "Course statistics (spreadsheet template)"), accept: ["xlsx", "odt", "pdf"] },
      ],
    },
  ],
});

export const zdiRubric: CriterionSpec[] = [
  criterion(
    "Umfang der Kursangebote",
    "Number of courses",
    25,
    "Anzahl und Regelmäßigkeit der Kurse.",
    "Number and regularity of the courses.",
  ),
  criterion(
    "Erreichte Schülerinnen und Schüler",
    "Pupils reached",
    25,
    "Reichweite im Verhältnis zur Größe der Region.",
    "Reach relative to the size of the region.",
  ),
  criterion(
    "Anteil der Mädchen",
    "Share of girls",
    20,
    "Mädchen werden gezielt angesprochen und erreicht.",
    "Girls are addressed and reached on purpose.",
  ),
  criterion(
    "Qualitätsentwicklung",
    "Quality development",
    15,
    "Das Netzwerk prüft und verbessert seine Angebote.",
    "The network checks and improves its activities.",
  ),
  criterion(
    "Vernetzung mit Unternehmen",
    "Links with business",
    15,
    "Unternehmen sind aktiv an Kursen beteiligt.",
    "Companies take an active part in the courses.",
  ),
];

// ---------------------------------------------------------------------------------------------
// Calls

const NOON = 12;
const MORNING = 9;

/** A call's status from its dates: open while a stage is open, archived once the funding period is over. */
function statusAt(now: Date, stages: StageSpec[], fundingEndsOn: Date): CallStatus {
  const lastClose = Math.max(...stages.map((stage) => stage.closesAt.getTime()));
  if (lastClose >= now.getTime()) return CallStatus.PUBLISHED;
  return fundingEndsOn.getTime() < now.getTime() ? CallStatus.ARCHIVED : CallStatus.CLOSED;
}

type CallInput = Omit<CallSpec, "id" | "status" | "createdAt" | "openToBundeslaender"> & Partial<Pick<CallSpec, "openToBundeslaender">>;

function call(now: Date, input: CallInput): CallSpec {
  return {
    ...input,
    openToBundeslaender: input.openToBundeslaender ?? [],
    id: `seed-call-${input.slug}`,
    status: statusAt(now, input.stages, input.fundingEndsOn),
    createdAt: addDays(input.publishedAt, -21),
  };
}

const singleStage = (opens: Day, closes: Day, form: FormDefinitionJson, rubric: CriterionSpec[]): StageSpec[] => [
  { kind: StageKind.SINGLE, opensAt: berlinTime(opens, MORNING), closesAt: berlinTime(closes, NOON), form, rubric },
];

const twoStages = (outlineOpens: Day, outlineCloses: Day, fullOpens: Day, fullCloses: Day): StageSpec[] => [
  {
    kind: StageKind.OUTLINE,
    opensAt: berlinTime(outlineOpens, MORNING),
    closesAt: berlinTime(outlineCloses, NOON),
    form: mintClusterOutlineForm,
    rubric: mintClusterOutlineRubric,
  },
  {
    kind: StageKind.FULL_PROPOSAL,
    opensAt: berlinTime(fullOpens, MORNING),
    closesAt: berlinTime(fullCloses, NOON),
    form: mintClusterFullForm,
    rubric: mintClusterFullRubric,
  },
];

const euro = (amount: number): bigint => BigInt(amount) * 100n;

const mintClusterTexts = {
  summary:
    "Gefördert werden regionale MINT-Cluster, die außerschulische Angebote für Kinder und Jugendliche zwischen 10 und 16 Jahren verlässlich und dauerhaft anbieten.",
  description:
    "In einem MINT-Cluster arbeiten Schulen, außerschulische Lernorte, Hochschulen, Unternehmen und Kommunen einer Region zusammen. Gemeinsam entwickeln sie Kurse, Ferienangebote, Projekttage und Forschungsclubs, die Jugendliche an Mathematik, Informatik, Naturwissenschaften und Technik heranführen. Besonders erwünscht sind Angebote, die Mädchen und Jugendliche ohne bisherigen Zugang zu MINT-Themen erreichen.\n\nDas Verfahren ist zweistufig: Zunächst reichen Sie eine Projektskizze ein. Die Jury wählt die überzeugendsten Skizzen aus; deren Cluster werden zur Einreichung eines Vollantrags aufgefordert.",
  rules:
    "Die Zuwendung beträgt in der Regel bis zu 500.000 Euro je Cluster, in begründeten Einzelfällen bis zu 1.000.000 Euro. Die Förderung ist zeitlich befristet; eine Verstetigung der Angebote nach Ende der Förderung ist darzulegen. Projektskizzen umfassen höchstens zehn Seiten. Ein Rechtsanspruch auf Förderung besteht nicht. Zum Vollantrag wird nur aufgefordert, wer in der ersten Stufe ausgewählt wurde.",
  eligibility:
    "Antragsberechtigt sind Verbünde aus mindestens drei Einrichtungen, darunter mindestens eine Schule und ein außerschulischer Lernort. Die Koordination übernimmt eine Einrichtung mit Sitz in Deutschland.",
  targetGroup: "Kinder und Jugendliche im Alter von 10 bis 16 Jahren",
  supportDescription: "",
  contactName: "Projektträger MINT-Cluster, Dr. Miriam Sander",
  contactEmail: "mint-cluster@example.org",
};

function mintClusterCall(
  now: Date,
  round: number,
  stages: StageSpec[],
  fundingStartsOn: Date,
  fundingEndsOn: Date,
  special?: { slug: string; title: string },
): CallSpec {
  const year = berlinDay(stages[0]!.opensAt).year;
  return call(now, {
    slug: special?.slug ?? `mint-cluster-runde-${round}`,
    programmeSlug: "mint-cluster",
    round,
    title: special?.title ?? `MINT-Cluster – Förderrunde ${round} (${year})`,
    ...mintClusterTexts,
    funder: FUNDER_BMFTR,
    totalBudgetCents: euro(35 * 500_000),
    awardType: AwardType.MONEY,
    maxAwardCents: euro(500_000),
    awardExceptionMaxCents: euro(1_000_000),
    plannedAwards: 35,
    fundingStartsOn,
    fundingEndsOn,
    publishedAt: addDays(stages[0]!.opensAt, -14),
    copiedFromSlug: round > 1 && !special ? `mint-cluster-runde-${round - 1}` : null,
    stages,
  });
}

function rlpCall(now: Date, year: number): CallSpec {
  const stages = singleStage(ymd(year, 2, 1), ymd(year, 4, 30), rlpForm, rlpRubric);
  return call(now, {
    slug: `rlp-gruendung-${year}`,
    programmeSlug: "rlp-gruendung",
    round: year - 2017,
    title: `Gründungswettbewerb MINT-Regionen Rheinland-Pfalz ${year}`,
    summary:
      "Zwei neue regionale MINT-Netzwerke in Rheinland-Pfalz erhalten Anschubhilfe und Beratung für ihre Gründung.",
    description:
      "Sie möchten in Ihrer Region ein MINT-Netzwerk gründen? Der Wettbewerb wählt jedes Jahr zwei Gründungsinitiativen aus. Sie erhalten eine Anschubhilfe für die Geschäftsstelle, Beratung beim Aufbau tragfähiger Strukturen und die Möglichkeit, sich mit bestehenden MINT-Regionen im Land auszutauschen.",
    rules:
      "Je Region kann nur eine Bewerbung eingereicht werden. Die Begleitung dauert zwei Jahre. Die ausgewählten Initiativen verpflichten sich, an zwei Vernetzungstreffen pro Jahr teilzunehmen und nach einem Jahr kurz über den Stand der Gründung zu berichten.",
    eligibility:
      "Bewerben können sich Initiativen mit Sitz in Rheinland-Pfalz, an denen mindestens eine Schule, eine Kommune und ein Unternehmen oder eine Kammer beteiligt sind. Bereits geförderte Netzwerke sind nicht antragsberechtigt.",
    funder: FUNDER_RLP,
    targetGroup: "Gründungsinitiativen für regionale MINT-Netzwerke in Rheinland-Pfalz",
    totalBudgetCents: null,
    awardType: AwardType.SUPPORT,
    maxAwardCents: null,
    supportDescription: "Anschubhilfe für die Gründung und zwei Jahre Beratung durch die MINT-Geschäftsstelle",
    plannedAwards: 2,
    fundingStartsOn: dateOnly(ymd(year, 8, 1)),
    fundingEndsOn: dateOnly(ymd(year + 2, 7, 31)),
    contactName: "MINT-Geschäftsstelle, Tobias Hartmann",
    contactEmail: "mint-gruendung@example.org",
    openToBundeslaender: [Bundesland.RP],
    publishedAt: berlinTime(ymd(year, 1, 15), MORNING),
    copiedFromSlug: year > 2018 ? `rlp-gruendung-${year - 1}` : null,
    stages,
  });
}

function zdiCall(now: Date, opens: Day, closes: Day): CallSpec {
  const year = opens.year;
  const stages = singleStage(opens, closes, zdiForm, zdiRubric);
  const sealStarts = shiftDay({ ...closes, day: 1 }, { months: 3 });
  return call(now, {
    slug: `zdi-qualitaetssiegel-${year}`,
    programmeSlug: "zdi-qualitaetssiegel",
    round: year - 2009,
    title: `zdi-Qualitätssiegel ${year}: Kurszahlen ${year - 1}`,
    summary: `Melden Sie die Kurszahlen Ihres zdi-Netzwerks für das Jahr ${year - 1}. Sie entscheiden über das zdi-Qualitätssiegel.`,
    description:
      "Jedes zdi-Netzwerk berichtet einmal im Jahr über seine Kursangebote: wie viele Kurse stattgefunden haben, wie viele Schülerinnen und Schüler teilgenommen haben, wie hoch der Anteil der Mädchen war und wie viele Schulen und Unternehmen beteiligt waren. Netzwerke, die die Qualitätskriterien erfüllen, erhalten das zdi-Qualitätssiegel. Das Siegel ist Voraussetzung für die Teilnahme an weiteren Förderungen.",
    rules:
      "Es zählen nur Kurse, die im Berichtsjahr abgeschlossen wurden. Die Zahlen sind in der Tabellenvorlage zu belegen. Das Siegel gilt für zwölf Monate. Unvollständige Meldungen können nicht berücksichtigt werden.",
    eligibility: "Meldeberechtigt sind alle anerkannten zdi-Netzwerke und zdi-Schülerlabore in Nordrhein-Westfalen.",
    funder: FUNDER_NRW,
    targetGroup: "zdi-Netzwerke und zdi-Schülerlabore in Nordrhein-Westfalen",
    totalBudgetCents: null,
    awardType: AwardType.SUPPORT,
    maxAwardCents: null,
    supportDescription: "zdi-Qualitätssiegel für zwölf Monate; berechtigt zur Teilnahme an weiteren Förderungen",
    plannedAwards: 40,
    fundingStartsOn: dateOnly(sealStarts),
    fundingEndsOn: dateOnly(shiftDay(sealStarts, { years: 1, days: -1 })),
    contactName: "zdi-Geschäftsstelle, Sabine Krüger",
    contactEmail: "zdi-siegel@example.org",
    openToBundeslaender: [Bundesland.NW],
    publishedAt: addDays(berlinTime(opens, MORNING), -7),
    copiedFromSlug: null,
    stages,
  });
}

/** What every round of the MINT-Regionen competition shares: who funds it, for whom, who answers, what the award is. */
const mintRegionenFacts = {
  programmeSlug: "mint-regionen",
  eligibility:
    "Bewerben können regionale MINT-Netzwerke, die seit mindestens einem Jahr bestehen, eine koordinierende Stelle haben und Partner aus Bildung, Wirtschaft und Kommune vereinen.",
  funder: FUNDER_KOERBER,
  targetGroup: "Regionale MINT-Netzwerke in Deutschland",
  totalBudgetCents: null,
  awardType: AwardType.SUPPORT,
  maxAwardCents: null,
  plannedAwards: 7,
  contactName: "Programmteam MINT-Regionen, Katrin Vogel",
  contactEmail: "mint-regionen@example.org",
} as const;

/** The current MINT-Regionen round: closed, its applications reviewed and waiting for decisions. */
export const MINT_REGIONEN_ROUND_SLUG = "mint-regionen-runde-2";

/** The MINT-Cluster call whose closed outline stage is ready for the eligibility check. */
export const SPECIAL_ROUND_SLUG = "mint-cluster-sonderrunde-strukturwandel";

/** All demo calls, in the order they are created (copies after their originals). */
export function demoCalls(now: Date): CallSpec[] {
  const today = berlinDay(now);
  const calls: CallSpec[] = [];

  calls.push(
    call(now, {
      slug: "mint-regionen-2017",
      ...mintRegionenFacts,
      round: 1,
      title: "Förderwettbewerb MINT-Regionen 2017",
      summary:
        "Sieben regionale MINT-Netzwerke erhalten zwei Jahre lang kostenfreie Beratung und Qualifizierung, um ihre Arbeit weiterzuentwickeln.",
      description:
        "Regionale MINT-Netzwerke leisten viel: Sie bündeln Angebote, gewinnen Partner und begeistern Kinder und Jugendliche für Mathematik, Informatik, Naturwissenschaften und Technik. Mit dem Förderwettbewerb möchten Körber-Stiftung und Stifterverband Netzwerke unterstützen, die den nächsten Entwicklungsschritt gehen wollen. Die ausgewählten Netzwerke erhalten eine auf sie zugeschnittene Beratung, nehmen an Qualifizierungsworkshops teil und tauschen sich mit den anderen geförderten Regionen aus.",
      rules:
        "Jedes Netzwerk kann eine Bewerbung einreichen. Die Förderung besteht aus Beratungs- und Qualifizierungsleistungen im Wert von bis zu 20.000 Euro je Netzwerk; es werden keine Mittel ausgezahlt. Die Teilnahme an den Netzwerktreffen der geförderten Regionen ist verpflichtend.",
      supportDescription: "Zwei Jahre kostenfreie Beratung und Qualifizierung für das Netzwerkmanagement",
      fundingStartsOn: dateOnly(ymd(2017, 7, 1)),
      fundingEndsOn: dateOnly(ymd(2019, 6, 30)),
      publishedAt: berlinTime(ymd(2016, 11, 15), MORNING),
      copiedFromSlug: null,
      stages: singleStage(ymd(2016, 11, 15), ymd(2017, 2, 28), mintRegionenForm, mintRegionenRubric),
    }),
  );

  calls.push(
    call(now, {
      slug: "digital-skills-2018",
      programmeSlug: "digital-skills",
      round: 1,
      title: "Digital Skills. Lernen in regionalen Netzwerken",
      summary:
        "Acht regionale Bildungsnetzwerke werden bis Ende 2020 gefördert, um Kindern und Jugendlichen digitale Kompetenzen zu vermitteln.",
      description:
        "Programmieren, Daten verstehen, Medien kritisch nutzen: Digitale Kompetenzen gehören heute zur MINT-Bildung. Das Programm fördert Netzwerke, die dafür gemeinsam mit ihren Partnern neue Lernangebote entwickeln und in der Region verankern. Zur Förderung gehören neben einem Zuschuss Austausch- und Transferveranstaltungen, bei denen die geförderten Netzwerke voneinander lernen und ihre Ergebnisse weitergeben.",
      rules:
        "Die Förderung beträgt bis zu 30.000 Euro je Netzwerk und läuft bis zum 31. Dezember 2020. Ein Eigenanteil von zehn Prozent wird erwartet. Die Teilnahme an den Transferveranstaltungen ist verpflichtend.",
      eligibility:
        "Antragsberechtigt sind regionale MINT- und Bildungsnetzwerke mit mindestens fünf Partnern, darunter mindestens zwei Schulen.",
      funder: FUNDER_KOERBER,
      targetGroup: "Kinder und Jugendliche von der Grundschule bis zur Sekundarstufe II",
      totalBudgetCents: euro(8 * 30_000),
      awardType: AwardType.MONEY,
      maxAwardCents: euro(30_000),
      supportDescription: "Austausch- und Transferveranstaltungen für die geförderte Kohorte",
      plannedAwards: 8,
      fundingStartsOn: dateOnly(ymd(2018, 9, 1)),
      fundingEndsOn: dateOnly(ymd(2020, 12, 31)),
      contactName: "Programmteam Digital Skills, Lukas Brenner",
      contactEmail: "digital-skills@example.org",
      publishedAt: berlinTime(ymd(2018, 3, 1), MORNING),
      copiedFromSlug: null,
      stages: singleStage(ymd(2018, 3, 1), ymd(2018, 5, 31), digitalSkillsForm, digitalSkillsRubric),
    }),
  );

  calls.push(
    mintClusterCall(
      now,
      1,
      twoStages(ymd(2019, 10, 15), ymd(2020, 1, 31), ymd(2020, 3, 16), ymd(2020, 5, 29)),
      dateOnly(ymd(2020, 10, 1)),
      dateOnly(ymd(2024, 9, 30)),
    ),
    mintClusterCall(
      now,
      2,
      twoStages(ymd(2021, 2, 1), ymd(2021, 4, 30), ymd(2021, 6, 14), ymd(2021, 8, 31)),
      dateOnly(ymd(2022, 1, 1)),
      dateOnly(ymd(2025, 12, 31)),
    ),
    mintClusterCall(
      now,
      3,
      twoStages(ymd(2023, 3, 1), ymd(2023, 5, 31), ymd(2023, 7, 17), ymd(2023, 9, 29)),
      dateOnly(ymd(2024, 3, 1)),
      dateOnly(ymd(2027, 2, 28)),
    ),
  );

  // The current MINT-Cluster round: the outline stage opened three weeks ago and closes in six weeks;
  // the full-proposal stage follows after the jury has chosen.
  const outlineCloses = shiftDay(today, { days: 42 });
  const fullCloses = shiftDay(today, { days: 140 });
  const currentFundingStart = shiftDay({ ...fullCloses, day: 1 }, { months: 4 });
  calls.push(
    mintClusterCall(
      now,
      4,
      twoStages(shiftDay(today, { days: -21 }), outlineCloses, shiftDay(today, { days: 84 }), fullCloses),
      dateOnly(currentFundingStart),
      dateOnly(shiftDay(currentFundingStart, { years: 4, days: -1 })),
    ),
  );

  // A special round of the same year whose outline stage closed three days ago: its outlines wait
  // for the eligibility check (prisma/seed/review.ts), the full-proposal stage comes after the jury.
  const specialOpens = shiftDay(today, { days: -73 });
  const specialFullCloses = shiftDay(today, { days: 105 });
  const specialFundingStart = shiftDay({ ...specialFullCloses, day: 1 }, { months: 4 });
  calls.push(
    mintClusterCall(
      now,
      4,
      twoStages(specialOpens, shiftDay(today, { days: -3 }), shiftDay(today, { days: 35 }), specialFullCloses),
      dateOnly(specialFundingStart),
      dateOnly(shiftDay(specialFundingStart, { years: 3, days: -1 })),
      { slug: SPECIAL_ROUND_SLUG, title: `MINT-Cluster – Sonderrunde Strukturwandel (${specialOpens.year})` },
    ),
  );

  // The current MINT-Regionen round closed five weeks ago: its applications are checked, and the jury's
  // reviews are all in (prisma/seed/mint-regionen-round.ts), waiting for the manager's decisions.
  const roundCloses = shiftDay(today, { days: -35 });
  const roundOpens = shiftDay(roundCloses, { days: -91 });
  const roundFundingStart = shiftDay({ ...roundCloses, day: 1 }, { months: 4 });
  calls.push(
    call(now, {
      slug: MINT_REGIONEN_ROUND_SLUG,
      ...mintRegionenFacts,
      round: 2,
      title: `Förderwettbewerb MINT-Regionen – Runde ${roundCloses.year}`,
      summary:
        "Sieben regionale MINT-Netzwerke erhalten zwei Jahre lang kostenfreie Beratung und Qualifizierung für ihr Netzwerkmanagement.",
      description:
        "Der Förderwettbewerb geht in eine neue Runde. Gesucht sind regionale MINT-Netzwerke, die ihre Arbeit auf eine breitere Grundlage stellen wollen: mit verbindlichen Partnerschaften, klaren Entwicklungszielen und einer Koordination, die das Netzwerk trägt. Die ausgewählten Netzwerke erhalten eine auf sie zugeschnittene Beratung, besuchen Qualifizierungsworkshops und lernen in Netzwerktreffen voneinander.",
      rules:
        "Jedes Netzwerk kann eine Bewerbung einreichen. Die Förderung besteht aus Beratungs- und Qualifizierungsleistungen über zwei Jahre; es werden keine Mittel ausgezahlt. Die Teilnahme an den Netzwerktreffen der geförderten Regionen ist verpflichtend.",
      supportDescription: "zwei Jahre Beratung und Qualifizierung für das Netzwerkmanagement, mit Workshops und Netzwerktreffen der geförderten Regionen",
      fundingStartsOn: dateOnly(roundFundingStart),
      fundingEndsOn: dateOnly(shiftDay(roundFundingStart, { years: 2, days: -1 })),
      publishedAt: addDays(berlinTime(roundOpens, MORNING), -7),
      copiedFromSlug: "mint-regionen-2017",
      stages: singleStage(roundOpens, roundCloses, mintRegionenForm, mintRegionenRubric),
    }),
  );

  for (const year of [2018, 2019, 2020, 2021]) calls.push(rlpCall(now, year));

  // zdi: the current yearly call opened ten days ago and runs for two months; the two before it are over.
  const zdiOpens = shiftDay(today, { days: -10 });
  const zdiCloses = shiftDay(today, { days: 50 });
  const zdiCalls = [2, 1, 0].map((yearsAgo) =>
    zdiCall(now, shiftDay(zdiOpens, { years: -yearsAgo }), shiftDay(zdiCloses, { years: -yearsAgo })),
  );
  for (let index = 1; index < zdiCalls.length; index++) {
    zdiCalls[index]!.copiedFromSlug = zdiCalls[index - 1]!.slug;
  }
  calls.push(...zdiCalls);

  for (const spec of calls) {
    for (const stage of spec.stages) {
      const total = stage.rubric.reduce((sum, entry) => sum + entry.weight, 0);
      if (total !== 100) throw new Error(`Rubric weights of ${spec.slug} add up to ${total}, not 100`);
    }
  }
  return calls;
}
