import type { Prisma } from "~/generated/prisma/client";
import { conditionsOf, parseAnswers } from "~/forms/application-schemas";
import { answersWithFiles } from "~/forms/file-fields";
import type { ApplicationActionInput, ManagerAction } from "~/forms/call-schemas";
import { countByState, filterAndSortApplications, parseApplicationListQuery, type ApplicationListQuery } from "~/forms/application-list";
import { draftProgress } from "~/forms/draft-progress";
import { invalidInputOf } from "~/forms/invalid-input";
import { requestedAmountCents } from "~/forms/requested-amount";
import type { Bundesland } from "~/generated/prisma/enums";
import { translator, type Locale } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import type { ApplicationEvent } from "@workflows/application.machine";
import { prisma } from "../db.server";
import { managedApplications, managedCalls, readableApplications } from "./access.server";
import { acceptedEvents, changeApplicationState } from "./workflow.server";
import { effectiveDeadline } from "./applications.server";
import { historyOfLoadedApplication } from "./history.server";
import { recordAudit } from "../audit.server";
import { storedDefinition } from "../calls/form-builder.server";
import { notFound, RefusedError } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * The programme manager's side of a call's applications: the list, one application's answers, an
 * individual deadline extension, and the eligibility steps after the deadline. Every query carries
 * `managedApplications`/`managedCalls`; every state change goes through the application machine.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

/** States in which the stage is still running for this application, so a later deadline can help. */
const extendableStates = ["draft", "submitted", "withdrawn"];

function managedApplication(actor: Actor, applicationId: string): Prisma.ApplicationWhereInput {
  return { AND: [{ id: applicationId }, managedApplications(actor)] };
}

/**
 * A call's applications as its list shows them: every state counted, then those the query asks for,
 * sorted. Drafts show how complete they are; the requested amount shows only where the manager may
 * read the answers (`readableApplications`: submitted, or a draft the network shares).
 */
export async function listCallApplications(actor: Actor, callId: string, query: ApplicationListQuery = parseApplicationListQuery(new URLSearchParams()), locale: Locale = "de") {
  const found = await prisma.call.findFirst({
    where: { AND: [{ id: callId }, managedCalls(actor)] },
    select: {
      id: true,
      title: true,
      round: true,
      status: true,
      stages: { select: { id: true, kind: true, closesAt: true, form: { select: { definition: true } } }, orderBy: { position: "asc" } },
    },
  });
  if (!found) throw notFound();
  const [rows, readable] = await Promise.all([
    prisma.application.findMany({
      where: { AND: [{ callId: found.id }, managedApplications(actor)] },
      select: {
        id: true,
        title: true,
        state: true,
        stageId: true,
        answers: true,
        conditions: true,
        invalidInput: true,
        submittedAt: true,
        receiptNumber: true,
        deadlineExtendedUntil: true,
        network: { select: { name: true, bundesland: true } },
        files: { where: { fieldKey: { not: null } }, select: { id: true, fieldKey: true } },
      },
    }),
    prisma.application.findMany({ where: { AND: [{ callId: found.id }, readableApplications(actor)] }, select: { id: true } }),
  ]);
  const readableIds = new Set(readable.map((row) => row.id));
  // One form per stage, parsed once rather than once per application.
  const stages = new Map(found.stages.map((stage) => [stage.id, { kind: stage.kind, definition: stage.form ? storedDefinition(stage.form.definition) : null }]));
  const listed = rows.map(({ answers: storedAnswers, conditions, invalidInput, files, stageId, ...row }) => {
    const stage = stages.get(stageId)!;
    const answers = parseAnswers(storedAnswers);
    const definition = stage.definition;
    return {
      ...row,
      stage: { kind: stage.kind },
      answersReadable: readableIds.has(row.id),
      requestedCents: definition && readableIds.has(row.id) ? requestedAmountCents(definition, answers) : null,
      progress: definition && row.state === "draft" ? draftProgress(definition, answersWithFiles(definition, answers, files), conditionsOf(conditions), invalidInputOf(invalidInput)) : null,
    };
  });
  const t = translator(locale);
  const { stages: _stages, ...call } = found;
  return {
    call: { ...call, stages: found.stages.map(({ form: _form, ...stage }) => stage) },
    query,
    total: listed.length,
    counts: countByState(listed),
    lands: sortByGermanName([...new Set(listed.map((row) => row.network.bundesland))], (code) => t(`bundesland.${code}`)),
    applications: filterAndSortApplications(listed, query, (code) => t(`bundesland.${code as Bundesland}`)),
  };
}
export type CallApplicationList = Awaited<ReturnType<typeof listCallApplications>>;

/** Every event a manager may send, with the facts the machine's guards need. */
function managerEvents(stage: { closesAt: Date }, deadlineExtendedUntil: Date | null, now: Date, reason = ""): Record<ManagerAction, ApplicationEvent> {
  return {
    START_ELIGIBILITY_CHECK: { type: "START_ELIGIBILITY_CHECK", at: now.toISOString(), deadline: effectiveDeadline(stage, deadlineExtendedUntil).toISOString() },
    MARK_ELIGIBLE: { type: "MARK_ELIGIBLE" },
    MARK_INELIGIBLE: { type: "MARK_INELIGIBLE", reason },
  };
}

/**
 * One application for the manager's page. Its answers, conditions' answers and files come along only
 * where the manager may read them (`readableApplications`); of a draft the network keeps to itself
 * the page shows how complete it is.
 */
export async function loadApplicationForManager(actor: Actor, applicationId: string, now = new Date()) {
  const [application, readable] = await Promise.all([
    prisma.application.findFirst({
      where: managedApplication(actor, applicationId),
      select: {
        id: true,
        title: true,
        state: true,
        snapshot: true,
        version: true,
        answers: true,
        conditions: true,
        invalidInput: true,
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
    }),
    prisma.application.count({ where: { AND: [{ id: applicationId }, readableApplications(actor)] } }),
  ]);
  if (!application) throw notFound();
  const history = await historyOfLoadedApplication(application);
  const answersReadable = readable === 1;
  const { snapshot, answers: storedAnswers, conditions: storedConditions, invalidInput, files: storedFiles, stage, ...rest } = application;
  const definition = stage.form ? storedDefinition(stage.form.definition) : null;
  const conditions = conditionsOf(storedConditions);
  const answers = definition ? answersWithFiles(definition, parseAnswers(storedAnswers), storedFiles) : parseAnswers(storedAnswers);
  const files = answersReadable ? storedFiles : [];
  const events = managerEvents(stage, application.deadlineExtendedUntil, now);
  const accepted = acceptedEvents(application.state, snapshot, Object.values(events));
  const context = (snapshot as { context?: { ineligibleReason?: string | null } } | null)?.context;
  const deadline = effectiveDeadline(stage, application.deadlineExtendedUntil);
  return {
    ...rest,
    stage: { kind: stage.kind, opensAt: stage.opensAt, closesAt: stage.closesAt, formVersion: stage.form?.version ?? null },
    deadline,
    /** Still within its stage's running phase, so the eligibility check has to wait. */
    awaitsDeadline: extendableStates.includes(application.state) && now < deadline,
    definition,
    answersReadable,
    answers: answersReadable ? answers : {},
    conditions: answersReadable ? conditions : conditions.map((condition) => ({ text: condition.text, answer: null })),
    progress: definition && application.state === "draft" ? draftProgress(definition, answers, conditions, invalidInputOf(invalidInput)) : null,
    files: files.map((file) => ({ id: file.id, fieldKey: file.fieldKey, originalName: file.originalName, sizeBytes: Number(file.sizeBytes) })),
    ineligibleReason: context?.ineligibleReason ?? null,
    actions: accepted as ManagerAction[],
    canExtend: extendableStates.includes(application.state),
    // A file's name is part of what the network keeps to itself while its draft is its own.
    history: answersReadable ? history : history.map((entry) => ({ ...entry, fileName: null })),
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

/** One eligibility step on an application; decisions go through `~/server/decisions`. */
export async function actOnApplication(actor: Actor, input: { applicationId: string } & ApplicationActionInput, now = new Date()): Promise<{ state: string }> {
  const application = await prisma.application.findFirst({
    where: managedApplication(actor, input.applicationId),
    select: { id: true, state: true, snapshot: true, version: true, deadlineExtendedUntil: true, stage: { select: { kind: true, closesAt: true } } },
  });
  if (!application) throw notFound();
  // Someone acted since the page was loaded: say so, rather than judge the step against a state the manager never saw.
  if (application.version !== input.version) throw new RefusedError("workflow.stale");
  const event = managerEvents(application.stage, application.deadlineExtendedUntil, now, input.reason)[input.action];
  if (!acceptedEvents(application.state, application.snapshot, [event]).includes(event.type)) throw new RefusedError("workflow.refused");
  const change = await changeApplicationState({ applicationId: application.id, where: managedApplications(actor), event, actorId: actor.id, now, expectedVersion: input.version });
  return { state: change.to };
}
