import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { carryOverAnswers } from "~/forms/answers";
import { parseAnswers } from "~/forms/application-schemas";
import { filesToCarryOver } from "~/forms/file-fields";
import { recordAudit } from "../audit.server";
import { storedDefinition } from "../calls/form-builder.server";
import { RefusedError } from "../http.server";

type Tx = Prisma.TransactionClient;

/**
 * The id the outline's full proposal gets. An outline leads to at most one full proposal, so its id
 * can be known before it exists: the invitation mail previewed before the release links to the very
 * page the release creates.
 */
export function fullProposalIdOf(outlineId: string): string {
  const hex = createHash("sha256").update(`full-proposal:${outlineId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Creates the network's full proposal for an outline whose invitation is released, inside the
 * releasing transaction: state draft, answers and fitting files carried over from the outline, the
 * manager's conditions to answer. Refused when the network already has a full proposal in the call.
 */
export async function createFullProposal(tx: Tx, input: { outlineId: string; conditions: string[]; actorId: string; now: Date }): Promise<{ fullProposalId: string }> {
  const outline = await tx.application.findUniqueOrThrow({
    where: { id: input.outlineId },
    select: {
      id: true,
      title: true,
      answers: true,
      networkId: true,
      createdById: true,
      call: { select: { id: true, stages: { where: { kind: "FULL_PROPOSAL" }, select: { id: true, form: { select: { definition: true } } } } } },
      stage: { select: { form: { select: { definition: true } } } },
      files: {
        where: { fieldKey: { not: null } },
        select: { id: true, fieldKey: true, storage: true, storageKey: true, originalName: true, contentType: true, sizeBytes: true, sha256: true, uploadedById: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const fullStage = outline.call.stages[0];
  if (!fullStage) throw new RefusedError("workflow.refused");
  const outlineDefinition = outline.stage.form ? storedDefinition(outline.stage.form.definition) : null;
  const fullDefinition = fullStage.form ? storedDefinition(fullStage.form.definition) : null;
  if (!outlineDefinition || !fullDefinition) throw new RefusedError("formBuilder.error.storedInvalid");
  const existing = await tx.application.findFirst({ where: { networkId: outline.networkId, stageId: fullStage.id }, select: { id: true } });
  if (existing) throw new RefusedError("managerApplications.error.alreadyInvited");
  const fullProposalId = fullProposalIdOf(outline.id);
  const answers = carryOverAnswers({ definition: outlineDefinition, answers: parseAnswers(outline.answers) }, fullDefinition);
  const carriedFiles = filesToCarryOver(fullDefinition, answers, outline.files);
  await tx.application.create({
    data: {
      id: fullProposalId,
      callId: outline.call.id,
      stageId: fullStage.id,
      networkId: outline.networkId,
      title: outline.title,
      state: "draft",
      answers: answers as Prisma.InputJsonValue,
      answersUpdatedAt: input.now,
      conditions: input.conditions.map((text) => ({ text, answer: null })),
      previousApplicationId: outline.id,
      createdById: outline.createdById,
      createdAt: input.now,
    },
  });
  // The full proposal's rows name the outline's stored bytes; deleting either row leaves them to the other.
  const fileCopies = [];
  for (const { id: fromFileId, ...file } of carriedFiles) {
    const copy = await tx.storedFile.create({ data: { ...file, applicationId: fullProposalId }, select: { id: true } });
    fileCopies.push({ fileId: copy.id, fromFileId });
  }
  await recordAudit(
    tx,
    {
      actorId: input.actorId,
      entityType: "Application",
      entityId: fullProposalId,
      action: "CREATE_FROM_INVITATION",
      toState: "draft",
      data: { previousApplicationId: outline.id, conditions: input.conditions, carriedFiles: fileCopies },
    },
    input.now,
  );
  return { fullProposalId };
}
