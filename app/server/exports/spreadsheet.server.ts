import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { neutralise, type Cell, type ColumnFormat, type ExportTable } from "./cells";

/**
 * The export's files. CSV: one table per file, comma-separated UTF-8 with a byte order mark (so
 * Excel reads the umlauts), numbers with a decimal point and times as ISO 8601, for other programs
 * to read; XLSX: one sheet per table for people, numbers as numbers with a format, the header row
 * bold and frozen. In both, text that a spreadsheet would run as a formula is neutralised.
 */

const csvCell = (value: Cell): string | number | null => {
  const safe = neutralise(value);
  return safe instanceof Date ? safe.toISOString() : safe;
};

export function toCsv(table: ExportTable): string {
  return stringify([table.columns.map((column) => csvCell(column.header)), ...table.rows.map((row) => row.map(csvCell))], { bom: true, record_delimiter: "windows" });
}

const numberFormats: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  integer: "0",
  decimal: "0.00",
  euro: '#,##0.00 "€"',
  date: "yyyy-mm-dd hh:mm",
};

/** Sheet names may not hold : \ / ? * [ ] and have at most 31 characters. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);

export async function toXlsx(tables: ExportTable[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({ width: Math.min(40, Math.max(10, column.header.length + 2)), style: numberFormats[column.format] ? { numFmt: numberFormats[column.format] } : {} }));
    const header = sheet.addRow(table.columns.map((column) => neutralise(column.header)));
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(neutralise));
  }
  // A copy of its own: the writer's buffer may be a view on a larger pool.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
