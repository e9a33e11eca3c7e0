import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { legalDirectory, legalPageSlugs, legalText } from "~/server/legal/legal-texts.server";
import { loader as impressumLoader } from "~/routes/impressum";
import { loader as privacyLoader } from "~/routes/datenschutz";
import { loader as accessibilityLoader } from "~/routes/barrierefreiheit";

const folder = mkdtempSync(path.join(tmpdir(), "legal-"));
const previous = { LEGAL_DIR: process.env.LEGAL_DIR, DATA_DIR: process.env.DATA_DIR };

function write(name: string, text: string | Buffer) {
  writeFileSync(path.join(folder, name), text);
}

function request(path: string, locale?: "de" | "en") {
  return new Request(`http://portal.test${path}`, locale ? { headers: { Cookie: `portal_lang=${locale}` } } : undefined);
}

beforeEach(() => {
  process.env.LEGAL_DIR = folder;
  for (const slug of legalPageSlugs) for (const locale of ["de", "en"]) rmSync(path.join(folder, `${slug}.${locale}.md`), { force: true });
});

afterAll(() => {
  process.env.LEGAL_DIR = previous.LEGAL_DIR;
  process.env.DATA_DIR = previous.DATA_DIR;
  if (previous.LEGAL_DIR === undefined) delete process.env.LEGAL_DIR;
  if (previous.DATA_DIR === undefined) delete process.env.DATA_DIR;
  rmSync(folder, { recursive: true, force: true });
});

describe("legal pages (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit)", () => {
  it("show a placeholder in the reader's language that says the operator must still provide the text, and how", async () => {
    for (const slug of legalPageSlugs) {
      const german = await legalText(slug, "de");
      expect(german.placeholder).toBe(true);
      expect(german.locale).toBe("de");
      expect(german.source).toMatch(/^# Platzhalter: Der Betreiber muss/);
      expect(german.source).toContain(`${slug}.de.md`);
      expect(german.source).toContain("LEGAL_DIR");
      const english = await legalText(slug, "en");
      expect(english.placeholder).toBe(true);
      expect(english.source).toMatch(/^# Placeholder: the operator has yet to provide/);
      expect(english.source).toContain(`${slug}.en.md`);
    }
  });

  it("show the operator's file at once, without a restart", async () => {
    expect((await legalText("impressum", "de")).placeholder).toBe(true);
    write("impressum.de.md", "# Anbieter\n\nStiftung Muster\nMusterweg 1");
    expect(await legalText("impressum", "de")).toEqual({ source: "# Anbieter\n\nStiftung Muster\nMusterweg 1", locale: "de", placeholder: false });
    write("impressum.de.md", "# Anbieterin\n\nStiftung Beispiel");
    expect((await legalText("impressum", "de")).source).toBe("# Anbieterin\n\nStiftung Beispiel");
  });

  it("show the other language's text when only that one exists, marked with its language", async () => {
    write("datenschutz.de.md", "# Verantwortliche Stelle\n\nStiftung Muster");
    expect(await legalText("datenschutz", "en")).toEqual({ source: "# Verantwortliche Stelle\n\nStiftung Muster", locale: "de", placeholder: false });
    write("datenschutz.en.md", "# Controller\n\nMuster Foundation");
    expect((await legalText("datenschutz", "en")).locale).toBe("en");
  });

  it("ignore an empty or far too large file and keep the placeholder", async () => {
    write("barrierefreiheit.de.md", "   \n");
    expect((await legalText("barrierefreiheit", "de")).placeholder).toBe(true);
    write("barrierefreiheit.de.md", Buffer.alloc(300 * 1024, "a"));
    expect((await legalText("barrierefreiheit", "de")).placeholder).toBe(true);
  });

  it("read from legal/ in the data folder when LEGAL_DIR is not set", () => {
    delete process.env.LEGAL_DIR;
    process.env.DATA_DIR = "/srv/portal-data";
    expect(legalDirectory()).toBe(path.join("/srv/portal-data", "legal"));
    process.env.LEGAL_DIR = folder;
    expect(legalDirectory()).toBe(folder);
  });

  it("are public routes that load the page in the reader's language", async () => {
    write("impressum.en.md", "# Provider\n\nMuster Foundation");
    const args = (path: string, locale?: "de" | "en") => ({ request: request(path, locale), params: {}, context: {} });
    expect(await impressumLoader(args("/impressum", "en"))).toEqual({ slug: "impressum", source: "# Provider\n\nMuster Foundation", locale: "en", placeholder: false });
    expect(await privacyLoader(args("/datenschutz"))).toMatchObject({ slug: "datenschutz", locale: "de", placeholder: true });
    expect(await accessibilityLoader(args("/barrierefreiheit", "en"))).toMatchObject({ slug: "barrierefreiheit", locale: "en", placeholder: true });
  });
});
