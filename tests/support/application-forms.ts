import { formDefinition, type FormDefinition } from "../../app/forms/form-definition";
import type { Answers } from "../../app/forms/answers";
import type { DraftInput } from "../../app/forms/application-schemas";

/** A stage form with one field of each of the eleven types and one eligibility question. */
export const everyFieldForm: FormDefinition = formDefinition.parse({
  eligibility: [
    {
      key: "registered",
      questionDe: "Ist Ihr Netzwerk in Deutschland tätig?",
      questionEn: "Does your network work in Germany?",
      requiredAnswer: true,
      refusalDe: "Nur Netzwerke in Deutschland können sich bewerben.",
      refusalEn: "Only networks working in Germany can apply.",
    },
  ],
  sections: [
    {
      key: "basics",
      titleDe: "Vorhaben",
      titleEn: "Project",
      fields: [
        { key: "projectTitle", type: "shortText", labelDe: "Titel", labelEn: "Title", required: true, maxLength: 100 },
        { key: "summary", type: "longText", labelDe: "Zusammenfassung", labelEn: "Summary", required: true, maxLength: 500, helpDe: "Kurz und klar.", helpEn: "Short and clear." },
        { key: "pupils", type: "number", labelDe: "Erreichte Schülerinnen und Schüler", labelEn: "Pupils reached", required: true, integer: true, min: 0 },
        { key: "grant", type: "amount", labelDe: "Beantragte Förderung", labelEn: "Grant requested", required: true, maxCents: 100_000_000 },
        { key: "start", type: "date", labelDe: "Beginn", labelEn: "Start", required: true },
        {
          key: "focus",
          type: "singleChoice",
          labelDe: "Schwerpunkt",
          labelEn: "Focus",
          required: true,
          options: [
            { value: "informatics", labelDe: "Informatik", labelEn: "Computer science" },
            { value: "physics", labelDe: "Physik", labelEn: "Physics" },
          ],
        },
        {
          key: "groups",
          type: "multipleChoice",
          labelDe: "Zielgruppen",
          labelEn: "Target groups",
          required: false,
          options: [
            { value: "kita", labelDe: "Kita", labelEn: "Day care" },
            { value: "sek1", labelDe: "Sekundarstufe I", labelEn: "Lower secondary" },
          ],
        },
        { key: "girls", type: "yesNo", labelDe: "Gezielte Angebote für Mädchen?", labelEn: "Offers aimed at girls?", required: true },
        { key: "plan", type: "file", labelDe: "Arbeitsplan", labelEn: "Work plan", required: false, accept: ["pdf"], maxSizeMb: 5, maxFiles: 2 },
        { key: "partnerList", type: "partners", labelDe: "Partner", labelEn: "Partners", required: true, requireLetterOfIntent: false },
        {
          key: "costs",
          type: "budget",
          labelDe: "Kostenplan",
          labelEn: "Budget",
          required: true,
          categories: [
            { value: "staff", labelDe: "Personal", labelEn: "Staff" },
            { value: "material", labelDe: "Sachmittel", labelEn: "Material" },
          ],
          years: [2026, 2027],
          minOwnContributionPercent: 10,
        },
      ],
    },
  ],
});

/** Answers that leave nothing on the checklist of `everyFieldForm`. */
export const completeAnswers: Answers = {
  eligibility: { registered: true },
  fields: {
    projectTitle: "MINT für alle",
    summary: "Wir bauen ein Netz von Lernorten auf.",
    pupils: 1200,
    grant: 4_500_000,
    start: "2027-01-01",
    focus: "informatics",
    groups: ["sek1"],
    girls: true,
    partnerList: [{ name: "Gymnasium am See", type: "SCHOOL", role: "Lernort" }],
    costs: {
      lines: [
        { category: "staff", year: 2026, description: "Koordination", amountCents: 4_000_000 },
        { category: "material", year: 2027, description: "Experimentierkästen", amountCents: 1_000_000 },
      ],
      ownContributionCents: 500_000,
    },
  },
};

/** A save of the complete answers, as the application page sends it once the form is shown. */
export const completeDraft: DraftInput = { answers: completeAnswers, conditionAnswers: [], fieldsShown: true };

/** The instant `seconds` after (or, negative, before) `at`: for deadline edges. */
export const secondsAfter = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

/** Every input of a complete application, as the page posts them. */
export const completeFormPost: [string, string][] = [
  ["eligibility.registered", "yes"],
  ["fieldsShown", "1"],
  ["fields.projectTitle", "MINT für alle"],
  ["fields.summary", "Wir bauen ein Netz von Lernorten auf."],
  ["fields.pupils", "1.200"],
  ["fields.grant", "45.000"],
  ["fields.start", "2027-01-01"],
  ["fields.focus", "informatics"],
  ["fields.girls", "yes"],
  ["fields.partnerList[0].name", "Gymnasium am See"],
  ["fields.partnerList[0].type", "SCHOOL"],
  ["fields.partnerList[0].role", "Lernort"],
  ["fields.costs.lines[0].category", "staff"],
  ["fields.costs.lines[0].year", "2026"],
  ["fields.costs.lines[0].amount", "40.000"],
  ["fields.costs.own", "5.000"],
];
