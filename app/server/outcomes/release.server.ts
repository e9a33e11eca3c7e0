import type { Prisma } from "~/generated/prisma/client";
import type { OutcomeMailKind } from "~/generated/prisma/enums";
import { outcomeMailKinds, type SharedComment } from "~/forms/outcome-mails";
import type { Locale, MessageKey } from "~/i18n";
import { sortByGermanName } from "~/i18n/collation";
import { unreleasedDecisionStates, type ApplicationState } from "@workflows/application.machine";
import { prisma } from "../db.server";
import { requireConfirmation } from "../confirmation.server";
import { notFound, RefusedError } from "../http.server";
import { managedApplications } from "../applications/access.server";
import { changeApplicationState } from "../applications/workflow.server";
import { createFullProposal } from "../decisions/full-proposal.server";
import { managedStage } from "../review/stage-scope.server";
import { queueEmail, type ComposedEmail } from "../mail/outbox.server";
import type { CurrentUser } from "../accounts/session.server";
import { acceptByFrom, composeOutcomeMail, outcomeTemplatesOf, type OutcomeTemplate, type Recipient } from "./outcome-mail.server";
import { currentDecisionSelect, mailKindOf, outcomeFacts, sharedCommentsOf, type CurrentDecision } from "./decision-outcome.server";

/**
 * Releasing a stage's decisions: the manager ticks decided applications, previews every mail that
 * will go out (one per coordinator of each network, in their language) and releases the selection.
 * Each application is released in a transaction of its own through the machine (RELEASE_DECISION
 * with the version the page showed), which stamps its decision, creates the full proposal of an
 * invitation and queues the mails. A second release of the same selection, by a double click or by
 * another process at the same moment, finds the version moved on and changes and sends nothing; it
 * is reported as already released.
 */
type Actor = Pick<CurrentUser, "id" | "role">;
interface StageRef {
  callId: string;
  stageId: string;
}
export interface Selected {
  applicationId: string;
  version: number;
}

const releasedStates: ApplicationState[] = ["approved", "invitedToNextStage", "waitlisted", "rejected", "awardAccepted", "awardDeclined"];

async function findManagedStage(actor: Actor, ref: StageRef) {
  const stage = await prisma.callStage.findFirst({
    where: managedStage(actor, ref.callId, ref.stageId),
    select: { id: true, kind: true, call: { select: { id: true, title: true, acceptanceDays: true, stages: { where: { kind: "FULL_PROPOSAL" }, select: { closesAt: true } } } } },
  });
  if (!stage) throw notFound();
  return stage;
}
type ManagedStage = Awaited<ReturnType<typeof findManagedStage>>;

function stageApplications(actor: Actor, ref: StageRef): Prisma.ApplicationWhereInput {
  return { AND: [{ callId: ref.callId, stageId: ref.stageId }, managedApplications(actor)] };
}

const decidedSelect = {
  id: true,
  title: true,
  state: true,
  version: true,
  network: {
    select: {
      name: true,
      bundesland: true,
      memberships: { where: { role: "COORDINATOR", user: { disabledAt: null } }, select: { user: { select: { name: true, email: true, locale: true } } }, orderBy: { createdAt: "asc" } },
    },
  },
  decisions: currentDecisionSelect,
} satisfies Prisma.ApplicationSelect;
type DecidedRow = Prisma.ApplicationGetPayload<{ select: typeof decidedSelect }>;

function recipientsOf(row: DecidedRow): Recipient[] {
  return row.network.memberships.map(({ user }) => ({ name: user.name, email: user.email, locale: user.locale as Locale }));
}

/** The stage's decided applications waiting for release, each with its current decision (null only if the data is broken). */
async function decidedApplications(actor: Actor, ref: StageRef, only?: string[]) {
  const rows = await prisma.application.findMany({
    where: { AND: [stageApplications(actor, ref), { state: { in: [...unreleasedDecisionStates] } }, ...(only ? [{ id: { in: only } }] : [])] },
    select: decidedSelect,
  });
  return sortByGermanName(rows, (row) => row.network.name).map((row) => ({ ...row, decision: (row.decisions[0] ?? null) as CurrentDecision | null }));
}
type Decided = Awaited<ReturnType<typeof decidedApplications>>[number];

/** Every mail of one application's release, rendered; `now` fixes the acceptance date the award mail names. */
async function mailsOf(stage: ManagedStage, application: Decided & { decision: CurrentDecision }, comments: SharedComment[], templates: Map<OutcomeMailKind, Record<Locale, OutcomeTemplate>>, options: { baseUrl: string; now: Date }) {
  const kind = mailKindOf(application.decision);
  const facts = outcomeFacts({
    decision: application.decision,
    applicationId: application.id,
    network: application.network.name,
    call: stage.call.title,
    baseUrl: options.baseUrl,
    acceptBy: acceptByOf(kind, stage, options.now),
    fullProposalDeadline: stage.call.stages[0]?.closesAt ?? null,
    juryComments: comments,
  });
  const chosen = templates.get(kind) ?? (await outcomeTemplatesOf(stage.call.id, kind));
  templates.set(kind, chosen);
  const mails: { recipient: Recipient; mail: ComposedEmail }[] = [];
  for (const recipient of recipientsOf(application)) mails.push({ recipient, mail: await composeOutcomeMail(chosen, facts, recipient) });
  return mails;
}

function acceptByOf(kind: OutcomeMailKind, stage: ManagedStage, now: Date): Date | null {
  return kind === "AWARD" || kind === "SUPPORT_AWARD" ? acceptByFrom(now, stage.call.acceptanceDays) : null;
}

/**
 * The release page: the decided applications not yet released, grouped by notice with counts, and
 * for the ticked selection every mail as it would go out now.
 */
export async function loadRelease(actor: Actor, ref: StageRef, selection: Selected[], options: { baseUrl: string; now?: Date }) {
  const now = options.now ?? new Date();
  const stage = await findManagedStage(actor, ref);
  const [decided, released] = await Promise.all([
    decidedApplications(actor, ref),
    prisma.application.count({ where: { AND: [stageApplications(actor, ref), { state: { in: releasedStates } }, { decisions: { some: { supersededAt: null, releasedAt: { not: null } } } }] } }),
  ]);
  const rows = decided.map((row) => ({
    id: row.id,
    title: row.title,
    version: row.version,
    network: { name: row.network.name, bundesland: row.network.bundesland },
    kind: row.decision ? mailKindOf(row.decision) : null,
    coordinators: row.network.memberships.length,
  }));
  const groups = outcomeMailKinds
    .map((kind) => ({ kind, applications: rows.filter((row) => row.kind === kind) }))
    .filter((group) => group.applications.length > 0);
  const wanted = new Map(selection.map((entry) => [entry.applicationId, entry.version]));
  const previewed = decided.filter((row) => wanted.has(row.id));
  const comments = await sharedCommentsOf(previewed.flatMap((row) => (row.decision ? [{ applicationId: row.id, sharedReviewIds: row.decision.sharedReviewIds }] : [])));
  const templates = new Map<OutcomeMailKind, Record<Locale, OutcomeTemplate>>();
  const preview = [];
  for (const row of previewed) {
    if (!row.decision) continue;
    const mails = await mailsOf(stage, { ...row, decision: row.decision }, comments.get(row.id) ?? [], templates, { ...options, now });
    preview.push({
      applicationId: row.id,
      network: row.network.name,
      kind: mailKindOf(row.decision),
      /** Changed since it was ticked: the release would refuse it. */
      changed: wanted.get(row.id) !== row.version,
      mails: mails.map(({ recipient, mail }) => ({ name: recipient.name, email: recipient.email, locale: recipient.locale, subject: mail.subject, text: mail.text })),
    });
  }
  return {
    call: { id: stage.call.id, title: stage.call.title },
    stage: { id: stage.id, kind: stage.kind },
    total: rows.length,
    released,
    groups,
    /** Applications ticked that are no longer waiting for release (released meanwhile, or their decision taken back). */
    gone: selection.filter((entry) => !decided.some((row) => row.id === entry.applicationId)).length,
    selection: selection.filter((entry) => previewed.some((row) => row.id === entry.applicationId)),
    preview,
    mailCount: preview.reduce((sum, row) => sum + row.mails.length, 0),
  };
}
export type ReleasePage = Awaited<ReturnType<typeof loadRelease>>;

export interface ReleaseReport {
  released: number;
  mails: number;
  /** Released before this request got to them: by an earlier click, or by another process at the same time. */
  alreadyReleased: string[];
  failures: { network: string; messageKey: MessageKey }[];
}

function refusalOf(error: unknown): MessageKey {
  if (error instanceof RefusedError) return error.messageKey;
  if (error instanceof Response && error.status === 404) return "outcomes.release.error.gone";
  throw error;
}

/** Whether the application's current decision is out already (so a refused release of it was a repeat). */
async function isReleased(applicationId: string): Promise<boolean> {
  const decision = await prisma.decision.findFirst({ where: { applicationId, supersededAt: null, releasedAt: { not: null } }, select: { id: true } });
  return decision !== null;
}

/** Releases the selection: each application on its own, so one refusal does not hold back the rest. */
export async function releaseDecisions(actor: Actor, ref: StageRef & { selected: Selected[]; confirmed: boolean }, options: { baseUrl: string; now?: Date }): Promise<ReleaseReport> {
  const now = options.now ?? new Date();
  const stage = await findManagedStage(actor, ref);
  requireConfirmation(ref.confirmed);
  const report: ReleaseReport = { released: 0, mails: 0, alreadyReleased: [], failures: [] };
  const decided = new Map((await decidedApplications(actor, ref, ref.selected.map((entry) => entry.applicationId))).map((row) => [row.id, row]));
  const comments = await sharedCommentsOf([...decided.values()].flatMap((row) => (row.decision ? [{ applicationId: row.id, sharedReviewIds: row.decision.sharedReviewIds }] : [])));
  const templates = new Map<OutcomeMailKind, Record<Locale, OutcomeTemplate>>();
  for (const { applicationId, version } of ref.selected) {
    const row = decided.get(applicationId);
    if (!row) {
      const known = await prisma.application.findFirst({ where: { AND: [stageApplications(actor, ref), { id: applicationId }] }, select: { network: { select: { name: true } } } });
      if (known && (await isReleased(applicationId))) report.alreadyReleased.push(known.network.name);
      else report.failures.push({ network: known?.network.name ?? "", messageKey: "outcomes.release.error.gone" });
      continue;
    }
    const decision = row.decision;
    if (!decision) {
      report.failures.push({ network: row.network.name, messageKey: "outcomes.release.error.noDecision" });
      continue;
    }
    const kind = mailKindOf(decision);
    const mails = await mailsOf(stage, { ...row, decision }, comments.get(row.id) ?? [], templates, { baseUrl: options.baseUrl, now });
    try {
      await changeApplicationState({
        applicationId,
        where: stageApplications(actor, ref),
        event: { type: "RELEASE_DECISION" },
        actorId: actor.id,
        now,
        expectedVersion: version,
        auditData: { decisionId: decision.id },
        refusal: () => "outcomes.release.error.notDecided",
        alsoInTransaction: async (tx) => {
          // The decision the mails were written from, unreleased: a correction meanwhile refuses the release.
          const stamped = await tx.decision.updateMany({
            where: { id: decision.id, supersededAt: null, releasedAt: null },
            data: { releasedAt: now, releasedById: actor.id, acceptBy: acceptByOf(kind, stage, now) },
          });
          if (stamped.count !== 1) throw new RefusedError("workflow.stale");
          if (kind === "INVITATION") await createFullProposal(tx, { outlineId: applicationId, conditions: decision.conditions, actorId: actor.id, now });
          for (const { mail } of mails) await queueEmail(tx, mail, now);
        },
      });
      report.released += 1;
      report.mails += mails.length;
    } catch (error) {
      const messageKey = refusalOf(error);
      if (await isReleased(applicationId)) report.alreadyReleased.push(row.network.name);
      else report.failures.push({ network: row.network.name, messageKey });
    }
  }
  return report;
}
