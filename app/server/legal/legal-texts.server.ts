import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "~/i18n";
import { dataDirectory } from "../db.server";
import { requestLocale } from "../web/locale.server";
import impressumDe from "./placeholders/impressum.de.md?raw";
import impressumEn from "./placeholders/impressum.en.md?raw";
import datenschutzDe from "./placeholders/datenschutz.de.md?raw";
import datenschutzEn from "./placeholders/datenschutz.en.md?raw";
import barrierefreiheitDe from "./placeholders/barrierefreiheit.de.md?raw";
import barrierefreiheitEn from "./placeholders/barrierefreiheit.en.md?raw";

export const legalPageSlugs = ["impressum", "datenschutz", "barrierefreiheit"] as const;
export type LegalPageSlug = (typeof legalPageSlugs)[number];

export interface LegalText {
  /** Markdown (the small subset MarkdownText shows). */
  source: string;
  /** The language the text is written in: the reader's, or the other one when only that exists. */
  locale: Locale;
  /** True while the operator has not provided the page: the placeholder says so. */
  placeholder: boolean;
}

const placeholders: Record<LegalPageSlug, Record<Locale, string>> = {
  impressum: { de: impressumDe, en: impressumEn },
  datenschutz: { de: datenschutzDe, en: datenschutzEn },
  barrierefreiheit: { de: barrierefreiheitDe, en: barrierefreiheitEn },
};

/** A legal text is a page or two; anything far larger is a wrong file, not a text to send. */
const MAX_TEXT_BYTES = 256 * 1024;

/** Where the operator keeps the texts: `LEGAL_DIR`, else `legal/` in the data folder. Read per call. */
export function legalDirectory(): string {
  return process.env.LEGAL_DIR || path.join(dataDirectory(), "legal");
}

async function readOperatorText(slug: LegalPageSlug, locale: Locale): Promise<string | null> {
  // The file name is built from two closed lists, never from the request, so no path can escape the folder.
  const file = path.join(legalDirectory(), `${slug}.${locale}.md`);
  try {
    const text = await readFile(file, "utf8");
    if (Buffer.byteLength(text) > MAX_TEXT_BYTES || text.trim() === "") return null;
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The operator's text for a legal page in the reader's language; the other language's text when only
 * that one exists (a German Impressum is better than none); else the placeholder, which says plainly
 * that the operator must still provide the page. Read on every request, so a changed file shows at once.
 */
export async function legalText(slug: LegalPageSlug, locale: Locale): Promise<LegalText> {
  const other: Locale = locale === "de" ? "en" : "de";
  const own = await readOperatorText(slug, locale);
  if (own !== null) return { source: own, locale, placeholder: false };
  const fallback = await readOperatorText(slug, other);
  if (fallback !== null) return { source: fallback, locale: other, placeholder: false };
  return { source: placeholders[slug][locale], locale, placeholder: true };
}

/** What a legal page's route loads: the text in the reader's language (or the other, or the placeholder). */
export async function loadLegalPage(request: Request, slug: LegalPageSlug): Promise<LegalText & { slug: LegalPageSlug }> {
  const text = await legalText(slug, await requestLocale(request));
  return { ...text, slug };
}
