import type { prisma, Transaction } from "../db.server";
import { juryLetter, reviewerOrder } from "../review/discussion.server";

/**
 * An application's submitted reviews with the letter each juror has in the discussion ("Jury A, B,
 * C"), for the manager to tick the overall comments that go to the network, and for the outcome
 * mail to show the ticked ones under those letters and never a name.
 */
export async function juryReviewsOf(db: Transaction | typeof prisma, applicationId: string) {
  const assignments = await db.reviewAssignment.findMany({
    where: { applicationId },
    orderBy: reviewerOrder,
    select: { juror: { select: { name: true } }, review: { select: { id: true, state: true, weightedTotal: true, comment: true, recommendation: true, confidence: true } } },
  });
  return assignments.flatMap((assignment, index) => {
    const review = assignment.review;
    if (review?.state !== "submitted") return [];
    const { state: _state, ...shown } = review;
    return [{ ...shown, letter: juryLetter(index), jurorName: assignment.juror.name }];
  });
}

/** The shared overall comments of a decision, anonymised: `{ letter, comment }` in the jury's order. */
export async function sharedJuryComments(db: Transaction | typeof prisma, applicationId: string, sharedReviewIds: readonly string[]) {
  const shared = new Set(sharedReviewIds);
  return (await juryReviewsOf(db, applicationId)).filter((review) => shared.has(review.id) && review.comment.trim() !== "").map((review) => ({ letter: review.letter, comment: review.comment }));
}
