import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { copyCallSchema } from "~/forms/call-schemas";
import { copyCall } from "~/server/calls/call-setup.server";
import { callSetupLoader, setupFormAction } from "~/server/calls/setup-replies.server";
import { StageFields, stageModeOf } from "~/components/calls/call-form";
import { InputField } from "~/components/calls/fields";
import { CallSetupPage, SetupForm } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.copy.title");

export const loader = callSetupLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  return setupFormAction(request, { formId: "copy", schema: copyCallSchema }, async (input, user) => {
    const copy = await copyCall(user, params.callId ?? "", input);
    return redirect(`/manager/calls/${copy.id}`);
  });
}

export default function CopyCall() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <CallSetupPage call={call} heading={t("callSetup.copy.title")} headingId="copy-call">
      <p className="lead">{t("callSetup.copy.intro", { round: call.round + 1 })}</p>
      <SetupForm
        id="copy"
        intent="copy"
        schema={copyCallSchema}
        labelledBy="copy-call"
        submitLabel={t("callSetup.copy.submit")}
        defaultValue={{ title: call.title, opensTime: "00:00", closesTime: "12:00", fullOpensTime: "00:00", fullClosesTime: "12:00" }}
      >
        <InputField name="title" label={t("callSetup.field.title")} />
        <InputField name="slug" label={`${t("callSetup.field.slug")} ${t("field.optional")}`} hint={t("callSetup.field.slugHint")} />
        <h2>{t("callSetup.stages.title")}</h2>
        <StageFields fixedMode={stageModeOf(call.stages)} />
      </SetupForm>
    </CallSetupPage>
  );
}
