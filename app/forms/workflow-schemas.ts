import { z } from "zod";

/**
 * The forms of state changes and confirmations. `confirmed` comes from the "Really …?" panel
 * (components/confirm-step.tsx); the server refuses an irreversible step without it.
 */
const confirmed = z
  .literal("1")
  .optional()
  .transform((value) => value === "1");

/** The version of the row the page showed: a stale page or a second click is refused, not repeated. */
const version = z.number({ error: "workflow.stale" }).int().min(0);

/** Added to the schema of a form whose step asks first. */
export const confirmation = { confirmed };

export const callStatusChangeSchema = z.object({ target: z.enum(["PUBLISHED", "CLOSED", "ARCHIVED"], { error: "error.choose" }), version, confirmed });

export const callReopenSchema = z.object({
  reason: z.string({ error: "error.required" }).trim().min(1, "error.required").max(2000, "callSetup.error.tooLong"),
  version,
});
