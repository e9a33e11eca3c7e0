import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { discussionPostSchema } from "~/forms/review-manager-schemas";
import { setupFormAction, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { loadManagerReviews, postAsManager } from "~/server/review/discussion.server";
import { ReviewsAndThread } from "~/components/review/discussion";
import { formatScore } from "~/components/review/review-figures";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";

// The trailing underscore keeps this page out of the application page's layout (it renders no outlet).

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.application.network ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const manager = await requireCallSetupUser(request);
  return loadManagerReviews(manager, params.applicationId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return setupFormAction(request, { formId: "post", schema: discussionPostSchema }, async ({ body }, manager) => {
    await postAsManager(manager, { applicationId: params.applicationId ?? "", body }, new Date());
    return redirect(new URL(request.url).pathname);
  });
}

export default function ManagerApplicationReviews() {
  const t = useT();
  const locale = useLocale();
  const { application, scale, agreement, threshold, reviews, posts } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/manager/applications/${application.id}`}>{application.network}</Link> ·{" "}
        <Link to={`/manager/calls/${application.call.id}/stages/${application.stage.id}/reviews`}>{t("reviewManager.title")}</Link>
      </p>
      <h1>{t("reviewManager.managerReviewsHeading", { network: application.network })}</h1>
      {application.title ? <p className="lead">{application.title}</p> : null}
      <dl className="facts">
        <dt>{t("reviewManager.column.mean")}</dt>
        <dd>{formatScore(locale, agreement.mean)}</dd>
        <dt>{t("reviewManager.column.spread")}</dt>
        <dd>
          {formatScore(locale, agreement.spread)}
          <div className="kern-hint">{t("reviewManager.thresholdNote", { threshold })}</div>
        </dd>
      </dl>
      <p className="kern-hint">{t(application.call.showJurorNames ? "reviewManager.namesShown" : "reviewManager.namesHidden")}</p>
      <ReviewsAndThread forDiscussion={agreement.forDiscussion} reviews={reviews} scale={scale} posts={posts} />
    </>
  );
}
