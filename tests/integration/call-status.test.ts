import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { loadCallForSetup, moveCallStatus, reopenCall } from "../../app/server/calls/call-setup.server";
import * as overviewRoute from "../../app/routes/manager.calls.$callId._index";
import type { CallStatus } from "../../app/generated/prisma/enums";
import { createPerson } from "../support/accounts";
import { createCall, createNetwork } from "../support/application-fixtures";
import { getAs, notFoundFrom, postAs, refusal } from "../support/call-forms";
import { renderRoutePage } from "../support/render-route";

let manager: CurrentUser;
let otherManager: CurrentUser;
const at = new Date("2026-11-02T09:00:00Z");

beforeAll(async () => {
  otherManager = await createPerson("MANAGER");
});

/** A call of a programme `manager` manages, in the given status. */
async function callIn(status: CallStatus) {
  const call = await createCall({ status });
  manager = call.manager;
  return call.callId;
}

async function callRow(callId: string) {
  const row = await prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { status: true, version: true } });
  const audit = await prisma.auditEvent.findMany({ where: { entityType: "Call", entityId: callId }, orderBy: { createdAt: "asc" } });
  return { ...row, audit };
}

/** An application of the call in the given state. */
async function applicationIn(callId: string, state: string) {
  const network = await createNetwork();
  const stage = await prisma.callStage.findFirstOrThrow({ where: { callId } });
  await prisma.application.create({ data: { callId, stageId: stage.id, networkId: network.networkId, createdById: network.coordinator.id, state, snapshot: { value: state, context: {} } } });
}

/** The overview page's action, as the browser posts its forms; answers the Response or the data with its status. */
async function post(callId: string, fields: Record<string, string>) {
  const result = await overviewRoute.action({ request: await postAs(manager, `/manager/calls/${callId}`, fields), params: { callId }, context: {} });
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null };
  const { data, init } = result as unknown as { data: { formId: string; result: { error?: Record<string, string[]> } }; init: ResponseInit | null };
  return { status: init?.status ?? 200, location: null, data };
}

async function page(callId: string) {
  const { call } = await overviewRoute.loader({ request: await getAs(manager, `/manager/calls/${callId}`), params: { callId }, context: {} });
  return { call, html: await renderRoutePage(overviewRoute.default, { call }) };
}

describe("closing and archiving a call ask first", () => {
  it("refuses to close without confirmation, and closes once confirmed, recording the step", async () => {
    const callId = await callIn("PUBLISHED");
    expect(await refusal(moveCallStatus(manager, callId, "CLOSED", at))).toMatchObject({ messageKey: "confirm.error.required", status: 409 });
    expect(await callRow(callId)).toMatchObject({ status: "PUBLISHED", version: 0, audit: [] });
    await moveCallStatus(manager, callId, "CLOSED", at, { confirmed: true, expectedVersion: 0 });
    const closed = await callRow(callId);
    expect(closed).toMatchObject({ status: "CLOSED", version: 1 });
    expect(closed.audit).toEqual([expect.objectContaining({ actorId: manager.id, action: "CLOSE", fromState: "PUBLISHED", toState: "CLOSED", createdAt: at })]);
  });

  it("refuses to archive without confirmation, and archives once confirmed", async () => {
    const callId = await callIn("CLOSED");
    expect(await refusal(moveCallStatus(manager, callId, "ARCHIVED", at))).toMatchObject({ messageKey: "confirm.error.required" });
    expect((await callRow(callId)).status).toBe("CLOSED");
    await moveCallStatus(manager, callId, "ARCHIVED", at, { confirmed: true });
    expect(await callRow(callId)).toMatchObject({ status: "ARCHIVED", version: 1, audit: [expect.objectContaining({ action: "ARCHIVE", fromState: "CLOSED", toState: "ARCHIVED" })] });
  });

  it("answers the page's posts: without confirmation a message (400, the form comes back) and nothing changed; the confirmed post closes and goes back to the page", async () => {
    const callId = await callIn("PUBLISHED");
    const unconfirmed = await post(callId, { intent: "status", target: "CLOSED", version: "0" });
    expect(unconfirmed).toMatchObject({ status: 400, data: { formId: "status", result: { error: { "": ["confirm.error.required"] } } } });
    expect((await callRow(callId)).status).toBe("PUBLISHED");
    expect(await post(callId, { intent: "status", target: "CLOSED", version: "0", confirmed: "1" })).toMatchObject({ status: 302, location: `/manager/calls/${callId}` });
    expect((await callRow(callId)).status).toBe("CLOSED");
  });

  it("refuses a second confirmation of close (double click or a stale page) with a message, changing nothing", async () => {
    const callId = await callIn("PUBLISHED");
    const confirmedClose = { intent: "status", target: "CLOSED", version: "0", confirmed: "1" };
    const [first, second] = await Promise.all([post(callId, confirmedClose), post(callId, confirmedClose)].map((attempt) => attempt.catch((error: unknown) => error)));
    const outcomes = [first, second] as { status: number; data: unknown }[];
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([302, 400]);
    // The losing request either finds the call closed already or, when both read it before either
    // wrote, loses the version check: a message in both cases, and nothing changed twice.
    const refusal = outcomes.find((outcome) => outcome.status === 400) as { data: { formId: string; result: { error: Record<string, string[]> } } };
    expect(refusal.data.formId).toBe("status");
    expect([["callWorkflow.already.CLOSED"], ["workflow.stale"]]).toContainEqual(refusal.data.result.error[""]);
    // The same stale page once more, after the fact.
    expect(await post(callId, confirmedClose)).toMatchObject({ status: 400, data: { result: { error: { "": ["callWorkflow.already.CLOSED"] } } } });
    expect(await callRow(callId)).toMatchObject({ status: "CLOSED", version: 1 });
    expect((await callRow(callId)).audit).toHaveLength(1);
  });

  it("refuses a confirmed close from a page that showed an older version", async () => {
    const callId = await callIn("PUBLISHED");
    await prisma.call.update({ where: { id: callId }, data: { version: 4 } });
    expect(await post(callId, { intent: "status", target: "CLOSED", version: "3", confirmed: "1" })).toMatchObject({ status: 400, data: { result: { error: { "": ["workflow.stale"] } } } });
    expect((await callRow(callId)).status).toBe("PUBLISHED");
  });

  it("shows close on a published call as a destructive-looking button that only asks, never as the primary button", async () => {
    const published = await page(await callIn("PUBLISHED"));
    expect(published.call.statusSteps).toEqual(["CLOSE"]);
    expect(published.html).toMatch(/<form method="get"[^>]*><button type="submit" name="confirm" value="CLOSE" class="kern-btn kern-btn--danger">Abschließen<\/button><\/form>/);
    expect(published.html).not.toContain('kern-btn--primary">Abschließen');
    expect(published.html).not.toContain("wirklich abschließen?");
  });
});

describe("reopening a call closed by mistake", () => {
  it("publishes the call again with the reason in its history, and may be repeated", async () => {
    const callId = await callIn("CLOSED");
    await applicationIn(callId, "submitted");
    await applicationIn(callId, "withdrawn");
    await applicationIn(callId, "draft");
    expect((await page(callId)).call.statusSteps).toEqual(["ARCHIVE", "REOPEN"]);
    await reopenCall(manager, callId, { reason: "Zu früh geschlossen, die Frist läuft noch.", expectedVersion: 0 }, at);
    const reopened = await callRow(callId);
    expect(reopened).toMatchObject({ status: "PUBLISHED", version: 1 });
    expect(reopened.audit).toEqual([
      expect.objectContaining({ actorId: manager.id, action: "REOPEN", fromState: "CLOSED", toState: "PUBLISHED", data: { reason: "Zu früh geschlossen, die Frist läuft noch." } }),
    ]);
    await moveCallStatus(manager, callId, "CLOSED", new Date(at.getTime() + 60_000), { confirmed: true });
    await reopenCall(manager, callId, { reason: "Noch einmal" }, new Date(at.getTime() + 120_000));
    expect((await callRow(callId)).status).toBe("PUBLISHED");
    // The overview's status history tells it in words, newest first, with each reason.
    const { call, html } = await page(callId);
    expect(call.statusHistory.map((entry) => [entry.step, entry.reason])).toEqual([
      ["REOPEN", "Noch einmal"],
      ["CLOSE", null],
      ["REOPEN", "Zu früh geschlossen, die Frist läuft noch."],
    ]);
    const shown = html.split("<script>")[0]!;
    expect(shown).toContain(`2. November 2026 um 10:02: wieder geöffnet von ${manager.name}<br/>Grund: Noch einmal`);
    expect(shown).not.toContain("REOPEN");
  });

  it("asks for the reason in the page's form (a field message without it) and reopens through a plain POST", async () => {
    const callId = await callIn("CLOSED");
    const { html } = await page(callId);
    expect(html).toContain("Grund für das Wiederöffnen");
    expect(html).toContain("Ausschreibung wieder öffnen");
    expect(await post(callId, { intent: "reopen", reason: "  ", version: "0" })).toMatchObject({ status: 400, data: { formId: "reopen", result: { error: { reason: ["error.required"] } } } });
    expect(await reopenCall(manager, callId, { reason: " " }).catch((error: unknown) => error)).toMatchObject({ messageKey: "callWorkflow.reopen.notClosed" });
    expect((await callRow(callId)).status).toBe("CLOSED");
    expect(await post(callId, { intent: "reopen", reason: "Versehentlich geschlossen", version: "0" })).toMatchObject({ status: 302, location: `/manager/calls/${callId}` });
    expect((await callRow(callId)).status).toBe("PUBLISHED");
  });

  it("is no longer offered, and refused, once an application's eligibility check has started", async () => {
    for (const state of ["eligibilityCheck", "ineligible", "inReview"]) {
      const callId = await callIn("CLOSED");
      await applicationIn(callId, "submitted");
      await applicationIn(callId, state);
      const { call, html } = await page(callId);
      expect(call.statusSteps).toEqual(["ARCHIVE"]);
      expect(html).not.toContain("Ausschreibung wieder öffnen");
      expect(html).toContain("Die Prüfung der Anträge hat begonnen");
      expect(await refusal(reopenCall(manager, callId, { reason: "Bitte wieder öffnen" }, at))).toMatchObject({ messageKey: "callWorkflow.reopen.eligibilityStarted" });
      expect(await post(callId, { intent: "reopen", reason: "Bitte wieder öffnen", version: "0" })).toMatchObject({
        status: 400,
        data: { result: { error: { "": ["callWorkflow.reopen.eligibilityStarted"] } } },
      });
      expect(await callRow(callId)).toMatchObject({ status: "CLOSED", version: 0, audit: [] });
    }
  });

  it("refuses to reopen a call that is not closed, and a call the manager does not manage is a 404", async () => {
    const published = await callIn("PUBLISHED");
    expect(await refusal(reopenCall(manager, published, { reason: "x" }))).toMatchObject({ messageKey: "callWorkflow.already.PUBLISHED" });
    const archived = await callIn("ARCHIVED");
    expect(await refusal(reopenCall(manager, archived, { reason: "x" }))).toMatchObject({ messageKey: "callWorkflow.reopen.notClosed" });
    const closed = await callIn("CLOSED");
    await notFoundFrom(reopenCall(otherManager, closed, { reason: "x" }));
    await notFoundFrom(moveCallStatus(otherManager, closed, "ARCHIVED", at, { confirmed: true }));
    await notFoundFrom(loadCallForSetup(otherManager, closed));
    expect((await callRow(closed)).status).toBe("CLOSED");
  });
});
