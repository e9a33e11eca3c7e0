import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { applicationTopicsSchema } from "~/forms/review-jury-schemas";
import { loadApplicationTopics, setApplicationTopics } from "~/server/review/expertise.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { requireRole } from "~/server/accounts/session.server";
import { handleSetupForm, intentOf } from "~/server/calls/setup-replies.server";
import { ChoiceGroup } from "~/components/calls/fields";
import { SetupForm } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";

/**
 * The topics (areas of expertise) of an application, shown inside the manager's application page
 * as its index part, so the page and this form keep their own loaders and actions.
 */
const managerRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  return loadApplicationTopics(user, params.applicationId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  const formData = await readProtectedForm(request);
  if (intentOf(formData) !== "topics") throw new Response("Bad Request", { status: 400 });
  return handleSetupForm(formData, { formId: "topics", schema: applicationTopicsSchema, locale: user.locale }, async ({ areaIds }) => {
    await setApplicationTopics(user, { applicationId: params.applicationId ?? "", areaIds });
    return redirect(new URL(request.url).pathname);
  });
}

export default function ApplicationTopics() {
  const t = useT();
  const { programmeId, areas, chosen } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="topics-heading">
      <h2 id="topics-heading">{t("reviewJury.topics.heading")}</h2>
      {areas.length === 0 ? (
        <p className="empty">
          {t("reviewJury.topics.none")} <Link to={`/manager/programmes/${programmeId}/expertise`}>{t("reviewJury.topics.manage")}</Link>
        </p>
      ) : (
        <SetupForm id="topics" intent="topics" schema={applicationTopicsSchema} labelledBy="topics-heading" submitLabel={t("reviewJury.topics.save")} defaultValue={{ areaIds: chosen }}>
          <ChoiceGroup name="areaIds" type="checkbox" legend={t("reviewJury.topics.legend")} hint={t("reviewJury.topics.hint")} options={areas.map((area) => ({ value: area.id, label: area.name }))} />
        </SetupForm>
      )}
    </section>
  );
}
