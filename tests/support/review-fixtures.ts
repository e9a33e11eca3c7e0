import { Readable } from "node:stream";
import { prisma } from "../../app/server/db.server";
import { storageOf } from "../../app/server/files/storage.server";
import { saveDraft, startApplication, submitApplication } from "../../app/server/applications/applications.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "./accounts";
import { completeAnswers, completeDraft, everyFieldForm } from "./application-forms";
import { createCall, createNetwork, DURING } from "./application-fixtures";

/** Names that must never reach a juror of a blind review, wherever they look. */
export const PARTNER_NAME = "Gymnasium am See";
export const IDENTIFYING_ANSWER = "Ansprechpartnerin Dr. Erika Beispiel";

/**
 * A submitted application (through the real workflow, so it has its frozen version) in a call with a
 * two-criterion rubric (60 % and 40 %, scale 0–10), a juror on the stage's jury and an assignment of
 * the application to them, released unless said otherwise. The form's summary is marked identifying;
 * the work plan was uploaded under a name that carries the network's name.
 */
export async function reviewFixture(options: { blind?: boolean; released?: boolean } = {}) {
  const definition = structuredClone(everyFieldForm);
  definition.sections[0]!.fields.find((field) => field.key === "summary")!.identifying = true;
  const call = await createCall({ stages: [{ form: definition }] });
  const stageId = call.stageIds[0]!;
  await prisma.call.update({ where: { id: call.callId }, data: { blindReview: options.blind ?? false } });
  const network = await createNetwork();
  const coordinator = network.coordinator;
  const { applicationId } = await startApplication(coordinator, { callSlug: call.slug }, DURING);
  const storageKey = `review-juror/${applicationId}/plan`;
  const originalName = `Arbeitsplan ${network.networkName}.pdf`;
  await storageOf("LOCAL").put(storageKey, Readable.from([Buffer.from("%PDF-1.4 Arbeitsplan")]), { contentType: "application/pdf", originalName });
  const plan = await prisma.storedFile.create({
    data: {
      applicationId,
      fieldKey: "plan",
      storage: "LOCAL",
      storageKey,
      originalName,
      contentType: "application/pdf",
      sizeBytes: 20n,
      sha256: "cd".repeat(32),
      uploadedById: coordinator.id,
    },
  });
  const answers = { ...completeAnswers, fields: { ...completeAnswers.fields, summary: IDENTIFYING_ANSWER } };
  await saveDraft(coordinator, { applicationId, baseRevision: 0, draft: { ...completeDraft, answers } }, DURING);
  await submitApplication(coordinator, { applicationId }, { baseUrl: "http://portal.test", now: DURING });
  const rubric = await prisma.rubric.create({
    data: {
      stageId,
      scaleMin: 0,
      scaleMax: 10,
      criteria: {
        create: [
          { position: 0, titleDe: "Relevanz", titleEn: "Relevance", descriptionDe: "Trägt das Vorhaben zu den Zielen bei?", weight: 60 },
          { position: 1, titleDe: "Umsetzbarkeit", titleEn: "Feasibility", weight: 40 },
        ],
      },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const juror = await createPerson("JUROR", { name: "Jonas Juror" });
  await prisma.juryMembership.create({ data: { callId: call.callId, stageId, userId: juror.id } });
  const assignment = await assignTo(juror, applicationId, call.manager, options.released ?? true);
  return { ...call, ...network, stageId, applicationId, plan, rubric, criteria: rubric.criteria.map((criterion) => criterion.id), juror, assignmentId: assignment.id };
}

/** An assignment as the assignment step writes it (released: the juror sees it). */
export function assignTo(juror: CurrentUser, applicationId: string, manager: CurrentUser, released = true) {
  return prisma.reviewAssignment.create({ data: { applicationId, jurorId: juror.id, assignedById: manager.id, releasedAt: released ? new Date() : null } });
}
