import { readdirSync } from "node:fs";
import path from "node:path";

/** Reading the app's source for what it writes into the audit log (tests that every step has words). */

export const appRoot = path.join(import.meta.dirname, "../../app");

/** Every TypeScript file below `folder`, the generated Prisma client aside. */
export function sourceFiles(folder: string = appRoot): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The text of each `recordAudit(...)` call in the source, brackets balanced. */
export function auditCalls(source: string): string[] {
  const calls: string[] = [];
  for (let start = source.indexOf("recordAudit("); start >= 0; start = source.indexOf("recordAudit(", start + 1)) {
    let depth = 0;
    let end = start + "recordAudit".length;
    do {
      if (source[end] === "(") depth += 1;
      if (source[end] === ")") depth -= 1;
      end += 1;
    } while (depth > 0 && end < source.length);
    calls.push(source.slice(start, end));
  }
  return calls;
}
