import { createElement } from "react";
import { useLoaderData } from "@remix-run/react";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { loader as startLoader } from "../../app/routes/juror._index";
import ReviewPage, { action as reviewAction, loader as reviewLoader } from "../../app/routes/juror.reviews.$assignmentId";
import { loader as pdfLoader } from "../../app/routes/juror.reviews.$assignmentId.pdf";
import { loader as fileLoader } from "../../app/routes/files.$fileId";
import { loadApplicationForManager } from "../../app/server/applications/call-applications.server";
import { action as fieldAction } from "../../app/routes/manager.calls.$callId.stages.$stageId.fields.$fieldKey";
import { definitionOf, fieldsOf } from "../../app/forms/form-definition";
import { criterionCommentName, scoreName, type ReviewOutcome } from "../../app/forms/review-scores";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { browserOf, formPost } from "../support/application-fixtures";
import { routeOutcome } from "../support/route-outcome";
import { answerOf } from "../support/route-calls";
import { pdfText } from "../support/pdf-text";
import { renderRoutePage } from "../support/render-route";
import { ReviewWorkspace } from "../../app/components/review/review-form";
import { assignTo, IDENTIFYING_ANSWER, PARTNER_NAME, reviewFixture } from "../support/review-fixtures";

/**
 * The juror's work: the start page, the review page (only their own released, unconflicted
 * assignments), drafts, submitting, abstaining, and blind review on the page, in file names and in
 * the PDF.
 */

const base = "http://portal.test";
type Fixture = Awaited<ReturnType<typeof reviewFixture>>;

async function get(person: CurrentUser, path: string) {
  const browser = await browserOf(person);
  return new Request(`${base}${path}`, { headers: { Cookie: browser.cookie } });
}

async function post(person: CurrentUser, path: string, entries: [string, string][]) {
  return formPost(`${base}${path}`, await browserOf(person), entries);
}

const reviewPath = (assignmentId: string) => `/juror/reviews/${assignmentId}`;

function openPage(person: CurrentUser, assignmentId: string) {
  return get(person, reviewPath(assignmentId)).then((request) => routeOutcome<Record<string, unknown>>(reviewLoader, request, { assignmentId }));
}

async function act(person: CurrentUser, assignmentId: string, entries: [string, string][]) {
  return routeOutcome<ReviewOutcome>(reviewAction, await post(person, reviewPath(assignmentId), entries), { assignmentId });
}

const complete = (fixture: Fixture, intent: string): [string, string][] => [
  ["intent", intent],
  [scoreName(fixture.criteria[0]!), "8"],
  [scoreName(fixture.criteria[1]!), "5"],
  [criterionCommentName(fixture.criteria[0]!), "Sehr relevant für die Region."],
  ["comment", "Ein überzeugendes Vorhaben."],
  ["recommendation", "FUND"],
  ["confidence", "HIGH"],
];

const reviewOf = (assignmentId: string) => prisma.review.findUnique({ where: { assignmentId } });

describe("the juror's start page", () => {
  it("shows per jury stage the progress, the deadline, conflicts still to declare and the released assignments", async () => {
    const fixture = await reviewFixture();
    await prisma.callStage.update({ where: { id: fixture.stageId }, data: { reviewDueAt: new Date("2026-11-20T16:00:00Z") } });
    const other = await reviewFixture();
    // The juror's second assignment is in another call's stage, unreleased: it must not show.
    await assignTo(fixture.juror, other.applicationId, other.manager, false);
    const page = await routeOutcome<{ stages: { stageId: string; done: number; undeclared: number; reviewDueAt: Date; assignments: { id: string; networkName: string | null }[] }[] }>(
      startLoader,
      await get(fixture.juror, "/juror"),
    );
    expect(page.status).toBe(200);
    expect(page.body.stages).toHaveLength(1);
    const [stage] = page.body.stages;
    expect(stage).toMatchObject({ stageId: fixture.stageId, done: 0, undeclared: 1, reviewDueAt: new Date("2026-11-20T16:00:00Z") });
    expect(stage!.assignments).toEqual([expect.objectContaining({ id: fixture.assignmentId, networkName: fixture.networkName })]);

    await prisma.juryMembership.updateMany({ where: { userId: fixture.juror.id }, data: { noConflictsDeclaredAt: new Date() } });
    await act(fixture.juror, fixture.assignmentId, complete(fixture, "submit").concat([["confirmed", "submit"]]));
    const after = await routeOutcome<{ stages: { done: number; undeclared: number }[] }>(startLoader, await get(fixture.juror, "/juror"));
    expect(after.body.stages[0]).toMatchObject({ done: 1, undeclared: 0 });
  });

  it("leaves the network's name out in blind review and refuses other roles", async () => {
    const fixture = await reviewFixture({ blind: true });
    const page = await routeOutcome<{ stages: { assignments: { networkName: string | null }[] }[] }>(startLoader, await get(fixture.juror, "/juror"));
    expect(page.body.stages[0]!.assignments[0]!.networkName).toBeNull();
    expect(JSON.stringify(page.body)).not.toContain(fixture.networkName);
    expect((await routeOutcome(startLoader, await get(fixture.manager, "/juror"))).status).toBe(403);
  });
});

describe("who may open a review page, its files and its PDF", () => {
  it("opens the juror's own released assignment with the application as submitted and the rubric", async () => {
    const fixture = await reviewFixture();
    const page = await openPage(fixture.juror, fixture.assignmentId);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      application: { networkName: fixture.networkName, blind: false },
      rubric: { scaleMin: 0, scaleMax: 10, criteria: [{ title: "Relevanz", weight: 60, description: "Trägt das Vorhaben zu den Zielen bei?" }, { title: "Umsetzbarkeit", weight: 40 }] },
      review: { state: "assigned", weightedTotal: null },
    });
    const file = await answerOf(fileLoader, await get(fixture.juror, `/files/${fixture.plan.id}`), { params: { fileId: fixture.plan.id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain(encodeURIComponent(fixture.plan.originalName));
  });

  it("is a 404 for another juror's, an unreleased, a conflicted and a guessed assignment, with their files and PDFs", async () => {
    const fixture = await reviewFixture();
    const stranger = await createPerson("JUROR");
    const unreleased = await reviewFixture({ released: false });
    const conflicted = await reviewFixture();
    await prisma.conflict.create({ data: { applicationId: conflicted.applicationId, jurorId: conflicted.juror.id, source: "DECLARED", status: "DECLARED", reason: "Ich berate das Netzwerk." } });
    const suspected = await reviewFixture();
    await prisma.conflict.create({ data: { applicationId: suspected.applicationId, jurorId: suspected.juror.id, source: "DETECTED", status: "SUSPECTED", grounds: ["MEMBERSHIP"] } });
    const cases: [CurrentUser, Fixture | { assignmentId: string; plan: { id: string } }][] = [
      [stranger, fixture],
      [unreleased.juror, unreleased],
      [conflicted.juror, conflicted],
      [suspected.juror, suspected],
      [fixture.juror, { assignmentId: "c0000000000000000000guess", plan: { id: "c0000000000000000000guess" } }],
    ];
    for (const [person, target] of cases) {
      expect((await openPage(person, target.assignmentId)).status).toBe(404);
      expect((await answerOf(pdfLoader, await get(person, `${reviewPath(target.assignmentId)}/pdf`), { params: { assignmentId: target.assignmentId } })).status).toBe(404);
      expect((await answerOf(fileLoader, await get(person, `/files/${target.plan.id}`), { params: { fileId: target.plan.id } })).status).toBe(404);
      expect((await act(person, target.assignmentId, complete(fixture, "save"))).status).toBe(404);
    }
    // Nothing was written for anyone.
    expect(await prisma.review.count({ where: { assignment: { jurorId: { in: [stranger.id, unreleased.juror.id, conflicted.juror.id, suspected.juror.id] } } } })).toBe(0);
  });

  it("answers the manager's role with 403: review pages are the juror's", async () => {
    const fixture = await reviewFixture();
    expect((await openPage(fixture.manager, fixture.assignmentId)).status).toBe(403);
  });
});

describe("drafts, submitting and abstaining", () => {
  it("starts the review with the first save, keeps later drafts and shows the weighted total", async () => {
    const fixture = await reviewFixture();
    const first = await act(fixture.juror, fixture.assignmentId, [["intent", "autosave"], [scoreName(fixture.criteria[0]!), "7"]]);
    expect(first).toMatchObject({ status: 200, body: { kind: "saved", weightedTotal: 4.2 } });
    expect(await reviewOf(fixture.assignmentId)).toMatchObject({ state: "inProgress", scores: { [fixture.criteria[0]!]: 7 } });
    const starts = await prisma.auditEvent.findMany({ where: { entityType: "Review", action: "START" } });
    expect(starts.filter((event) => event.actorId === fixture.juror.id)).toHaveLength(1);

    const second = await act(fixture.juror, fixture.assignmentId, complete(fixture, "save"));
    expect(second).toMatchObject({ status: 302, location: `${reviewPath(fixture.assignmentId)}?saved=1` });
    expect(await reviewOf(fixture.assignmentId)).toMatchObject({ state: "inProgress", version: 1, comment: "Ein überzeugendes Vorhaben.", recommendation: "FUND", confidence: "HIGH" });
    const page = await openPage(fixture.juror, fixture.assignmentId);
    expect(page.body).toMatchObject({ review: { state: "inProgress", weightedTotal: 6.8, criterionComments: { [fixture.criteria[0]!]: "Sehr relevant für die Region." } } });
  });

  it("refuses a score outside the scale and gives back what was typed", async () => {
    const fixture = await reviewFixture();
    const outcome = await act(fixture.juror, fixture.assignmentId, [["intent", "save"], [scoreName(fixture.criteria[0]!), "11"], ["comment", "Bleibt erhalten"]]);
    expect(outcome.status).toBe(400);
    expect(outcome.body).toMatchObject({ kind: "invalid", form: "review", values: { comment: "Bleibt erhalten" }, errors: { [scoreName(fixture.criteria[0]!)]: ["reviewJuror.error.score"] } });
    expect(await reviewOf(fixture.assignmentId)).toBeNull();
  });

  it("refuses an incomplete submission, naming what is missing, and keeps the draft", async () => {
    const fixture = await reviewFixture();
    const outcome = await act(fixture.juror, fixture.assignmentId, [["intent", "submit"], [scoreName(fixture.criteria[0]!), "9"], ["comment", "Noch nicht fertig"], ["confirmed", "submit"]]);
    expect(outcome.status).toBe(400);
    expect(outcome.body).toEqual({
      kind: "refused",
      message: "reviewJuror.error.incomplete",
      missing: [{ kind: "score", criterionId: fixture.criteria[1] }, { kind: "recommendation" }, { kind: "confidence" }],
    });
    expect(await reviewOf(fixture.assignmentId)).toMatchObject({ state: "inProgress", comment: "Noch nicht fertig", submittedAt: null, weightedTotal: null });
    // The page says it in words, beside the form that still holds the draft.
    const page = await openPage(fixture.juror, fixture.assignmentId);
    const html = await renderRoutePage(() => createElement(ReviewWorkspace, { page: useLoaderData<typeof reviewLoader>(), outcome: outcome.body }), page.body);
    expect(html).toContain("zum Abschicken fehlt noch");
    expect(html).toContain("Punkte für „Umsetzbarkeit“");
    expect(html).toContain("Ihre Empfehlung");
    expect(html).toContain("Noch nicht fertig");
  });

  it("asks before submitting, then makes the review final with its weighted total; later saves are refused", async () => {
    const fixture = await reviewFixture();
    const asked = await act(fixture.juror, fixture.assignmentId, complete(fixture, "submit"));
    expect(asked.body).toEqual({ kind: "confirm", step: "submit" });
    expect(await reviewOf(fixture.assignmentId)).toMatchObject({ state: "inProgress", submittedAt: null });

    const submitted = await act(fixture.juror, fixture.assignmentId, [...complete(fixture, "submit"), ["confirmed", "submit"]]);
    expect(submitted).toMatchObject({ status: 302, location: reviewPath(fixture.assignmentId) });
    const review = await reviewOf(fixture.assignmentId);
    expect(review).toMatchObject({ state: "submitted", weightedTotal: 6.8, recommendation: "FUND", confidence: "HIGH" });
    expect(review!.submittedAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.count({ where: { entityId: review!.id, action: "SUBMIT", fromState: "inProgress", toState: "submitted" } })).toBe(1);

    const later = await act(fixture.juror, fixture.assignmentId, [["intent", "save"], [scoreName(fixture.criteria[0]!), "1"]]);
    expect(later).toMatchObject({ status: 400, body: { kind: "refused", message: "reviewJuror.error.notEditable" } });
    expect(await reviewOf(fixture.assignmentId)).toMatchObject({ scores: { [fixture.criteria[0]!]: 8, [fixture.criteria[1]!]: 5 } });
    const again = await act(fixture.juror, fixture.assignmentId, [...complete(fixture, "submit"), ["confirmed", "submit"]]);
    expect(again.body).toMatchObject({ kind: "refused", message: "reviewJuror.error.notEditable" });
    const abstain = await act(fixture.juror, fixture.assignmentId, [["intent", "abstain"], ["reason", "Zu spät"], ["confirmed", "abstain"]]);
    expect(abstain.body).toMatchObject({ kind: "refused", message: "reviewJuror.error.cannotAbstain" });
  });

  it("abstains only with a reason and after asking, and tells every manager of the programme", async () => {
    const fixture = await reviewFixture();
    const second = await createPerson("MANAGER");
    const programme = await prisma.call.findUniqueOrThrow({ where: { id: fixture.callId }, select: { programmeId: true } });
    await prisma.programmeManager.create({ data: { programmeId: programme.programmeId, userId: second.id } });

    const noReason = await act(fixture.juror, fixture.assignmentId, [["intent", "abstain"], ["reason", "  "], ["confirmed", "abstain"]]);
    expect(noReason).toMatchObject({ status: 400, body: { kind: "invalid", form: "abstain", errors: { reason: ["reviewJuror.error.reasonRequired"] } } });
    const asked = await act(fixture.juror, fixture.assignmentId, [["intent", "abstain"], ["reason", "Ich berate das Netzwerk."]]);
    expect(asked.body).toEqual({ kind: "confirm", step: "abstain", reason: "Ich berate das Netzwerk." });
    expect(await prisma.outboxEmail.count({ where: { template: "review-abstained", toEmail: { in: [fixture.manager.email, second.email] } } })).toBe(0);

    const done = await act(fixture.juror, fixture.assignmentId, [["intent", "abstain"], ["reason", "Ich berate das Netzwerk."], ["confirmed", "abstain"]]);
    expect(done).toMatchObject({ status: 302, location: reviewPath(fixture.assignmentId) });
    const review = await reviewOf(fixture.assignmentId);
    expect(review).toMatchObject({ state: "abstained", snapshot: { context: { abstainReason: "Ich berate das Netzwerk." } } });
    expect(await prisma.auditEvent.count({ where: { entityId: review!.id, action: "ABSTAIN", toState: "abstained" } })).toBe(1);
    const mails = await prisma.outboxEmail.findMany({ where: { template: "review-abstained" }, orderBy: { toEmail: "asc" } });
    expect(mails.map((mail) => mail.toEmail).sort()).toEqual([fixture.manager.email, second.email].sort());
    for (const mail of mails) {
      expect(mail.text).toContain("Ich berate das Netzwerk.");
      expect(mail.text).toContain("Jonas Juror");
      expect(mail.text).toContain(`/manager/applications/${fixture.applicationId}`);
    }
    expect((await act(fixture.juror, fixture.assignmentId, complete(fixture, "save"))).body).toMatchObject({ kind: "refused", message: "reviewJuror.error.notEditable" });
  });
});

describe("blind review", () => {
  const leaks = (fixture: Fixture) => [fixture.networkName, PARTNER_NAME, IDENTIFYING_ANSWER, fixture.coordinator.name, fixture.coordinator.email, "Arbeitsplan MINT-Netzwerk"];

  it("shows jurors no network, people, partners, emails, original file names or identifying answers: page, files, PDF", async () => {
    const fixture = await reviewFixture({ blind: true });
    const page = await openPage(fixture.juror, fixture.assignmentId);
    expect(page.status).toBe(200);
    const html = await renderRoutePage(ReviewPage, page.body);
    for (const text of [JSON.stringify(page.body), html]) {
      for (const leak of leaks(fixture)) expect(text).not.toContain(leak);
    }
    expect(html).toContain("Partner 1");
    expect(html).toContain(">Arbeitsplan.pdf<");
    expect(html).toContain("Relevanz");

    const download = await answerOf(fileLoader, await get(fixture.juror, `/files/${fixture.plan.id}`), { params: { fileId: fixture.plan.id } });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="Arbeitsplan.pdf"; filename*=UTF-8''Arbeitsplan.pdf`);

    const pdf = (await pdfLoader({ request: await get(fixture.juror, `${reviewPath(fixture.assignmentId)}/pdf`), params: { assignmentId: fixture.assignmentId }, context: {} })) as Response;
    expect(pdf.status).toBe(200);
    const disposition = pdf.headers.get("Content-Disposition") ?? "";
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const leak of leaks(fixture)) {
      expect(disposition).not.toContain(leak);
      expect(text).not.toContain(leak);
    }
    expect(text).toContain("Arbeitsplan.pdf");
    expect(text).toContain("Partner 1");
    expect(text).toContain("Kostenplan");
  });

  it("keeps everything for jurors of an open review and for the manager of a blind one", async () => {
    const open = await reviewFixture();
    const html = await renderRoutePage(ReviewPage, (await openPage(open.juror, open.assignmentId)).body);
    expect(html).toContain(open.networkName);
    expect(html).toContain(PARTNER_NAME);
    expect(html).toContain(IDENTIFYING_ANSWER);
    const pdf = (await pdfLoader({ request: await get(open.juror, `${reviewPath(open.assignmentId)}/pdf`), params: { assignmentId: open.assignmentId }, context: {} })) as Response;
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain(open.networkName);
    expect(text).toContain(open.plan.originalName);

    const blind = await reviewFixture({ blind: true });
    const managed = await loadApplicationForManager(blind.manager, blind.applicationId);
    expect(managed.network.name).toBe(blind.networkName);
    expect(managed.files.map((file) => file.originalName)).toEqual([blind.plan.originalName]);
    expect(JSON.stringify(managed.answers)).toContain(PARTNER_NAME);
  });
});

describe("marking a form field identifying", () => {
  it("is a check box of the field editor, also once applicants may have answered", async () => {
    const fixture = await reviewFixture();
    const path = `/manager/calls/${fixture.callId}/stages/${fixture.stageId}/fields/projectTitle`;
    const params = { callId: fixture.callId, stageId: fixture.stageId, fieldKey: "projectTitle" };
    const fields: [string, string][] = [
      ["intent", "updateField"],
      ["fieldKey", "projectTitle"],
      ["type", "shortText"],
      ["labelDe", "Titel"],
      ["labelEn", "Title"],
      ["required", "on"],
      ["maxLength", "100"],
    ];
    const stored = async () => fieldsOf(definitionOf((await prisma.formDefinition.findUniqueOrThrow({ where: { stageId: fixture.stageId } })).definition)).find((field) => field.key === "projectTitle");
    const marked = await routeOutcome(fieldAction, await post(fixture.manager, path, [...fields, ["identifying", "on"]]), params);
    expect(marked.status).toBeLessThan(400);
    expect(await stored()).toMatchObject({ identifying: true, labelDe: "Titel" });
    await routeOutcome(fieldAction, await post(fixture.manager, path, fields), params);
    expect((await stored())!.identifying).toBeUndefined();
  });
});
