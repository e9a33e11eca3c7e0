import { z } from "zod";
import { bundeslaender, localeSchema } from "./account-schemas";
import { confirmation } from "./workflow-schemas";

// Messages are catalogue keys; the forms show them in the reader's language.
// Row ids are cuids, or longer readable ids in the demo seed.
const id = z.string({ error: "error.required" }).min(1, "error.required").max(200, "error.required");
const areaName = z.string({ error: "error.required" }).trim().min(1, "error.required").max(80, "error.tooLong");
const reason = z.string().trim().max(2000, "error.tooLong").default("");
const requiredReason = z.string({ error: "reviewJury.error.reasonRequired" }).trim().min(1, "reviewJury.error.reasonRequired").max(2000, "error.tooLong");

export const addExpertiseSchema = z.object({ name: areaName });
export const renameExpertiseSchema = z.object({ areaId: id, name: areaName });
export const removeExpertiseSchema = z.object({ areaId: id, ...confirmation });

/** Several checkboxes of the same name arrive as a list, one as a string, none as nothing. */
const areaIds = z
  .union([id, z.array(id)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const applicationTopicsSchema = z.object({ areaIds });

export const addJurorSchema = z.object({ userId: z.string({ error: "reviewJury.jury.chooseJuror" }).min(1, "reviewJury.jury.chooseJuror") });
export const inviteJurorSchema = z.object({
  name: z.string({ error: "error.required" }).trim().min(1, "error.required").max(120, "error.tooLong"),
  email: z
    .string({ error: "error.required" })
    .trim()
    .max(254, "error.email")
    .pipe(z.email("error.email"))
    .transform((value) => value.toLowerCase()),
  locale: localeSchema,
});
export const maxLoadSchema = z.object({
  membershipId: id,
  /** Empty: the even share. */
  maxLoad: z.coerce.number({ error: "reviewJury.jury.maxLoadNumber" }).int("reviewJury.jury.maxLoadNumber").min(1, "reviewJury.jury.maxLoadNumber").max(500, "reviewJury.jury.maxLoadNumber").optional(),
});
export const removeJurorSchema = z.object({ membershipId: id, ...confirmation });

export const confirmConflictSchema = z.object({ conflictId: id, reason });
export const dismissConflictSchema = z.object({ conflictId: id, reason: requiredReason });

export const declareConflictSchema = z.object({ applicationId: id, reason: requiredReason });
export const withdrawDeclarationSchema = z.object({ applicationId: id });

export const preferenceLevels = ["EAGER", "WILLING", "RATHER_NOT"] as const;
/** One select per application, named `level.<applicationId>`; an empty one (no preference) does not arrive. */
export const preferencesSchema = z.object({ level: z.record(z.string(), z.enum(preferenceLevels, { error: "error.choose" })).default({}) });

const domainPattern = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The organisation's mail domains as typed: separated by commas, spaces or lines, an "@" in front
 * forgiven, lower-cased, each checked; a wrong one names itself in the message.
 */
const emailDomains = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const domains = [...new Set(value.split(/[\s,;]+/).map((domain) => domain.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))];
    const wrong = domains.filter((domain) => !domainPattern.test(domain));
    if (wrong.length > 0) ctx.addIssue({ code: "custom", message: "reviewJury.profile.domainInvalid" });
    if (domains.length > 10) ctx.addIssue({ code: "custom", message: "reviewJury.profile.tooManyDomains" });
    return domains;
  });

export const jurorProfileSchema = z.object({
  organisation: z.string().trim().max(200, "error.tooLong").default(""),
  emailDomains,
  bundesland: z.enum(bundeslaender, { error: "error.choose" }).optional(),
  areaIds,
});
