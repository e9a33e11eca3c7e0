import { describe, expect, it } from "vitest";
import type { Prisma } from "../../app/generated/prisma/client";
import { prisma } from "../../app/server/db.server";
import { RefusedError } from "../../app/server/http.server";
import { acceptedEvents, changeState, type WorkflowTable } from "../../app/server/state-change.server";
import { changeApplicationState } from "../../app/server/applications/workflow.server";
import { editableApplications } from "../../app/server/applications/access.server";
import { applicationMachine, type ApplicationEvent } from "../../workflows/application.machine";
import { CLOSES, createNetwork, createSubmittedApplication, DURING } from "../support/application-fixtures";
import { notFoundFrom, refusal } from "../support/call-forms";

/**
 * The generic runner, driven through a table of its own (as reviews, awards and reports will plug in)
 * and through the applications' thin wrapper.
 */
const applications: WorkflowTable<Prisma.ApplicationWhereInput, Prisma.ApplicationUpdateManyMutationInput> = {
  entityType: "Application",
  find: (tx, id, where) => tx.application.findFirst({ where: { AND: [{ id }, where] }, select: { id: true, state: true, snapshot: true, version: true } }),
  write: async (tx, id, expectedVersion, next, alsoSet) =>
    (await tx.application.updateMany({ where: { id, version: expectedVersion }, data: { ...alsoSet, state: next.state, snapshot: next.snapshot, version: next.version } })).count,
};

const withdraw: ApplicationEvent = { type: "WITHDRAW", at: DURING.toISOString(), deadline: CLOSES.toISOString() };

/** A submitted application (version 3, submitted twice) of a fresh network. */
const submittedApplication = () => createSubmittedApplication({ submissions: 2, version: 3 });

async function stored(applicationId: string) {
  const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { state: true, snapshot: true, version: true } });
  const audit = await prisma.auditEvent.findMany({ where: { entityId: applicationId } });
  return { ...row, audit };
}

describe("the generic state-change runner", () => {
  it("writes state, snapshot, version and one audit event, and runs alsoInTransaction inside the same transaction", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    let seenInside: unknown;
    const change = await changeState({
      machine: applicationMachine,
      table: applications,
      id: applicationId,
      where: editableApplications(coordinator),
      event: withdraw,
      actorId: coordinator.id,
      now: DURING,
      auditData: { note: "per Test" },
      alsoInTransaction: async (tx, made) => {
        seenInside = { made, row: await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { state: true, version: true } }) };
      },
    });
    expect(change).toEqual({ id: applicationId, from: "submitted", to: "withdrawn", version: 4, context: { submissions: 2, ineligibleReason: null, fromWaitlist: false } });
    expect(seenInside).toEqual({ made: change, row: { state: "withdrawn", version: 4 } });
    const after = await stored(applicationId);
    expect(after).toMatchObject({ state: "withdrawn", version: 4, snapshot: { value: "withdrawn", context: { submissions: 2, ineligibleReason: null } } });
    expect(after.audit).toHaveLength(1);
    expect(after.audit[0]).toMatchObject({
      actorId: coordinator.id,
      entityType: "Application",
      action: "WITHDRAW",
      fromState: "submitted",
      toState: "withdrawn",
      data: { note: "per Test" },
      createdAt: DURING,
    });
  });

  it("refuses an event the machine does not accept with a 409 and writes nothing; the caller may say why", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    const late: ApplicationEvent = { type: "WITHDRAW", at: CLOSES.toISOString(), deadline: CLOSES.toISOString() };
    const input = { machine: applicationMachine, table: applications, id: applicationId, where: editableApplications(coordinator), actorId: coordinator.id, now: CLOSES };
    const refused = await refusal(changeState({ ...input, event: late }));
    expect(refused).toMatchObject({ messageKey: "workflow.refused", status: 409 });
    expect(await refusal(changeState({ ...input, event: { type: "MARK_ELIGIBLE" }, refusal: (state) => (state === "submitted" ? "applications.error.notDraft" : "workflow.refused") }))).toMatchObject({
      messageKey: "applications.error.notDraft",
    });
    expect(await stored(applicationId)).toMatchObject({ state: "submitted", version: 3, audit: [] });
  });

  it("refuses an unconfirmed step the machine would take, and says a step is impossible before asking for a confirmation", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    const input = { machine: applicationMachine, table: applications, id: applicationId, where: editableApplications(coordinator), actorId: coordinator.id, now: DURING, unconfirmed: true };
    expect(await refusal(changeState({ ...input, event: withdraw }))).toMatchObject({ messageKey: "confirm.error.required", status: 409 });
    expect(await refusal(changeState({ ...input, event: { type: "MARK_ELIGIBLE" } }))).toMatchObject({ messageKey: "workflow.refused" });
    expect(await stored(applicationId)).toMatchObject({ state: "submitted", version: 3, audit: [] });
  });

  it("answers 404 for a row outside the caller's permission, before reading any facts, and writes nothing", async () => {
    const { applicationId } = await submittedApplication();
    const stranger = await createNetwork();
    let factsRead = false;
    await notFoundFrom(
      changeState({
        machine: applicationMachine,
        table: applications,
        id: applicationId,
        where: editableApplications(stranger.coordinator),
        event: async () => {
          factsRead = true;
          return withdraw;
        },
        actorId: stranger.coordinator.id,
        now: DURING,
      }),
    );
    expect(factsRead).toBe(false);
    expect(await stored(applicationId)).toMatchObject({ state: "submitted", version: 3, audit: [] });
  });

  it("refuses a change based on an older version, and one whose row changed between reading and writing", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    const input = { machine: applicationMachine, table: applications, id: applicationId, where: editableApplications(coordinator), event: withdraw, actorId: coordinator.id, now: DURING };
    expect(await refusal(changeState({ ...input, expectedVersion: 2 }))).toMatchObject({ messageKey: "workflow.stale", status: 409 });
    // Someone else writes the row after our read: the conditional write finds no row of our version.
    const racing: typeof applications = {
      ...applications,
      find: async (tx, id, where) => {
        const row = await applications.find(tx, id, where);
        await tx.application.update({ where: { id }, data: { version: { increment: 1 } } });
        return row;
      },
    };
    expect(await refusal(changeState({ ...input, table: racing }))).toMatchObject({ messageKey: "workflow.stale" });
    expect(await stored(applicationId)).toMatchObject({ state: "submitted", version: 3, audit: [] });
  });

  it("rolls back the state, the audit event and everything alsoInTransaction wrote when alsoInTransaction fails", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    const failure = new Error("the frozen version could not be written");
    const outcome = await changeApplicationState({
      applicationId,
      where: editableApplications(coordinator),
      event: withdraw,
      actorId: coordinator.id,
      now: DURING,
      alsoSet: { title: "Geändert" },
      alsoInTransaction: async (tx) => {
        await tx.outboxEmail.create({ data: { template: "test", locale: "de", toEmail: "rollback@example.test", subject: "x", html: "x", text: "x" } });
        throw failure;
      },
    }).catch((error: unknown) => error);
    expect(outcome).toBe(failure);
    expect(await stored(applicationId)).toMatchObject({ state: "submitted", version: 3, audit: [] });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId } })).title).toBe("");
    expect(await prisma.outboxEmail.count({ where: { toEmail: "rollback@example.test" } })).toBe(0);
  });

  it("lets exactly one of two simultaneous changes of the same version through", async () => {
    const { coordinator, applicationId } = await submittedApplication();
    const attempt = () => changeApplicationState({ applicationId, where: editableApplications(coordinator), event: withdraw, actorId: coordinator.id, now: DURING, expectedVersion: 3 });
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [loser] = results.filter((result) => result.status === "rejected");
    expect((loser as PromiseRejectedResult).reason).toBeInstanceOf(RefusedError);
    expect(await stored(applicationId)).toMatchObject({ state: "withdrawn", version: 4 });
    expect((await stored(applicationId)).audit).toHaveLength(1);
  });

  it("lists the events the machine accepts for a stored row", () => {
    const reopen: ApplicationEvent = { type: "REOPEN", at: DURING.toISOString(), deadline: CLOSES.toISOString() };
    const submit: ApplicationEvent = { type: "SUBMIT", at: DURING.toISOString(), deadline: CLOSES.toISOString(), missingItems: 0 };
    expect(acceptedEvents(applicationMachine, { state: "submitted", snapshot: null }, [withdraw, reopen, submit])).toEqual(["WITHDRAW", "REOPEN"]);
    expect(acceptedEvents(applicationMachine, { state: "draft" }, [withdraw, reopen, submit])).toEqual(["SUBMIT"]);
  });
});
