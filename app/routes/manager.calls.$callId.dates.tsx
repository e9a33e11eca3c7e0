import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { stagesSchema } from "~/forms/call-schemas";
import { updateStages } from "~/server/calls/call-setup.server";
import { callSetupLoader, setupFormAction } from "~/server/calls/setup-replies.server";
import { StageFields, stageFormValues, stageModeOf } from "~/components/calls/call-form";
import { CallSetupPage, SetupForm } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.stages.edit");

export const loader = callSetupLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  const callId = params.callId ?? "";
  return setupFormAction(request, { formId: "stages", schema: stagesSchema }, async (input, user) => {
    await updateStages(user, callId, input);
    return redirect(`/manager/calls/${callId}`);
  });
}

export default function EditStages() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <CallSetupPage call={call} heading={t("callSetup.stages.edit")} headingId="edit-stages" needsEditable>
      <p className="lead">{t("callSetup.stages.intro")}</p>
      <SetupForm id="stages" intent="stages" schema={stagesSchema} labelledBy="edit-stages" submitLabel={t("callSetup.save")} defaultValue={stageFormValues(call.stages)}>
        <StageFields fixedMode={call.status !== "DRAFT" ? stageModeOf(call.stages) : undefined} />
      </SetupForm>
    </CallSetupPage>
  );
}
