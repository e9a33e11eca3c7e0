import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { awardResponseSchema } from "~/forms/outcome-mails";
import { requireRole } from "~/server/accounts/session.server";
import { respondToAward } from "~/server/decisions/acceptance.server";
import { handleSetupForm } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { useFormOutcome } from "~/components/calls/setup-form";
import { FormErrors } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcomes.network.answerTitle");

/** The answer is given on the application page; this address only takes the form. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/applications/${params.applicationId ?? ""}`);
}

/** A coordinator accepts or declines the released award (both confirmed first), then reads the answer on the application page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["APPLICANT"]);
  const formData = await readProtectedForm(request);
  const applicationId = params.applicationId ?? "";
  return handleSetupForm(formData, { formId: "award", schema: awardResponseSchema, locale: user.locale }, async ({ response, version, confirmed }) => {
    await respondToAward(user, { applicationId, response, version, confirmed });
    return redirect(`/applications/${applicationId}`);
  });
}

/** Shown only when the answer was refused (already answered, the acceptance date passed, the page was stale). */
export default function AwardAnswerRefused() {
  const t = useT();
  const { applicationId } = useParams();
  const outcome = useFormOutcome("award");
  return (
    <>
      <h1>{t("outcomes.network.answerTitle")}</h1>
      <FormErrors id="award-errors" errors={[...(outcome?.result.error?.[""] ?? []), ...Object.values(outcome?.result.error ?? {}).flatMap((messages) => messages ?? [])].filter((message, index, all) => all.indexOf(message) === index)} />
      <p>
        <Link to={`/applications/${applicationId ?? ""}`}>{t("outcomes.network.backToApplication")}</Link>
      </p>
    </>
  );
}
