import { z } from "zod";
import { bundeslaender } from "./account-schemas";
import { berlinWallClockToUtc } from "./berlin-time";
import { fieldTypes, fileKinds, type FieldType } from "./form-definition";

// The manager's forms for setting up a call, its stages, forms and rubrics, and for acting on its
// applications. Messages are catalogue keys; Conform turns empty inputs into `undefined` first.

const requiredText = (max: number) => z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "callSetup.error.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "callSetup.error.tooLong").default("");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "callSetup.error.date");
export const wallTime = z.string({ error: "error.required" }).regex(/^\d{2}:\d{2}$/, "callSetup.error.time");
export const wallDay = z.string({ error: "error.required" }).pipe(isoDay);

/** Euro amounts as people type them: "500000", "500.000", "1.250,50", "99.5". */
export function eurosToCents(text: string): number | null {
  const compact = text.replace(/[\s€]/g, "");
  const german = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(compact);
  const plain = /^\d+([.,]\d{1,2})?$/.test(compact);
  if (!german && !plain) return null;
  const normal = german ? compact.replace(/\./g, "").replace(",", ".") : compact.replace(",", ".");
  const cents = Math.round(Number(normal) * 100);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents shown back in a euro input, without thousands separators so it parses again unchanged. */
export function centsToEuroInput(cents: number | bigint | string | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const value = BigInt(cents);
  const rest = value % 100n;
  return rest === 0n ? (value / 100n).toString() : `${value / 100n},${rest.toString().padStart(2, "0")}`;
}

/** A euro amount typed into a form, as cents. */
export const euros = z.string().transform((text, ctx) => {
  const cents = eurosToCents(text);
  if (cents === null || cents > 1_000_000_000_000) {
    ctx.issues.push({ code: "custom", message: "callSetup.error.euros", input: text });
    return z.NEVER;
  }
  return cents;
});

/** A calendar day of the funding period, stored as midnight UTC in a `@db.Date` column. */
function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, "callSetup.error.tooLong")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "callSetup.error.slug");

/** Who may apply: networks from everywhere, or only from the Länder listed (the zdi seal is for NRW). */
export const callOpenness = ["ALL", "LISTED"] as const;

const callDetailsShape = {
  title: requiredText(200),
  slug: slug.optional(),
  summary: optionalText(600),
  description: optionalText(20_000),
  rules: optionalText(20_000),
  eligibility: optionalText(20_000),
  funder: requiredText(300),
  targetGroup: optionalText(300),
  totalBudget: euros.optional(),
  awardType: z.enum(["MONEY", "SUPPORT"], { error: "error.choose" }),
  maxAward: euros.optional(),
  supportDescription: optionalText(2000),
  awardExceptionMax: euros.optional(),
  acceptanceDays: z.number({ error: "decisions.setup.error.acceptanceDays" }).int("decisions.setup.error.acceptanceDays").min(1, "decisions.setup.error.acceptanceDays").max(365, "decisions.setup.error.acceptanceDays").default(21),
  plannedAwards: z.number({ error: "callSetup.error.wholeNumber" }).int("callSetup.error.wholeNumber").min(1, "callSetup.error.atLeastOne").max(10_000, "callSetup.error.tooLarge").optional(),
  fundingStartsOn: isoDay.optional(),
  fundingEndsOn: isoDay.optional(),
  contactName: optionalText(200),
  contactEmail: z.email("error.email").max(254, "error.email").optional(),
  openTo: z.enum(callOpenness, { error: "error.choose" }).default("ALL"),
  openToBundeslaender: z.array(z.enum(bundeslaender, { error: "error.choose" })).default([]),
};

type CallDetailsRaw = z.infer<z.ZodObject<typeof callDetailsShape>>;

function checkCallDetails(value: CallDetailsRaw, ctx: z.RefinementCtx) {
  if (value.awardType === "MONEY" && value.maxAward === undefined) ctx.addIssue({ code: "custom", message: "callSetup.error.maxAwardRequired", path: ["maxAward"] });
  if (value.awardType === "MONEY" && value.awardExceptionMax !== undefined) {
    if (value.maxAward === undefined) ctx.addIssue({ code: "custom", message: "decisions.setup.error.exceptionWithoutMax", path: ["awardExceptionMax"] });
    else if (value.awardExceptionMax < value.maxAward) ctx.addIssue({ code: "custom", message: "decisions.setup.error.exceptionBelowMax", path: ["awardExceptionMax"] });
  }
  if (value.awardType === "SUPPORT" && value.supportDescription === "") {
    ctx.addIssue({ code: "custom", message: "callSetup.error.supportRequired", path: ["supportDescription"] });
  }
  if (value.fundingStartsOn && value.fundingEndsOn && value.fundingEndsOn < value.fundingStartsOn) {
    ctx.addIssue({ code: "custom", message: "callSetup.error.fundingPeriod", path: ["fundingEndsOn"] });
  }
  if (value.openTo === "LISTED" && value.openToBundeslaender.length === 0) ctx.addIssue({ code: "custom", message: "callLaender.error.none", path: ["openToBundeslaender"] });
}

function callDetailsOf(value: CallDetailsRaw) {
  return {
    title: value.title,
    slug: value.slug,
    summary: value.summary,
    description: value.description,
    rules: value.rules,
    eligibility: value.eligibility,
    funder: value.funder,
    targetGroup: value.targetGroup,
    totalBudgetCents: value.totalBudget ?? null,
    awardType: value.awardType,
    maxAwardCents: value.awardType === "MONEY" ? (value.maxAward ?? null) : null,
    supportDescription: value.awardType === "SUPPORT" ? value.supportDescription : "",
    awardExceptionMaxCents: value.awardType === "MONEY" ? (value.awardExceptionMax ?? null) : null,
    acceptanceDays: value.acceptanceDays,
    plannedAwards: value.plannedAwards ?? null,
    fundingStartsOn: value.fundingStartsOn ? dayToDate(value.fundingStartsOn) : null,
    fundingEndsOn: value.fundingEndsOn ? dayToDate(value.fundingEndsOn) : null,
    contactName: value.contactName,
    contactEmail: value.contactEmail ?? "",
    openToBundeslaender: value.openTo === "LISTED" ? [...new Set(value.openToBundeslaender)] : [],
  };
}
export type CallDetailsInput = ReturnType<typeof callDetailsOf>;

// ---------------------------------------------------------------------------------------------
// Stages: one stage, or an outline followed by a full proposal; each opens and closes at a Berlin
// wall-clock time entered as a day and a time.

export const stageModes = ["SINGLE", "TWO_STAGE"] as const;
export type StageMode = (typeof stageModes)[number];

const stageDatesShape = {
  stageMode: z.enum(stageModes, { error: "error.choose" }),
  opensDate: wallDay,
  opensTime: wallTime,
  closesDate: wallDay,
  closesTime: wallTime,
  fullOpensDate: isoDay.optional(),
  fullOpensTime: wallTime.optional(),
  fullClosesDate: isoDay.optional(),
  fullClosesTime: wallTime.optional(),
};
type StageDatesRaw = z.infer<z.ZodObject<typeof stageDatesShape>>;

export interface StagePlan {
  kind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL";
  opensAt: Date;
  closesAt: Date;
}

export const conversionMessages = {
  invalidDate: "callSetup.error.date",
  invalidTime: "callSetup.error.time",
  nonexistentTime: "callSetup.error.nonexistentTime",
} as const;

/** The stages the inputs describe, with every problem reported on the input it concerns. */
function stagesOf(value: StageDatesRaw, ctx: z.RefinementCtx): StagePlan[] {
  const instant = (dateField: keyof StageDatesRaw, timeField: keyof StageDatesRaw): Date | null => {
    const date = value[dateField];
    const time = value[timeField];
    if (date === undefined) ctx.addIssue({ code: "custom", message: "error.required", path: [dateField] });
    if (time === undefined) ctx.addIssue({ code: "custom", message: "error.required", path: [timeField] });
    if (date === undefined || time === undefined) return null;
    const converted = berlinWallClockToUtc(date, time);
    if (converted.ok) return converted.instant;
    ctx.addIssue({ code: "custom", message: conversionMessages[converted.problem], path: [converted.problem === "invalidDate" ? dateField : timeField] });
    return null;
  };
  const opensAt = instant("opensDate", "opensTime");
  const closesAt = instant("closesDate", "closesTime");
  if (opensAt && closesAt && opensAt >= closesAt) ctx.addIssue({ code: "custom", message: "callSetup.error.closesBeforeOpens", path: ["closesTime"] });
  if (value.stageMode === "SINGLE") return opensAt && closesAt ? [{ kind: "SINGLE", opensAt, closesAt }] : [];
  const fullOpensAt = instant("fullOpensDate", "fullOpensTime");
  const fullClosesAt = instant("fullClosesDate", "fullClosesTime");
  if (fullOpensAt && fullClosesAt && fullOpensAt >= fullClosesAt) {
    ctx.addIssue({ code: "custom", message: "callSetup.error.closesBeforeOpens", path: ["fullClosesTime"] });
  }
  if (closesAt && fullOpensAt && fullOpensAt < closesAt) ctx.addIssue({ code: "custom", message: "callSetup.error.fullBeforeOutline", path: ["fullOpensTime"] });
  return opensAt && closesAt && fullOpensAt && fullClosesAt
    ? [
        { kind: "OUTLINE", opensAt, closesAt },
        { kind: "FULL_PROPOSAL", opensAt: fullOpensAt, closesAt: fullClosesAt },
      ]
    : [];
}

export const stagesSchema = z.object(stageDatesShape).transform((value, ctx) => ({ mode: value.stageMode, stages: stagesOf(value, ctx) }));
export type StagesInput = z.output<typeof stagesSchema>;

export const createCallSchema = z
  .object({ programmeId: z.string({ error: "error.choose" }).min(1, "error.choose"), ...callDetailsShape, ...stageDatesShape })
  .superRefine(checkCallDetails)
  .transform((value, ctx) => ({ programmeId: value.programmeId, details: callDetailsOf(value), mode: value.stageMode, stages: stagesOf(value, ctx) }));
export type CreateCallInput = z.output<typeof createCallSchema>;

export const callDetailsSchema = z.object(callDetailsShape).superRefine(checkCallDetails).transform(callDetailsOf);

// Copying a call as its next round: every date moves by one span, given as the new first opening
// day or as years, months and days (see call-rounds.ts).
export const copyShiftModes = ["span", "firstOpens"] as const;
const spanPart = (max: number) =>
  z.number({ error: "callSetup.error.wholeNumber" }).int("callSetup.error.wholeNumber").min(0, "callSetup.error.tooSmall").max(max, "callSetup.error.tooLarge").default(0);

export const copyCallSchema = z
  .object({
    title: requiredText(200),
    slug: slug.optional(),
    round: z.number({ error: "callSetup.error.wholeNumber" }).int("callSetup.error.wholeNumber").min(1, "callSetup.error.atLeastOne").max(10_000, "callSetup.error.tooLarge"),
    shiftBy: z.enum(copyShiftModes, { error: "error.choose" }),
    spanYears: spanPart(20),
    spanMonths: spanPart(240),
    spanDays: spanPart(3660),
    firstOpensDate: isoDay.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.shiftBy === "span" && value.spanYears + value.spanMonths + value.spanDays === 0) {
      ctx.addIssue({ code: "custom", message: "callCopy.error.noSpan", path: ["spanYears"] });
    }
    if (value.shiftBy === "firstOpens" && value.firstOpensDate === undefined) ctx.addIssue({ code: "custom", message: "error.required", path: ["firstOpensDate"] });
  })
  .transform((value) => ({
    title: value.title,
    slug: value.slug,
    round: value.round,
    shift:
      value.shiftBy === "span"
        ? ({ kind: "span", span: { months: value.spanYears * 12 + value.spanMonths, days: value.spanDays } } as const)
        : ({ kind: "firstOpens", day: value.firstOpensDate! } as const),
  }));
export type CopyCallInput = z.output<typeof copyCallSchema>;

// ---------------------------------------------------------------------------------------------
// Form builder: every change is one small form with its own intent.

const builderKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_]{0,59}$/, "form.error.key");
const label = requiredText(500);
const helpText = optionalText(2000);
const direction = z.enum(["up", "down"], { error: "error.choose" });

/** Choice options typed one per line, "German | English" (without the bar both languages get the same text). */
export function parseOptionLines(text: string): { labelDe: string; labelEn: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [german = "", english] = line.split("|").map((part) => part.trim());
      return { labelDe: german, labelEn: english || german };
    });
}

const optionLines = z
  .string()
  .max(20_000, "callSetup.error.tooLong")
  .refine((text) => parseOptionLines(text).every((option) => option.labelDe !== "" && option.labelDe.length <= 500 && option.labelEn.length <= 500), "formBuilder.error.optionLines")
  .transform(parseOptionLines);

const needsOptions = (type: FieldType) => type === "singleChoice" || type === "multipleChoice";

export const addSectionSchema = z.object({ key: builderKey.optional(), titleDe: label, titleEn: label });
export const updateSectionSchema = z.object({ sectionKey: builderKey, titleDe: label, titleEn: label });
export const sectionRefSchema = z.object({ sectionKey: builderKey });
export const moveSectionSchema = z.object({ sectionKey: builderKey, direction });

export const addFieldSchema = z
  .object({
    sectionKey: builderKey,
    key: builderKey.optional(),
    type: z.enum(fieldTypes, { error: "error.choose" }),
    labelDe: label,
    labelEn: label,
    required: z.boolean().default(false),
    options: optionLines.optional(),
  })
  .superRefine((value, ctx) => {
    if (needsOptions(value.type) && (value.options ?? []).length === 0) ctx.addIssue({ code: "custom", message: "formBuilder.error.optionsRequired", path: ["options"] });
  });
export type AddFieldInput = z.output<typeof addFieldSchema>;

export const fieldRefSchema = z.object({ fieldKey: builderKey });
export const moveFieldSchema = z.object({ fieldKey: builderKey, direction });
export const changeFieldTypeSchema = z
  .object({ fieldKey: builderKey, type: z.enum(fieldTypes, { error: "error.choose" }), options: optionLines.optional() })
  .superRefine((value, ctx) => {
    if (needsOptions(value.type) && (value.options ?? []).length === 0) ctx.addIssue({ code: "custom", message: "formBuilder.error.optionsRequired", path: ["options"] });
  });

export const addOptionSchema = z.object({ fieldKey: builderKey, value: builderKey.optional(), labelDe: label, labelEn: label });
export const removeOptionSchema = z.object({ fieldKey: builderKey, value: builderKey });

export const wholeNumber = (min: number, max: number) =>
  z.number({ error: "callSetup.error.wholeNumber" }).int("callSetup.error.wholeNumber").min(min, "callSetup.error.tooSmall").max(max, "callSetup.error.tooLarge");
const decimal = z.number({ error: "callSetup.error.number" }).min(-1e12, "callSetup.error.tooSmall").max(1e12, "callSetup.error.tooLarge");

const commonFieldProperties = {
  fieldKey: builderKey,
  labelDe: label,
  labelEn: label,
  helpDe: helpText,
  helpEn: helpText,
  required: z.boolean().default(false),
  identifying: z.boolean().default(false),
};

const yearList = z
  .string({ error: "error.required" })
  .transform((text, ctx) => {
    const years = text
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    if (years.length === 0 || years.length > 20 || years.some((year) => !Number.isInteger(year) || year < 2000 || year > 2100)) {
      ctx.issues.push({ code: "custom", message: "formBuilder.error.years", input: text });
      return z.NEVER;
    }
    return [...new Set(years)].sort((a, b) => a - b);
  });

/** The settings form of one field: the common properties plus those of its type. */
export function fieldPropertiesSchema(type: FieldType) {
  switch (type) {
    case "shortText":
      return z.object({ ...commonFieldProperties, type: z.literal(type), maxLength: wholeNumber(1, 500) });
    case "longText":
      return z.object({ ...commonFieldProperties, type: z.literal(type), maxLength: wholeNumber(1, 100_000) });
    case "number":
      return z
        .object({ ...commonFieldProperties, type: z.literal(type), min: decimal.optional(), max: decimal.optional(), integer: z.boolean().default(false) })
        .superRefine((value, ctx) => {
          for (const bound of ["min", "max"] as const) {
            const limit = value[bound];
            if (value.integer && limit !== undefined && !Number.isInteger(limit)) ctx.addIssue({ code: "custom", message: "formBuilder.error.boundNotWhole", path: [bound] });
          }
          if (value.min !== undefined && value.max !== undefined && value.min > value.max) ctx.addIssue({ code: "custom", message: "formBuilder.error.minAboveMax", path: ["max"] });
        });
    case "amount":
      return z.object({ ...commonFieldProperties, type: z.literal(type), maxEuros: euros.optional() });
    case "file":
      return z.object({
        ...commonFieldProperties,
        type: z.literal(type),
        accept: z.array(z.enum(fileKinds), { error: "formBuilder.error.fileKinds" }).min(1, "formBuilder.error.fileKinds"),
        maxSizeMb: wholeNumber(1, 200),
        maxFiles: wholeNumber(1, 20),
      });
    case "partners":
      return z.object({ ...commonFieldProperties, type: z.literal(type), requireLetterOfIntent: z.boolean().default(false) });
    case "budget":
      return z.object({
        ...commonFieldProperties,
        type: z.literal(type),
        years: yearList,
        minOwnContributionPercent: z.number({ error: "callSetup.error.number" }).min(0, "callSetup.error.tooSmall").max(100, "callSetup.error.tooLarge"),
      });
    case "date":
    case "singleChoice":
    case "multipleChoice":
    case "yesNo":
      return z.object({ ...commonFieldProperties, type: z.literal(type) });
  }
}
export type FieldPropertiesInput = z.output<ReturnType<typeof fieldPropertiesSchema>>;

const answerChoice = z.enum(["yes", "no"], { error: "error.choose" }).transform((answer) => answer === "yes");
const questionShape = { questionDe: label, questionEn: label, requiredAnswer: answerChoice, refusalDe: label, refusalEn: label };
export const addQuestionSchema = z.object({ key: builderKey.optional(), ...questionShape });
export const updateQuestionSchema = z.object({ questionKey: builderKey, ...questionShape });
export const questionRefSchema = z.object({ questionKey: builderKey });
export const moveQuestionSchema = z.object({ questionKey: builderKey, direction });

// ---------------------------------------------------------------------------------------------
// Rubric

export const rubricScaleSchema = z
  .object({ scaleMin: wholeNumber(0, 1000), scaleMax: wholeNumber(1, 1000) })
  .refine((value) => value.scaleMin < value.scaleMax, { message: "rubric.error.scale", path: ["scaleMax"] });
const criterionShape = { titleDe: label, titleEn: label, descriptionDe: optionalText(4000), descriptionEn: optionalText(4000), weight: wholeNumber(0, 100) };
export const criterionSchema = z.object(criterionShape);
export const updateCriterionSchema = z.object({ criterionId: z.string().min(1), ...criterionShape });
export const criterionRefSchema = z.object({ criterionId: z.string().min(1) });
export type CriterionInput = z.output<typeof criterionSchema>;

// ---------------------------------------------------------------------------------------------
// A call's applications

export const extensionSchema = z
  .object({ untilDate: wallDay, untilTime: wallTime, reason: requiredText(2000) })
  .transform((value, ctx) => {
    const converted = berlinWallClockToUtc(value.untilDate, value.untilTime);
    if (!converted.ok) {
      ctx.addIssue({ code: "custom", message: conversionMessages[converted.problem], path: [converted.problem === "invalidDate" ? "untilDate" : "untilTime"] });
      return z.NEVER;
    }
    return { until: converted.instant, reason: value.reason };
  });

export const managerActions = ["START_ELIGIBILITY_CHECK", "MARK_ELIGIBLE", "MARK_INELIGIBLE"] as const;
export type ManagerAction = (typeof managerActions)[number];

/** Conditions for a full proposal, one per line: at most 50 of at most 1,000 characters each. */
export const conditionLines = z
  .string()
  .max(50_000, "callSetup.error.tooLong")
  .default("")
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((lines) => lines.length <= 50 && lines.every((line) => line.length <= 1000), "managerApplications.error.conditions");

export const applicationActionSchema = z
  .object({
    action: z.enum(managerActions, { error: "error.choose" }),
    version: z.number().int().min(0),
    reason: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.action === "MARK_INELIGIBLE" && value.reason === "") ctx.addIssue({ code: "custom", message: "managerApplications.error.reasonRequired", path: ["reason"] });
  });
export type ApplicationActionInput = z.output<typeof applicationActionSchema>;
