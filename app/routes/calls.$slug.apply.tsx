import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { ApplicationExistsError, CallNotOpenToLandError, startApplication } from "~/server/applications/applications.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { RefusedError } from "~/server/http.server";
import { requestLocale } from "~/server/web/locale.server";
import { requireRole } from "~/server/accounts/session.server";
import { laenderText } from "~/forms/call-openness";
import { translator } from "~/i18n";
import { pageTitle } from "~/components/page-title";
import { useT } from "~/components/use-t";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.start.title");

/** Starting is a POST from the call page; opening this address leads back there. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/calls/${params.slug ?? ""}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["APPLICANT"]);
  const formData = await readProtectedForm(request);
  const networkId = formData.get("networkId");
  try {
    const { applicationId } = await startApplication(user, { callSlug: params.slug ?? "", networkId: typeof networkId === "string" && networkId ? networkId : undefined });
    return redirect(`/applications/${applicationId}`);
  } catch (error) {
    if (error instanceof ApplicationExistsError) {
      return data({ message: translator(await requestLocale(request))(error.messageKey), existingId: error.applicationId }, { status: 409 });
    }
    if (error instanceof CallNotOpenToLandError) {
      const locale = await requestLocale(request, user);
      const t = translator(locale);
      const message = t("callLaender.notOpenToNetwork", { laender: laenderText(locale, error.openTo), network: error.network.name, land: t(`bundesland.${error.network.bundesland}`) });
      return data({ message, existingId: null }, { status: error.status });
    }
    if (error instanceof RefusedError) return data({ message: translator(await requestLocale(request))(error.messageKey), existingId: null }, { status: error.status });
    throw error;
  }
}

export default function StartApplication() {
  const t = useT();
  const refusal = useActionData<typeof action>();
  const { slug } = useParams();
  return (
    <>
      <h1>{t("applications.start.title")}</h1>
      {refusal ? (
        <div className="form-errors" role="alert">
          <p>{refusal.message}</p>
        </div>
      ) : null}
      {refusal?.existingId ? (
        <p>
          <Link to={`/applications/${refusal.existingId}`}>{t("applications.start.openExisting")}</Link>
        </p>
      ) : null}
      <p>
        <Link to={`/calls/${slug ?? ""}`}>{t("applications.start.backToCall")}</Link>
      </p>
    </>
  );
}
