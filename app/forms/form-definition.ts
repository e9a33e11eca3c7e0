import { z } from "zod";

/**
 * The shape of a stage's application form, stored as JSON in FormDefinition.definition. Managers build
 * it in the form builder; applicants' answers are checked against it (answers.ts). Every label exists
 * in German and English.
 */
export const fieldTypes = [
  "shortText",
  "longText",
  "number",
  "amount",
  "date",
  "singleChoice",
  "multipleChoice",
  "yesNo",
  "file",
  "partners",
  "budget",
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** File kinds an upload field may allow; each is recognised by its content, not its name. */
export const fileKinds = ["pdf", "png", "jpeg", "docx", "xlsx", "odt"] as const;
export type FileKind = (typeof fileKinds)[number];

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_]{0,59}$/, "form.error.key");
const text = z.string().trim().min(1, "error.required").max(500, "error.tooLong");
const optionalText = z.string().trim().max(2000, "error.tooLong").optional();

const fieldBase = {
  key,
  labelDe: text,
  labelEn: text,
  required: z.boolean(),
  helpDe: optionalText,
  helpEn: optionalText,
  /** In blind review jurors do not see the answer: it names the network, its people or partners. */
  identifying: z.boolean().optional(),
};

export const choiceOption = z.object({ value: key, labelDe: text, labelEn: text });
export type ChoiceOption = z.infer<typeof choiceOption>;

const uniqueBy = <T>(items: T[], pick: (item: T) => string) => new Set(items.map(pick)).size === items.length;

export const formField = z.discriminatedUnion("type", [
  z.object({ ...fieldBase, type: z.literal("shortText"), maxLength: z.number().int().min(1).max(500).default(200) }),
  z.object({ ...fieldBase, type: z.literal("longText"), maxLength: z.number().int().min(1).max(100_000) }),
  z
    .object({ ...fieldBase, type: z.literal("number"), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(true) })
    // A range no number fits, or whole numbers between bounds that are not whole, would refuse every answer.
    .refine((field) => field.min === undefined || field.max === undefined || field.min <= field.max, { message: "formBuilder.error.minAboveMax", path: ["max"] })
    .refine((field) => !field.integer || [field.min, field.max].every((limit) => limit === undefined || Number.isInteger(limit)), {
      message: "formBuilder.error.boundNotWhole",
      path: ["min"],
    }),
  z.object({ ...fieldBase, type: z.literal("amount"), maxCents: z.number().int().positive().optional() }),
  z.object({ ...fieldBase, type: z.literal("date") }),
  z.object({
    ...fieldBase,
    type: z.literal("singleChoice"),
    options: z.array(choiceOption).min(1).refine((options) => uniqueBy(options, (option) => option.value), "form.error.duplicateKey"),
  }),
  z.object({
    ...fieldBase,
    type: z.literal("multipleChoice"),
    options: z.array(choiceOption).min(1).refine((options) => uniqueBy(options, (option) => option.value), "form.error.duplicateKey"),
  }),
  z.object({ ...fieldBase, type: z.literal("yesNo") }),
  z.object({
    ...fieldBase,
    type: z.literal("file"),
    accept: z.array(z.enum(fileKinds)).min(1),
    maxSizeMb: z.number().int().min(1).max(200),
    maxFiles: z.number().int().min(1).max(20),
  }),
  z.object({ ...fieldBase, type: z.literal("partners"), requireLetterOfIntent: z.boolean().default(false) }),
  z.object({
    ...fieldBase,
    type: z.literal("budget"),
    categories: z.array(choiceOption).min(1),
    years: z.array(z.number().int().min(2000).max(2100)).min(1),
    /** Share of the total the network must carry itself, in percent. */
    minOwnContributionPercent: z.number().min(0).max(100).default(0),
  }),
]);
export type FormField = z.infer<typeof formField>;

export const formSection = z.object({
  key,
  titleDe: text,
  titleEn: text,
  fields: z.array(formField),
});
export type FormSection = z.infer<typeof formSection>;

/** A yes/no question that must get `requiredAnswer` before the rest of the form opens. */
export const eligibilityQuestion = z.object({
  key,
  questionDe: text,
  questionEn: text,
  requiredAnswer: z.boolean(),
  refusalDe: text,
  refusalEn: text,
});
export type EligibilityQuestion = z.infer<typeof eligibilityQuestion>;

export const formDefinition = z
  .object({
    eligibility: z.array(eligibilityQuestion).default([]),
    sections: z.array(formSection),
  })
  .refine(
    (definition) =>
      uniqueBy(
        [...definition.eligibility.map((question) => question.key), ...definition.sections.flatMap((section) => section.fields.map((field) => field.key))],
        (fieldKey) => fieldKey,
      ),
    "form.error.duplicateKey",
  );
export type FormDefinition = z.infer<typeof formDefinition>;

/** The form a stage's applicants fill in; a stage without a form has nothing to ask. */
export function definitionOf(json: unknown): FormDefinition {
  return formDefinition.parse(json ?? { sections: [] });
}

export function fieldsOf(definition: FormDefinition): FormField[] {
  return definition.sections.flatMap((section) => section.fields);
}
