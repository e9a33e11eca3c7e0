import type { Prisma } from "~/generated/prisma/client";
import type { Bundesland } from "~/generated/prisma/enums";
import type { EligibilityDecisionInput, EligibilityQuery } from "~/forms/review-eligibility-schemas";
import { translator, type Locale, type MessageKey } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import type { ApplicationEvent } from "@workflows/application.machine";
import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { requireConfirmation } from "../confirmation.server";
import { notFound, RefusedError } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { effectiveDeadline } from "../applications/applications.server";
import { ineligibleReasonOf } from "../applications/eligibility-visibility.server";
import { acceptedEvents, changeApplicationState } from "../applications/workflow.server";
import { detectConflicts } from "./conflicts.server";
import { managedStage } from "./stage-scope.server";
import { composeEmail, queueEmail, type ComposedEmail } from "../mail/outbox.server";
import { composeOutcomeMail, outcomeTemplatesOf } from "../outcomes/outcome-mail.server";
import type { CurrentUser } from "../accounts/session.server";

/**
 * The formal eligibility check of one call stage: after the deadline the manager moves the submitted
 * applications into the check, marks each eligible or not eligible (one by one or for a selection),
 * may take a decision back until the results are released, and releases them, which tells every
 * network by mail. Every state change goes through the application machine, one transaction each, so
 * one refused application in a selection does not hold back the others.
 */
type Actor = Pick<CurrentUser, "id" | "role">;
interface StageRef {
  callId: string;
  stageId: string;
}

/** The states in which an application still waits for its decision. */
const uncheckedStates = ["submitted", "eligibilityCheck"];
/** Applications that never reached the manager take no part in the check. */
const notHandedIn = ["draft", "withdrawn"];

async function findManagedStage(actor: Actor, { callId, stageId }: StageRef) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, callId, stageId),
    select: { id: true, kind: true, closesAt: true, eligibilityReleasedAt: true, call: { select: { id: true, title: true } } },
  });
  if (!stage) throw notFound();
  return stage;
}

/** The stage's applications the manager may act on, as a `where` (the permission is part of it). */
function stageApplications(actor: Actor, { callId, stageId }: StageRef): Prisma.ApplicationWhereInput {
  return { AND: [{ callId, stageId }, managedApplications(actor)] };
}

/** The facts REVISE_ELIGIBILITY's guard needs. */
function reviseEvent(released: boolean, reviewsAssigned: number): ApplicationEvent {
  return { type: "REVISE_ELIGIBILITY", resultsReleased: released, reviewsAssigned };
}

/**
 * The check's page: every application of the stage handed in, with counts by state and by checked /
 * unchecked, the filtered list, and what can be done now (start, release).
 */
export async function loadEligibility(actor: Actor, ref: StageRef, query: EligibilityQuery, locale: Locale, now = new Date()) {
  const stage = await findManagedStage(actor, ref);
  const rows = await prisma.application.findMany({
    where: { AND: [stageApplications(actor, ref), { state: { notIn: notHandedIn } }] },
    select: {
      id: true,
      title: true,
      state: true,
      snapshot: true,
      version: true,
      deadlineExtendedUntil: true,
      network: { select: { name: true, bundesland: true } },
      _count: { select: { assignments: true } },
    },
  });
  // Drafts with an individual extension still running may yet be handed in; the results wait for them.
  const stillOpen = await prisma.application.count({ where: { AND: [stageApplications(actor, ref), { state: { in: ["draft", "submitted"] } }, { deadlineExtendedUntil: { gt: now } }] } });
  const released = stage.eligibilityReleasedAt !== null;
  const t = translator(locale);
  const listed = sortByGermanName(
    rows.map((row) => {
      const deadline = effectiveDeadline(stage, row.deadlineExtendedUntil);
      return {
        id: row.id,
        title: row.title,
        state: row.state,
        version: row.version,
        network: row.network,
        ineligibleReason: ineligibleReasonOf(row.snapshot),
        checked: !uncheckedStates.includes(row.state),
        /** Still before its own (extended) deadline, so its check cannot start yet. */
        awaitsDeadline: row.state === "submitted" && now < deadline,
        decidable: row.state === "eligibilityCheck",
        revisable: acceptedEvents(row.state, row.snapshot, [reviseEvent(released, row._count.assignments)]).length > 0,
      };
    }),
    (row) => row.network.name,
  );
  const counts = new Map<string, number>();
  for (const row of listed) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  const checked = listed.filter((row) => row.checked).length;
  const unchecked = listed.length - checked;
  const startable = listed.filter((row) => row.state === "submitted" && !row.awaitsDeadline).length;
  const shown = listed.filter(
    (row) =>
      (query.state === undefined || row.state === query.state) &&
      (query.land === undefined || row.network.bundesland === query.land) &&
      (query.checked === undefined || row.checked === (query.checked === "checked")),
  );
  return {
    call: stage.call,
    stage: { id: stage.id, kind: stage.kind, closesAt: stage.closesAt, eligibilityReleasedAt: stage.eligibilityReleasedAt },
    query,
    deadlinePassed: now >= stage.closesAt,
    total: listed.length,
    counts: [...counts].map(([state, count]) => ({ state, count })),
    checked,
    unchecked,
    startable,
    stillOpen,
    lands: sortByGermanName([...new Set(listed.map((row) => row.network.bundesland))], (code) => t(`bundesland.${code as Bundesland}`)),
    canRelease: !released && now >= stage.closesAt && unchecked === 0 && stillOpen === 0 && checked > 0,
    applications: shown,
  };
}
export type EligibilityPage = Awaited<ReturnType<typeof loadEligibility>>;

/** What a step on several applications did: how many changed, and which were refused and why. */
export interface EligibilityReport {
  changed: number;
  failures: { network: string; messageKey: MessageKey; params?: Record<string, string | number> }[];
}

/** One application's refusal in a step on several (the decisions board reports the same way). */
export function failureOf(network: string, error: unknown): EligibilityReport["failures"][number] {
  if (error instanceof RefusedError) return { network, messageKey: error.messageKey, params: error.options.params };
  // Gone from the stage or from the manager's programmes since the page was loaded.
  if (error instanceof Response && error.status === 404) return { network, messageKey: "eligibility.error.gone" };
  throw error;
}

/**
 * "Formale Prüfung beginnen": every submitted application of the stage whose own deadline has passed
 * goes into the check. Before the stage's deadline nothing moves.
 */
export async function startEligibilityCheck(actor: Actor, ref: StageRef & { confirmed: boolean }, now = new Date()): Promise<EligibilityReport> {
  const stage = await findManagedStage(actor, ref);
  if (now < stage.closesAt) throw new RefusedError("eligibility.error.beforeDeadline");
  const rows = await prisma.application.findMany({
    where: { AND: [stageApplications(actor, ref), { state: "submitted" }] },
    select: { id: true, version: true, deadlineExtendedUntil: true, network: { select: { name: true } } },
  });
  const due = rows.filter((row) => effectiveDeadline(stage, row.deadlineExtendedUntil) <= now);
  if (due.length === 0) throw new RefusedError("eligibility.error.nothingToStart");
  requireConfirmation(ref.confirmed);
  const report: EligibilityReport = { changed: 0, failures: [] };
  for (const row of due) {
    try {
      await changeApplicationState({
        applicationId: row.id,
        where: stageApplications(actor, ref),
        event: { type: "START_ELIGIBILITY_CHECK", at: now.toISOString(), deadline: effectiveDeadline(stage, row.deadlineExtendedUntil).toISOString() },
        actorId: actor.id,
        now,
        expectedVersion: row.version,
      });
      report.changed += 1;
    } catch (error) {
      report.failures.push(failureOf(row.network.name, error));
    }
  }
  return report;
}

/**
 * A step on each selected application of `where`, each in its own transaction: the report counts
 * those that changed and names each refused one with the reason; one gone from `where` since the
 * page was loaded is named as gone. The decisions board's bulk form reports the same way.
 */
export async function eachSelected(
  where: Prisma.ApplicationWhereInput,
  selected: { applicationId: string; version: number }[],
  step: (entry: { applicationId: string; version: number }) => Promise<unknown>,
): Promise<EligibilityReport> {
  const names = new Map(
    (
      await prisma.application.findMany({
        where: { AND: [where, { id: { in: selected.map((entry) => entry.applicationId) } }] },
        select: { id: true, network: { select: { name: true } } },
      })
    ).map((row) => [row.id, row.network.name]),
  );
  const report: EligibilityReport = { changed: 0, failures: [] };
  for (const entry of selected) {
    const network = names.get(entry.applicationId);
    if (network === undefined) {
      report.failures.push({ network: "", messageKey: "eligibility.error.gone" });
      continue;
    }
    try {
      await step(entry);
      report.changed += 1;
    } catch (error) {
      report.failures.push(failureOf(network, error));
    }
  }
  return report;
}

/** Marks the selected applications eligible, or not eligible with the one reason given. */
export async function decideEligibility(actor: Actor, ref: StageRef, input: EligibilityDecisionInput, now = new Date()): Promise<EligibilityReport> {
  await findManagedStage(actor, ref);
  const event: ApplicationEvent = input.decision === "eligible" ? { type: "MARK_ELIGIBLE" } : { type: "MARK_INELIGIBLE", reason: input.reason };
  return eachSelected(stageApplications(actor, ref), input.selected, ({ applicationId, version }) =>
    changeApplicationState({
      applicationId,
      where: stageApplications(actor, ref),
      event,
      actorId: actor.id,
      now,
      expectedVersion: version,
      auditData: input.decision === "ineligible" ? { reason: input.reason } : undefined,
      refusal: () => "eligibility.error.notInCheck",
    }),
  );
}

/** Takes one decision back into the check, while the results are unreleased and no juror has the application. */
export async function reviseEligibility(actor: Actor, ref: StageRef & { applicationId: string; version: number }, now = new Date()): Promise<void> {
  await findManagedStage(actor, ref);
  await changeApplicationState({
    applicationId: ref.applicationId,
    where: stageApplications(actor, ref),
    // Read in the transaction of the change, so a release or an assignment at the same moment is seen.
    event: async (tx, row) => {
      const [stage, reviewsAssigned] = await Promise.all([
        tx.callStage.findUniqueOrThrow({ where: { id: ref.stageId }, select: { eligibilityReleasedAt: true } }),
        tx.reviewAssignment.count({ where: { applicationId: row.id } }),
      ]);
      return reviseEvent(stage.eligibilityReleasedAt !== null, reviewsAssigned);
    },
    actorId: actor.id,
    now,
    expectedVersion: ref.version,
    refusal: () => "eligibility.error.notRevisable",
  });
}

/**
 * "Ergebnisse freigeben": once every application handed in is decided, the networks see the results
 * and each network's coordinators get one mail: the call's "not eligible" notice with the reason, or
 * that the application goes to the jury. The mails are rendered first; the transaction then checks that no decision changed
 * meanwhile, stamps the stage and queues them.
 */
export async function releaseEligibilityResults(actor: Actor, ref: StageRef & { confirmed: boolean }, options: { baseUrl: string; now?: Date }): Promise<{ mails: number }> {
  const now = options.now ?? new Date();
  const stage = await findManagedStage(actor, ref);
  if (stage.eligibilityReleasedAt) throw new RefusedError("eligibility.error.alreadyReleased");
  if (now < stage.closesAt) throw new RefusedError("eligibility.error.beforeDeadline");
  const openWhere: Prisma.ApplicationWhereInput = {
    AND: [stageApplications(actor, ref), { OR: [{ state: { in: uncheckedStates } }, { state: "draft", deadlineExtendedUntil: { gt: now } }] }],
  };
  if ((await prisma.application.count({ where: openWhere })) > 0) throw new RefusedError("eligibility.error.uncheckedLeft");
  const decided = await prisma.application.findMany({
    where: { AND: [stageApplications(actor, ref), { state: { notIn: [...notHandedIn, ...uncheckedStates] } }] },
    select: {
      id: true,
      version: true,
      state: true,
      snapshot: true,
      network: {
        select: {
          name: true,
          memberships: { where: { role: "COORDINATOR", user: { disabledAt: null } }, select: { user: { select: { name: true, email: true, locale: true } } } },
        },
      },
    },
  });
  if (decided.length === 0) throw new RefusedError("eligibility.error.nothingToRelease");
  requireConfirmation(ref.confirmed);
  const mails: ComposedEmail[] = [];
  const notEligible = await outcomeTemplatesOf(stage.call.id, "NOT_ELIGIBLE");
  for (const application of decided) {
    const eligible = application.state !== "ineligible";
    const url = `${options.baseUrl}/applications/${application.id}`;
    for (const { user } of application.network.memberships) {
      const recipient = { name: user.name, email: user.email, locale: user.locale };
      mails.push(
        eligible
          ? await composeEmail(recipient, { template: "eligibility-result", props: { name: user.name, network: application.network.name, call: stage.call.title, url } })
          : await composeOutcomeMail(
              notEligible,
              { kind: "NOT_ELIGIBLE", network: application.network.name, call: stage.call.title, link: url, reasons: ineligibleReasonOf(application.snapshot) },
              recipient,
            ),
      );
    }
  }
  await prisma.$transaction(async (tx) => {
    const stamped = await tx.callStage.updateMany({ where: { id: stage.id, eligibilityReleasedAt: null }, data: { eligibilityReleasedAt: now } });
    if (stamped.count !== 1) throw new RefusedError("eligibility.error.alreadyReleased");
    // A decision taken back or a late check started while the mails were written: release nothing, say so.
    const unchanged = await tx.application.count({ where: { OR: decided.map((application) => ({ id: application.id, version: application.version })) } });
    if (unchanged !== decided.length || (await tx.application.count({ where: openWhere })) > 0) throw new RefusedError("workflow.stale");
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        entityType: "CallStage",
        entityId: stage.id,
        action: "RELEASE_ELIGIBILITY",
        data: { eligible: decided.filter((application) => application.state !== "ineligible").length, ineligible: decided.filter((application) => application.state === "ineligible").length },
      },
      now,
    );
    for (const mail of mails) await queueEmail(tx, mail, now);
    // The jury's list is final now: look for conflicts before anyone declares or assigns.
    await detectConflicts(stage.id, { tx, actorId: actor.id, now });
  });
  return { mails: mails.length };
}
