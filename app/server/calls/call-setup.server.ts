import { Prisma } from "~/generated/prisma/client";
import type { CallStatus, StageKind } from "~/generated/prisma/enums";
import type { CallDetailsInput, CopyCallInput, CreateCallInput, CriterionInput, StagePlan, StagesInput } from "~/forms/call-schemas";
import { fieldsOf, type FormDefinition } from "~/forms/form-definition";
import { utcToBerlinWallClock } from "~/forms/berlin-time";
import {
  budgetYearShift,
  calendarSpanBetween,
  isForward,
  nextRoundTitle,
  parseCalendarDay,
  shiftBerlinInstant,
  shiftBudgetYears,
  shiftStoredDay,
  type CalendarSpan,
} from "~/forms/call-rounds";
import type { MessageKey } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import { prisma, type Transaction } from "../db.server";
import { managedCalls } from "../applications/access.server";
import { recordAudit } from "../audit.server";
import { notFound, RefusedError } from "../http.server";
import { acceptedEvents, changeState, type WorkflowTable } from "../state-change.server";
import { callMachine, type CallEvent, type CallState } from "@workflows/call.machine";
import { statesBeforeEligibilityCheck } from "@workflows/application.machine";
import { applyFormOperation, emptyFormDefinition, keysOf, storedDefinition, type FormOperation } from "./form-builder.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * A programme manager sets up a call: its texts, its stages with their Berlin-time dates, one form
 * and one rubric per stage, and moves it through its status machine (workflows/call.machine.ts).
 * Every query names the calls the person manages in its `where`; a call outside them is a 404.
 */
type Actor = Pick<CurrentUser, "id" | "role">;

const editableStatuses: readonly CallStatus[] = ["DRAFT", "PUBLISHED"];

function managedCall(actor: Actor, callId: string): Prisma.CallWhereInput {
  return { AND: [{ id: callId }, managedCalls(actor)] };
}

function assertEditable(status: CallStatus): void {
  if (!editableStatuses.includes(status)) throw new RefusedError("callSetup.error.notEditable");
}

/** The programmes a person may open calls in. */
export async function programmesForCallSetup(actor: Actor) {
  if (actor.role !== "MANAGER" && actor.role !== "ADMIN") return [];
  const programmes = await prisma.programme.findMany({
    where: actor.role === "ADMIN" ? {} : { managers: { some: { userId: actor.id } } },
    select: { id: true, name: true, funder: true },
  });
  return sortByGermanName(programmes, (programme) => programme.name);
}

// ---------------------------------------------------------------------------------------------
// Slugs

/** A URL slug from a title: ASCII, lower case, words joined by hyphens. */
export function slugFrom(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
  return slug || "ausschreibung";
}

/** The slug asked for (refused when taken), or one made from the title and numbered until free. */
async function freeSlug(tx: Transaction, wanted: string | undefined, title: string): Promise<string> {
  if (wanted !== undefined) {
    if (await tx.call.findUnique({ where: { slug: wanted }, select: { id: true } })) throw new RefusedError("callSetup.error.slugTaken", { field: "slug" });
    return wanted;
  }
  const base = slugFrom(title);
  const taken = new Set((await tx.call.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((call) => call.slug));
  let candidate = base;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${base}-${suffix}`;
  return candidate;
}

/** Two people taking the same slug at once: the database's unique index decides, the loser gets a message. */
async function slugSafely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new RefusedError("callSetup.error.slugTaken", { field: "slug" });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Creating, editing, stages

function stageRows(stages: StagePlan[], forms: (FormDefinition | Prisma.InputJsonValue)[] = [], rubrics: Prisma.RubricCreateWithoutStageInput[] = []) {
  return stages.map((stage, position) => ({
    position,
    kind: stage.kind,
    opensAt: stage.opensAt,
    closesAt: stage.closesAt,
    form: { create: { definition: (forms[position] ?? emptyFormDefinition) as Prisma.InputJsonValue } },
    rubric: { create: rubrics[position] ?? {} },
  }));
}

function auditStages(stages: StagePlan[]) {
  return stages.map((stage) => ({ kind: stage.kind, opensAt: stage.opensAt.toISOString(), closesAt: stage.closesAt.toISOString() }));
}

export async function createCall(actor: Actor, input: CreateCallInput, now = new Date()): Promise<{ id: string; slug: string }> {
  const programmes = await programmesForCallSetup(actor);
  if (!programmes.some((programme) => programme.id === input.programmeId)) throw new RefusedError("callSetup.error.programme", { field: "programmeId" });
  if (input.stages.length === 0) throw new RefusedError("callSetup.error.stagesMissing");
  return slugSafely(() =>
    prisma.$transaction(async (tx) => {
      const { slug: wantedSlug, ...details } = input.details;
      const slug = await freeSlug(tx, wantedSlug, details.title);
      const call = await tx.call.create({
        data: { ...details, slug, programmeId: input.programmeId, status: "DRAFT", createdAt: now, stages: { create: stageRows(input.stages) } },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, { actorId: actor.id, entityType: "Call", entityId: call.id, action: "CREATE", toState: "DRAFT", data: { stages: auditStages(input.stages) } }, now);
      return call;
    }),
  );
}

export async function updateCallDetails(actor: Actor, callId: string, input: CallDetailsInput, now = new Date()): Promise<void> {
  await slugSafely(() =>
    prisma.$transaction(async (tx) => {
      const call = await tx.call.findFirst({ where: managedCall(actor, callId), select: { id: true, status: true, slug: true } });
      if (!call) throw notFound();
      assertEditable(call.status);
      const { slug: wantedSlug, ...details } = input;
      const slugChanges = wantedSlug !== undefined && wantedSlug !== call.slug;
      // Links to a published call are out in the world.
      if (slugChanges && call.status !== "DRAFT") throw new RefusedError("callSetup.error.slugFixed", { field: "slug" });
      const slug = slugChanges ? await freeSlug(tx, wantedSlug, details.title) : call.slug;
      await tx.call.update({ where: { id: call.id }, data: { ...details, slug } });
      await recordAudit(tx, { actorId: actor.id, entityType: "Call", entityId: call.id, action: "UPDATE", data: { slug } }, now);
    }),
  );
}

function modeOf(stages: { kind: StageKind }[]): "SINGLE" | "TWO_STAGE" {
  return stages.some((stage) => stage.kind === "OUTLINE") ? "TWO_STAGE" : "SINGLE";
}

/**
 * New dates, or (while a draft without applications) a switch between one and two stages. A stage
 * that goes away takes its form and rubric with it; a new one starts with an empty form.
 */
export async function updateStages(actor: Actor, callId: string, input: StagesInput, now = new Date()): Promise<void> {
  if (input.stages.length === 0) throw new RefusedError("callSetup.error.stagesMissing");
  await prisma.$transaction(async (tx) => {
    const call = await tx.call.findFirst({
      where: managedCall(actor, callId),
      select: { id: true, status: true, stages: { select: { id: true, kind: true, position: true }, orderBy: { position: "asc" } }, _count: { select: { applications: true } } },
    });
    if (!call) throw notFound();
    assertEditable(call.status);
    const modeChanges = modeOf(call.stages) !== input.mode;
    if (modeChanges && call.status !== "DRAFT") throw new RefusedError("callSetup.error.stageModeFixed", { field: "stageMode" });
    if (modeChanges && call._count.applications > 0) throw new RefusedError("callSetup.error.hasApplications", { field: "stageMode" });
    for (const [position, plan] of input.stages.entries()) {
      const existing = call.stages.find((stage) => stage.position === position);
      if (existing) await tx.callStage.update({ where: { id: existing.id }, data: { kind: plan.kind, opensAt: plan.opensAt, closesAt: plan.closesAt } });
      else await tx.callStage.create({ data: { callId: call.id, ...stageRows([plan])[0]!, position } });
    }
    await tx.callStage.deleteMany({ where: { callId: call.id, position: { gte: input.stages.length } } });
    await recordAudit(tx, { actorId: actor.id, entityType: "Call", entityId: call.id, action: "UPDATE_STAGES", data: { stages: auditStages(input.stages) } }, now);
  });
}

// ---------------------------------------------------------------------------------------------
// Publication and the status after it

export interface PublicationProblem {
  messageKey: MessageKey;
  stageKind?: StageKind;
  /** The rubric's current sum of weights. */
  sum?: number;
}

interface StageForCheck {
  kind: StageKind;
  opensAt: Date;
  closesAt: Date;
  form: { definition: unknown } | null;
  rubric: { criteria: { weight: number }[] } | null;
}

/** Everything that still stands between a draft and its publication; empty when it is ready. */
export function publicationProblems(stages: StageForCheck[]): PublicationProblem[] {
  if (stages.length === 0) return [{ messageKey: "callSetup.problem.noStages" }];
  const problems: PublicationProblem[] = [];
  for (const [index, stage] of stages.entries()) {
    const stageKind = stage.kind;
    if (stage.opensAt >= stage.closesAt) problems.push({ messageKey: "callSetup.problem.stageDates", stageKind });
    const previous = stages[index - 1];
    if (previous && previous.closesAt > stage.opensAt) problems.push({ messageKey: "callSetup.problem.stageOrder", stageKind });
    const definition = stage.form ? storedDefinition(stage.form.definition) : null;
    if (!definition) problems.push({ messageKey: "callSetup.problem.formInvalid", stageKind });
    else if (fieldsOf(definition).length === 0) problems.push({ messageKey: "callSetup.problem.formEmpty", stageKind });
    const criteria = stage.rubric?.criteria ?? [];
    const sum = criteria.reduce((total, criterion) => total + criterion.weight, 0);
    if (criteria.length === 0) problems.push({ messageKey: "callSetup.problem.rubricEmpty", stageKind });
    else if (sum !== 100) problems.push({ messageKey: "callSetup.problem.rubricWeights", stageKind, sum });
  }
  return problems;
}

/** Publication refused: `problems` lists what is missing. */
export class PublicationRefusedError extends RefusedError {
  constructor(readonly problems: PublicationProblem[]) {
    super("callSetup.error.notReady");
  }
}

const stagesForCheck = {
  select: {
    id: true,
    kind: true,
    opensAt: true,
    closesAt: true,
    form: { select: { definition: true } },
    rubric: { select: { criteria: { select: { weight: true } } } },
  },
  orderBy: { position: "asc" as const },
};

async function lockForms(tx: Transaction, stageIds: string[]): Promise<void> {
  if (stageIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "FormDefinition" WHERE "stageId" IN (${Prisma.join(stageIds)}) FOR UPDATE`;
}

// The status column is the call machine's whole state (it keeps no context); `version` refuses a
// change based on an outdated page.
const callTable: WorkflowTable<Prisma.CallWhereInput, Prisma.CallUpdateManyMutationInput> = {
  entityType: "Call",
  find: async (tx, id, where) => {
    const call = await tx.call.findFirst({ where: { AND: [{ id }, where] }, select: { id: true, status: true, version: true } });
    return call && { id: call.id, state: call.status, snapshot: null, version: call.version };
  },
  write: async (tx, id, expectedVersion, next, alsoSet) =>
    (await tx.call.updateMany({ where: { id, version: expectedVersion }, data: { ...alsoSet, status: next.state as CallState, version: next.version } })).count,
};

/** A move the call's machine refused: "already done" when the call is there, otherwise the rule. */
function statusRefusal(target: Exclude<CallState, "DRAFT">) {
  return (state: CallState): MessageKey => (state === target ? `callWorkflow.already.${target}` : "callSetup.error.statusMove");
}

/** Whether any application of the call has left SUBMITTED for its eligibility check. */
async function eligibilityCheckStarted(db: Transaction | typeof prisma, callId: string): Promise<boolean> {
  const started = await db.application.count({ where: { callId, state: { notIn: [...statesBeforeEligibilityCheck] } }, take: 1 });
  return started > 0;
}

/**
 * One step forward in the call's status. Publishing checks the whole setup first and marks every
 * stage's form as published, from then on guarded against changes that would lose answers. Closing
 * (undone only until the eligibility checks begin) and archiving (final) need the person's
 * confirmation. `expectedVersion` is the version the page showed: a second click, or a page left open
 * while someone else moved the call, is refused instead of acting twice.
 */
export async function moveCallStatus(
  actor: Actor,
  callId: string,
  target: Exclude<CallStatus, "DRAFT">,
  now = new Date(),
  options: { confirmed?: boolean; expectedVersion?: number } = {},
): Promise<void> {
  const publish = async (tx: Transaction, call: { id: string; state: string }): Promise<CallEvent> => {
    const stageIds = (await tx.callStage.findMany({ where: { callId: call.id }, select: { id: true } })).map((stage) => stage.id);
    // Form edits lock the form row too, so the check below sees their result, and they see ours.
    await lockForms(tx, stageIds);
    const problems = publicationProblems(await tx.callStage.findMany({ where: { callId: call.id }, ...stagesForCheck }));
    // The machine refuses such a draft too; this says what is missing.
    if (call.state === "DRAFT" && problems.length > 0) throw new PublicationRefusedError(problems);
    return { type: "PUBLISH", setupProblems: problems.length };
  };
  await changeState({
    machine: callMachine,
    table: callTable,
    id: callId,
    where: managedCalls(actor),
    event: target === "PUBLISHED" ? publish : { type: target === "CLOSED" ? "CLOSE" : "ARCHIVE" },
    actorId: actor.id,
    now,
    expectedVersion: options.expectedVersion,
    unconfirmed: target !== "PUBLISHED" && !options.confirmed,
    alsoSet: target === "PUBLISHED" ? { publishedAt: now } : undefined,
    refusal: statusRefusal(target),
    alsoInTransaction: async (tx, change) => {
      if (change.to !== "PUBLISHED") return;
      await tx.formDefinition.updateMany({ where: { stage: { callId: change.id }, publishedAt: null }, data: { publishedAt: now } });
    },
  });
}

/**
 * A call closed by mistake is published again, with the reason in the audit log — only as long as no
 * application's eligibility check has started (from then on the closed call is being worked on).
 */
export async function reopenCall(actor: Actor, callId: string, input: { reason: string; expectedVersion?: number }, now = new Date()): Promise<void> {
  await changeState({
    machine: callMachine,
    table: callTable,
    id: callId,
    where: managedCalls(actor),
    event: async (tx, call) => {
      const started = await eligibilityCheckStarted(tx, call.id);
      if (started && call.state === "CLOSED") throw new RefusedError("callWorkflow.reopen.eligibilityStarted");
      return { type: "REOPEN" as const, reason: input.reason, eligibilityCheckStarted: started };
    },
    actorId: actor.id,
    now,
    expectedVersion: input.expectedVersion,
    auditData: { reason: input.reason },
    refusal: (state) => (state === "PUBLISHED" ? "callWorkflow.already.PUBLISHED" : "callWorkflow.reopen.notClosed"),
  });
}

export type CallStatusStep = CallEvent["type"];

const statusSteps: readonly CallStatusStep[] = ["PUBLISH", "CLOSE", "ARCHIVE", "REOPEN"];

/** Who moved the call when, newest first, with the reason given for reopening. Only for a call the reader may set up. */
async function statusHistoryOf(callId: string) {
  const events = await prisma.auditEvent.findMany({
    where: { entityType: "Call", entityId: callId, action: { in: [...statusSteps] } },
    select: { id: true, action: true, data: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return events.map((event) => ({
    id: event.id,
    step: event.action as CallStatusStep,
    at: event.createdAt,
    actorName: event.actor?.name ?? null,
    reason: typeof (event.data as { reason?: unknown }).reason === "string" ? (event.data as { reason: string }).reason : null,
  }));
}

/** The steps the call's machine accepts now, for showing only the buttons that can succeed. */
async function statusStepsOf(call: { id: string; status: CallStatus }, setupProblems: number): Promise<CallStatusStep[]> {
  const started = call.status === "CLOSED" && (await eligibilityCheckStarted(prisma, call.id));
  return acceptedEvents(callMachine, { state: call.status }, [
    { type: "PUBLISH", setupProblems },
    { type: "CLOSE" },
    { type: "ARCHIVE" },
    // Any reason will do here: the form asks for it.
    { type: "REOPEN", reason: "-", eligibilityCheckStarted: started },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Copying a call into a new round

/** The span the manager chose, as given or from the new first opening day; only forward. */
function copySpan(shift: CopyCallInput["shift"], firstOpensAt: Date): CalendarSpan {
  const span = shift.kind === "span" ? shift.span : calendarSpanBetween(parseCalendarDay(utcToBerlinWallClock(firstOpensAt).date), parseCalendarDay(shift.day));
  if (!isForward(span)) throw new RefusedError("callCopy.error.notLater", { field: shift.kind === "span" ? "spanYears" : "firstOpensDate" });
  return span;
}

/** The highest round among the programme's calls, so the copy can propose the one after it. */
async function highestRound(actor: Actor, programmeId: string): Promise<number> {
  const highest = await prisma.call.aggregate({ where: { AND: [{ programmeId }, managedCalls(actor)] }, _max: { round: true } });
  return highest._max.round ?? 0;
}

/**
 * What the copy form proposes: the programme's next round number (not the source's round + 1: a
 * programme may have run later rounds), a title moved on to that round and a year later, the first
 * opening a year later, and the budget tables whose years will move.
 */
export async function copyProposal(actor: Actor, sourceId: string) {
  const source = await prisma.call.findFirst({
    where: managedCall(actor, sourceId),
    select: {
      title: true,
      round: true,
      programmeId: true,
      fundingStartsOn: true,
      fundingEndsOn: true,
      stages: { select: { kind: true, opensAt: true, closesAt: true, form: { select: { definition: true } } }, orderBy: { position: "asc" } },
    },
  });
  if (!source) throw notFound();
  const highest = await highestRound(actor, source.programmeId);
  const round = Math.max(highest, source.round) + 1;
  const aYear: CalendarSpan = { months: 12, days: 0 };
  const firstOpensAt = source.stages[0]?.opensAt ?? null;
  const budgetFields = source.stages.flatMap((stage) => {
    const definition = stage.form ? storedDefinition(stage.form.definition) : null;
    return definition ? fieldsOf(definition).flatMap((field) => (field.type === "budget" ? [{ labelDe: field.labelDe, labelEn: field.labelEn, years: field.years }] : [])) : [];
  });
  return {
    highestRound: highest,
    round,
    title: nextRoundTitle(source.title, { fromRound: source.round, toRound: round, years: budgetYearShift({ fundingStartsOn: source.fundingStartsOn, firstOpensAt }, aYear) }),
    firstOpensDate: firstOpensAt ? utcToBerlinWallClock(shiftBerlinInstant(firstOpensAt, aYear)).date : null,
    stages: source.stages.map(({ kind, opensAt, closesAt }) => ({ kind, opensAt, closesAt })),
    fundingStartsOn: source.fundingStartsOn,
    fundingEndsOn: source.fundingEndsOn,
    budgetFields,
  };
}
export type CopyProposal = Awaited<ReturnType<typeof copyProposal>>;

/**
 * A new draft round of an earlier call: new title, slug and round; texts, forms, rubrics and the
 * Länder it is open to carried over. Every stage date and the funding period move by one span in
 * Berlin wall-clock terms, and the budget tables' years move with the funding period.
 */
export async function copyCall(actor: Actor, sourceId: string, input: CopyCallInput, now = new Date()): Promise<{ id: string; slug: string }> {
  const source = await prisma.call.findFirst({
    where: managedCall(actor, sourceId),
    include: {
      stages: {
        orderBy: { position: "asc" },
        include: { form: { select: { definition: true } }, rubric: { include: { criteria: { orderBy: { position: "asc" } } } } },
      },
    },
  });
  if (!source) throw notFound();
  const first = source.stages[0];
  if (!first) throw new RefusedError("callSetup.error.stagesMissing");
  const span = copySpan(input.shift, first.opensAt);
  const budgetYears = budgetYearShift({ fundingStartsOn: source.fundingStartsOn, firstOpensAt: first.opensAt }, span);
  const stages: StagePlan[] = source.stages.map((stage) => ({ kind: stage.kind, opensAt: shiftBerlinInstant(stage.opensAt, span), closesAt: shiftBerlinInstant(stage.closesAt, span) }));
  const forms = source.stages.map((stage) => {
    const definition = stage.form ? storedDefinition(stage.form.definition) : null;
    // A form that no longer reads is carried as it is; the builder shows it as unreadable either way.
    return definition ? (shiftBudgetYears(definition, budgetYears) as Prisma.InputJsonValue) : ((stage.form?.definition ?? emptyFormDefinition) as Prisma.InputJsonValue);
  });
  const rubrics = source.stages.map((stage) => ({
    scaleMin: stage.rubric?.scaleMin ?? 0,
    scaleMax: stage.rubric?.scaleMax ?? 10,
    criteria: {
      create: (stage.rubric?.criteria ?? []).map(({ position, titleDe, titleEn, descriptionDe, descriptionEn, weight }) => ({ position, titleDe, titleEn, descriptionDe, descriptionEn, weight })),
    },
  }));
  const {
    id: _id,
    slug: _slug,
    title: _title,
    round: _round,
    status: _status,
    version: _version,
    publishedAt: _publishedAt,
    copiedFromId: _copiedFromId,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    stages: _stages,
    fundingStartsOn,
    fundingEndsOn,
    ...carried
  } = source;
  return slugSafely(() =>
    prisma.$transaction(async (tx) => {
      const slug = await freeSlug(tx, input.slug, input.title);
      const copy = await tx.call.create({
        data: {
          ...carried,
          title: input.title,
          slug,
          round: input.round,
          fundingStartsOn: fundingStartsOn && shiftStoredDay(fundingStartsOn, span),
          fundingEndsOn: fundingEndsOn && shiftStoredDay(fundingEndsOn, span),
          status: "DRAFT",
          copiedFromId: source.id,
          createdAt: now,
          stages: { create: stageRows(stages, forms, rubrics) },
        },
        select: { id: true, slug: true },
      });
      await recordAudit(
        tx,
        { actorId: actor.id, entityType: "Call", entityId: copy.id, action: "COPY", toState: "DRAFT", data: { copiedFromId: source.id, span: { ...span }, budgetYears, stages: auditStages(stages) } },
        now,
      );
      return copy;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading a call for its setup pages

export async function loadCallForSetup(actor: Actor, callId: string) {
  const call = await prisma.call.findFirst({
    where: managedCall(actor, callId),
    include: {
      programme: { select: { id: true, name: true } },
      copiedFrom: { select: { id: true, title: true, round: true } },
      stages: {
        orderBy: { position: "asc" },
        include: {
          form: { select: { definition: true, version: true, publishedAt: true } },
          rubric: { select: { scaleMin: true, scaleMax: true, criteria: { select: { weight: true } } } },
          _count: { select: { applications: true } },
        },
      },
      _count: { select: { applications: true } },
    },
  });
  if (!call) throw notFound();
  const { totalBudgetCents, maxAwardCents, awardExceptionMaxCents, stages, ...rest } = call;
  const problems = call.status === "DRAFT" ? publicationProblems(stages) : [];
  return {
    ...rest,
    totalBudgetCents: totalBudgetCents?.toString() ?? null,
    maxAwardCents: maxAwardCents?.toString() ?? null,
    awardExceptionMaxCents: awardExceptionMaxCents?.toString() ?? null,
    editable: editableStatuses.includes(call.status),
    statusSteps: await statusStepsOf(call, problems.length),
    statusHistory: await statusHistoryOf(call.id),
    problems,
    stages: stages.map(({ form, rubric, _count, ...stage }) => {
      const definition = form ? storedDefinition(form.definition) : null;
      return {
        ...stage,
        applicationCount: _count.applications,
        form: form ? { version: form.version, publishedAt: form.publishedAt, readable: definition !== null, fieldCount: definition ? fieldsOf(definition).length : 0 } : null,
        rubric: rubric
          ? { scaleMin: rubric.scaleMin, scaleMax: rubric.scaleMax, criterionCount: rubric.criteria.length, weightSum: rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0) }
          : null,
      };
    }),
  };
}
export type CallForSetup = Awaited<ReturnType<typeof loadCallForSetup>>;

/** The call as applicants will see it, with each stage's form, for the manager's preview. */
export async function loadCallPreview(actor: Actor, callId: string) {
  const call = await prisma.call.findFirst({
    where: managedCall(actor, callId),
    include: {
      programme: { select: { name: true } },
      stages: { orderBy: { position: "asc" }, include: { form: { select: { definition: true, version: true } } } },
    },
  });
  if (!call) throw notFound();
  const { totalBudgetCents, maxAwardCents, awardExceptionMaxCents, stages, ...rest } = call;
  return {
    ...rest,
    totalBudgetCents: totalBudgetCents?.toString() ?? null,
    maxAwardCents: maxAwardCents?.toString() ?? null,
    awardExceptionMaxCents: awardExceptionMaxCents?.toString() ?? null,
    stages: stages.map(({ form, ...stage }) => ({ ...stage, definition: form ? storedDefinition(form.definition) : null })),
  };
}

// ---------------------------------------------------------------------------------------------
// Form builder

function managedStage(actor: Actor, callId: string, stageId: string): Prisma.CallStageWhereInput {
  return { id: stageId, call: managedCall(actor, callId) };
}

export async function loadStageForm(actor: Actor, callId: string, stageId: string) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, callId, stageId),
    select: {
      id: true,
      kind: true,
      position: true,
      call: { select: { id: true, title: true, status: true } },
      form: { select: { definition: true, version: true, publishedAt: true } },
    },
  });
  if (!stage?.form) throw notFound();
  return {
    stage: { id: stage.id, kind: stage.kind, position: stage.position },
    call: stage.call,
    definition: storedDefinition(stage.form.definition),
    version: stage.form.version,
    published: stage.form.publishedAt !== null,
    editable: editableStatuses.includes(stage.call.status),
  };
}
export type StageForm = Awaited<ReturnType<typeof loadStageForm>>;

function budgetYearsOf(call: { fundingStartsOn: Date | null; fundingEndsOn: Date | null }, now: Date): number[] {
  const first = call.fundingStartsOn?.getUTCFullYear() ?? now.getUTCFullYear() + 1;
  const last = Math.max(first, call.fundingEndsOn?.getUTCFullYear() ?? first + 1);
  return Array.from({ length: Math.min(last - first + 1, 20) }, (_, index) => first + index);
}

/**
 * One builder operation on a stage's form. The form row is locked for the read-change-write, so two
 * managers editing at once each build on the other's change; after publication each change raises
 * the form's version.
 */
export async function changeStageForm(
  actor: Actor,
  target: { callId: string; stageId: string },
  operation: FormOperation,
  now = new Date(),
): Promise<{ definition: FormDefinition; version: number; createdKey: string | null }> {
  return prisma.$transaction(async (tx) => {
    const stage = await tx.callStage.findFirst({ where: managedStage(actor, target.callId, target.stageId), select: { id: true } });
    if (!stage) throw notFound();
    await lockForms(tx, [stage.id]);
    const form = await tx.formDefinition.findUnique({
      where: { stageId: stage.id },
      select: { id: true, definition: true, version: true, publishedAt: true, stage: { select: { call: { select: { status: true, fundingStartsOn: true, fundingEndsOn: true } } } } },
    });
    if (!form) throw notFound();
    const call = form.stage.call;
    assertEditable(call.status);
    const current = storedDefinition(form.definition);
    if (!current) throw new RefusedError("formBuilder.error.storedInvalid");
    const published = form.publishedAt !== null;
    const next = applyFormOperation(current, operation, { published, budgetYears: budgetYearsOf(call, now) });
    if (JSON.stringify(next) === JSON.stringify(current)) return { definition: current, version: form.version, createdKey: null };
    const version = published ? form.version + 1 : form.version;
    await tx.formDefinition.update({ where: { id: form.id }, data: { definition: next as Prisma.InputJsonValue, version } });
    await recordAudit(tx, { actorId: actor.id, entityType: "FormDefinition", entityId: form.id, action: "CHANGE_FORM", data: { operation: operation.op, version } }, now);
    const before = keysOf(current);
    return { definition: next, version, createdKey: [...keysOf(next)].find((key) => !before.has(key)) ?? null };
  });
}

// ---------------------------------------------------------------------------------------------
// Rubric

export type RubricOperation =
  | { op: "setScale"; scaleMin: number; scaleMax: number }
  | ({ op: "addCriterion" } & CriterionInput)
  | ({ op: "updateCriterion"; criterionId: string } & CriterionInput)
  | { op: "deleteCriterion"; criterionId: string };

export async function loadStageRubric(actor: Actor, callId: string, stageId: string) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, callId, stageId),
    select: {
      id: true,
      kind: true,
      call: { select: { id: true, title: true, status: true } },
      rubric: { select: { scaleMin: true, scaleMax: true, criteria: { orderBy: { position: "asc" } } } },
    },
  });
  if (!stage?.rubric) throw notFound();
  return {
    stage: { id: stage.id, kind: stage.kind },
    call: stage.call,
    rubric: { ...stage.rubric, weightSum: stage.rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0) },
    published: stage.call.status !== "DRAFT",
    editable: editableStatuses.includes(stage.call.status),
  };
}

/**
 * One change to a stage's rubric. Once the call is published, jurors may be scoring against it: only
 * the wording of criteria may still change, never the scale, weights or the set of criteria.
 */
export async function changeStageRubric(actor: Actor, target: { callId: string; stageId: string }, operation: RubricOperation, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const rubric = await tx.rubric.findFirst({
      where: { stage: managedStage(actor, target.callId, target.stageId) },
      select: { id: true, scaleMin: true, scaleMax: true, stage: { select: { call: { select: { status: true } } } }, criteria: { orderBy: { position: "asc" } } },
    });
    if (!rubric) throw notFound();
    await tx.$queryRaw`SELECT id FROM "Rubric" WHERE id = ${rubric.id} FOR UPDATE`;
    const status = rubric.stage.call.status;
    assertEditable(status);
    const published = status !== "DRAFT";
    const criterion = "criterionId" in operation ? rubric.criteria.find((existing) => existing.id === operation.criterionId) : undefined;
    if ("criterionId" in operation && !criterion) throw new RefusedError("formBuilder.error.unknownItem");
    switch (operation.op) {
      case "setScale":
        if (published && (operation.scaleMin !== rubric.scaleMin || operation.scaleMax !== rubric.scaleMax)) throw new RefusedError("rubric.refused.published");
        await tx.rubric.update({ where: { id: rubric.id }, data: { scaleMin: operation.scaleMin, scaleMax: operation.scaleMax } });
        break;
      case "addCriterion": {
        if (published) throw new RefusedError("rubric.refused.published");
        const { op: _op, ...values } = operation;
        const position = (rubric.criteria.at(-1)?.position ?? -1) + 1;
        await tx.rubricCriterion.create({ data: { rubricId: rubric.id, position, ...values } });
        break;
      }
      case "updateCriterion": {
        if (published && operation.weight !== criterion!.weight) throw new RefusedError("rubric.refused.published", { field: "weight" });
        const { op: _op, criterionId, ...values } = operation;
        await tx.rubricCriterion.update({ where: { id: criterionId }, data: values });
        break;
      }
      case "deleteCriterion":
        if (published) throw new RefusedError("rubric.refused.published");
        await tx.rubricCriterion.delete({ where: { id: operation.criterionId } });
        // Positions stay dense; moving each later one down by one in order never collides.
        for (const later of rubric.criteria.filter((existing) => existing.position > criterion!.position)) {
          await tx.rubricCriterion.update({ where: { id: later.id }, data: { position: later.position - 1 } });
        }
        break;
    }
    await recordAudit(tx, { actorId: actor.id, entityType: "Rubric", entityId: rubric.id, action: "CHANGE_RUBRIC", data: { operation: operation.op } }, now);
  });
}
