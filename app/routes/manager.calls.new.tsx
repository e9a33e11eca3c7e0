import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createCallSchema } from "~/forms/call-schemas";
import { createCall, programmesForCallSetup } from "~/server/calls/call-setup.server";
import { requireCallSetupUser, setupFormAction } from "~/server/calls/setup-replies.server";
import { CallDetailsFields, StageFields } from "~/components/calls/call-form";
import { SelectInput } from "~/components/calls/fields";
import { SetupForm } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return { programmes: await programmesForCallSetup(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  return setupFormAction(request, { formId: "create-call", schema: createCallSchema }, async (input, user) => {
    const call = await createCall(user, input);
    return redirect(`/manager/calls/${call.id}`);
  });
}

export default function NewCall() {
  const t = useT();
  const { programmes } = useLoaderData<typeof loader>();
  const only = programmes.length === 1 ? programmes[0] : undefined;
  return (
    <>
      <p>
        <Link to="/manager">{t("manager.title")}</Link>
      </p>
      <h1 id="new-call">{t("callSetup.new.title")}</h1>
      <p className="lead">{t("callSetup.new.intro")}</p>
      {programmes.length === 0 ? (
        <p className="empty">{t("manager.noProgrammes")}</p>
      ) : (
        <SetupForm
          id="create-call"
          intent="create"
          schema={createCallSchema}
          labelledBy="new-call"
          submitLabel={t("callSetup.new.submit")}
          defaultValue={{ programmeId: only?.id ?? "", funder: only?.funder ?? "", awardType: "MONEY", openTo: "ALL", stageMode: "SINGLE", opensTime: "00:00", closesTime: "12:00" }}
        >
          <SelectInput
            name="programmeId"
            label={t("field.programme")}
            placeholder={only ? undefined : t("field.choose")}
            options={programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
          />
          <CallDetailsFields />
          <h2>{t("callSetup.stages.title")}</h2>
          <StageFields />
        </SetupForm>
      )}
    </>
  );
}
