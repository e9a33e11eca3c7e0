import { describe, expect, it } from "vitest";
import { de } from "../../app/i18n/de";
import { en } from "../../app/i18n/en";
import { formatDateTime, formatEuros, translator } from "../../app/i18n";

describe("message catalogues", () => {
  it("English has exactly the German keys, none of them empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [key, german] of Object.entries(de)) {
      const english = en[key as keyof typeof de];
      expect(english.trim(), key).not.toBe("");
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((match) => match[1]).sort();
      expect(placeholders(english), key).toEqual(placeholders(german));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("de");
    expect(t("error.rateLimited", { minutes: 15 })).toBe("Zu viele Versuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.");
    expect(t("calls.round")).toBe("Runde {round}");
    expect(translator("en")("calls.round", { round: 3 })).toBe("Round 3");
  });

  it("chooses the words for a count by each language's plural rules", () => {
    const de = translator("de");
    const en = translator("en");
    expect(de("applications.list.missingCount", { count: 1 })).toBe("1 Punkt fehlt");
    expect(de("applications.list.missingCount", { count: 0 })).toBe("0 Punkte fehlen");
    expect(de("callSetup.applicationsOf", { count: 1200, title: "MINT-Cluster" })).toBe("1.200 Anträge zu MINT-Cluster");
    expect(de("formPreview.fileLimits", { kinds: "PDF", size: 10, count: 1 })).toBe("Erlaubt: PDF; je Datei höchstens 10 MB; höchstens 1 Datei.");
    expect(en("applications.submitBlocked", { count: 1 })).toBe("You can submit once the checklist is empty (1 item still open).");
    expect(en("admin.userCount", { count: 2 })).toBe("2 accounts");
    // Limits, sizes of forms and waiting times: one of a thing in the singular, numbers formatted for the language.
    expect(de("files.limits", { kinds: "PDF", maxMb: 10, maxFiles: 1 })).toBe("PDF, höchstens 10 MB, eine Datei");
    expect(de("files.limits", { kinds: "PDF", maxMb: 10, maxFiles: 3 })).toBe("PDF, höchstens 10 MB, bis zu 3 Dateien");
    expect(en("files.limits", { kinds: "PDF", maxMb: 10, maxFiles: 1 })).toBe("PDF, at most 10 MB, one file");
    expect(de("files.error.tooMany", { maxFiles: 1 })).toBe("Für dieses Feld ist höchstens 1 Datei erlaubt. Löschen Sie zuerst eine Datei.");
    expect(en("files.error.tooMany", { maxFiles: 2 })).toBe("This field takes at most 2 files. Please delete a file first.");
    expect(de("applications.problem.tooManyFiles", { max: 1 })).toBe("zu viele Dateien (höchstens 1 Datei)");
    expect(de("applications.error.tooManyRows", { max: 1 })).toBe("Höchstens 1 Zeile.");
    expect(en("applications.error.tooManyRows", { max: 100 })).toBe("At most 100 rows.");
    expect(de("callSetup.overview.formSummary", { fields: 1, version: 3 })).toBe("1 Feld, Version 3");
    expect(en("callSetup.overview.rubricSummary", { criteria: 1, sum: 100 })).toBe("1 criterion, weights adding up to 100 %");
    expect(de("rubric.scaleText", { min: 0, max: 1 })).toBe("Von 0 bis 1 Punkt.");
    expect(en("applications.field.remaining", { count: 1, max: 1 })).toBe("1 of 1 character left");
    expect(de("applications.field.remaining", { count: 99_500, max: 100_000 })).toBe("noch 99.500 von 100.000 Zeichen");
    expect(de("applications.preview.type.longText", { max: 100_000 })).toBe("Langer Text, höchstens 100.000 Zeichen");
    expect(en("applications.problem.tooLong", { max: 1 })).toBe("too long (at most 1 character)");
    expect(de("error.rateLimited", { minutes: 1 })).toBe("Zu viele Versuche. Bitte warten Sie 1 Minute und versuchen Sie es dann erneut.");
    expect(en("error.rateLimited", { minutes: 1 })).toBe("Too many attempts. Please wait 1 minute and try again.");
    // A count that is missing stays visible rather than turning into a wrong word.
    expect(de("admin.userCount")).toBe("{count, plural, one {# Konto} other {# Konten}}");
  });
});

describe("formats", () => {
  it("shows instants in Europe/Berlin, in summer and winter time", () => {
    expect(formatDateTime("de", new Date("2026-07-01T10:00:00Z"))).toBe("1. Juli 2026 um 12:00");
    expect(formatDateTime("de", new Date("2026-12-01T11:00:00Z"))).toBe("1. Dezember 2026 um 12:00");
    expect(formatDateTime("en", new Date("2026-03-29T00:30:00Z"))).toBe("29 March 2026 at 01:30");
    expect(formatDateTime("en", new Date("2026-03-29T01:30:00Z"))).toBe("29 March 2026 at 03:30");
  });

  it("shows money from integer cents", () => {
    expect(formatEuros("de", 50_000_000)).toBe("500.000\u00a0€");
    expect(formatEuros("en", 100_000_000n)).toBe("€1,000,000");
    // Amounts with cents show them to the cent, so that a budget's lines add up to its sum on screen.
    expect(formatEuros("de", 123_450)).toBe("1.234,50\u00a0€");
    expect(formatEuros("en", 5)).toBe("€0.05");
  });
});
