import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { stagesSchema } from "~/forms/call-schemas";
import { loadCallForSetup, updateStages } from "~/server/call-setup.server";
import { readProtectedForm } from "~/server/csrf.server";
import { requireRole } from "~/server/session.server";
import { handleSetupForm } from "~/server/setup-replies.server";
import { StageFields, stageFormValues, stageModeOf } from "~/components/calls/call-form";
import { SetupForm } from "~/components/calls/setup-form";
import { Notice } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.stages.edit");

const setupRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, setupRoles);
  return { call: await loadCallForSetup(user, params.callId ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, setupRoles);
  const formData = await readProtectedForm(request);
  const callId = params.callId ?? "";
  return handleSetupForm(formData, { formId: "stages", schema: stagesSchema, locale: user.locale }, async (input) => {
    await updateStages(user, callId, input);
    return redirect(`/manager/calls/${callId}`);
  });
}

export default function EditStages() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1 id="edit-stages">{t("callSetup.stages.edit")}</h1>
      {!call.editable ? (
        <Notice>{t("callSetup.error.notEditable")}</Notice>
      ) : (
        <>
          <p className="lead">{t("callSetup.stages.intro")}</p>
          <SetupForm id="stages" intent="stages" schema={stagesSchema} labelledBy="edit-stages" submitLabel={t("callSetup.save")} defaultValue={stageFormValues(call.stages)}>
            <StageFields fixedMode={call.status !== "DRAFT" ? stageModeOf(call.stages) : undefined} />
          </SetupForm>
        </>
      )}
    </>
  );
}
