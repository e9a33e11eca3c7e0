import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { addExpertiseSchema, removeExpertiseSchema, renameExpertiseSchema } from "~/forms/review-jury-schemas";
import { addExpertiseArea, loadProgrammeExpertise, removeExpertiseArea, renameExpertiseArea } from "~/server/review/expertise.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { InputField } from "~/components/calls/fields";
import { ActionErrors, SetupForm } from "~/components/calls/setup-form";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "reviewJury.expertise.title", { programme: data?.programme.name ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadProgrammeExpertise(user, params.programmeId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const programmeId = params.programmeId ?? "";
  const here = new URL(request.url).pathname;
  const options = { locale: user.locale };
  switch (intentOf(formData)) {
    case "add":
      return handleSetupForm(formData, { ...options, formId: "add-area", schema: addExpertiseSchema }, async ({ name }) => {
        await addExpertiseArea(user, { programmeId, name });
        return redirect(here);
      });
    case "rename":
      return handleSetupForm(formData, { ...options, formId: `area-${String(formData.get("areaId"))}`, schema: renameExpertiseSchema }, async (input) => {
        await renameExpertiseArea(user, { programmeId, ...input });
        return redirect(here);
      });
    case "remove":
      return handleSetupForm(formData, { ...options, formId: "action", schema: removeExpertiseSchema }, async (input) => {
        await removeExpertiseArea(user, { programmeId, ...input });
        return redirect(here);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function ExpertisePage() {
  const t = useT();
  const { programme, areas } = useLoaderData<typeof loader>();
  const step = useStepToConfirm();
  const toRemove = areas.find((area) => step === `remove-${area.id}`);
  return (
    <>
      <p>
        <Link to="/manager">{t("manager.title")}</Link>
      </p>
      <h1>{t("reviewJury.expertise.title", { programme: programme.name })}</h1>
      <p className="lead">{t("reviewJury.expertise.intro")}</p>
      <ActionErrors />
      {toRemove ? (
        <ConfirmStep
          question={t("reviewJury.expertise.removeQuestion", { name: toRemove.name })}
          explanation={t("reviewJury.expertise.removeExplanation", { jurors: toRemove.jurors, applications: toRemove.applications })}
          intent="remove"
          hidden={{ areaId: toRemove.id }}
          confirmLabel={t("reviewJury.expertise.remove")}
        />
      ) : null}
      {areas.length === 0 ? <p className="empty">{t("reviewJury.expertise.none")}</p> : null}
      {areas.map((area) => (
        <article key={area.id} className="builder-item" aria-labelledby={`area-${area.id}-name`}>
          <h2 id={`area-${area.id}-name`}>{area.name}</h2>
          <p>{t("reviewJury.expertise.usage", { jurors: area.jurors, applications: area.applications })}</p>
          <SetupForm id={`area-${area.id}`} intent="rename" schema={renameExpertiseSchema} hidden={{ areaId: area.id }} submitLabel={t("reviewJury.expertise.rename")} defaultValue={{ name: area.name }}>
            <InputField name="name" label={t("reviewJury.expertise.nameOf", { name: area.name })} />
          </SetupForm>
          <AskFirstButton step={`remove-${area.id}`} label={t("reviewJury.expertise.remove")} accessibleLabel={t("reviewJury.expertise.removeItem", { name: area.name })} />
        </article>
      ))}
      <section aria-labelledby="add-area-heading">
        <h2 id="add-area-heading">{t("reviewJury.expertise.add")}</h2>
        <SetupForm key={areas.length} id="add-area" intent="add" schema={addExpertiseSchema} labelledBy="add-area-heading" submitLabel={t("reviewJury.expertise.add")}>
          <InputField name="name" label={t("reviewJury.expertise.name")} />
        </SetupForm>
      </section>
    </>
  );
}
