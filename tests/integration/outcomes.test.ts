import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import type { OutcomeMailKind } from "../../app/generated/prisma/enums";
import { changeApplicationState } from "../../app/server/applications/workflow.server";
import { applicationForPage, applicationsOfMember } from "../../app/server/applications/applications.server";
import { landOverview } from "../../app/server/networks/networks.server";
import { decideEligibility, releaseEligibilityResults, startEligibilityCheck } from "../../app/server/review/eligibility.server";
import { loadOutcomeTemplates, saveOutcomeTemplate } from "../../app/server/outcomes/outcome-templates.server";
import { composeOutcomeMail, defaultOutcomeTemplate, type OutcomeFacts } from "../../app/server/outcomes/outcome-mail.server";
import { loadRelease, releaseDecisions } from "../../app/server/outcomes/release.server";
import { releasedOutcomesOf } from "../../app/server/outcomes/network-outcome.server";
import { fullProposalIdOf } from "../../app/server/decisions/full-proposal.server";
import { outcomeMailKinds, unknownPlaceholders } from "../../app/forms/outcome-mails";
import * as templatesRoute from "../../app/routes/manager.calls.$callId.outcome-mails";
import * as releaseRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.release";
import * as awardRoute from "../../app/routes/applications.$applicationId_.award";
import { createPerson } from "../support/accounts";
import { addMember, CLOSES, createCall, createNetwork } from "../support/application-fixtures";
import { getAs, notFoundFrom, postAs, refusal } from "../support/call-forms";
import { answerOf } from "../support/route-calls";
import { coordinatorsOf, decide, decidedWorld, DECIDING } from "../support/decision-fixtures";

const baseUrl = "http://portal.test";
const RELEASING = new Date("2026-12-02T09:00:00Z");

let otherManager: CurrentUser;

beforeAll(async () => {
  otherManager = await createPerson("MANAGER");
  await prisma.programme.create({ data: { slug: `outcomes-other-${Date.now()}`, name: "Anderes", funder: "Stiftung", managers: { create: { userId: otherManager.id } } } });
});

const versionOf = async (id: string) => (await prisma.application.findUniqueOrThrow({ where: { id } })).version;
const selection = async (...ids: string[]) => Promise.all(ids.map(async (applicationId) => ({ applicationId, version: await versionOf(applicationId) })));

describe("outcome mail templates", () => {
  const facts = (kind: OutcomeMailKind): OutcomeFacts => ({
    kind,
    network: "MINT-Region Freiburg",
    call: "MINT-Cluster 4",
    link: `${baseUrl}/applications/x`,
    amountCents: 50_000_000n,
    supportDescription: "Zwei Jahre Beratung",
    acceptBy: RELEASING,
    conditions: ["Finanzplan konkretisieren"],
    deadline: CLOSES,
    feedback: "Gute Arbeit",
    juryComments: [
      { letter: "A", comment: "Überzeugend" },
      { letter: "C", comment: "Solide" },
    ],
    reasons: "Vertrag fehlt",
  });

  const defaults = (kind: OutcomeMailKind) => ({ de: defaultOutcomeTemplate(kind, "de"), en: defaultOutcomeTemplate(kind, "en") });
  const mailTo = (locale: "de" | "en", kind: OutcomeMailKind, changes: Partial<OutcomeFacts> = {}) =>
    composeOutcomeMail(defaults(kind), { ...facts(kind), ...changes }, { name: "Clara", email: "c@example.test", locale });

  it("has defaults in both languages that know all their placeholders and leave none behind", async () => {
    for (const kind of outcomeMailKinds) {
      for (const locale of ["de", "en"] as const) {
        const template = defaultOutcomeTemplate(kind, locale);
        expect(unknownPlaceholders(kind, `${template.subject}\n${template.body}`), `${kind} ${locale}`).toEqual([]);
        const mail = await mailTo(locale, kind);
        expect(`${mail.subject}${mail.text}${mail.html}`, `${kind} ${locale}`).not.toMatch(/\{\{|\}\}/);
        expect(mail.text).toContain("Clara");
        expect(mail.text).toContain("MINT-Region Freiburg");
        expect(mail.template).toBe("outcome");
      }
    }
    const award = await mailTo("de", "AWARD");
    expect(award.text).toContain("500.000\u00a0€");
    expect(award.text).toContain("bis zum 2. Dezember 2026");
    expect(award.text).toContain("Förderung annehmen");
    expect(award.text).toContain("Jury A: Überzeugend");
    expect(award.text).toContain("Jury C: Solide");
    const english = await mailTo("en", "AWARD");
    expect(english.text).toContain("€500,000");
    expect(english.text).toContain("by 2 December 2026");
  });

  it("leaves out a paragraph whose placeholders are all empty", async () => {
    const bare = await mailTo("de", "INVITATION", { conditions: [], feedback: "", juryComments: [] });
    expect(bare.text).not.toContain("Auflagen");
    expect(bare.text).not.toContain("Stimmen aus der Jury");
    const full = await mailTo("de", "INVITATION");
    expect(full.text).toContain("Bitte gehen Sie im Vollantrag auf diese Auflagen ein:\n1. Finanzplan konkretisieren");
  });

  it("saves a template through the page, refuses an unknown placeholder by name keeping the text, and resets only when confirmed", async () => {
    const { callId, manager } = await createCall();
    const path = `/manager/calls/${callId}/outcome-mails`;
    const params = { callId };
    const typed = { intent: "save", kind: "REJECTION", locale: "de", subject: "Ihr Ergebnis", body: "Hallo {{name}}, leider {{betrag}} und {{amount}}." };
    const bad = await answerOf(templatesRoute.action, await postAs(manager, path, typed), { params });
    expect(bad.status).toBe(400);
    const reply = bad.data as { formId: string; result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(reply.formId).toBe("template-de");
    expect(reply.result.error.body![0]).toContain("{{betrag}}, {{amount}}");
    expect(reply.result.error.body![0]).toContain("kennt diese Mail nicht");
    expect(reply.result.initialValue).toMatchObject({ subject: "Ihr Ergebnis", body: typed.body });
    expect(await prisma.outcomeMailTemplate.count({ where: { callId } })).toBe(0);

    const saved = await answerOf(templatesRoute.action, await postAs(manager, path, { ...typed, body: "Hallo {{name}},\n\nleider nein.\n\n{{feedback}}" }), { params });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${path}?kind=REJECTION&saved=de`);
    const page = await loadOutcomeTemplates(manager, callId, "REJECTION");
    const german = page.templates.find((template) => template.locale === "de")!;
    expect(german).toMatchObject({ subject: "Ihr Ergebnis", body: "Hallo {{name}},\n\nleider nein.\n\n{{feedback}}" });
    expect(german.edited).not.toBeNull();
    expect(german.preview.text).toContain("Hallo Clara Beispiel,");
    expect(page.templates.find((template) => template.locale === "en")).toMatchObject({ edited: null, subject: defaultOutcomeTemplate("REJECTION", "en").subject });
    expect(page.kinds.find((kind) => kind.kind === "REJECTION")).toEqual({ kind: "REJECTION", edited: 1 });

    const unconfirmed = await answerOf(templatesRoute.action, await postAs(manager, path, { intent: "reset", kind: "REJECTION", locale: "de" }), { params });
    expect(unconfirmed.status).toBe(400);
    expect(await prisma.outcomeMailTemplate.count({ where: { callId } })).toBe(1);
    const reset = await answerOf(templatesRoute.action, await postAs(manager, path, { intent: "reset", kind: "REJECTION", locale: "de", confirmed: "1" }), { params });
    expect(reset.status).toBe(302);
    expect(await prisma.outcomeMailTemplate.count({ where: { callId } })).toBe(0);
    expect((await loadOutcomeTemplates(manager, callId, "REJECTION")).templates[0]).toMatchObject({ edited: null, subject: defaultOutcomeTemplate("REJECTION", "de").subject });
  });

  it("is refused to jurors and networks (403) and to another programme's manager (404)", async () => {
    const { callId, manager } = await createCall();
    const network = await createNetwork();
    const path = `/manager/calls/${callId}/outcome-mails`;
    for (const person of [await createPerson("JUROR"), network.coordinator]) {
      expect((await answerOf(templatesRoute.loader, await getAs(person, path), { params: { callId } })).status).toBe(403);
      expect((await answerOf(templatesRoute.action, await postAs(person, path, { intent: "save", kind: "AWARD", locale: "de", subject: "x", body: "y" }), { params: { callId } })).status).toBe(403);
    }
    expect((await answerOf(templatesRoute.loader, await getAs(otherManager, path), { params: { callId } })).status).toBe(404);
    await notFoundFrom(saveOutcomeTemplate(otherManager, { callId, kind: "AWARD", locale: "de" }, { subject: "x", body: "y" }));
    expect(await prisma.outcomeMailTemplate.count({ where: { callId } })).toBe(0);
    expect(manager.role).toBe("MANAGER");
  });
});

describe("releasing decisions", () => {
  it("lists the decided applications by outcome and previews exactly the mails the release queues", async () => {
    const { world, ref, funded, rejected } = await decidedWorld();
    await saveOutcomeTemplate(world.manager, { callId: ref.callId, kind: "REJECTION", locale: "de" }, { subject: "Absage {{call}}", body: "Guten Tag {{name}},\n\nleider nicht.\n\n{{feedback}}" });
    const empty = await loadRelease(world.manager, ref, [], { baseUrl, now: RELEASING });
    expect(empty).toMatchObject({ total: 2, released: 0, preview: [], mailCount: 0 });
    expect(empty.groups.map((group) => [group.kind, group.applications.map((row) => row.id)])).toEqual([
      ["AWARD", [funded]],
      ["REJECTION", [rejected]],
    ]);

    const chosen = await selection(funded, rejected);
    const page = await loadRelease(world.manager, ref, chosen, { baseUrl, now: RELEASING });
    expect(page.mailCount).toBe(3);
    const awardMails = page.preview.find((row) => row.applicationId === funded)!.mails;
    expect(awardMails.map((mail) => mail.locale).sort()).toEqual(["de", "en"]);
    const german = awardMails.find((mail) => mail.locale === "de")!;
    expect(german.subject).toBe(`Förderzusage: ${(await prisma.call.findUniqueOrThrow({ where: { id: ref.callId } })).title}`);
    expect(german.text).toContain("500.000\u00a0€");
    expect(german.text).toContain("Ein starkes Konzept für die Region.");
    expect(german.text).toContain("Jury A: Gesamteindruck von Juror K");
    expect(german.text).toContain("Jury B: Gesamteindruck von Juror L");
    expect(german.text).not.toContain("Platz 1 der Rangliste");
    // 2 December + 21 days, to the end of that Berlin day.
    expect(german.text).toContain("bis zum 23. Dezember 2026");
    for (const juror of world.jurors) expect(JSON.stringify(page.preview)).not.toContain(juror.name + ",");
    expect(JSON.stringify(page.preview)).not.toContain("INTERN: zu teuer");
    expect(page.preview.find((row) => row.applicationId === rejected)!.mails[0]!.subject).toMatch(/^Absage /);

    expect((await refusal(releaseDecisions(world.manager, { ...ref, selected: chosen, confirmed: false }, { baseUrl, now: RELEASING }))).messageKey).toBe("confirm.error.required");
    const report = await releaseDecisions(world.manager, { ...ref, selected: chosen, confirmed: true }, { baseUrl, now: RELEASING });
    expect(report).toEqual({ released: 2, mails: 3, alreadyReleased: [], failures: [] });
    const queued = await prisma.outboxEmail.findMany({ where: { template: "outcome", createdAt: RELEASING } });
    expect(queued).toHaveLength(3);
    for (const row of page.preview) {
      for (const mail of row.mails) {
        const sent = queued.find((candidate) => candidate.toEmail === mail.email)!;
        expect({ subject: sent.subject, text: sent.text, locale: sent.locale }).toEqual({ subject: mail.subject, text: mail.text, locale: mail.locale });
      }
    }
    expect(await prisma.application.findUniqueOrThrow({ where: { id: funded } })).toMatchObject({ state: "approved" });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: rejected } })).toMatchObject({ state: "rejected" });
    const decision = await prisma.decision.findFirstOrThrow({ where: { applicationId: funded, supersededAt: null } });
    expect(decision).toMatchObject({ releasedAt: RELEASING, releasedById: world.manager.id, acceptBy: new Date("2026-12-23T22:59:00Z") });
    expect((await prisma.decision.findFirstOrThrow({ where: { applicationId: rejected } })).acceptBy).toBeNull();
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: funded, action: "RELEASE_DECISION" } })).toMatchObject({ fromState: "awardDecided", toState: "approved", data: { decisionId: decision.id } });
    expect(await loadRelease(world.manager, ref, [], { baseUrl, now: RELEASING })).toMatchObject({ total: 0, released: 2 });
  });

  it("sends every mail once when the same selection is released twice in a row", async () => {
    const { world, ref, funded, rejected } = await decidedWorld();
    const chosen = await selection(funded, rejected);
    expect(await releaseDecisions(world.manager, { ...ref, selected: chosen, confirmed: true }, { baseUrl, now: RELEASING })).toMatchObject({ released: 2, mails: 3 });
    const again = await releaseDecisions(world.manager, { ...ref, selected: chosen, confirmed: true }, { baseUrl, now: RELEASING });
    expect(again.released).toBe(0);
    expect(again.mails).toBe(0);
    expect(again.failures).toEqual([]);
    expect(again.alreadyReleased.sort()).toEqual(world.applications.map((application) => application.network).sort());
    expect(await prisma.outboxEmail.count({ where: { template: "outcome", toEmail: { in: (await Promise.all([funded, rejected].map(coordinatorsOf))).flat().map((person) => person.email) } } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { entityId: { in: [funded, rejected] }, action: "RELEASE_DECISION" } })).toBe(2);
  });

  it("sends every mail once when two processes release the same selection at the same moment", async () => {
    const { world, ref, funded, rejected } = await decidedWorld();
    const chosen = await selection(funded, rejected);
    const reports = await Promise.all([0, 1].map(() => releaseDecisions(world.manager, { ...ref, selected: chosen, confirmed: true }, { baseUrl, now: RELEASING })));
    expect(reports.reduce((sum, report) => sum + report.released, 0)).toBe(2);
    expect(reports.reduce((sum, report) => sum + report.alreadyReleased.length, 0)).toBe(2);
    expect(reports.flatMap((report) => report.failures)).toEqual([]);
    const recipients = (await Promise.all([funded, rejected].map(coordinatorsOf))).flat();
    for (const person of recipients) expect(await prisma.outboxEmail.count({ where: { template: "outcome", toEmail: person.email } }), person.email).toBe(1);
  });

  it("answers a second click at the page as already released, not as an error", async () => {
    const { world, ref, funded } = await decidedWorld();
    const path = `/manager/calls/${ref.callId}/stages/${ref.stageId}/release`;
    const params = { ...ref };
    const fields = { intent: "release", selected: `${funded}@${await versionOf(funded)}`, confirmed: "release" };
    const first = await answerOf(releaseRoute.action, await postAs(world.manager, path, fields), { params });
    expect(first).toMatchObject({ status: 200, data: { formId: "release", report: { released: 1, mails: 2 } } });
    const second = await answerOf(releaseRoute.action, await postAs(world.manager, path, fields), { params });
    expect(second).toMatchObject({ status: 200, data: { formId: "release", report: { released: 0, mails: 0, alreadyReleased: [world.applications[0]!.network], failures: [] } } });
    const unticked = await answerOf(releaseRoute.action, await postAs(world.manager, path, { intent: "release", confirmed: "release" }), { params });
    expect(unticked.status).toBe(400);
  });

  it("names a changed decision as refused and releases the rest", async () => {
    const { world, ref, funded, rejected } = await decidedWorld();
    const stale = [{ applicationId: funded, version: (await versionOf(funded)) - 1 }, ...(await selection(rejected))];
    const report = await releaseDecisions(world.manager, { ...ref, selected: stale, confirmed: true }, { baseUrl, now: RELEASING });
    expect(report).toEqual({ released: 1, mails: 1, alreadyReleased: [], failures: [{ network: world.applications[0]!.network, messageKey: "workflow.stale" }] });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: funded } })).state).toBe("awardDecided");
  });

  it("is refused to jurors and networks (403) and to another programme's manager (404), page, preview and release", async () => {
    const { world, ref, funded } = await decidedWorld();
    const path = `/manager/calls/${ref.callId}/stages/${ref.stageId}/release`;
    const [coordinator] = await coordinatorsOf(funded);
    for (const person of [world.jurors[0]!, coordinator!]) {
      expect((await answerOf(releaseRoute.loader, await getAs(person, `${path}?selected=${funded}@1`), { params: ref })).status).toBe(403);
      expect((await answerOf(releaseRoute.action, await postAs(person, path, { intent: "release", selected: `${funded}@1`, confirmed: "release" }), { params: ref })).status).toBe(403);
    }
    expect((await answerOf(releaseRoute.loader, await getAs(otherManager, path), { params: ref })).status).toBe(404);
    await notFoundFrom(loadRelease(otherManager, ref, await selection(funded), { baseUrl }));
    await notFoundFrom(releaseDecisions(otherManager, { ...ref, selected: await selection(funded), confirmed: true }, { baseUrl }));
    expect((await prisma.application.findUniqueOrThrow({ where: { id: funded } })).state).toBe("awardDecided");
    expect(await prisma.outboxEmail.count({ where: { template: "outcome", toEmail: coordinator!.email } })).toBe(0);
  });
});

describe("what the network sees", () => {
  it("sees nothing of a decision before its release, then the outcome, feedback and jury comments, never a juror's name or the internal reason", async () => {
    const { world, ref, funded, rejected } = await decidedWorld();
    const [coordinator] = await coordinatorsOf(funded);
    const stateCoordinator = await createPerson("STATE_COORDINATOR");
    await prisma.applicationShare.create({ data: { applicationId: funded, sharedWithUserId: stateCoordinator.id } });

    const before = await applicationForPage(coordinator!, funded);
    expect(before.application.state).toBe("inReview");
    expect(before.history.map((entry) => entry.action)).not.toContain("DECIDE_AWARD");
    expect(JSON.stringify(before)).not.toContain("Ein starkes Konzept");
    expect((await applicationsOfMember(coordinator!)).find((row) => row.id === funded)!.state).toBe("inReview");
    expect((await landOverview(stateCoordinator)).shared.find((row) => row.id === funded)!.state).toBe("inReview");
    expect((await releasedOutcomesOf(coordinator!, [funded])).size).toBe(0);
    expect((await applicationForPage(world.manager, funded)).application.state).toBe("awardDecided");

    await releaseDecisions(world.manager, { ...ref, selected: await selection(funded), confirmed: true }, { baseUrl, now: RELEASING });
    const after = await applicationForPage(coordinator!, funded);
    expect(after.application.state).toBe("approved");
    expect(after.history.map((entry) => entry.action)).toContain("RELEASE_DECISION");
    expect(after.history.map((entry) => entry.action)).not.toContain("DECIDE_AWARD");
    expect((await landOverview(stateCoordinator)).shared.find((row) => row.id === funded)!.state).toBe("approved");
    const outcome = (await releasedOutcomesOf(coordinator!, [funded, rejected], RELEASING)).get(funded)!;
    expect(outcome).toMatchObject({
      kind: "AWARD",
      state: "approved",
      amountCents: "50000000",
      feedback: "Ein starkes Konzept für die Region.",
      juryComments: [
        { letter: "A", comment: "Gesamteindruck von Juror K" },
        { letter: "B", comment: "Gesamteindruck von Juror L" },
      ],
      canRespond: true,
      acceptBy: new Date("2026-12-23T22:59:00Z"),
    });
    expect(JSON.stringify(outcome)).not.toContain("Platz 1 der Rangliste");
    expect((await releasedOutcomesOf(stateCoordinator, [funded], RELEASING)).get(funded)!.canRespond).toBe(false);
    // The rejected application is still unreleased.
    const [rejectedCoordinator] = await coordinatorsOf(rejected);
    expect((await applicationForPage(rejectedCoordinator!, rejected)).application.state).toBe("inReview");
  });

  it("keeps a waiting-list place in view while a new decision on it is unreleased", async () => {
    const { world, ref, rejected } = await decidedWorld();
    await changeApplicationState({ applicationId: rejected, where: {}, event: { type: "WITHDRAW_DECISION" }, actorId: world.manager.id, now: DECIDING });
    await prisma.decision.updateMany({ where: { applicationId: rejected }, data: { supersededAt: DECIDING } });
    await decide(world.manager, rejected, { outcome: "WAITLISTED", feedback: "Knapp dahinter." });
    await releaseDecisions(world.manager, { ...ref, selected: await selection(rejected), confirmed: true }, { baseUrl, now: RELEASING });
    const [coordinator] = await coordinatorsOf(rejected);
    expect((await applicationForPage(coordinator!, rejected)).application.state).toBe("waitlisted");
    await prisma.decision.updateMany({ where: { applicationId: rejected, supersededAt: null }, data: { supersededAt: RELEASING } });
    await changeApplicationState({
      applicationId: rejected,
      where: {},
      event: { type: "DECIDE_AWARD", isOutline: false },
      actorId: world.manager.id,
      now: RELEASING,
      alsoInTransaction: async (tx) => {
        await tx.decision.create({ data: { applicationId: rejected, outcome: "FUNDED", amountCents: 10_000_000n, rankingBasis: "RAW", decidedById: world.manager.id } });
      },
    });
    const page = await applicationForPage(coordinator!, rejected);
    expect(page.application.state).toBe("waitlisted");
    expect(page.history.map((entry) => entry.action)).not.toContain("DECIDE_AWARD");
    expect((await releasedOutcomesOf(coordinator!, [rejected])).size).toBe(0);
  });

  it("lets a coordinator accept the award through the page's form, once, and shows the answer", async () => {
    const { world, ref, funded } = await decidedWorld();
    await releaseDecisions(world.manager, { ...ref, selected: await selection(funded), confirmed: true }, { baseUrl });
    const [coordinator] = await coordinatorsOf(funded);
    const path = `/applications/${funded}/award`;
    const params = { applicationId: funded };
    const version = String(await versionOf(funded));
    const unconfirmed = await answerOf(awardRoute.action, await postAs(coordinator!, path, { intent: "ACCEPTED", version }), { params });
    expect(unconfirmed.status).toBe(400);
    const collaborator = await prisma.networkMembership.findFirstOrThrow({ where: { network: { applications: { some: { id: funded } } }, role: "COLLABORATOR" }, select: { user: true } });
    const asCollaborator = await answerOf(awardRoute.action, await postAs({ ...coordinator!, id: collaborator.user.id }, path, { intent: "ACCEPTED", version, confirmed: "ACCEPTED" }), { params });
    expect(asCollaborator.status).toBe(404);
    const accepted = await answerOf(awardRoute.action, await postAs(coordinator!, path, { intent: "ACCEPTED", version, confirmed: "ACCEPTED" }), { params });
    expect(accepted).toMatchObject({ status: 302 });
    expect(accepted.headers.get("Location")).toBe(`/applications/${funded}`);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: funded } })).state).toBe("awardAccepted");
    const outcome = (await releasedOutcomesOf(coordinator!, [funded])).get(funded)!;
    expect(outcome).toMatchObject({ state: "awardAccepted", response: "ACCEPTED", canRespond: false });
    const again = await answerOf(awardRoute.action, await postAs(coordinator!, path, { intent: "DECLINED", version, confirmed: "DECLINED" }), { params });
    expect(again.status).toBe(400);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: funded } })).state).toBe("awardAccepted");
  });
});

describe("releasing an invitation to the full proposal", () => {
  /** An outline stage with a decided invitation; the network has a German and an English coordinator. */
  async function invitedOutline() {
    const call = await createCall({ stages: [{ kind: "OUTLINE" }, { kind: "FULL_PROPOSAL", opensAt: new Date("2026-12-10T08:00:00Z"), closesAt: new Date("2027-02-15T11:00:00Z") }] });
    const network = await createNetwork();
    const english = await addMember(network.networkId, "COORDINATOR");
    await prisma.user.update({ where: { id: english.id }, data: { locale: "en" } });
    const outline = await prisma.application.create({
      data: {
        callId: call.callId,
        stageId: call.stageIds[0]!,
        networkId: network.networkId,
        createdById: network.coordinator.id,
        title: "Cluster Nord",
        answers: { eligibility: {}, fields: { projectTitle: "Cluster Nord", pupils: 120 } },
        state: "inReview",
        snapshot: { value: "inReview", context: { submissions: 1, ineligibleReason: null } },
        version: 4,
      },
    });
    return { ...call, ...network, english, outlineId: outline.id, ref: { callId: call.callId, stageId: call.stageIds[0]! } };
  }

  it("creates the full proposal pre-filled with the conditions and mails its link to every coordinator", async () => {
    const world = await invitedOutline();
    const conditions = ["Bitte konkretisieren Sie den Finanzplan.", "Bitte benennen Sie die beteiligten Schulen."];
    await decide(world.manager, world.outlineId, { outcome: "INVITED_TO_NEXT_STAGE", conditions, feedback: "Weiter so." });
    const preview = await loadRelease(world.manager, world.ref, await selection(world.outlineId), { baseUrl, now: RELEASING });
    const fullId = fullProposalIdOf(world.outlineId);
    expect(preview.preview[0]!.mails.every((mail) => mail.text.includes(`${baseUrl}/applications/${fullId}`))).toBe(true);

    const report = await releaseDecisions(world.manager, { ...world.ref, selected: await selection(world.outlineId), confirmed: true }, { baseUrl, now: RELEASING });
    expect(report).toMatchObject({ released: 1, mails: 2, failures: [] });
    const full = await prisma.application.findUniqueOrThrow({ where: { previousApplicationId: world.outlineId } });
    expect(full).toMatchObject({ id: fullId, stageId: world.stageIds[1], networkId: world.networkId, state: "draft", title: "Cluster Nord", createdById: world.coordinator.id });
    expect(full.answers).toMatchObject({ fields: { projectTitle: "Cluster Nord", pupils: 120 } });
    expect(full.conditions).toEqual(conditions.map((text) => ({ text, answer: null })));
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.outlineId } })).state).toBe("invitedToNextStage");

    const mails = await prisma.outboxEmail.findMany({ where: { toEmail: { in: [world.coordinator.email, world.english.email] } } });
    const german = mails.find((mail) => mail.toEmail === world.coordinator.email)!;
    const english = mails.find((mail) => mail.toEmail === world.english.email)!;
    expect(german.subject).toMatch(/^Aufforderung zum Vollantrag: /);
    expect(english.subject).toMatch(/^Invitation to a full proposal: /);
    expect(german.text).toContain("Frist für den Vollantrag: 15. Februar 2027 um 12:00 (deutsche Zeit)");
    expect(english.text).toContain("Deadline for the full proposal: 15 February 2027 at 12:00 (German time)");
    for (const mail of [german, english]) {
      expect(mail.text).toContain(`1. ${conditions[0]}`);
      expect(mail.html).toContain(`${baseUrl}/applications/${fullId}`);
    }
    for (const mail of preview.preview[0]!.mails) expect(mails.find((sent) => sent.toEmail === mail.email)!.text).toBe(mail.text);
    const [coordinatorView] = [await releasedOutcomesOf(world.coordinator, [world.outlineId])];
    expect(coordinatorView.get(world.outlineId)).toMatchObject({ kind: "INVITATION", conditions, fullProposal: { id: fullId } });
  });

  it("refuses when the network already has a full proposal, and leaves the outline, the mails and the log untouched", async () => {
    const world = await invitedOutline();
    await decide(world.manager, world.outlineId, { outcome: "INVITED_TO_NEXT_STAGE", conditions: ["X"] });
    await prisma.application.create({ data: { callId: world.callId, stageId: world.stageIds[1]!, networkId: world.networkId, createdById: world.coordinator.id } });
    const before = await prisma.application.findUniqueOrThrow({ where: { id: world.outlineId } });
    const report = await releaseDecisions(world.manager, { ...world.ref, selected: await selection(world.outlineId), confirmed: true }, { baseUrl, now: RELEASING });
    expect(report).toEqual({ released: 0, mails: 0, alreadyReleased: [], failures: [{ network: world.networkName, messageKey: "managerApplications.error.alreadyInvited" }] });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: world.outlineId } })).toMatchObject({ state: "invitationDecided", version: before.version });
    expect(await prisma.decision.findFirstOrThrow({ where: { applicationId: world.outlineId } })).toMatchObject({ releasedAt: null });
    expect(await prisma.outboxEmail.count({ where: { toEmail: { in: [world.coordinator.email, world.english.email] } } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: world.outlineId, action: "RELEASE_DECISION" } })).toBe(0);
  });
});

describe("the eligibility release", () => {
  it("tells a not eligible network with the call's NOT_ELIGIBLE notice, and an eligible one as before", async () => {
    const call = await createCall();
    const ref = { callId: call.callId, stageId: call.stageIds[0]! };
    const networks = [await createNetwork(), await createNetwork()];
    const ids = [];
    for (const network of networks) {
      const row = await prisma.application.create({
        data: { callId: ref.callId, stageId: ref.stageId, networkId: network.networkId, createdById: network.coordinator.id, state: "submitted", snapshot: { value: "submitted", context: { submissions: 1, ineligibleReason: null } }, version: 1 },
      });
      ids.push(row.id);
    }
    await saveOutcomeTemplate(call.manager, { ...ref, kind: "NOT_ELIGIBLE", locale: "de" }, { subject: "Formale Prüfung: {{call}}", body: "Guten Tag {{name}},\n\nleider nicht förderfähig: {{reasons}}\n\nMehr unter {{link}}" });
    const after = new Date(CLOSES.getTime() + 60_000);
    await startEligibilityCheck(call.manager, { ...ref, confirmed: true }, after);
    await decideEligibility(call.manager, ref, { selected: await selection(ids[0]!), decision: "eligible", reason: "" }, after);
    await decideEligibility(call.manager, ref, { selected: await selection(ids[1]!), decision: "ineligible", reason: "Kooperationsvertrag fehlt" }, after);
    await releaseEligibilityResults(call.manager, { ...ref, confirmed: true }, { baseUrl, now: after });
    const toIneligible = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: networks[1]!.coordinator.email } });
    expect(toIneligible).toMatchObject({ template: "outcome", subject: `Formale Prüfung: ${(await prisma.call.findUniqueOrThrow({ where: { id: ref.callId } })).title}` });
    expect(toIneligible.text).toContain("leider nicht förderfähig: Kooperationsvertrag fehlt");
    expect(toIneligible.text).toContain(`Mehr unter ${baseUrl}/applications/${ids[1]}`);
    const toEligible = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: networks[0]!.coordinator.email } });
    expect(toEligible.template).toBe("eligibility-result");
    expect(toEligible.text).toContain("geht nun zur Begutachtung an die Jury");
  });
});

