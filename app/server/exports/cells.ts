/**
 * The cells of an export, and what keeps a spreadsheet from running them: text that begins like a
 * formula (=, +, -, @) or with a tab or carriage return gets a leading apostrophe, so Excel and
 * LibreOffice show it as text. Numbers stay numbers (a negative offset is a number, not text).
 * Pure: the CSV and XLSX writers and their tests share it.
 */

export type Cell = string | number | Date | null;

export type ColumnFormat = "text" | "integer" | "decimal" | "euro" | "date";

export interface Column {
  header: string;
  format: ColumnFormat;
}

export interface ExportTable {
  /** The sheet's name (at most 31 characters, none of : \ / ? * [ ]) and the CSV file's name part. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

const formulaStart = /^[=+\-@\t\r]/;

export function neutralise(value: Cell): Cell {
  return typeof value === "string" && formulaStart.test(value) ? `'${value}` : value;
}
