import type { Prisma } from "~/generated/prisma/client";
import { missingItems, recordOf, weightedTotal, type ReviewDraft, type RubricScale } from "~/forms/review-scores";
import { formatDateTime, type Locale } from "~/i18n";
import { reviewStatesOpenForEditing, type ReviewContext, type ReviewState } from "@workflows/review.machine";
import { prisma } from "../db.server";
import { reviewableApplications } from "../applications/access.server";
import { storedDefinition } from "../calls/form-builder.server";
import { notFound, RefusedError } from "../http.server";
import { composeEmail, queueEmail } from "../mail/outbox.server";
import { versionPdfFilename, versionPdfInput, versionSelect } from "../pdf/version-pdf.server";
import { renderApplicationPdf, type ApplicationPdfInput } from "../pdf/application-pdf.server";
import type { CurrentUser } from "../accounts/session.server";
import { blindContent, identifyingKeys } from "./blind-review.server";
import { changeReviewState } from "./review-workflow.server";

/**
 * A juror's work on one assignment: reading the application as submitted (blinded where the call
 * says so), keeping a draft of the review, submitting it, or abstaining. Every query names the
 * assignment together with its juror, its release and `reviewableApplications`, so someone else's,
 * an unreleased or a conflicted assignment is a 404 like one that does not exist.
 */
type Actor = Pick<CurrentUser, "id">;

function ownAssignment(actor: Actor, assignmentId: string): Prisma.ReviewAssignmentWhereInput {
  return { id: assignmentId, jurorId: actor.id, releasedAt: { not: null }, application: reviewableApplications(actor.id) };
}

const rubricSelect = {
  scaleMin: true,
  scaleMax: true,
  criteria: { select: { id: true, titleDe: true, titleEn: true, descriptionDe: true, descriptionEn: true, weight: true }, orderBy: { position: "asc" } },
} satisfies Prisma.RubricSelect;

const reviewSelect = {
  id: true,
  state: true,
  snapshot: true,
  scores: true,
  criterionComments: true,
  comment: true,
  recommendation: true,
  confidence: true,
  weightedTotal: true,
  submittedAt: true,
} satisfies Prisma.ReviewSelect;

const assignmentSelect = {
  id: true,
  dueAt: true,
  review: { select: reviewSelect },
  application: {
    select: {
      id: true,
      title: true,
      network: { select: { name: true, bundesland: true } },
      call: { select: { title: true, blindReview: true } },
      stage: { select: { kind: true, reviewDueAt: true, form: { select: { definition: true } }, rubric: { select: rubricSelect } } },
      versions: { select: versionSelect, orderBy: { number: "desc" }, take: 1 },
    },
  },
} satisfies Prisma.ReviewAssignmentSelect;

type LoadedAssignment = Prisma.ReviewAssignmentGetPayload<{ select: typeof assignmentSelect }>;

async function loadOwnAssignment(actor: Actor, assignmentId: string): Promise<LoadedAssignment & { version: NonNullable<LoadedAssignment["application"]["versions"][number]> }> {
  const assignment = await prisma.reviewAssignment.findFirst({ where: ownAssignment(actor, assignmentId), select: assignmentSelect });
  const version = assignment?.application.versions[0];
  // An application in review has been submitted; without a submitted version there is nothing to read.
  if (!assignment || !version) throw notFound();
  return { ...assignment, version };
}

/** The application as its latest submitted version holds it, as this juror may see it. */
function contentFor(assignment: Awaited<ReturnType<typeof loadOwnAssignment>>, locale: Locale): ApplicationPdfInput {
  const submitted = versionPdfInput(assignment.version, locale);
  if (!assignment.application.call.blindReview) return submitted;
  // Today's form counts too: a manager may mark a field identifying after it was submitted.
  const hidden = identifyingKeys(submitted.definition, storedDefinition(assignment.application.stage.form?.definition));
  return blindContent(submitted, hidden, locale);
}

/** The review as the juror left it; an assignment whose review row is not yet written reads as "assigned". */
function storedReview(review: LoadedAssignment["review"]) {
  const context = (review?.snapshot as { context?: Partial<Pick<ReviewContext, "abstainReason" | "reopenReason">> } | null)?.context;
  return {
    state: (review?.state ?? "assigned") as ReviewState,
    scores: recordOf(review?.scores, "number"),
    criterionComments: recordOf(review?.criterionComments, "string"),
    comment: review?.comment ?? "",
    recommendation: review?.recommendation ?? null,
    confidence: review?.confidence ?? null,
    submittedAt: review?.submittedAt ?? null,
    abstainReason: context?.abstainReason ?? null,
    reopenReason: context?.reopenReason ?? null,
  };
}

function scaleOf(rubric: NonNullable<LoadedAssignment["application"]["stage"]["rubric"]>): RubricScale {
  return { scaleMin: rubric.scaleMin, scaleMax: rubric.scaleMax, criteria: rubric.criteria.map(({ id, weight }) => ({ id, weight })) };
}

/** Everything the review page shows, in the reader's language. */
export async function loadReviewPage(actor: Actor, assignmentId: string, locale: Locale) {
  const assignment = await loadOwnAssignment(actor, assignmentId);
  const { application } = assignment;
  const content = contentFor(assignment, locale);
  const review = storedReview(assignment.review);
  const rubric = application.stage.rubric;
  const de = locale === "de";
  return {
    assignmentId: assignment.id,
    dueAt: assignment.dueAt ?? application.stage.reviewDueAt,
    application: {
      title: application.title,
      callTitle: application.call.title,
      stageKind: application.stage.kind,
      bundesland: application.network.bundesland,
      blind: application.call.blindReview,
      networkName: application.call.blindReview ? null : application.network.name,
      receiptNumber: assignment.version.receiptNumber,
      submittedAt: assignment.version.submittedAt,
    },
    content: {
      definition: content.definition,
      answers: content.answers,
      conditions: content.conditions ?? [],
      files: content.files.map(({ id, fieldKey, originalName, sizeBytes }) => ({ id, fieldKey, originalName, sizeBytes })),
    },
    rubric: rubric && {
      scaleMin: rubric.scaleMin,
      scaleMax: rubric.scaleMax,
      criteria: rubric.criteria.map((criterion) => ({
        id: criterion.id,
        weight: criterion.weight,
        title: de ? criterion.titleDe : criterion.titleEn,
        description: de ? criterion.descriptionDe : criterion.descriptionEn,
      })),
    },
    review: {
      ...review,
      weightedTotal: assignment.review?.weightedTotal ?? (rubric ? weightedTotal(scaleOf(rubric), review.scores) : null),
    },
  };
}
export type ReviewPage = Awaited<ReturnType<typeof loadReviewPage>>;

/** The rubric the review form is checked against; a stage without one cannot be scored yet. */
export async function reviewRubric(actor: Actor, assignmentId: string): Promise<RubricScale> {
  const assignment = await prisma.reviewAssignment.findFirst({ where: ownAssignment(actor, assignmentId), select: { application: { select: { stage: { select: { rubric: { select: rubricSelect } } } } } } });
  if (!assignment) throw notFound();
  const { rubric } = assignment.application.stage;
  if (!rubric) throw new RefusedError("reviewJuror.error.noRubric");
  return scaleOf(rubric);
}

/** The review row of the assignment, written in its first state when the juror first saves. */
async function reviewRowOf(actor: Actor, assignmentId: string): Promise<{ id: string; state: string }> {
  const assignment = await prisma.reviewAssignment.findFirst({ where: ownAssignment(actor, assignmentId), select: { id: true, review: { select: { id: true, state: true } } } });
  if (!assignment) throw notFound();
  return assignment.review ?? prisma.review.upsert({ where: { assignmentId: assignment.id }, create: { assignmentId: assignment.id }, update: {}, select: { id: true, state: true } });
}

function draftColumns(draft: ReviewDraft) {
  return { scores: draft.scores, criterionComments: draft.criterionComments, comment: draft.comment, recommendation: draft.recommendation, confidence: draft.confidence };
}

/**
 * Keeps the juror's draft. The first save starts the review (assigned → inProgress, with its audit
 * event); later ones write the draft while the review is open for editing, and are refused once it
 * is submitted or the juror abstained.
 */
export async function saveReviewDraft(actor: Actor, input: { assignmentId: string; draft: ReviewDraft }, now = new Date()): Promise<void> {
  const review = await reviewRowOf(actor, input.assignmentId);
  const where: Prisma.ReviewWhereInput = { assignment: ownAssignment(actor, input.assignmentId) };
  if (review.state === "assigned") {
    try {
      await changeReviewState({ reviewId: review.id, where, event: { type: "START" }, actorId: actor.id, now, alsoSet: draftColumns(input.draft) });
      return;
    } catch (error) {
      // Another save (an autosave in a second tab) started it first; this one is a plain draft save.
      if (!(error instanceof RefusedError)) throw error;
    }
  }
  const written = await prisma.review.updateMany({
    where: { AND: [{ id: review.id, state: { in: [...reviewStatesOpenForEditing] } }, where] },
    data: draftColumns(input.draft),
  });
  if (written.count !== 1) throw new RefusedError("reviewJuror.error.notEditable");
}

/**
 * Submits the review: the draft is kept first (so nothing typed is lost when submitting is refused),
 * then the machine decides: complete (every criterion scored, recommendation and confidence given)
 * and confirmed, it becomes final with its weighted total.
 */
export async function submitReview(actor: Actor, input: { assignmentId: string; rubric: RubricScale; draft: ReviewDraft; confirmed: boolean }, now = new Date()): Promise<void> {
  await saveReviewDraft(actor, input, now);
  const review = await reviewRowOf(actor, input.assignmentId);
  const missing = missingItems(input.rubric, input.draft);
  await changeReviewState({
    reviewId: review.id,
    where: { assignment: ownAssignment(actor, input.assignmentId) },
    event: { type: "SUBMIT", missingItems: missing.length },
    actorId: actor.id,
    now,
    unconfirmed: !input.confirmed,
    alsoSet: { weightedTotal: weightedTotal(input.rubric, input.draft.scores), submittedAt: now },
    refusal: (state) => ((reviewStatesOpenForEditing as readonly string[]).includes(state) && missing.length > 0 ? "reviewJuror.error.incomplete" : "reviewJuror.error.notEditable"),
  });
}

/**
 * The juror abstains from the application with a reason (before submitting). The application then
 * needs another reviewer, so every manager of the programme gets a mail, queued in the same transaction.
 */
export async function abstainFromReview(actor: Pick<CurrentUser, "id" | "name">, input: { assignmentId: string; reason: string; confirmed: boolean }, options: { baseUrl: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const review = await reviewRowOf(actor, input.assignmentId);
  const assignment = await prisma.reviewAssignment.findFirstOrThrow({
    where: ownAssignment(actor, input.assignmentId),
    select: {
      application: {
        select: {
          id: true,
          title: true,
          network: { select: { name: true } },
          stage: { select: { kind: true } },
          call: { select: { title: true, programme: { select: { managers: { select: { user: { select: { name: true, email: true, locale: true } } } } } } } },
        },
      },
    },
  });
  const { application } = assignment;
  const mails = await Promise.all(
    application.call.programme.managers.map(({ user }) =>
      composeEmail(
        { email: user.email, locale: user.locale },
        {
          template: "review-abstained",
          props: {
            name: user.name,
            juror: actor.name,
            network: application.network.name,
            title: application.title,
            call: application.call.title,
            stageKind: application.stage.kind,
            reason: input.reason,
            at: formatDateTime(user.locale, now),
            url: `${options.baseUrl}/manager/applications/${application.id}`,
          },
        },
      ),
    ),
  );
  await changeReviewState({
    reviewId: review.id,
    where: { assignment: ownAssignment(actor, input.assignmentId) },
    event: { type: "ABSTAIN", reason: input.reason },
    actorId: actor.id,
    now,
    unconfirmed: !input.confirmed,
    auditData: { reason: input.reason },
    refusal: () => "reviewJuror.error.cannotAbstain",
    alsoInTransaction: async (tx) => {
      for (const mail of mails) await queueEmail(tx, mail, now);
    },
  });
}

/** The juror's PDF of the application: the submitted version, blinded like the page. */
export async function jurorApplicationPdf(actor: Actor, assignmentId: string, locale: Locale): Promise<{ filename: string; content: Uint8Array<ArrayBuffer> }> {
  const assignment = await loadOwnAssignment(actor, assignmentId);
  return { filename: versionPdfFilename(assignment.version.receiptNumber), content: await renderApplicationPdf(contentFor(assignment, locale)) };
}

/**
 * The name a juror downloads a file under in blind review: the field's label (see blind-review.server);
 * null where the call is not blind and the file keeps its own name. A file the blinded view does not
 * list (a left-out field's) is a 404, like a file of an application the juror may not read.
 */
export async function jurorFileName(actor: Actor, fileId: string, locale: Locale): Promise<string | null> {
  const assignment = await prisma.reviewAssignment.findFirst({
    where: { jurorId: actor.id, releasedAt: { not: null }, application: { AND: [reviewableApplications(actor.id), { files: { some: { id: fileId } } }] } },
    select: { id: true, application: { select: { call: { select: { blindReview: true } } } } },
  });
  if (!assignment) throw notFound();
  if (!assignment.application.call.blindReview) return null;
  const file = contentFor(await loadOwnAssignment(actor, assignment.id), locale).files.find((candidate) => candidate.id === fileId);
  if (!file) throw notFound();
  return file.originalName;
}
