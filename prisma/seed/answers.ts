// The answers of seeded applications: filled in from each form's fields, as a network would.
import type { BudgetAnswer } from "../../app/forms/answers";
import type { FormDefinitionJson } from "./calls";
import type { DemoNetwork } from "./networks";
import { SeededRandom } from "./random";

type AnswerValue = string | number | boolean | string[] | BudgetAnswer;

const longAnswers: Record<string, string> = {
  angebote:
    "Das Netzwerk bietet in der Region {region} regelmäßig MINT-Arbeitsgemeinschaften, Ferienkurse und einen jährlichen Technik-Aktionstag an. Die Partner stellen Räume, Material und ehrenamtliche Kursleitungen.",
  ziele:
    "In den nächsten zwei Jahren wollen wir die Geschäftsstelle dauerhaft absichern, alle Angebote in einer gemeinsamen Übersicht bündeln und deutlich mehr Mädchen für technische Ausbildungsberufe gewinnen.",
  beratungsbedarf:
    "Wir wünschen uns Beratung zur langfristigen Finanzierung der Koordination, zur Gewinnung weiterer Unternehmen und zur Öffentlichkeitsarbeit.",
  kurzbeschreibung:
    "{title}: Gemeinsam mit Schulen, Unternehmen und außerschulischen Lernorten in der Region {region} entwickeln wir Kurse, in denen Jugendliche eigene Projekte planen, bauen und präsentieren.",
  digitaleKompetenzen:
    "Die Teilnehmenden lernen, einfache Programme zu schreiben, Sensordaten zu erfassen und auszuwerten und digitale Medien kritisch zu nutzen.",
  angebotsformate:
    "Geplant sind wöchentliche Forschungsclubs an drei Standorten, zweimal jährlich ein Ferien-Camp sowie Projekttage an den beteiligten Schulen.",
  arbeitspakete:
    "AP 1: Aufbau der Clusterkoordination. AP 2: Entwicklung und Erprobung der Kursformate. AP 3: Fortbildung der Kursleitungen. AP 4: Öffentlichkeitsarbeit und Gewinnung der Teilnehmenden. AP 5: Evaluation und Verstetigung.",
  meilensteine:
    "Nach sechs Monaten laufen die ersten Kurse; nach zwölf Monaten sind alle Standorte aktiv; nach 24 Monaten liegt ein Zwischenbericht der Evaluation vor.",
  evaluation:
    "Die Teilnehmenden füllen zu Beginn und am Ende jedes Kurses einen kurzen Fragebogen aus; eine Hochschule im Netzwerk wertet die Daten aus.",
  verstetigung:
    "Die Kommunen und Unternehmen im Cluster haben zugesagt, die Koordination nach Ende der Förderung anteilig weiter zu finanzieren.",
  gruendungsidee:
    "In der Region {region} gibt es viele einzelne MINT-Angebote, aber keine Stelle, die sie verbindet. Das neue Netzwerk soll diese Lücke schließen.",
  ersteAktivitaeten:
    "Ein Auftakttreffen aller Partner, eine Übersicht der bestehenden Angebote und ein erster gemeinsamer MINT-Aktionstag.",
  beratungswunsch: "Unterstützung beim Aufbau einer Geschäftsordnung und bei der Gewinnung von Unternehmen.",
  qualitaetsentwicklung:
    "Alle Kurse werden mit Feedbackbögen ausgewertet; die Kursleitungen treffen sich zweimal im Jahr zum Austausch.",
};

const numberRanges: Record<string, [number, number]> = {
  gruendungsjahr: [2006, 2015],
  maedchenanteil: [40, 55],
  anteilMaedchen: [32, 52],
  schulen: [8, 45],
  kurse: [40, 220],
  teilnehmende: [600, 4200],
  fortbildungen: [3, 24],
  unternehmen: [5, 45],
};

export function answersFor(
  form: FormDefinitionJson,
  context: { network: DemoNetwork; title: string; random: SeededRandom; start: Date; end: Date },
): { eligibility: Record<string, boolean>; fields: Record<string, AnswerValue> } {
  const { network, title, random } = context;
  const fill = (template: string) =>
    template.replaceAll("{region}", network.region).replaceAll("{title}", title).replaceAll("{ort}", network.town);
  const answers: Record<string, AnswerValue> = {};
  for (const section of form.sections) {
    for (const field of section.fields) {
      switch (field.type) {
        case "shortText":
          answers[field.key] =
            field.key === "region"
              ? network.region
              : field.key === "koordination" || field.key === "traeger"
                ? (network.partners[0]?.name ?? network.name)
                : field.key === "netzwerkname"
                  ? network.name
                  : title;
          break;
        case "longText":
          answers[field.key] = fill(longAnswers[field.key] ?? `${field.labelDe}: siehe Anlage.`);
          break;
        case "number": {
          const [min, max] = numberRanges[field.key] ?? [1, 100];
          answers[field.key] = random.int(min, max);
          break;
        }
        case "date":
          answers[field.key] = (field.key === "ende" ? context.end : context.start).toISOString().slice(0, 10);
          break;
        case "yesNo":
          answers[field.key] = true;
          break;
        case "singleChoice":
          if (field.options?.[0]) answers[field.key] = field.options[0].value;
          break;
        case "multipleChoice":
          if (field.options)
            answers[field.key] = field.options.slice(0, random.int(1, field.options.length)).map((o) => o.value);
          break;
        case "budget":
          answers[field.key] = demoBudget(field, new SeededRandom(`${title}:${field.key}`));
          break;
        case "amount":
          // Whole hundreds of euros, within the field's limit.
          answers[field.key] = Math.min(new SeededRandom(`${title}:${field.key}`).int(50, 500) * 10_000, field.maxCents ?? Number.MAX_SAFE_INTEGER);
          break;
        default:
          // Files and partners need stored files and rosters of their own; the demo leaves them empty.
          break;
      }
    }
  }
  // The shape applications keep their answers in (app/forms/answers.ts).
  return { eligibility: {}, fields: answers };
}

/**
 * A budget table as a network fills it in: a line per year for two of its categories, in whole
 * hundreds of euros, and at least the own contribution the field asks for, so the managers' list
 * has an amount requested to show and sort by.
 */
function demoBudget(field: Extract<FormDefinitionJson["sections"][number]["fields"][number], { type: "budget" }>, random: SeededRandom): BudgetAnswer {
  const lines = field.years.flatMap((year) =>
    field.categories.slice(0, 2).map((category) => ({ category: category.value, year, description: "", amountCents: random.int(20, 400) * 10_000 })),
  );
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const ownPercent = Math.max(field.minOwnContributionPercent, random.int(5, 20));
  return { lines, ownContributionCents: Math.ceil((totalCents * ownPercent) / 100 / 10_000) * 10_000 };
}

