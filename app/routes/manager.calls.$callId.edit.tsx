import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { callDetailsSchema } from "~/forms/call-schemas";
import { updateCallDetails } from "~/server/calls/call-setup.server";
import { callSetupLoader, setupFormAction } from "~/server/calls/setup-replies.server";
import { CallDetailsFields, callFormValues } from "~/components/calls/call-form";
import { CallSetupPage, SetupForm } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.edit.title");

export const loader = callSetupLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  const callId = params.callId ?? "";
  return setupFormAction(request, { formId: "call-details", schema: callDetailsSchema }, async (details, user) => {
    await updateCallDetails(user, callId, details);
    return redirect(`/manager/calls/${callId}`);
  });
}

export default function EditCall() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <CallSetupPage call={call} heading={t("callSetup.edit.title")} headingId="edit-call" needsEditable>
      {call.status !== "DRAFT" ? <p className="kern-hint">{t("callSetup.edit.publishedNote")}</p> : null}
      <SetupForm id="call-details" intent="details" schema={callDetailsSchema} labelledBy="edit-call" submitLabel={t("callSetup.save")} defaultValue={callFormValues(call)}>
        <CallDetailsFields showSlug={call.status === "DRAFT"} />
      </SetupForm>
    </CallSetupPage>
  );
}
