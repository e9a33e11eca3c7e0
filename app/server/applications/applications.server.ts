import { Prisma } from "~/generated/prisma/client";
import { prisma, type Transaction } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { editableApplications, readableApplications } from "./access.server";
import { acceptedEvents, changeApplicationState } from "./workflow.server";
import { composeEmail, queueEmail } from "../mail/outbox.server";
import { releaseStoredObjects, takeFileOffDraft, type StoredObject } from "../files/application-files.server";
import { historyOfLoadedApplication } from "./history.server";
import { currentFacts, versionPdfFilename } from "../pdf/version-pdf.server";
import type { CurrentUser } from "../accounts/session.server";
import { definitionOf, formDefinition } from "~/forms/form-definition";
import type { Answers } from "~/forms/answers";
import { answersWithFiles } from "~/forms/file-fields";
import { invalidInputOf, placeOfInput, sameInvalidInput, type InvalidInput } from "~/forms/invalid-input";
import {
  applicationChecklist,
  applyRowChange,
  conditionsOf,
  differencesBetween,
  invalidInputAfterRowChange,
  parseAnswers,
  partnerLetterKey,
  prefillPartners,
  type AnswerDifference,
  type ApplicationCondition,
  type DraftInput,
  type RowChange,
} from "~/forms/application-schemas";
import { isOpenToLand } from "~/forms/call-openness";
import type { Bundesland } from "~/generated/prisma/enums";
import { formatDateTime } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import { visibleHistory, visibleIneligibleReason, visibleState } from "./eligibility-visibility.server";

/**
 * A network's applications from start to submission: start one per network and stage, save drafts
 * with optimistic revisions, submit (a frozen version, a receipt number and a confirmation mail with
 * the PDF of what was submitted), withdraw and reopen until the deadline. The caller's permission is
 * part of every query; a row the caller may not see is a 404.
 */

const BERLIN_YEAR = new Intl.DateTimeFormat("en", { timeZone: "Europe/Berlin", year: "numeric" });

/** The stage's closing instant, or the individual extension when a manager granted a later one. */
export function effectiveDeadline(stage: { closesAt: Date }, deadlineExtendedUntil: Date | null): Date {
  return deadlineExtendedUntil && deadlineExtendedUntil > stage.closesAt ? deadlineExtendedUntil : stage.closesAt;
}

/** "mint-cluster-runde-4", round 4 → "MC4": initials of the slug's words, numbers and "round" left out. */
export function receiptPrefix(call: { slug: string; round: number }): string {
  const initials = call.slug
    .split("-")
    .filter((word) => /^[a-z]/i.test(word) && !/^(runde|round)$/i.test(word))
    .map((word) => word[0]!.toUpperCase())
    .join("")
    .slice(0, 4);
  return `${initials || "A"}${call.round}`;
}

export function formatReceiptNumber(call: { slug: string; round: number }, at: Date, sequence: bigint | number): string {
  return `${receiptPrefix(call)}-${BERLIN_YEAR.format(at)}-${String(sequence).padStart(6, "0")}`;
}

async function drawReceiptNumber(call: { slug: string; round: number }, at: Date): Promise<string> {
  const [row] = await prisma.$queryRaw<{ value: bigint }[]>`SELECT nextval('"ApplicationReceipt_seq"') AS value`;
  return formatReceiptNumber(call, at, row!.value);
}

// ---------------------------------------------------------------------------------------------
// Starting

/** The network already has an application in this stage; the page links to it. */
export class ApplicationExistsError extends RefusedError {
  constructor(readonly applicationId: string) {
    super("applications.start.exists");
  }
}

/** The call is open only to networks from some Länder, and the network is elsewhere. */
export class CallNotOpenToLandError extends RefusedError {
  constructor(
    readonly openTo: Bundesland[],
    readonly network: { name: string; bundesland: Bundesland },
  ) {
    super("callLaender.error.startRefused", { status: 403 });
  }
}

/**
 * Starts the network's application for the call's open stage. Full proposals are reached only by
 * the manager's invitation, never started here; a call open only to some Länder only by networks
 * from there. The partner roster fills every partner field.
 */
export async function startApplication(
  actor: Pick<CurrentUser, "id" | "role">,
  input: { callSlug: string; networkId?: string },
  now = new Date(),
): Promise<{ applicationId: string }> {
  if (actor.role !== "APPLICANT") throw notFound();
  const call = await prisma.call.findFirst({
    where: { slug: input.callSlug, status: "PUBLISHED" },
    select: {
      id: true,
      title: true,
      openToBundeslaender: true,
      stages: { where: { opensAt: { lte: now }, closesAt: { gt: now } }, select: { id: true, kind: true, form: { select: { definition: true } } } },
    },
  });
  if (!call) throw notFound();
  const stage = call.stages.find((candidate) => candidate.kind !== "FULL_PROPOSAL");
  if (!stage) throw new RefusedError(call.stages.length > 0 ? "applications.start.invitationOnly" : "applications.start.notOpen");
  const memberships = await prisma.networkMembership.findMany({
    where: { userId: actor.id },
    select: {
      networkId: true,
      network: { select: { name: true, bundesland: true, partners: { select: { name: true, type: true, roleInNetwork: true }, orderBy: { position: "asc" } } } },
    },
  });
  const membership = input.networkId ? memberships.find((candidate) => candidate.networkId === input.networkId) : memberships.length === 1 ? memberships[0] : undefined;
  if (!membership) throw new RefusedError(memberships.length === 0 ? "applications.start.noNetwork" : "applications.start.chooseNetwork", { field: "networkId" });
  const existing = await prisma.application.findUnique({ where: { networkId_stageId: { networkId: membership.networkId, stageId: stage.id } }, select: { id: true } });
  if (existing) throw new ApplicationExistsError(existing.id);
  if (!isOpenToLand(call.openToBundeslaender, membership.network.bundesland)) throw new CallNotOpenToLandError(call.openToBundeslaender, membership.network);
  const definition = definitionOf(stage.form?.definition);
  try {
    return await prisma.$transaction(async (tx) => {
      const application = await tx.application.create({
        data: {
          callId: call.id,
          stageId: stage.id,
          networkId: membership.networkId,
          title: call.title,
          answers: prefillPartners(definition, membership.network.partners) as object,
          answersUpdatedAt: now,
          createdById: actor.id,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: actor.id, entityType: "Application", entityId: application.id, action: "started", toState: "draft" }, now);
      return { applicationId: application.id };
    });
  } catch (error) {
    // Two people of one network pressing "start" at once: the unique key lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await prisma.application.findUniqueOrThrow({ where: { networkId_stageId: { networkId: membership.networkId, stageId: stage.id } }, select: { id: true } });
      throw new ApplicationExistsError(winner.id);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

const pageSelect = {
  id: true,
  title: true,
  state: true,
  snapshot: true,
  answers: true,
  answersRevision: true,
  answersUpdatedAt: true,
  invalidInput: true,
  conditions: true,
  deadlineExtendedUntil: true,
  submittedAt: true,
  receiptNumber: true,
  previousApplicationId: true,
  sharedWithManagersAt: true,
  call: { select: { slug: true, title: true, round: true, programme: { select: { name: true } } } },
  stage: { select: { kind: true, opensAt: true, closesAt: true, eligibilityReleasedAt: true, form: { select: { definition: true } } } },
  network: { select: { id: true, name: true, bundesland: true } },
  files: { select: { id: true, fieldKey: true, originalName: true, sizeBytes: true, createdAt: true }, orderBy: { createdAt: "asc" as const } },
  versions: { select: { number: true, receiptNumber: true, submittedAt: true, submittedBy: { select: { name: true } } }, orderBy: { number: "desc" as const } },
} satisfies Prisma.ApplicationSelect;

/**
 * Everything the application page shows: the form with the stored answers, files by field, what
 * is missing, the deadline and which actions the caller can take now. Readers who may not edit
 * (managers, jurors) get the same data read-only.
 */
export async function applicationForPage(actor: Pick<CurrentUser, "id" | "role">, applicationId: string, now = new Date()) {
  const [row, editable] = await Promise.all([
    prisma.application.findFirst({ where: { AND: [{ id: applicationId }, readableApplications(actor)] }, select: pageSelect }),
    prisma.application.count({ where: { AND: [{ id: applicationId }, editableApplications(actor)] } }),
  ]);
  if (!row) throw notFound();
  const definition = definitionOf(row.stage.form?.definition);
  const answers = parseAnswers(row.answers);
  const conditions = conditionsOf(row.conditions);
  // What was typed but is no answer yet stays with the people who edit the draft; readers see the field as missing.
  const invalidInput = editable === 1 ? invalidInputOf(row.invalidInput) : [];
  const deadline = effectiveDeadline(row.stage, row.deadlineExtendedUntil);
  const open = now < deadline;
  const canEdit = editable === 1 && open && row.state === "draft";
  const moment = { at: now.toISOString(), deadline: deadline.toISOString() };
  const actions = editable === 1 ? acceptedEvents(row.state, row.snapshot, [{ type: "WITHDRAW", ...moment }, { type: "REOPEN", ...moment }]) : [];
  const checklist = applicationChecklist(definition, answersWithFiles(definition, answers, row.files), conditions, invalidInput);
  const history = visibleHistory(actor, await historyOfLoadedApplication(row), row.stage);
  return {
    application: {
      id: row.id,
      title: row.title,
      state: visibleState(actor, row, row.stage),
      ineligibleReason: visibleIneligibleReason(actor, row, row.stage),
      revision: row.answersRevision,
      answersUpdatedAt: row.answersUpdatedAt,
      submittedAt: row.submittedAt,
      receiptNumber: row.receiptNumber,
      fromOutline: row.previousApplicationId !== null,
      sharedWithManagers: row.sharedWithManagersAt !== null,
    },
    call: { slug: row.call.slug, title: row.call.title },
    stage: { kind: row.stage.kind, opensAt: row.stage.opensAt, closesAt: row.stage.closesAt },
    network: { id: row.network.id, name: row.network.name },
    deadline,
    extended: deadline > row.stage.closesAt,
    open,
    editable: editable === 1,
    canEdit,
    actions,
    definition,
    answers,
    conditions,
    invalidInput,
    checklist,
    files: row.files.map((file) => ({ id: file.id, fieldKey: file.fieldKey, originalName: file.originalName, sizeBytes: Number(file.sizeBytes) })),
    versions: row.versions,
    history,
  };
}

export type ApplicationPage = Awaited<ReturnType<typeof applicationForPage>>;

/** The caller's networks' applications for their start page: state, deadline, and how much is missing. */
export async function applicationsOfMember(actor: Pick<CurrentUser, "id" | "role">) {
  const rows = await prisma.application.findMany({
    where: editableApplications(actor),
    select: {
      id: true,
      state: true,
      snapshot: true,
      answers: true,
      conditions: true,
      invalidInput: true,
      deadlineExtendedUntil: true,
      receiptNumber: true,
      network: { select: { id: true, name: true } },
      call: { select: { slug: true, title: true } },
      stage: { select: { kind: true, closesAt: true, eligibilityReleasedAt: true, form: { select: { definition: true } } } },
      files: { select: { id: true, fieldKey: true } },
    },
    orderBy: [{ stage: { closesAt: "desc" } }, { createdAt: "desc" }],
  });
  return rows.map((row) => {
    const parsed = formDefinition.safeParse(row.stage.form?.definition ?? { sections: [] });
    const missing =
      row.state === "draft" && parsed.success
        ? applicationChecklist(parsed.data, answersWithFiles(parsed.data, parseAnswers(row.answers), row.files), conditionsOf(row.conditions), invalidInputOf(row.invalidInput)).length
        : null;
    return {
      id: row.id,
      state: visibleState(actor, row, row.stage),
      ineligibleReason: visibleIneligibleReason(actor, row, row.stage),
      receiptNumber: row.receiptNumber,
      network: row.network,
      call: row.call,
      stageKind: row.stage.kind,
      deadline: effectiveDeadline(row.stage, row.deadlineExtendedUntil),
      extended: row.deadlineExtendedUntil !== null && row.deadlineExtendedUntil > row.stage.closesAt,
      missing,
    };
  });
}

const storedDraftSelect = {
  id: true,
  state: true,
  answers: true,
  answersRevision: true,
  invalidInput: true,
  conditions: true,
  deadlineExtendedUntil: true,
  stage: { select: { closesAt: true, form: { select: { definition: true } } } },
} satisfies Prisma.ApplicationSelect;

/** A draft as read for saving it, with the person's permission checked in the query. */
export type StoredDraft = Prisma.ApplicationGetPayload<{ select: typeof storedDraftSelect }>;

async function loadStoredDraft(actor: Pick<CurrentUser, "id" | "role">, applicationId: string): Promise<StoredDraft> {
  const row = await prisma.application.findFirst({ where: { AND: [{ id: applicationId }, editableApplications(actor)] }, select: storedDraftSelect });
  if (!row) throw notFound();
  return row;
}

/**
 * What parsing a posted draft needs: the stage's form and how many conditions to answer; and the
 * stored draft itself, which the save that follows takes instead of reading it again.
 */
export async function draftFormOf(actor: Pick<CurrentUser, "id" | "role">, applicationId: string) {
  const stored = await loadStoredDraft(actor, applicationId);
  return { definition: definitionOf(stored.stage.form?.definition), conditionCount: conditionsOf(stored.conditions).length, stored };
}

/**
 * For the public call page: the stage open now (else the next one) with its form for the preview,
 * and for a logged-in network member whether they can start an application or already have one.
 */
export async function stageForCallPage(callSlug: string, actor: Pick<CurrentUser, "id" | "role"> | null, now = new Date()) {
  const stages = await prisma.callStage.findMany({
    where: { call: { slug: callSlug, status: { in: ["PUBLISHED", "CLOSED", "ARCHIVED"] } } },
    select: { id: true, kind: true, opensAt: true, closesAt: true, call: { select: { status: true, openToBundeslaender: true } }, form: { select: { definition: true } } },
    orderBy: { position: "asc" },
  });
  const stage = stages.find((candidate) => candidate.opensAt <= now && now < candidate.closesAt) ?? stages.find((candidate) => candidate.opensAt > now);
  if (!stage) return null;
  const parsed = formDefinition.safeParse(stage.form?.definition ?? { sections: [] });
  const open = stage.call.status === "PUBLISHED" && stage.opensAt <= now;
  let applicant: { networks: { id: string; name: string; bundesland: Bundesland; openToIt: boolean; applicationId: string | null }[] } | null = null;
  if (actor?.role === "APPLICANT") {
    const networks = await prisma.network.findMany({
      where: { memberships: { some: { userId: actor.id } } },
      select: { id: true, name: true, bundesland: true, applications: { where: { stageId: stage.id }, select: { id: true } } },
    });
    applicant = {
      networks: sortByGermanName(networks, (network) => network.name).map((network) => ({
        id: network.id,
        name: network.name,
        bundesland: network.bundesland,
        openToIt: isOpenToLand(stage.call.openToBundeslaender, network.bundesland),
        applicationId: network.applications[0]?.id ?? null,
      })),
    };
  }
  return {
    kind: stage.kind,
    opensAt: stage.opensAt,
    closesAt: stage.closesAt,
    open,
    invitationOnly: stage.kind === "FULL_PROPOSAL",
    definition: parsed.success ? parsed.data : null,
    applicant,
  };
}

// ---------------------------------------------------------------------------------------------
// Saving drafts

/**
 * The save was based on an older revision: someone saved meanwhile. Nothing was written; the page
 * shows the differences and lets the person decide.
 */
export class StaleDraftError extends RefusedError {
  constructor(
    readonly differences: AnswerDifference[],
    readonly currentRevision: number,
  ) {
    super("applications.stale.message", { status: 409 });
  }
}

function conditionsWithAnswers(conditions: ApplicationCondition[], answers: string[]): ApplicationCondition[] {
  return conditions.map((condition, index) => ({ text: condition.text, answer: answers[index]?.trim() ? answers[index]!.trim() : null }));
}

function refuseWhenClosed(row: { state: string; deadline: Date }, now: Date): void {
  if (now >= row.deadline) throw new RefusedError("applications.error.deadlinePassed");
  if (row.state !== "draft") throw new RefusedError("applications.error.notDraft");
}

/**
 * The invalid input a save leaves: what the post held, plus, while eligibility questions hide the
 * fields (so none were posted), the fields' input held before.
 */
function invalidInputToKeep(stored: InvalidInput[], draft: DraftInput): InvalidInput[] {
  const posted = draft.invalidInput ?? [];
  if (draft.fieldsShown) return posted;
  const isField = (item: InvalidInput) => {
    const place = placeOfInput(item.name);
    return place !== null && "fieldKey" in place;
  };
  return [...stored.filter(isField), ...posted.filter((item) => !isField(item))];
}

/**
 * Saves a draft when it is based on the stored revision; otherwise refuses with what differs.
 * A stale save that changes nothing is no conflict (the same page saving twice); one that changes
 * only input held as invalid is written on the stored revision, as no answer is at stake. Valid
 * answers are saved beside invalid input, which is kept as typed until it is fixed. A row button
 * (add or remove a partner or budget line) is applied to the posted answers in the same save;
 * removing a partner row moves the later rows' letters of intent up with them. Removing a row whose
 * letter of intent would be deleted needs `rowChangeConfirmed`; without it the rest is saved and the
 * row change comes back as `unconfirmedRowChange`, for the page to ask.
 */
export async function saveDraft(
  actor: Pick<CurrentUser, "id" | "role">,
  input: { applicationId: string; baseRevision: number; draft: DraftInput; rowChange?: RowChange; rowChangeConfirmed?: boolean; stored?: StoredDraft },
  now = new Date(),
): Promise<{ revision: number; unconfirmedRowChange?: RowChange }> {
  // A draft read a moment ago is as good as a fresh one: the write below is conditional on its revision.
  const row = input.stored ?? (await loadStoredDraft(actor, input.applicationId));
  refuseWhenClosed({ state: row.state, deadline: effectiveDeadline(row.stage, row.deadlineExtendedUntil) }, now);
  const definition = definitionOf(row.stage.form?.definition);
  const stored = parseAnswers(row.answers);
  const storedConditions = conditionsOf(row.conditions);
  const storedConditionAnswers = storedConditions.map((condition) => condition.answer ?? "");
  const storedInvalidInput = invalidInputOf(row.invalidInput);
  let invalidInput = invalidInputToKeep(storedInvalidInput, input.draft);
  let baseRevision = input.baseRevision;
  if (baseRevision !== row.answersRevision) {
    const differences = differencesBetween(definition, { answers: stored, conditionAnswers: storedConditionAnswers }, input.draft);
    if (differences.length > 0 || input.rowChange) throw new StaleDraftError(differences, row.answersRevision);
    if (sameInvalidInput(storedInvalidInput, invalidInput)) return { revision: row.answersRevision };
    baseRevision = row.answersRevision;
  }
  let answers: Answers = {
    eligibility: input.draft.answers.eligibility ?? {},
    fields: input.draft.fieldsShown ? (input.draft.answers.fields ?? {}) : (stored.fields ?? {}),
  };
  const unconfirmedRowChange = input.rowChangeConfirmed ? undefined : await rowChangeLosingALetter(row.id, input.rowChange);
  const rowChange = unconfirmedRowChange ? undefined : input.rowChange;
  if (rowChange) {
    const changed = applyRowChange(definition, answers, rowChange);
    if (!changed) throw new RefusedError("applications.error.unknownRow", { status: 400 });
    answers = changed;
    invalidInput = invalidInputAfterRowChange(invalidInput, rowChange);
  }
  const conditions = conditionsWithAnswers(storedConditions, input.draft.conditionAnswers);
  // One conditional UPDATE is atomic on its own; only removing a partner row moves its letters in the
  // same transaction. Sparing the others BEGIN and COMMIT spares the database two round trips per save.
  const write = async (db: Transaction) => {
    const written = await db.application.updateMany({
      where: { id: row.id, answersRevision: baseRevision, state: "draft" },
      data: {
        answers: answers as object,
        conditions: conditions as object[],
        invalidInput: invalidInput as object[],
        answersRevision: { increment: 1 },
        answersUpdatedAt: now,
      },
    });
    if (written.count !== 1) {
      // Someone saved or submitted between reading and writing: answer as if we had seen it first.
      const current = await db.application.findUniqueOrThrow({ where: { id: row.id }, select: { state: true, answers: true, answersRevision: true, conditions: true } });
      if (current.state !== "draft") throw new RefusedError("applications.error.notDraft");
      const theirs = { answers: parseAnswers(current.answers), conditionAnswers: conditionsOf(current.conditions).map((condition) => condition.answer ?? "") };
      throw new StaleDraftError(differencesBetween(definition, theirs, input.draft), current.answersRevision);
    }
    const removedLetters =
      rowChange?.kind === "removePartner" ? await moveLettersUp(db, { applicationId: row.id, actorId: actor.id, now }, rowChange.fieldKey, rowChange.row) : [];
    return { revision: baseRevision + 1, removedLetters };
  };
  const saved = rowChange?.kind === "removePartner" ? await prisma.$transaction(write) : await write(prisma);
  await releaseStoredObjects(saved.removedLetters);
  return { revision: saved.revision, unconfirmedRowChange };
}

/** The row change, if it removes a partner row that has a letter of intent (deleting the letter needs a yes). */
async function rowChangeLosingALetter(applicationId: string, change: RowChange | undefined): Promise<RowChange | undefined> {
  if (change?.kind !== "removePartner") return undefined;
  const letters = await prisma.storedFile.count({ where: { applicationId, fieldKey: partnerLetterKey(change.fieldKey, change.row) } });
  return letters > 0 ? change : undefined;
}

/**
 * The removed row's letter leaves the draft (deleted, unless a submitted version points to it); the
 * letters of the rows below follow their rows up. Returns the stored objects to release after commit.
 */
async function moveLettersUp(
  tx: Transaction,
  change: { applicationId: string; actorId: string; now: Date },
  fieldKey: string,
  removedRow: number,
): Promise<StoredObject[]> {
  const { applicationId } = change;
  const letters = await tx.storedFile.findMany({
    where: { applicationId, fieldKey: { startsWith: `${fieldKey}.` } },
    select: { id: true, fieldKey: true, originalName: true, storage: true, storageKey: true },
  });
  const removed: StoredObject[] = [];
  for (const letter of letters) {
    const row = Number(letter.fieldKey!.slice(fieldKey.length + 1));
    if (!Number.isInteger(row) || row < removedRow) continue;
    if (row > removedRow) {
      await tx.storedFile.update({ where: { id: letter.id }, data: { fieldKey: partnerLetterKey(fieldKey, row - 1) } });
      continue;
    }
    const object = await takeFileOffDraft(tx, applicationId, letter);
    if (object) removed.push(object);
    await recordAudit(
      tx,
      { actorId: change.actorId, entityType: "Application", entityId: applicationId, action: "fileDeleted", data: { fileId: letter.id, fileName: letter.originalName, fieldKey: letter.fieldKey, kept: object === null } },
      change.now,
    );
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Submitting, withdrawing, reopening

const submitSelect = {
  ...storedDraftSelect,
  call: { select: { slug: true, round: true, title: true, programme: { select: { name: true } } } },
  stage: { select: { ...storedDraftSelect.stage.select, kind: true } },
  network: { select: { name: true, bundesland: true } },
  files: { select: { id: true, fieldKey: true, originalName: true, sizeBytes: true, sha256: true }, orderBy: { createdAt: "asc" as const } },
  _count: { select: { versions: true } },
} satisfies Prisma.ApplicationSelect;

async function loadEditable(actor: Pick<CurrentUser, "id" | "role">, applicationId: string) {
  const row = await prisma.application.findFirst({ where: { AND: [{ id: applicationId }, editableApplications(actor)] }, select: submitSelect });
  if (!row) throw notFound();
  return row;
}

/**
 * Submits the application: only complete, only before the deadline (the stage's, or the later
 * individual extension), by the server's clock. In one transaction with the state change: a frozen
 * version with a new receipt number (the answers and everything its PDF shows), the receipt on the
 * application, and the confirmation mail, whose PDF the outbox worker renders from the version after
 * commit. The mail is made before the transaction; if the answers or files change meanwhile, the
 * submission is refused rather than confirming something else.
 */
export async function submitApplication(
  actor: Pick<CurrentUser, "id" | "role" | "name" | "email" | "locale">,
  input: { applicationId: string },
  context: { baseUrl: string; now?: Date },
): Promise<{ receiptNumber: string; versionNumber: number }> {
  const now = context.now ?? new Date();
  const row = await loadEditable(actor, input.applicationId);
  const deadline = effectiveDeadline(row.stage, row.deadlineExtendedUntil);
  refuseWhenClosed({ state: row.state, deadline }, now);
  const definition = definitionOf(row.stage.form?.definition);
  const conditions = conditionsOf(row.conditions);
  const answers = answersWithFiles(definition, parseAnswers(row.answers), row.files);
  // Input held as invalid counts as missing: what was typed last is not what would be submitted.
  const missingItems = applicationChecklist(definition, answers, conditions, invalidInputOf(row.invalidInput)).length;
  if (missingItems > 0) throw new RefusedError("applications.error.incomplete");

  const versionNumber = row._count.versions + 1;
  const receiptNumber = await drawReceiptNumber(row.call, now);
  const mail = await composeEmail(
    { email: actor.email, locale: actor.locale },
    {
      template: "submission-received",
      props: {
        name: actor.name,
        call: row.call.title,
        stageKind: row.stage.kind,
        network: row.network.name,
        receiptNumber,
        submittedAt: formatDateTime(actor.locale, now),
        url: `${context.baseUrl}/applications/${row.id}/receipt`,
      },
    },
  );
  const fileIds = row.files.map((file) => file.id).join(",");
  await changeApplicationState({
    applicationId: row.id,
    where: editableApplications(actor),
    event: { type: "SUBMIT", at: now.toISOString(), deadline: deadline.toISOString(), missingItems },
    actorId: actor.id,
    now,
    alsoSet: { submittedAt: now, receiptNumber },
    alsoInTransaction: async (tx) => {
      // The state change above holds the row: what is read now is what gets frozen.
      const current = await tx.application.findUniqueOrThrow({ where: { id: row.id }, select: { answersRevision: true, files: { select: { id: true }, orderBy: { createdAt: "asc" } } } });
      if (current.answersRevision !== row.answersRevision || current.files.map((file) => file.id).join(",") !== fileIds) {
        throw new RefusedError("applications.error.changedWhileSubmitting");
      }
      const version = await tx.applicationVersion.create({
        data: {
          applicationId: row.id,
          number: versionNumber,
          answers: { ...answers, conditions } as object,
          frozenFacts: currentFacts(row, actor.name, definition) as object,
          receiptNumber,
          submittedAt: now,
          submittedById: actor.id,
        },
        select: { id: true },
      });
      await queueEmail(tx, mail, now, [{ filename: versionPdfFilename(receiptNumber), contentType: "application/pdf", applicationVersionId: version.id }]);
    },
  });
  return { receiptNumber, versionNumber };
}

async function moveBeforeDeadline(
  actor: Pick<CurrentUser, "id" | "role">,
  input: { applicationId: string; confirmed?: boolean },
  type: "WITHDRAW" | "REOPEN",
  now: Date,
): Promise<void> {
  const row = await loadEditable(actor, input.applicationId);
  const deadline = effectiveDeadline(row.stage, row.deadlineExtendedUntil);
  if (now >= deadline) throw new RefusedError("applications.error.deadlinePassed");
  await changeApplicationState({
    applicationId: row.id,
    where: editableApplications(actor),
    event: { type, at: now.toISOString(), deadline: deadline.toISOString() },
    actorId: actor.id,
    now,
    // Withdrawn at the last moment before the deadline, it stays withdrawn: the network is asked first.
    unconfirmed: type === "WITHDRAW" && !input.confirmed,
  });
}

/** Takes a submitted application back, once the person confirmed; every submitted version stays on record. */
export function withdrawApplication(actor: Pick<CurrentUser, "id" | "role">, input: { applicationId: string; confirmed?: boolean }, now = new Date()): Promise<void> {
  return moveBeforeDeadline(actor, input, "WITHDRAW", now);
}

/** Turns a submitted or withdrawn application back into a draft; submitting again makes the next version. */
export function reopenApplication(actor: Pick<CurrentUser, "id" | "role">, input: { applicationId: string }, now = new Date()): Promise<void> {
  return moveBeforeDeadline(actor, input, "REOPEN", now);
}
