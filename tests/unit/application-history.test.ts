import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditCalls, sourceFiles } from "../support/audit-source";
import { applicationMachine } from "@workflows/application.machine";
import { historySentence } from "../../app/components/application-history";
import type { HistoryEntry } from "../../app/forms/application-history";
import { translator, type Locale } from "../../app/i18n";

/**
 * Every action the code writes into an application's history: the string literals given as the action
 * of audit entries about an application (a conditional names each of its branches), and every event of
 * the application's state machine (the state changes record the event's type).
 */
function applicationActions(): string[] {
  const actions = new Set<string>(applicationMachine.root.events);
  for (const file of sourceFiles()) {
    for (const call of auditCalls(readFileSync(file, "utf8"))) {
      if (!/entityType:\s*"Application"/.test(call)) continue;
      const expression = /\baction:\s*([^,}]+)/.exec(call)?.[1] ?? "";
      for (const literal of expression.matchAll(/"([^"]+)"/g)) actions.add(literal[1]!);
    }
  }
  return [...actions].sort();
}

function entry(action: string, facts: Partial<HistoryEntry> = {}): HistoryEntry {
  return { id: "e1", at: "2026-10-25T10:30:00.000Z", actorName: "Clara", action, toState: null, versionNumber: null, until: null, reason: null, fileName: null, ...facts };
}

describe("the history in words", () => {
  const actions = applicationActions();

  it("finds the actions the code writes (the walk itself is checked)", () => {
    expect(actions).toEqual(expect.arrayContaining(["started", "fileUploaded", "fileDeleted", "EXTEND_DEADLINE", "CREATE_FROM_INVITATION", "SUBMIT", "MARK_INELIGIBLE", "RELEASE_DECISION"]));
  });

  it.each(["de", "en"] as const)("has a sentence of its own for every one of them in %s", (locale: Locale) => {
    const t = translator(locale);
    const general = historySentence(t, locale, entry("SOMETHING_LATER")).what;
    for (const action of actions) {
      const { what } = historySentence(t, locale, entry(action));
      expect(what, action).not.toBe(general);
      expect(what, action).not.toBe(action);
      // No internal names: no placeholders or message keys, nothing in UPPER_CASE or camelCase.
      expect(what, action).not.toMatch(/[{}]|history\.|[A-Z]+_[A-Z]|[a-z][A-Z]/);
    }
  });

  it("names the version submitted, the new deadline in Berlin time with the reason, and the file", () => {
    const de = translator("de");
    const en = translator("en");
    expect(historySentence(de, "de", entry("SUBMIT", { versionNumber: 2 })).what).toBe("Eingereicht (Fassung 2)");
    expect(historySentence(en, "en", entry("SUBMIT", { versionNumber: 2 })).what).toBe("Submitted (version 2)");
    expect(historySentence(de, "de", entry("SUBMIT")).what).toBe("Eingereicht");
    // 23:30 UTC on 31 October is already 1 November in Berlin (winter time, UTC+1).
    const extension = entry("EXTEND_DEADLINE", { until: "2026-10-31T23:30:00.000Z", reason: "Serverstörung" });
    expect(historySentence(de, "de", extension)).toEqual({ what: "Frist verlängert bis 1. November 2026 um 00:30", note: "Begründung: Serverstörung" });
    expect(historySentence(en, "en", extension)).toEqual({ what: "Deadline extended to 1 November 2026 at 00:30", note: "Reason: Serverstörung" });
    expect(historySentence(de, "de", entry("fileUploaded", { fileName: "Plan.pdf" })).what).toBe("Datei „Plan.pdf“ hochgeladen");
    expect(historySentence(en, "en", entry("fileDeleted", { fileName: "Plan.pdf" })).what).toBe("File “Plan.pdf” deleted");
    expect(historySentence(de, "de", entry("fileDeleted")).what).toBe("Datei gelöscht");
    expect(historySentence(de, "de", entry("started")).what).toBe("Antrag begonnen");
  });

  it("tells a step it does not know in general words, with the state it led to when there is one, never by its key", () => {
    const de = translator("de");
    expect(historySentence(de, "de", entry("SEND_TO_JURY", { toState: "inReview" })).what).toBe("Sonstige Änderung am Antrag, danach: In Begutachtung");
    expect(historySentence(de, "de", entry("SEND_TO_JURY", { toState: "somethingNew" })).what).toBe("Sonstige Änderung am Antrag");
    expect(historySentence(translator("en"), "en", entry("SEND_TO_JURY")).what).toBe("Other change to the application");
  });
});
