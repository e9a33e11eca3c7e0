import type { ReviewState } from "@workflows/review.machine";
import type { Confidence, Recommendation } from "~/generated/prisma/enums";
import { discussionPostSchema } from "~/forms/review-manager-schemas";
import { formatDateTime } from "~/i18n";
import { TextAreaField } from "../calls/fields";
import { SetupForm } from "../calls/setup-form";
import { useLocale, useT } from "../use-t";
import { DiscussionMark, formatScore } from "./review-figures";
import { ReviewStateLabel } from "./review-state";

interface ReviewView {
  assignmentId: string;
  letter: string;
  name: string | null;
  state: string;
  own?: boolean;
  criteria: { id: string; titleDe: string; titleEn: string; weight: number; score: number | null; comment: string }[];
  comment: string;
  recommendation: Recommendation | null;
  confidence: Confidence | null;
  weightedTotal: number | null;
}

/** "Jury B" or the juror's name (when the call shows names, and always for the manager). */
function useReviewerLabel() {
  const t = useT();
  return (reviewer: { letter: string | null; name: string | null }) => {
    if (!reviewer.letter) return reviewer.name ? t("reviewManager.formerJurorNamed", { name: reviewer.name }) : t("reviewManager.formerJuror");
    return reviewer.name ? t("reviewManager.jurorNamed", { letter: reviewer.letter, name: reviewer.name }) : t("reviewManager.jurorLetter", { letter: reviewer.letter });
  };
}

/** Each review with its scores per criterion, comments, verdict and weighted total; only submitted ones show their content. */
function ReviewList({ reviews, scale }: { reviews: ReviewView[]; scale: { min: number; max: number } | null }) {
  const t = useT();
  const locale = useLocale();
  const label = useReviewerLabel();
  if (reviews.length === 0) return <p className="empty">{t("reviewManager.noReviews")}</p>;
  return (
    <>
      {reviews.map((review) => {
        const headingId = `review-${review.assignmentId}`;
        return (
          <article key={review.assignmentId} aria-labelledby={headingId} className="card">
            <h3 id={headingId}>
              {label(review)}
              {review.own ? ` ${t("reviewManager.ownReview")}` : ""}
            </h3>
            {review.state !== "submitted" ? (
              <p>
                <ReviewStateLabel state={review.state as ReviewState} />
              </p>
            ) : (
              <>
                <dl className="facts">
                  <dt>{t("reviewManager.weightedTotal")}</dt>
                  <dd>
                    <strong>{formatScore(locale, review.weightedTotal)}</strong>
                    {scale ? ` ${t("reviewManager.onScale", { min: scale.min, max: scale.max })}` : ""}
                  </dd>
                  <dt>{t("reviewManager.recommendation")}</dt>
                  <dd>{review.recommendation ? t(`reviewJuror.recommendation.${review.recommendation}`) : "–"}</dd>
                  <dt>{t("reviewManager.confidence")}</dt>
                  <dd>{review.confidence ? t(`reviewJuror.confidence.${review.confidence}`) : "–"}</dd>
                </dl>
                <ul>
                  {review.criteria.map((criterion) => (
                    <li key={criterion.id}>
                      {t("reviewManager.criterionScore", { criterion: locale === "en" ? criterion.titleEn : criterion.titleDe, weight: criterion.weight, score: formatScore(locale, criterion.score) })}
                      {criterion.comment ? <div className="kern-hint answer-text">{criterion.comment}</div> : null}
                    </li>
                  ))}
                </ul>
                {review.comment ? (
                  <p className="answer-text">
                    {t("reviewManager.overallComment")}: {review.comment}
                  </p>
                ) : null}
              </>
            )}
          </article>
        );
      })}
    </>
  );
}

interface PostView {
  id: string;
  body: string;
  createdAt: Date | string;
  own: boolean;
  author: { kind: "juror" | "manager"; letter: string | null; name: string | null };
}

/** The thread, oldest first, and the form to write in it. */
function DiscussionThread({ posts }: { posts: PostView[] }) {
  const t = useT();
  const locale = useLocale();
  const label = useReviewerLabel();
  return (
    <section aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">{t("reviewManager.discussion")}</h2>
      {posts.length === 0 ? (
        <p className="empty">{t("reviewManager.discussion.empty")}</p>
      ) : (
        <ol className="discussion">
          {posts.map((post) => (
            <li key={post.id}>
              <p>
                <strong>{post.author.kind === "manager" ? t("reviewManager.managerAuthor", { name: post.author.name ?? "" }) : label(post.author)}</strong>
                {post.own ? ` ${t("reviewManager.ownPost")}` : ""} · {formatDateTime(locale, post.createdAt)}
              </p>
              <p className="answer-text">{post.body}</p>
            </li>
          ))}
        </ol>
      )}
      <SetupForm key={posts.length} id="post" intent="post" schema={discussionPostSchema} submitLabel={t("reviewManager.discussion.send")} labelledBy="post-heading">
        <h3 id="post-heading">{t("reviewManager.discussion.write")}</h3>
        <TextAreaField name="body" label={t("reviewManager.discussion.body")} rows={4} />
      </SetupForm>
    </section>
  );
}

/** The body of both discussion pages: the mark if the reviewers disagree, the reviews, the thread. */
export function ReviewsAndThread(props: { forDiscussion: boolean; reviews: ReviewView[]; scale: { min: number; max: number } | null; posts: PostView[] }) {
  const t = useT();
  return (
    <>
      {props.forDiscussion ? (
        <p>
          <DiscussionMark /> {t("reviewManager.forDiscussionExplained")}
        </p>
      ) : null}
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t("reviewManager.reviewsHeading")}</h2>
        <ReviewList reviews={props.reviews} scale={props.scale} />
      </section>
      <DiscussionThread posts={props.posts} />
    </>
  );
}
