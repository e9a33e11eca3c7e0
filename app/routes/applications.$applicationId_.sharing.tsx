import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { shareDraftWithManagers } from "~/server/applications/draft-sharing.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { RefusedError } from "~/server/http.server";
import { requestLocale } from "~/server/web/locale.server";
import { requireUser } from "~/server/accounts/session.server";
import { translator } from "~/i18n";
import { pageTitle } from "~/components/page-title";
import { useT } from "~/components/use-t";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "draftSharing.heading");

/** Sharing is a POST from the application page; opening this address leads back there. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/applications/${params.applicationId ?? ""}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readProtectedForm(request);
  const share = formData.get("share");
  if (share !== "yes" && share !== "no") throw new Response("Bad Request", { status: 400 });
  const applicationId = params.applicationId ?? "";
  try {
    await shareDraftWithManagers(user, { applicationId, share: share === "yes" });
  } catch (error) {
    if (error instanceof RefusedError) return data({ message: translator(await requestLocale(request, user))(error.messageKey) }, { status: error.status });
    throw error;
  }
  return redirect(`/applications/${applicationId}#draft-sharing-heading`);
}

export default function DraftSharingRefused() {
  const t = useT();
  const refusal = useActionData<typeof action>();
  const { applicationId } = useParams();
  return (
    <>
      <h1>{t("draftSharing.heading")}</h1>
      {refusal ? (
        <div className="form-errors" role="alert">
          <p>{refusal.message}</p>
        </div>
      ) : null}
      <p>
        <Link to={`/applications/${applicationId ?? ""}`}>{t("draftSharing.back")}</Link>
      </p>
    </>
  );
}
