import { z } from "zod";

/** The tables of a stage's export: each a CSV file of its own, and a sheet of the workbook. */
export const exportTableNames = ["ranking", "reviews", "jurors"] as const;
export type ExportTableName = (typeof exportTableNames)[number];

export const rankingBases = ["RAW", "STANDARDISED", "LENIENCY"] as const;

/** An export's address: which table (CSV only) and the ranking's basis (the stage's own when absent). */
export const exportQuerySchema = z.object({
  table: z.enum(exportTableNames).catch("ranking"),
  basis: z.enum(rankingBases).optional().catch(undefined),
});
