import { z } from "zod";
import { bundeslaender } from "./account-schemas";

// Messages are catalogue keys; the form shows them in the reader's language.

export const userRoles = ["APPLICANT", "JUROR", "MANAGER", "STATE_COORDINATOR", "ADMIN"] as const;
export const accountStatuses = ["active", "unconfirmed", "deactivated"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

const requiredText = (max: number) => z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "error.tooLong");

export const programmeSchema = z.object({
  name: requiredText(160),
  funder: requiredText(160),
  description: z.string().trim().max(4000, "error.tooLong").default(""),
});

/** Adding a manager to a programme, or taking one off it: the person is an account id. */
export const programmeManagerSchema = z.object({ userId: z.string({ error: "error.choose" }).trim().min(1, "error.choose") });

export const roleChangeSchema = z
  .object({
    role: z.enum(userRoles, { error: "error.choose" }),
    bundesland: z.enum(bundeslaender, { error: "error.choose" }).optional(),
  })
  .refine((value) => value.role !== "STATE_COORDINATOR" || value.bundesland !== undefined, { message: "error.choose", path: ["bundesland"] });

/** The search over accounts (a GET form): anything unknown is simply no filter. */
export const accountFilterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  role: z.enum(userRoles).optional().catch(undefined),
  status: z.enum(accountStatuses).optional().catch(undefined),
});
export type AccountFilter = z.output<typeof accountFilterSchema>;
