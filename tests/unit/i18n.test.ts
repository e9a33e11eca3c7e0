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
