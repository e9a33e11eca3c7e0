import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { notFound } from "../http.server";
import { managedApplications, reviewableApplications } from "../applications/access.server";
import type { CurrentUser } from "../accounts/session.server";
import { agreementOf } from "./review-progress.server";

/**
 * The reviews of one application and its discussion thread. A juror reads them only through their
 * own assignment, once their own review is submitted (so nobody scores with the others' figures in
 * mind), and only while the application is one they may review at all; others appear as "Jury A, B,
 * C" (letters by the order of assignment) unless the call shows names. The manager reads everything.
 */

/** "A" … "Z", then "A2" … for the rare application with more than 26 reviewers. */
export function juryLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26) + 1}`;
}

/** The order of an application's assignments that gives each reviewer their letter (decisions share comments by it too). */
export const reviewerOrder: Prisma.ReviewAssignmentOrderByWithRelationInput[] = [{ assignedAt: "asc" }, { id: "asc" }];

async function readApplicationReviews(applicationId: string) {
  const application = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      title: true,
      network: { select: { name: true, bundesland: true } },
      call: { select: { id: true, title: true, blindReview: true, showJurorNames: true } },
      stage: {
        select: {
          id: true,
          kind: true,
          disagreementThreshold: true,
          rubric: { select: { scaleMin: true, scaleMax: true, criteria: { select: { id: true, titleDe: true, titleEn: true, weight: true }, orderBy: { position: "asc" } } } },
        },
      },
      assignments: {
        select: {
          id: true,
          jurorId: true,
          juror: { select: { name: true } },
          review: {
            select: { id: true, state: true, scores: true, criterionComments: true, comment: true, recommendation: true, confidence: true, weightedTotal: true, submittedAt: true },
          },
        },
        orderBy: reviewerOrder,
      },
      discussion: { select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true, role: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  const reviewers = application.assignments.map((assignment, index) => ({ ...assignment, letter: juryLetter(index) }));
  const criteria = application.stage.rubric?.criteria ?? [];
  const submitted = reviewers.filter((reviewer) => reviewer.review?.state === "submitted");
  const agreement = agreementOf(
    submitted.flatMap((reviewer) => (reviewer.review?.weightedTotal == null ? [] : [reviewer.review.weightedTotal])),
    application.stage.disagreementThreshold,
  );
  return { application, reviewers, criteria, agreement };
}

type Reviewer = Awaited<ReturnType<typeof readApplicationReviews>>["reviewers"][number];

/** One review as the pages show it: per criterion its score and comment, then the overall verdict. */
function reviewView(reviewer: Reviewer, criteria: { id: string; titleDe: string; titleEn: string; weight: number }[], name: string | null) {
  const review = reviewer.review;
  const scores = (review?.scores ?? {}) as Record<string, number | null | undefined>;
  const comments = (review?.criterionComments ?? {}) as Record<string, string | null | undefined>;
  return {
    assignmentId: reviewer.id,
    letter: reviewer.letter,
    name,
    state: review?.state ?? "assigned",
    submittedAt: review?.submittedAt ?? null,
    criteria: criteria.map((criterion) => ({ id: criterion.id, titleDe: criterion.titleDe, titleEn: criterion.titleEn, weight: criterion.weight, score: scores[criterion.id] ?? null, comment: comments[criterion.id] ?? "" })),
    comment: review?.comment ?? "",
    recommendation: review?.recommendation ?? null,
    confidence: review?.confidence ?? null,
    weightedTotal: review?.weightedTotal ?? null,
  };
}

/**
 * The thread as `viewerId` reads it. A reviewer of the application writes as their letter (and name,
 * if `showNames`), a juror whose assignment has since moved to someone else as a juror without a
 * letter; the programme's management is always named.
 */
function threadView(posts: { id: string; body: string; createdAt: Date; authorId: string; author: { name: string; role: string } }[], reviewers: Reviewer[], viewerId: string, showNames: boolean) {
  const reviewerOf = new Map(reviewers.map((reviewer) => [reviewer.jurorId, reviewer]));
  return posts.map((post) => {
    const reviewer = reviewerOf.get(post.authorId);
    return {
      id: post.id,
      body: post.body,
      createdAt: post.createdAt,
      own: post.authorId === viewerId,
      author:
        reviewer || post.author.role === "JUROR"
          ? { kind: "juror" as const, letter: reviewer?.letter ?? null, name: showNames ? post.author.name : null }
          : { kind: "manager" as const, letter: null, name: post.author.name },
    };
  });
}

/** What a juror may see of their own assignment's discussion: the assignment is theirs, released, submitted, and not in conflict. */
function ownSubmittedAssignment(juror: CurrentUser, assignmentId: string): Prisma.ReviewAssignmentWhereInput {
  return { id: assignmentId, jurorId: juror.id, releasedAt: { not: null }, review: { state: "submitted" }, application: reviewableApplications(juror.id) };
}

export async function loadJurorDiscussion(juror: CurrentUser, assignmentId: string) {
  const own = await prisma.reviewAssignment.findFirst({ where: ownSubmittedAssignment(juror, assignmentId), select: { applicationId: true } });
  if (!own) throw notFound();
  const { application, reviewers, criteria, agreement } = await readApplicationReviews(own.applicationId);
  const showNames = application.call.showJurorNames;
  return {
    assignmentId,
    application: {
      title: application.title || application.call.title,
      bundesland: application.network.bundesland,
      // Blind review: jurors never learn who applied.
      network: application.call.blindReview ? null : application.network.name,
      callTitle: application.call.title,
      stageKind: application.stage.kind,
    },
    scale: application.stage.rubric ? { min: application.stage.rubric.scaleMin, max: application.stage.rubric.scaleMax } : null,
    forDiscussion: agreement.forDiscussion,
    reviews: reviewers
      .filter((reviewer) => reviewer.review?.state === "submitted")
      .map((reviewer) => ({ ...reviewView(reviewer, criteria, showNames ? reviewer.juror.name : null), own: reviewer.jurorId === juror.id })),
    posts: threadView(application.discussion, reviewers, juror.id, showNames),
  };
}

export async function loadManagerReviews(manager: CurrentUser, applicationId: string) {
  const allowed = await prisma.application.findFirst({ where: { AND: [{ id: applicationId }, managedApplications(manager)] }, select: { id: true } });
  if (!allowed) throw notFound();
  const { application, reviewers, criteria, agreement } = await readApplicationReviews(applicationId);
  return {
    application: {
      id: application.id,
      title: application.title,
      network: application.network.name,
      bundesland: application.network.bundesland,
      call: { id: application.call.id, title: application.call.title, showJurorNames: application.call.showJurorNames },
      stage: { id: application.stage.id, kind: application.stage.kind },
    },
    scale: application.stage.rubric ? { min: application.stage.rubric.scaleMin, max: application.stage.rubric.scaleMax } : null,
    agreement,
    threshold: application.stage.disagreementThreshold,
    reviews: reviewers.map((reviewer) => reviewView(reviewer, criteria, reviewer.juror.name)),
    posts: threadView(application.discussion, reviewers, manager.id, true),
  };
}

async function writePost(authorId: string, applicationId: string, body: string, now: Date) {
  await prisma.$transaction(async (tx) => {
    const post = await tx.discussionPost.create({ data: { applicationId, authorId, body: body.trim(), createdAt: now }, select: { id: true } });
    await recordAudit(tx, { actorId: authorId, entityType: "DiscussionPost", entityId: post.id, action: "POST", data: { applicationId } }, now);
  });
}

/** A juror writes in the thread of an application whose review they have submitted. */
export async function postAsJuror(juror: CurrentUser, input: { assignmentId: string; body: string }, now: Date) {
  const own = await prisma.reviewAssignment.findFirst({ where: ownSubmittedAssignment(juror, input.assignmentId), select: { applicationId: true } });
  if (!own) throw notFound();
  await writePost(juror.id, own.applicationId, input.body, now);
}

/** A manager writes in the thread of an application of their programmes. */
export async function postAsManager(manager: CurrentUser, input: { applicationId: string; body: string }, now: Date) {
  const allowed = await prisma.application.findFirst({ where: { AND: [{ id: input.applicationId }, managedApplications(manager)] }, select: { id: true } });
  if (!allowed) throw notFound();
  await writePost(manager.id, allowed.id, input.body, now);
}
