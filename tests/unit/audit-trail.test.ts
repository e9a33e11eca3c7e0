import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditCalls, sourceFiles } from "../support/audit-source";
import { applicationMachine } from "@workflows/application.machine";
import { callMachine } from "@workflows/call.machine";
import { reviewMachine } from "@workflows/review.machine";
import { stateChange, trailSentence } from "../../app/components/audit-trail";
import { kindOf, trailKindRules, trailKinds, type TrailEntry } from "../../app/forms/audit-trail";
import { translator, type Locale } from "../../app/i18n";

/** Constants the code names its entity or action by (the reminder's), read from the source. */
function constantsOf(sources: string[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const source of sources) for (const [, name, value] of source.matchAll(/export const (\w+) = "([^"]+)";/g)) constants.set(name!, value!);
  return constants;
}

/**
 * Every step the code writes that a trail shows, as [entity, action]: the literals of each audit
 * entry (a conditional names each branch; a template is expanded from what it is given), and every
 * event of the machines whose changes are recorded under their entity.
 */
function stepsInUse(): [string, string][] {
  const sources = sourceFiles().map((file) => readFileSync(file, "utf8"));
  const constants = constantsOf(sources);
  const steps = new Set<string>();
  const add = (entityType: string, action: string) => steps.add(`${entityType} ${action}`);
  for (const source of sources) {
    for (const call of auditCalls(source)) {
      const entity = /entityType:\s*(?:"([^"]+)"|(\w+))/.exec(call);
      const entityType = entity?.[1] ?? constants.get(entity?.[2] ?? "");
      if (!entityType) continue;
      const expression = /\baction:\s*([^,}]+)/.exec(call)?.[1] ?? "";
      for (const literal of expression.matchAll(/"([^"]+)"/g)) add(entityType, literal[1]!);
      const named = constants.get(expression.trim());
      if (named) add(entityType, named);
      // `conflict-${input.decision}ed`: the decisions a manager takes on a found conflict.
      if (expression.startsWith("`conflict-${input.decision")) for (const decision of ["confirm", "dismiss"]) add(entityType, `conflict-${decision}ed`);
    }
  }
  for (const event of applicationMachine.root.events) add("Application", event);
  for (const event of reviewMachine.root.events) add("Review", event);
  for (const event of callMachine.root.events) add("Call", event);
  const shown = new Set(Object.values(trailKindRules).flatMap((rules) => rules.map((rule) => rule.entityType)));
  return [...steps]
    .map((step) => step.split(" ") as [string, string])
    .filter(([entityType]) => shown.has(entityType))
    .sort();
}

function entry(entityType: string, action: string, facts: Partial<TrailEntry> = {}): TrailEntry {
  return {
    id: "e1",
    at: "2026-10-25T10:30:00.000Z",
    actorName: "Clara",
    kind: kindOf(entityType, action),
    entityType,
    action,
    fromState: null,
    toState: null,
    application: null,
    stageKind: null,
    history:
      entityType === "Application" ? { id: "e1", at: "2026-10-25T10:30:00.000Z", actorName: "Clara", action, toState: null, versionNumber: null, until: null, reason: null, fileName: null } : null,
    juror: "Julia Jung",
    previousJuror: "Jonas Jäger",
    reason: null,
    // Every figure a step may record, so a sentence that forgets one shows its placeholder.
    counts: { eligible: 3, ineligible: 1, created: 12, missing: 0, assignments: 12, jurors: 4, found: 2, updated: 0, cleared: 1, reviews: 2, assignmentsRemoved: 1 },
    mails: [],
    ...facts,
  };
}

describe("the audit trail in words", () => {
  const steps = stepsInUse();

  it("finds the steps the code writes (the walk itself is checked)", () => {
    const names = steps.map(([entityType, action]) => `${entityType}.${action}`);
    expect(names).toEqual(
      expect.arrayContaining(["Review.REOPEN", "Review.ABSTAIN", "ReviewAssignment.REASSIGN", "Conflict.conflict-confirmed", "CallStage.RELEASE_ELIGIBILITY", "JuryMembership.REVIEW_REMINDER", "Application.RELEASE_DECISION", "Call.PUBLISH"]),
    );
  });

  it("sorts every one of them into a kind a manager can filter by", () => {
    for (const [entityType, action] of steps) expect(kindOf(entityType, action), `${entityType}.${action}`).not.toBeNull();
    expect(kindOf("Application", "DECIDE_AWARD")).toBe("decisions");
    expect(kindOf("Application", "MARK_ELIGIBLE")).toBe("eligibility");
    expect(kindOf("Application", "SUBMIT")).toBe("submission");
    expect(kindOf("CallStage", "ASSIGNMENT_RUN")).toBe("jury");
    expect(kindOf("CallStage", "UPDATE_REVIEW_SETTINGS")).toBe("setup");
    expect(kindOf("User", "signed-up")).toBeNull();
    expect(new Set(steps.map(([entityType, action]) => kindOf(entityType, action)))).toEqual(new Set(trailKinds));
  });

  it.each(["de", "en"] as const)("has a sentence of its own for every one of them in %s", (locale: Locale) => {
    const t = translator(locale);
    const general = trailSentence(t, locale, entry("Review", "SOMETHING_LATER")).what;
    const generalApplication = trailSentence(t, locale, entry("Application", "SOMETHING_LATER")).what;
    for (const [entityType, action] of steps) {
      const { what } = trailSentence(t, locale, entry(entityType, action));
      expect(what, `${entityType}.${action}`).not.toBe(general);
      expect(what, `${entityType}.${action}`).not.toBe(generalApplication);
      // No internal names: no placeholders or message keys, nothing in UPPER_CASE or camelCase.
      expect(what, `${entityType}.${action}`).not.toMatch(/[{}]|trail\.|history\.|[A-Z]+_[A-Z]|[a-z][A-Z]/);
    }
  });

  it("names the juror, the figures and the reason; a step struck off by the portal says why in words", () => {
    const de = translator("de");
    expect(trailSentence(de, "de", entry("ReviewAssignment", "REASSIGN")).what).toBe("Gutachten von Jonas Jäger an Julia Jung übertragen");
    expect(trailSentence(de, "de", entry("CallStage", "ASSIGNMENTS_RELEASED", { counts: { assignments: 1, jurors: 1 } })).what).toBe("1 Zuteilung an 1 Jurymitglied freigegeben");
    expect(trailSentence(de, "de", entry("Review", "ABSTAIN", { reason: "Ich kenne die Koordinatorin" })).note).toBe("Begründung: Ich kenne die Koordinatorin");
    expect(trailSentence(de, "de", entry("ReviewAssignment", "assignment-removed", { reason: "conflict-declared" })).note).toBe("wegen einer erklärten Befangenheit");
    expect(trailSentence(de, "de", entry("ReviewAssignment", "assignment-removed", { reason: "something-later" })).note).toBeNull();
    expect(trailSentence(de, "de", entry("Review", "SUBMIT", { juror: null })).what).toBe("Gutachten von einem nicht mehr vorhandenen Konto abgeschickt");
  });

  it("tells the states a step moved between in words, and nothing for states without words", () => {
    const de = translator("de");
    expect(stateChange(de, { entityType: "Application", fromState: "eligibilityCheck", toState: "inReview" })).toBe("Stand: Formale Prüfung → In Begutachtung");
    expect(stateChange(de, { entityType: "Review", fromState: "inProgress", toState: "submitted" })).toBe("Stand: begonnen → abgegeben");
    expect(stateChange(de, { entityType: "Conflict", fromState: "SUSPECTED", toState: "CONFIRMED" })).toBeNull();
    expect(stateChange(de, { entityType: "Application", fromState: null, toState: "draft" })).toBeNull();
  });
});
