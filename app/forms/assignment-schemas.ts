import { z } from "zod";
import { confirmation } from "./workflow-schemas";

/** The assignment page's forms: ids travel as hidden fields; a tampered one is simply not found. */
const id = z.string({ error: "error.required" }).trim().min(1, "error.required").max(100, "error.required");

export const runAssignmentSchema = z.object({});
export const assignCellSchema = z.object({ applicationId: id, jurorId: id });
export const unassignCellSchema = z.object({
  assignmentId: id,
  ...confirmation,
});
export const releaseAssignmentsSchema = z.object({ ...confirmation });

/** `?page=` of the matrix: a page number from 1, anything else the first page. */
export function matrixPageOf(url: URL): number {
  const page = Number(url.searchParams.get("page"));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** One cell of the assignment matrix (application × juror), as the server reads it and the page shows it. */
export type MatrixCell =
  | { kind: "conflict" }
  /** `inConflict`: a conflict appeared after the assignment; it no longer counts and is best removed. */
  | { kind: "assigned"; assignmentId: string; reviewState: string; released: boolean; inConflict: boolean }
  | { kind: "open"; preference: "EAGER" | "WILLING" | "RATHER_NOT" | null };
