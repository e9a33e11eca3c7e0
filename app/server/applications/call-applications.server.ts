import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { carryOverAnswers } from "~/forms/answers";
import { conditionsOf, parseAnswers } from "~/forms/application-schemas";
import { answersWithFiles, filesToCarryOver } from "~/forms/file-fields";
import type { ApplicationActionInput, ManagerAction } from "~/forms/call-schemas";
import { formatDateTime } from "~/i18n";
import type { ApplicationEvent } from "@workflows/application.machine";
import { prisma } from "../db.server";
import { managedApplications, managedCalls } from "./access.server";
import { acceptedEvents, changeApplicationState } from "./workflow.server";
import { effectiveDeadline } from "./applications.server";
import { historyOfLoadedApplication } from "./history.server";
import { recordAudit } from "../audit.server";
import { storedDefinition } from "../calls/form-builder.server";
import { notFound, RefusedError } from "../http.server";
import { composeEmail, queueEmail, type ComposedEmail } from "../mail/outbox.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * The programme manager's side of a call's applications: the list, one application's answers, an
 * individual deadline extension, and the workflow steps after the deadline (eligibility check,
 * shortlist, waitlist, decision, invitation of an outline to the full proposal). Every query carries
 * `managedApplications`/`managedCalls`; every state change goes through the application machine.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

/** States in which the stage is still running for this application, so a later deadline can help. */
const extendableStates = ["draft", "submitted", "withdrawn"];

function managedApplication(actor: Actor, applicationId: string): Prisma.ApplicationWhereInput {
  return { AND: [{ id: applicationId }, managedApplications(actor)] };
}

export async function listCallApplications(actor: Actor, callId: string) {
  const call = await prisma.call.findFirst({
    where: { AND: [{ id: callId }, managedCalls(actor)] },
    select: { id: true, title: true, round: true, status: true, stages: { select: { id: true, kind: true, closesAt: true }, orderBy: { position: "asc" } } },
  });
  if (!call) throw notFound();
  const applications = await prisma.application.findMany({
    where: { AND: [{ callId: call.id }, managedApplications(actor)] },
    select: {
      id: true,
      title: true,
      state: true,
      submittedAt: true,
      receiptNumber: true,
      deadlineExtendedUntil: true,
      network: { select: { name: true, bundesland: true } },
      stage: { select: { kind: true, position: true } },
    },
    orderBy: [{ stage: { position: "asc" } }, { network: { name: "asc" } }],
  });
  return { call, applications };
}

/** Every event a manager may send, with the facts the machine's guards need. */
function managerEvents(stage: { kind: string; closesAt: Date }, deadlineExtendedUntil: Date | null, now: Date, reason = ""): Record<ManagerAction, ApplicationEvent> {
  const isOutline = stage.kind === "OUTLINE";
  return {
    START_ELIGIBILITY_CHECK: { type: "START_ELIGIBILITY_CHECK", at: now.toISOString(), deadline: effectiveDeadline(stage, deadlineExtendedUntil).toISOString() },
    MARK_ELIGIBLE: { type: "MARK_ELIGIBLE" },
    MARK_INELIGIBLE: { type: "MARK_INELIGIBLE", reason },
    SHORTLIST: { type: "SHORTLIST" },
    WAITLIST: { type: "WAITLIST" },
    REJECT: { type: "REJECT" },
    APPROVE: { type: "APPROVE", isOutline },
    INVITE_TO_NEXT_STAGE: { type: "INVITE_TO_NEXT_STAGE", isOutline },
  };
}

export async function loadApplicationForManager(actor: Actor, applicationId: string, now = new Date()) {
  const application = await prisma.application.findFirst({
    where: managedApplication(actor, applicationId),
    select: {
      id: true,
      title: true,
      state: true,
      snapshot: true,
      version: true,
      answers: true,
      conditions: true,
      submittedAt: true,
      receiptNumber: true,
      deadlineExtendedUntil: true,
      extensionReason: true,
      createdAt: true,
      network: { select: { name: true, bundesland: true, region: true } },
      call: { select: { id: true, title: true, round: true, stages: { select: { kind: true }, orderBy: { position: "asc" } } } },
      stage: { select: { kind: true, opensAt: true, closesAt: true, form: { select: { definition: true, version: true } } } },
      previousApplication: { select: { id: true } },
      nextApplication: { select: { id: true, state: true } },
      versions: { select: { number: true, submittedAt: true, receiptNumber: true }, orderBy: { number: "desc" } },
      files: { select: { id: true, originalName: true, sizeBytes: true, fieldKey: true } },
    },
  });
  if (!application) throw notFound();
  const history = await historyOfLoadedApplication(application);
  const { snapshot, answers, conditions, files, stage, ...rest } = application;
  const definition = stage.form ? storedDefinition(stage.form.definition) : null;
  const events = managerEvents(stage, application.deadlineExtendedUntil, now);
  const hasFullProposal = application.call.stages.some((candidate) => candidate.kind === "FULL_PROPOSAL");
  const accepted = acceptedEvents(application.state, snapshot, Object.values(events)).filter((event) => event !== "INVITE_TO_NEXT_STAGE" || hasFullProposal);
  const context = (snapshot as { context?: { ineligibleReason?: string | null } } | null)?.context;
  const deadline = effectiveDeadline(stage, application.deadlineExtendedUntil);
  return {
    ...rest,
    stage: { kind: stage.kind, opensAt: stage.opensAt, closesAt: stage.closesAt, formVersion: stage.form?.version ?? null },
    deadline,
    /** Still within its stage's running phase, so the eligibility check has to wait. */
    awaitsDeadline: extendableStates.includes(application.state) && now < deadline,
    definition,
    answers: definition ? answersWithFiles(definition, parseAnswers(answers), files) : parseAnswers(answers),
    conditions: conditionsOf(conditions),
    files: files.map((file) => ({ id: file.id, fieldKey: file.fieldKey, originalName: file.originalName, sizeBytes: Number(file.sizeBytes) })),
    ineligibleReason: context?.ineligibleReason ?? null,
    actions: accepted as ManagerAction[],
    canExtend: extendableStates.includes(application.state),
    history,
  };
}
export type ManagedApplication = Awaited<ReturnType<typeof loadApplicationForManager>>;

/**
 * Gives one application a later deadline than its stage's, with a reason that goes into the audit
 * log. Only while the application is still in its stage's running phase (draft, submitted or
 * withdrawn) and only to a moment later than both the stage's deadline and now.
 */
export async function grantDeadlineExtension(actor: Actor, input: { applicationId: string; until: Date; reason: string }, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: managedApplication(actor, input.applicationId),
      select: { id: true, state: true, deadlineExtendedUntil: true, extensionReason: true, stage: { select: { closesAt: true } } },
    });
    if (!application) throw notFound();
    if (!extendableStates.includes(application.state)) throw new RefusedError("managerApplications.error.extensionTooLate");
    if (input.until <= application.stage.closesAt || input.until <= now) throw new RefusedError("managerApplications.error.extensionTooEarly", { field: "untilTime" });
    // The state is checked again in the write, so a step taken meanwhile (the eligibility check) wins.
    const written = await tx.application.updateMany({
      where: { id: application.id, state: { in: extendableStates } },
      data: { deadlineExtendedUntil: input.until, extensionReason: input.reason },
    });
    if (written.count !== 1) throw new RefusedError("managerApplications.error.extensionTooLate");
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "Application",
        entityId: application.id,
        action: "EXTEND_DEADLINE",
        data: {
          until: input.until.toISOString(),
          reason: input.reason,
          previousUntil: application.deadlineExtendedUntil?.toISOString() ?? null,
          previousReason: application.extensionReason,
        },
      },
      now,
    );
  });
}

/**
 * One workflow step on an application. Inviting an outline creates the network's full proposal in
 * the same transaction (state draft, answers and fitting files carried over, the manager's
 * conditions to answer) and queues a mail to the network's coordinators with its link.
 */
export async function actOnApplication(
  actor: Actor,
  input: { applicationId: string } & ApplicationActionInput,
  options: { baseUrl: string; now?: Date },
): Promise<{ state: string; fullProposalId: string | null }> {
  const now = options.now ?? new Date();
  const application = await prisma.application.findFirst({
    where: managedApplication(actor, input.applicationId),
    select: {
      id: true,
      state: true,
      snapshot: true,
      version: true,
      title: true,
      answers: true,
      networkId: true,
      createdById: true,
      deadlineExtendedUntil: true,
      network: {
        select: {
          name: true,
          memberships: { where: { role: "COORDINATOR", user: { disabledAt: null } }, select: { user: { select: { name: true, email: true, locale: true } } } },
        },
      },
      call: { select: { id: true, title: true, stages: { where: { kind: "FULL_PROPOSAL" }, select: { id: true, closesAt: true, form: { select: { definition: true } } } } } },
      stage: { select: { kind: true, closesAt: true, form: { select: { definition: true } } } },
      files: {
        where: { fieldKey: { not: null } },
        select: { id: true, fieldKey: true, storage: true, storageKey: true, originalName: true, contentType: true, sizeBytes: true, sha256: true, uploadedById: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!application) throw notFound();
  // Someone acted since the page was loaded: say so, rather than judge the step against a state the manager never saw.
  if (application.version !== input.version) throw new RefusedError("workflow.stale");
  const event = managerEvents(application.stage, application.deadlineExtendedUntil, now, input.reason)[input.action];
  if (!acceptedEvents(application.state, application.snapshot, [event]).includes(event.type)) throw new RefusedError("workflow.refused");
  if (input.action !== "INVITE_TO_NEXT_STAGE") {
    const change = await changeApplicationState({ applicationId: application.id, where: managedApplications(actor), event, actorId: actor.id, now, expectedVersion: input.version });
    return { state: change.to, fullProposalId: null };
  }

  const fullStage = application.call.stages[0];
  if (!fullStage) throw new RefusedError("workflow.refused");
  const outlineDefinition = application.stage.form ? storedDefinition(application.stage.form.definition) : null;
  const fullDefinition = fullStage.form ? storedDefinition(fullStage.form.definition) : null;
  if (!outlineDefinition || !fullDefinition) throw new RefusedError("formBuilder.error.storedInvalid");
  const fullProposalId = randomUUID();
  const url = `${options.baseUrl}/applications/${fullProposalId}`;
  // Rendered before the transaction, so rendering never holds it open.
  const mails: ComposedEmail[] = await Promise.all(
    application.network.memberships.map(({ user }) =>
      composeEmail(
        { email: user.email, locale: user.locale },
        {
          template: "invitation-to-full-proposal",
          props: {
            name: user.name,
            network: application.network.name,
            call: application.call.title,
            deadline: formatDateTime(user.locale, fullStage.closesAt),
            conditions: input.conditions,
            url,
          },
        },
      ),
    ),
  );
  const change = await changeApplicationState({
    applicationId: application.id,
    where: managedApplications(actor),
    event,
    actorId: actor.id,
    now,
    expectedVersion: input.version,
    alsoInTransaction: async (tx) => {
      const existing = await tx.application.findFirst({ where: { networkId: application.networkId, stageId: fullStage.id }, select: { id: true } });
      if (existing) throw new RefusedError("managerApplications.error.alreadyInvited");
      const answers = carryOverAnswers({ definition: outlineDefinition, answers: parseAnswers(application.answers) }, fullDefinition);
      const carriedFiles = filesToCarryOver(fullDefinition, answers, application.files);
      await tx.application.create({
        data: {
          id: fullProposalId,
          callId: application.call.id,
          stageId: fullStage.id,
          networkId: application.networkId,
          title: application.title,
          state: "draft",
          answers: answers as Prisma.InputJsonValue,
          answersUpdatedAt: now,
          conditions: input.conditions.map((text) => ({ text, answer: null })),
          previousApplicationId: application.id,
          createdById: application.createdById,
          createdAt: now,
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
          actorId: actor.id,
          entityType: "Application",
          entityId: fullProposalId,
          action: "CREATE_FROM_INVITATION",
          toState: "draft",
          data: { previousApplicationId: application.id, conditions: input.conditions, carriedFiles: fileCopies },
        },
        now,
      );
      for (const mail of mails) await queueEmail(tx, mail, now);
    },
  });
  return { state: change.to, fullProposalId };
}
