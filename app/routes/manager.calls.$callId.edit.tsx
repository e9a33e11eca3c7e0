import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { callDetailsSchema } from "~/forms/call-schemas";
import { loadCallForSetup, updateCallDetails } from "~/server/call-setup.server";
import { readProtectedForm } from "~/server/csrf.server";
import { requireRole } from "~/server/session.server";
import { handleSetupForm } from "~/server/setup-replies.server";
import { CallDetailsFields, callFormValues } from "~/components/calls/call-form";
import { SetupForm } from "~/components/calls/setup-form";
import { Notice } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.edit.title");

const setupRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, setupRoles);
  return { call: await loadCallForSetup(user, params.callId ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, setupRoles);
  const formData = await readProtectedForm(request);
  const callId = params.callId ?? "";
  return handleSetupForm(formData, { formId: "call-details", schema: callDetailsSchema, locale: user.locale }, async (details) => {
    await updateCallDetails(user, callId, details);
    return redirect(`/manager/calls/${callId}`);
  });
}

export default function EditCall() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1 id="edit-call">{t("callSetup.edit.title")}</h1>
      {!call.editable ? (
        <Notice>{t("callSetup.error.notEditable")}</Notice>
      ) : (
        <>
          {call.status !== "DRAFT" ? <p className="hint">{t("callSetup.edit.publishedNote")}</p> : null}
          <SetupForm id="call-details" intent="details" schema={callDetailsSchema} labelledBy="edit-call" submitLabel={t("callSetup.save")} defaultValue={callFormValues(call)}>
            <CallDetailsFields showSlug={call.status === "DRAFT"} />
          </SetupForm>
        </>
      )}
    </>
  );
}
