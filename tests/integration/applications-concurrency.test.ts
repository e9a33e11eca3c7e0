import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { RefusedError } from "../../app/server/http.server";
import { saveDraft, StaleDraftError, startApplication, submitApplication } from "../../app/server/applications/applications.server";
import type { DraftInput } from "../../app/forms/application-schemas";
import { completeAnswers } from "../support/application-forms";
import { addMember, createCall, createNetwork, DURING } from "../support/application-fixtures";

const baseUrl = "http://portal.test";
const complete: DraftInput = { answers: completeAnswers, conditionAnswers: [], fieldsShown: true };

describe("many networks at the deadline", () => {
  // Twenty PDFs rendered at once on two cores take their time.
  it("gives 20 parallel submissions of different applications 20 different receipts, one version and one mail each", { timeout: 180_000 }, async () => {
    const call = await createCall();
    const applications = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const network = await createNetwork();
        const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
        await saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: complete }, DURING);
        return { applicationId, coordinator: network.coordinator };
      }),
    );
    const results = await Promise.allSettled(applications.map(({ applicationId, coordinator }) => submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING })));
    expect(results.map((result) => result.status)).toEqual(Array(20).fill("fulfilled"));
    const receipts = results.map((result) => (result as PromiseFulfilledResult<{ receiptNumber: string }>).value.receiptNumber);
    expect(new Set(receipts).size).toBe(20);
    const ids = applications.map(({ applicationId }) => applicationId);
    const versions = await prisma.applicationVersion.findMany({ where: { applicationId: { in: ids } }, select: { applicationId: true, number: true, receiptNumber: true } });
    expect(versions).toHaveLength(20);
    expect(new Set(versions.map((version) => version.applicationId)).size).toBe(20);
    expect(versions.every((version) => version.number === 1)).toBe(true);
    expect(new Set(versions.map((version) => version.receiptNumber))).toEqual(new Set(receipts));
    const mails = await prisma.outboxEmail.findMany({
      where: { template: "submission-received", toEmail: { in: applications.map(({ coordinator }) => coordinator.email) } },
      select: { toEmail: true, _count: { select: { attachments: true } } },
    });
    expect(mails).toHaveLength(20);
    expect(new Set(mails.map((mail) => mail.toEmail)).size).toBe(20);
    expect(mails.every((mail) => mail._count.attachments === 1)).toBe(true);
    expect(await prisma.application.count({ where: { id: { in: ids }, state: "submitted", receiptNumber: { not: null } } })).toBe(20);
  });

  it("submits one application pressed twice at once only once", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    await saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: complete }, DURING);
    const results = await Promise.allSettled([
      submitApplication(network.coordinator, { applicationId }, { baseUrl, now: DURING }),
      submitApplication(collaborator, { applicationId }, { baseUrl, now: DURING }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(RefusedError);
    expect(await prisma.applicationVersion.count({ where: { applicationId } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { template: "submission-received", toEmail: { in: [network.coordinator.email, collaborator.email] } } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: applicationId, action: "SUBMIT" } })).toBe(1);
  });

  it("lets one of two parallel saves on the same revision through and refuses the other with the differences", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    const titled = (projectTitle: string): DraftInput => ({ answers: { eligibility: {}, fields: { projectTitle } }, conditionAnswers: [], fieldsShown: true });
    const results = await Promise.allSettled([
      saveDraft(network.coordinator, { applicationId, baseRevision: 0, draft: titled("Fassung A") }, DURING),
      saveDraft(collaborator, { applicationId, baseRevision: 0, draft: titled("Fassung B") }, DURING),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = (results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason as StaleDraftError;
    expect(refused).toBeInstanceOf(StaleDraftError);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.answersRevision).toBe(1);
    const stored = (row.answers as { fields: { projectTitle: string } }).fields.projectTitle;
    expect(refused.differences).toEqual([{ kind: "field", key: "projectTitle", theirs: stored, yours: stored === "Fassung A" ? "Fassung B" : "Fassung A" }]);
  });
});
