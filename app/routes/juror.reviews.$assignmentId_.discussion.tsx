import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { discussionPostSchema } from "~/forms/review-manager-schemas";
import { requireRole } from "~/server/accounts/session.server";
import { handleSetupForm } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { loadJurorDiscussion, postAsJuror } from "~/server/review/discussion.server";
import { ReviewsAndThread } from "~/components/review/discussion";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

// The trailing underscore keeps this page out of the review page's layout (it renders no outlet).

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewManager.discussionTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const juror = await requireRole(request, ["JUROR"]);
  return loadJurorDiscussion(juror, params.assignmentId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const juror = await requireRole(request, ["JUROR"]);
  const formData = await readProtectedForm(request);
  return handleSetupForm(formData, { formId: "post", schema: discussionPostSchema, locale: juror.locale }, async ({ body }) => {
    await postAsJuror(juror, { assignmentId: params.assignmentId ?? "", body }, new Date());
    return redirect(new URL(request.url).pathname);
  });
}

export default function JurorDiscussion() {
  const t = useT();
  const { assignmentId, application, scale, forDiscussion, reviews, posts } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/juror/reviews/${assignmentId}`}>{t("reviewManager.backToReview")}</Link>
      </p>
      <h1>{t("reviewManager.discussionHeading", { title: application.title })}</h1>
      <p className="lead">
        {[application.network, t(`bundesland.${application.bundesland}`), application.callTitle, t(`stageKind.${application.stageKind}`)].filter(Boolean).join(" · ")}
      </p>
      <ReviewsAndThread forDiscussion={forDiscussion} reviews={reviews} scale={scale} posts={posts} />
    </>
  );
}
