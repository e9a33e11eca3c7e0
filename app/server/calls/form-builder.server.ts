import type { z } from "zod";
import { fieldsOf, formDefinition, type ChoiceOption, type FieldType, type FormDefinition, type FormField, type FormSection } from "~/forms/form-definition";
import type {
  addFieldSchema,
  addOptionSchema,
  addQuestionSchema,
  addSectionSchema,
  changeFieldTypeSchema,
  FieldPropertiesInput,
  moveFieldSchema,
  moveQuestionSchema,
  moveSectionSchema,
  removeOptionSchema,
  updateQuestionSchema,
  updateSectionSchema,
} from "~/forms/call-schemas";
import type { MessageKey } from "~/i18n";
import { RefusedError } from "../http.server";
import { requireConfirmation } from "../confirmation.server";

/**
 * The form builder's operations on a stage's FormDefinition, one small change each, as pure
 * functions. Once the call is published, applicants may already have answered: every change that
 * could lose or invalidate an answer (deleting, changing a type, removing an option, tightening a
 * limit, making something required) is refused; wording, order and new optional fields are fine.
 */
export type FormOperation =
  | ({ op: "addSection" } & z.output<typeof addSectionSchema>)
  | ({ op: "updateSection" } & z.output<typeof updateSectionSchema>)
  | { op: "deleteSection"; sectionKey: string; /** The person confirmed losing the section's fields. */ confirmed?: boolean }
  | ({ op: "moveSection" } & z.output<typeof moveSectionSchema>)
  | ({ op: "addField" } & z.output<typeof addFieldSchema>)
  | { op: "updateField"; properties: FieldPropertiesInput }
  | ({ op: "changeFieldType" } & z.output<typeof changeFieldTypeSchema>)
  | { op: "deleteField"; fieldKey: string; /** The person confirmed losing the field with its settings. */ confirmed?: boolean }
  | ({ op: "moveField" } & z.output<typeof moveFieldSchema>)
  | ({ op: "addOption" } & z.output<typeof addOptionSchema>)
  | ({ op: "removeOption" } & z.output<typeof removeOptionSchema>)
  | ({ op: "addQuestion" } & z.output<typeof addQuestionSchema>)
  | ({ op: "updateQuestion" } & z.output<typeof updateQuestionSchema>)
  | { op: "deleteQuestion"; questionKey: string }
  | ({ op: "moveQuestion" } & z.output<typeof moveQuestionSchema>);

export interface FormChangeContext {
  /** Applicants may have answered already. */
  published: boolean;
  /** Budget tables start with these years (the funding period's). */
  budgetYears: number[];
}

export const emptyFormDefinition: FormDefinition = { eligibility: [], sections: [] };

const defaultBudgetCategories: ChoiceOption[] = [
  { value: "staff", labelDe: "Personalausgaben", labelEn: "Staff costs" },
  { value: "material", labelDe: "Sachausgaben", labelEn: "Material costs" },
  { value: "travel", labelDe: "Reisekosten", labelEn: "Travel costs" },
  { value: "fees", labelDe: "Honorare", labelEn: "Fees" },
];

function refuse(messageKey: MessageKey, field?: string): never {
  throw new RefusedError(messageKey, field ? { field } : {});
}

// Words that say nothing about what a field holds: without them a key stays short ("Wie viele Schulen
// sind beteiligt?" becomes schulenBeteiligt, "Über das Netzwerk" netzwerk).
const fillerWords = new Set(
  (
    "der die das des dem den ein eine einen einem einer eines und oder sowie im in ins am an auf aus bei bis durch fuer gegen mit nach " +
    "ohne seit ueber um unter vom von vor zu zum zur wie was wer wo wann welche welcher welches welchen viele sind ist sein hat haben " +
    "wird werden wurde sie ihr ihre ihrem ihren ihrer ihres es sich bitte ggf the a an and or of to for on at by with from your our is " +
    "are be how what which who when where many much please"
  ).split(" "),
);
const KEY_WORDS = 3;
const KEY_LENGTH = 30;

/**
 * A key for a new item, made from its German label: ASCII camelCase of its first three telling
 * words, at most 30 characters, unique in the form ("Anzahl der Schulen" becomes anzahlSchulen).
 * Keys never change afterwards: answers, exports and the carrying over from outline to full proposal
 * rely on them.
 */
export function keyFrom(label: string, taken: ReadonlySet<string>): string {
  const ascii = label
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^A-Za-z0-9 ]+/g, " ");
  const allWords = ascii.split(" ").filter(Boolean).map((word) => word.toLowerCase());
  const telling = allWords.filter((word) => !fillerWords.has(word));
  const words = (telling.length > 0 ? telling : allWords).slice(0, KEY_WORDS);
  let base = "";
  for (const [index, word] of words.entries()) {
    const next = base + (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1));
    if (index > 0 && next.length > KEY_LENGTH) break;
    base = next.slice(0, KEY_LENGTH);
  }
  if (!/^[a-z]/.test(base)) base = `feld${base}`;
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}${suffix}`;
  return candidate;
}

/** Every key in the form: eligibility questions, sections and fields share one namespace. */
export function keysOf(definition: FormDefinition): Set<string> {
  return new Set([...definition.eligibility.map((question) => question.key), ...definition.sections.map((section) => section.key), ...fieldsOf(definition).map((field) => field.key)]);
}

function newKey(definition: FormDefinition, wanted: string | undefined, label: string): string {
  const taken = keysOf(definition);
  if (wanted === undefined) return keyFrom(label, taken);
  if (taken.has(wanted)) refuse("formBuilder.error.keyTaken", "key");
  return wanted;
}

function moved<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

function findSection(definition: FormDefinition, sectionKey: string): number {
  const index = definition.sections.findIndex((section) => section.key === sectionKey);
  if (index < 0) refuse("formBuilder.error.unknownItem");
  return index;
}

function findField(definition: FormDefinition, fieldKey: string): { sectionIndex: number; fieldIndex: number; field: FormField } {
  for (const [sectionIndex, section] of definition.sections.entries()) {
    const fieldIndex = section.fields.findIndex((field) => field.key === fieldKey);
    if (fieldIndex >= 0) return { sectionIndex, fieldIndex, field: section.fields[fieldIndex]! };
  }
  return refuse("formBuilder.error.unknownItem");
}

function findQuestion(definition: FormDefinition, questionKey: string): number {
  const index = definition.eligibility.findIndex((question) => question.key === questionKey);
  if (index < 0) refuse("formBuilder.error.unknownItem");
  return index;
}

function replaceField(definition: FormDefinition, fieldKey: string, build: (field: FormField) => FormField): FormDefinition {
  const { sectionIndex, fieldIndex, field } = findField(definition, fieldKey);
  const sections = definition.sections.map((section, index) =>
    index === sectionIndex ? { ...section, fields: section.fields.map((existing, position) => (position === fieldIndex ? build(field) : existing)) } : section,
  );
  return { ...definition, sections };
}

function optionsFrom(labels: { labelDe: string; labelEn: string }[]): ChoiceOption[] {
  const taken = new Set<string>();
  return labels.map((option) => {
    const value = keyFrom(option.labelDe, taken);
    taken.add(value);
    return { value, ...option };
  });
}

/** A field of `type` with the settings every new field of that type starts with. */
function fieldOfType(
  common: Pick<FormField, "key" | "labelDe" | "labelEn" | "required" | "helpDe" | "helpEn">,
  type: FieldType,
  options: ChoiceOption[],
  context: FormChangeContext,
): FormField {
  switch (type) {
    case "shortText":
      return { ...common, type, maxLength: 200 };
    case "longText":
      return { ...common, type, maxLength: 2000 };
    case "number":
      // Most numbers asked for are counts: whole and not negative, until the manager says otherwise.
      return { ...common, type, min: 0, integer: true };
    case "amount":
    case "date":
    case "yesNo":
      return { ...common, type };
    case "singleChoice":
    case "multipleChoice":
      return { ...common, type, options };
    case "file":
      return { ...common, type, accept: ["pdf"], maxSizeMb: 10, maxFiles: 1 };
    case "partners":
      return { ...common, type, requireLetterOfIntent: false };
    case "budget":
      return { ...common, type, categories: defaultBudgetCategories, years: context.budgetYears, minOwnContributionPercent: 0 };
  }
}

function optionListOf(field: FormField): ChoiceOption[] | null {
  if (field.type === "singleChoice" || field.type === "multipleChoice") return field.options;
  if (field.type === "budget") return field.categories;
  return null;
}

function withOptionList(field: FormField, options: ChoiceOption[]): FormField {
  if (field.type === "singleChoice" || field.type === "multipleChoice") return { ...field, options };
  if (field.type === "budget") return { ...field, categories: options };
  return refuse("formBuilder.error.noOptions");
}

const stricterUpper = (before: number | undefined, after: number | undefined) => after !== undefined && (before === undefined || after < before);
const stricterLower = (before: number | undefined, after: number | undefined) => after !== undefined && (before === undefined || after > before);

/** Whether `after` would refuse an answer `before` accepted. */
export function tightens(before: FormField, after: FormField): boolean {
  if (after.required && !before.required) return true;
  switch (before.type) {
    case "shortText":
    case "longText":
      return after.type === before.type && after.maxLength < before.maxLength;
    case "number":
      return after.type === "number" && (stricterLower(before.min, after.min) || stricterUpper(before.max, after.max) || (after.integer && !before.integer));
    case "amount":
      return after.type === "amount" && stricterUpper(before.maxCents, after.maxCents);
    case "file":
      return after.type === "file" && (after.maxSizeMb < before.maxSizeMb || after.maxFiles < before.maxFiles || before.accept.some((kind) => !after.accept.includes(kind)));
    case "partners":
      return after.type === "partners" && after.requireLetterOfIntent && !before.requireLetterOfIntent;
    case "budget":
      return after.type === "budget" && (before.years.some((year) => !after.years.includes(year)) || after.minOwnContributionPercent > before.minOwnContributionPercent);
    default:
      return false;
  }
}

function updatedField(field: FormField, properties: FieldPropertiesInput): FormField {
  if (properties.type !== field.type) refuse("formBuilder.error.typeChanged");
  const common = {
    key: field.key,
    labelDe: properties.labelDe,
    labelEn: properties.labelEn,
    required: properties.required,
    helpDe: properties.helpDe || undefined,
    helpEn: properties.helpEn || undefined,
    // Whether jurors of a blind review see the answer; not a rule for the answer, so it may change after publication.
    identifying: properties.identifying || undefined,
  };
  switch (properties.type) {
    case "shortText":
    case "longText":
      return { ...common, type: properties.type, maxLength: properties.maxLength };
    case "number":
      // The settings form says the same; this holds for every caller, so no stored form has an empty range.
      if (properties.integer && [properties.min, properties.max].some((limit) => limit !== undefined && !Number.isInteger(limit))) {
        refuse("formBuilder.error.boundNotWhole", properties.min !== undefined && !Number.isInteger(properties.min) ? "min" : "max");
      }
      if (properties.min !== undefined && properties.max !== undefined && properties.min > properties.max) refuse("formBuilder.error.minAboveMax", "max");
      return { ...common, type: properties.type, min: properties.min, max: properties.max, integer: properties.integer };
    case "amount":
      return { ...common, type: properties.type, maxCents: properties.maxEuros };
    case "file":
      return { ...common, type: properties.type, accept: properties.accept, maxSizeMb: properties.maxSizeMb, maxFiles: properties.maxFiles };
    case "partners":
      return { ...common, type: properties.type, requireLetterOfIntent: properties.requireLetterOfIntent };
    case "budget":
      return field.type === "budget" ? { ...field, ...common, years: properties.years, minOwnContributionPercent: properties.minOwnContributionPercent } : refuse("formBuilder.error.typeChanged");
    case "singleChoice":
    case "multipleChoice":
      return field.type === properties.type ? { ...field, ...common } : refuse("formBuilder.error.typeChanged");
    case "date":
    case "yesNo":
      return { ...common, type: properties.type };
  }
}

function moveField(definition: FormDefinition, fieldKey: string, direction: "up" | "down"): FormDefinition {
  const { sectionIndex, fieldIndex, field } = findField(definition, fieldKey);
  const fields = definition.sections[sectionIndex]!.fields;
  const atEdge = direction === "up" ? fieldIndex === 0 : fieldIndex === fields.length - 1;
  if (!atEdge) {
    return { ...definition, sections: definition.sections.map((section, index) => (index === sectionIndex ? { ...section, fields: moved(section.fields, fieldIndex, direction) } : section)) };
  }
  // At the edge of its section a field moves on into the neighbouring section.
  const targetIndex = direction === "up" ? sectionIndex - 1 : sectionIndex + 1;
  if (targetIndex < 0 || targetIndex >= definition.sections.length) return definition;
  const sections = definition.sections.map((section, index): FormSection => {
    if (index === sectionIndex) return { ...section, fields: section.fields.filter((existing) => existing.key !== fieldKey) };
    if (index === targetIndex) return { ...section, fields: direction === "up" ? [...section.fields, field] : [field, ...section.fields] };
    return section;
  });
  return { ...definition, sections };
}

function changed(definition: FormDefinition, operation: FormOperation, context: FormChangeContext): FormDefinition {
  const { published } = context;
  switch (operation.op) {
    case "addSection": {
      const key = newKey(definition, operation.key, operation.titleDe);
      return { ...definition, sections: [...definition.sections, { key, titleDe: operation.titleDe, titleEn: operation.titleEn, fields: [] }] };
    }
    case "updateSection": {
      const index = findSection(definition, operation.sectionKey);
      return { ...definition, sections: definition.sections.map((section, position) => (position === index ? { ...section, titleDe: operation.titleDe, titleEn: operation.titleEn } : section)) };
    }
    case "deleteSection": {
      const index = findSection(definition, operation.sectionKey);
      const withFields = definition.sections[index]!.fields.length > 0;
      if (published && withFields) refuse("formBuilder.refused.delete");
      if (withFields) requireConfirmation(operation.confirmed);
      return { ...definition, sections: definition.sections.filter((_, position) => position !== index) };
    }
    case "moveSection":
      return { ...definition, sections: moved(definition.sections, findSection(definition, operation.sectionKey), operation.direction) };
    case "addField": {
      const index = findSection(definition, operation.sectionKey);
      if (published && operation.required) refuse("formBuilder.refused.requiredField", "required");
      const key = newKey(definition, operation.key, operation.labelDe);
      const field = fieldOfType({ key, labelDe: operation.labelDe, labelEn: operation.labelEn, required: operation.required }, operation.type, optionsFrom(operation.options ?? []), context);
      return { ...definition, sections: definition.sections.map((section, position) => (position === index ? { ...section, fields: [...section.fields, field] } : section)) };
    }
    case "updateField":
      return replaceField(definition, operation.properties.fieldKey, (field) => {
        const next = updatedField(field, operation.properties);
        if (published && tightens(field, next)) refuse(next.required && !field.required ? "formBuilder.refused.required" : "formBuilder.refused.limit");
        return next;
      });
    case "changeFieldType":
      return replaceField(definition, operation.fieldKey, (field) => {
        if (field.type === operation.type) return field;
        if (published) refuse("formBuilder.refused.type");
        const keptOptions = optionListOf(field);
        const options = operation.options?.length ? optionsFrom(operation.options) : field.type !== "budget" && keptOptions ? keptOptions : [];
        if ((operation.type === "singleChoice" || operation.type === "multipleChoice") && options.length === 0) refuse("formBuilder.error.optionsRequired", "options");
        return fieldOfType(field, operation.type, options, context);
      });
    case "deleteField": {
      const { sectionIndex } = findField(definition, operation.fieldKey);
      if (published) refuse("formBuilder.refused.delete");
      requireConfirmation(operation.confirmed);
      return {
        ...definition,
        sections: definition.sections.map((section, index) => (index === sectionIndex ? { ...section, fields: section.fields.filter((field) => field.key !== operation.fieldKey) } : section)),
      };
    }
    case "moveField":
      return moveField(definition, operation.fieldKey, operation.direction);
    case "addOption":
      return replaceField(definition, operation.fieldKey, (field) => {
        const options = optionListOf(field) ?? refuse("formBuilder.error.noOptions");
        const taken = new Set(options.map((option) => option.value));
        if (operation.value !== undefined && taken.has(operation.value)) refuse("formBuilder.error.keyTaken", "value");
        const value = operation.value ?? keyFrom(operation.labelDe, taken);
        return withOptionList(field, [...options, { value, labelDe: operation.labelDe, labelEn: operation.labelEn }]);
      });
    case "removeOption":
      return replaceField(definition, operation.fieldKey, (field) => {
        const options = optionListOf(field) ?? refuse("formBuilder.error.noOptions");
        if (!options.some((option) => option.value === operation.value)) refuse("formBuilder.error.unknownItem");
        if (published) refuse("formBuilder.refused.option");
        if (options.length === 1) refuse("formBuilder.error.lastOption");
        return withOptionList(
          field,
          options.filter((option) => option.value !== operation.value),
        );
      });
    case "addQuestion": {
      if (published) refuse("formBuilder.refused.question");
      const key = newKey(definition, operation.key, operation.questionDe);
      const { questionDe, questionEn, requiredAnswer, refusalDe, refusalEn } = operation;
      return { ...definition, eligibility: [...definition.eligibility, { key, questionDe, questionEn, requiredAnswer, refusalDe, refusalEn }] };
    }
    case "updateQuestion": {
      const index = findQuestion(definition, operation.questionKey);
      const question = definition.eligibility[index]!;
      if (published && question.requiredAnswer !== operation.requiredAnswer) refuse("formBuilder.refused.questionAnswer", "requiredAnswer");
      const { questionDe, questionEn, requiredAnswer, refusalDe, refusalEn } = operation;
      return {
        ...definition,
        eligibility: definition.eligibility.map((existing, position) => (position === index ? { key: existing.key, questionDe, questionEn, requiredAnswer, refusalDe, refusalEn } : existing)),
      };
    }
    case "deleteQuestion": {
      const index = findQuestion(definition, operation.questionKey);
      if (published) refuse("formBuilder.refused.delete");
      return { ...definition, eligibility: definition.eligibility.filter((_, position) => position !== index) };
    }
    case "moveQuestion":
      return { ...definition, eligibility: moved(definition.eligibility, findQuestion(definition, operation.questionKey), operation.direction) };
  }
}

/** The definition after one builder operation, checked against the shared form schema. */
export function applyFormOperation(definition: FormDefinition, operation: FormOperation, context: FormChangeContext): FormDefinition {
  const checked = formDefinition.safeParse(changed(definition, operation, context));
  if (!checked.success) refuse("formBuilder.error.invalid");
  return checked.data;
}

/**
 * The definition stored in the database, or null when it does not match the shared schema (then the
 * builder refuses to touch it rather than overwrite what it cannot read).
 */
export function storedDefinition(json: unknown): FormDefinition | null {
  const parsed = formDefinition.safeParse(json);
  return parsed.success ? parsed.data : null;
}
