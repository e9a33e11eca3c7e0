import { z } from "zod";
import { bundeslaender } from "./account-schemas";
import { berlinWallClockToUtc } from "./berlin-time";
import { conversionMessages, wallDay, wallTime, wholeNumber } from "./call-schemas";
import { confirmation } from "./workflow-schemas";

// The manager's forms of a stage's review settings and its eligibility check. Messages are catalogue keys.

const optionalDay = wallDay.optional();
const optionalTime = wallTime.optional();

/** Points on the rubric's scale as people type them, "2", "2,5" or "2.5"; the scale's own bounds are checked by the domain. */
const points = z
  .string({ error: "error.required" })
  .trim()
  .transform((text, ctx) => {
    const value = /^\d+([.,]\d{1,2})?$/.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
    if (!(value > 0)) {
      ctx.issues.push({ code: "custom", message: "eligibility.settings.error.threshold", input: text });
      return z.NEVER;
    }
    return value;
  });

export const reviewSettingsSchema = z
  .object({
    reviewsPerApplication: wholeNumber(1, 10),
    dueDate: optionalDay,
    dueTime: optionalTime,
    preferencesOpen: z.boolean().default(false),
    reminderDaysBefore: wholeNumber(0, 30),
    disagreementThreshold: points,
    conflictSameBundesland: z.boolean().default(false),
    blindReview: z.boolean().default(false),
    showJurorNames: z.boolean().default(false),
  })
  .transform(({ dueDate, dueTime, ...value }, ctx) => {
    if (dueDate === undefined && dueTime === undefined) return { ...value, reviewDueAt: null };
    if (dueDate === undefined || dueTime === undefined) {
      ctx.addIssue({ code: "custom", message: "error.required", path: [dueDate === undefined ? "dueDate" : "dueTime"] });
      return z.NEVER;
    }
    const converted = berlinWallClockToUtc(dueDate, dueTime);
    if (!converted.ok) {
      ctx.addIssue({ code: "custom", message: conversionMessages[converted.problem], path: [converted.problem === "invalidDate" ? "dueDate" : "dueTime"] });
      return z.NEVER;
    }
    return { ...value, reviewDueAt: converted.instant };
  });
export type ReviewSettingsInput = z.output<typeof reviewSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// Eligibility check

/** The states an application passes in the eligibility check, as the list filters them. */
export const eligibilityStates = ["submitted", "eligibilityCheck", "inReview", "ineligible"] as const;
export type EligibilityListState = (typeof eligibilityStates)[number];

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

/** The list's filters from its address; a value that does not fit is left out, so an old bookmark still opens. */
export const eligibilityQuerySchema = z.object({
  state: z.preprocess(emptyAsMissing, z.enum(eligibilityStates).optional()).catch(undefined),
  land: z.preprocess(emptyAsMissing, z.enum(bundeslaender).optional()).catch(undefined),
  checked: z.preprocess(emptyAsMissing, z.enum(["checked", "unchecked"]).optional()).catch(undefined),
});
export type EligibilityQuery = z.output<typeof eligibilityQuerySchema>;

export function parseEligibilityQuery(params: URLSearchParams): EligibilityQuery {
  return eligibilityQuerySchema.parse({ state: params.get("state") ?? undefined, land: params.get("land") ?? undefined, checked: params.get("checked") ?? undefined });
}

/** One selected application as its checkbox posts it: its id and the version the page showed, "id@version". */
export const selectedApplication = z
  .string()
  .regex(/^[\w-]{1,200}@\d{1,9}$/, "eligibility.error.noneSelected")
  .transform((value) => {
    const [applicationId, version] = value.split("@");
    return { applicationId: applicationId!, version: Number(version) };
  });

/** The ticked applications of a bulk form (one ticked box posts a single value). */
export const selectedApplications = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z.array(selectedApplication, { error: "eligibility.error.noneSelected" }).min(1, "eligibility.error.noneSelected").max(1000),
);

export const eligibilityDecisionSchema = z
  .object({
    selected: selectedApplications,
    decision: z.enum(["eligible", "ineligible"], { error: "error.choose" }),
    reason: z.string().trim().max(2000, "callSetup.error.tooLong").default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "ineligible" && value.reason === "") ctx.addIssue({ code: "custom", message: "eligibility.error.reasonRequired", path: ["reason"] });
  });
export type EligibilityDecisionInput = z.output<typeof eligibilityDecisionSchema>;

export const reviseEligibilitySchema = z.object({ selected: selectedApplication });

export const confirmedStepSchema = z.object(confirmation);
