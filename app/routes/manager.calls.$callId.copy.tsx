import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { copyCallSchema } from "~/forms/call-schemas";
import { copyCall, loadCallForSetup } from "~/server/call-setup.server";
import { readProtectedForm } from "~/server/csrf.server";
import { requireRole } from "~/server/session.server";
import { handleSetupForm } from "~/server/setup-replies.server";
import { StageFields, stageModeOf } from "~/components/calls/call-form";
import { InputField } from "~/components/calls/fields";
import { SetupForm } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.copy.title");

const setupRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, setupRoles);
  return { call: await loadCallForSetup(user, params.callId ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, setupRoles);
  const formData = await readProtectedForm(request);
  return handleSetupForm(formData, { formId: "copy", schema: copyCallSchema, locale: user.locale }, async (input) => {
    const copy = await copyCall(user, params.callId ?? "", input);
    return redirect(`/manager/calls/${copy.id}`);
  });
}

export default function CopyCall() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1 id="copy-call">{t("callSetup.copy.title")}</h1>
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
    </>
  );
}
