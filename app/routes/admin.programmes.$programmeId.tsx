import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { programmeManagerSchema, programmeSchema } from "~/forms/admin-schemas";
import type { FormOutcome } from "~/forms/form-protocol";
import { requireRole } from "~/server/accounts/session.server";
import { assignProgrammeManager, programmeForAdmin, removeProgrammeManager, updateProgramme } from "~/server/programmes/programmes.server";
import { handleSetupForm, intentOf } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { ProgrammeForm } from "~/components/admin/programme-form";
import { CsrfField, FormErrors, Notice, SelectField, TableScroll } from "~/components/forms";
import { titleText } from "~/components/page-title";
import { useT } from "~/components/use-t";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.programme.name ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  return { programme: await programmeForAdmin(user, params.programmeId ?? "") };
}

type Done = { formId: string; done: "saved" | "assigned" | "removed"; name?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  const formData = await readProtectedForm(request);
  const programmeId = params.programmeId ?? "";
  const options = { locale: user.locale };
  switch (intentOf(formData)) {
    case "details":
      return handleSetupForm(formData, { ...options, formId: "programme", schema: programmeSchema }, async (value): Promise<Done> => {
        await updateProgramme(user, programmeId, value);
        return { formId: "programme", done: "saved" };
      });
    case "assignManager":
      return handleSetupForm(formData, { ...options, formId: "assign", schema: programmeManagerSchema }, async ({ userId }): Promise<Done> => {
        const { name } = await assignProgrammeManager(user, { programmeId, userId });
        return { formId: "assign", done: "assigned", name };
      });
    case "removeManager":
      return handleSetupForm(formData, { ...options, formId: "remove", schema: programmeManagerSchema }, async ({ userId }): Promise<Done> => {
        const { name } = await removeProgrammeManager(user, { programmeId, userId });
        return { formId: "remove", done: "removed", name };
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type Outcome = FormOutcome | Done;

function resultFor(outcome: Outcome | undefined, formId: string) {
  return outcome && "result" in outcome && outcome.formId === formId ? outcome.result : undefined;
}

function AssignManagerForm({ candidates, outcome }: { candidates: { id: string; name: string; email: string }[]; outcome: Outcome | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "assign",
    lastResult: resultFor(outcome, "assign"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: programmeManagerSchema }),
    shouldValidate: "onBlur",
  });
  if (candidates.length === 0) return <p>{t("admin.programme.noCandidates")}</p>;
  return (
    <Form method="post" className="stacked" aria-labelledby="assign-heading" {...getFormProps(form)}>
      <h3 id="assign-heading">{t("admin.programme.addManager")}</h3>
      <CsrfField />
      <input type="hidden" name="intent" value="assignManager" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField
        field={fields.userId}
        label={t("admin.programme.person")}
        options={candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.email})` }))}
      />
      <button type="submit" className="kern-btn kern-btn--secondary">{t("admin.programme.assign")}</button>
    </Form>
  );
}

export default function AdminProgramme() {
  const t = useT();
  const { programme } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as Outcome | undefined;
  const [searchParams] = useSearchParams();
  const done = outcome && "done" in outcome ? outcome : undefined;
  const removal = resultFor(outcome, "remove");
  return (
    <>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>{programme.name}</h1>
      {searchParams.get("created") && !outcome ? <Notice>{t("admin.programme.created")}</Notice> : null}
      {done?.done === "assigned" ? <Notice>{t("admin.programme.assigned", { name: done.name ?? "" })}</Notice> : null}
      {done?.done === "removed" ? <Notice>{t("admin.programme.removed", { name: done.name ?? "" })}</Notice> : null}

      <section aria-labelledby="managers-heading">
        <h2 id="managers-heading">{t("admin.programmes.managers")}</h2>
        <p>{t("admin.programme.managersIntro")}</p>
        {removal?.error?.[""] ? <FormErrors id="remove-errors" errors={removal.error[""] ?? undefined} /> : null}
        {programme.managers.length === 0 ? (
          <p className="empty">{t("admin.programme.noManagers")}</p>
        ) : (
          <TableScroll label={t("admin.programmes.managers")}>
          <table>
            <caption>{t("admin.programme.managersCaption", { programme: programme.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("admin.email")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.programme.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {programme.managers.map((manager) => (
                <tr key={manager.id}>
                  <th scope="row">
                    <Link to={`/admin/accounts/${manager.id}`}>{manager.name}</Link>
                    {manager.disabledAt ? ` (${t("admin.status.deactivated")})` : null}
                  </th>
                  <td>{manager.email}</td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="removeManager" />
                      <input type="hidden" name="userId" value={manager.id} />
                      <button type="submit" className="kern-btn kern-btn--danger" aria-label={t("admin.programme.removeNamed", { name: manager.name })}>
                        {t("admin.programme.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
        <AssignManagerForm key={programme.candidates.map((candidate) => candidate.id).join()} candidates={programme.candidates} outcome={outcome} />
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("admin.programme.details")}</h2>
        {done?.done === "saved" ? <Notice>{t("admin.programme.saved")}</Notice> : null}
        <ProgrammeForm
          lastResult={resultFor(outcome, "programme")}
          defaultValue={{ name: programme.name, funder: programme.funder, description: programme.description }}
          submit="admin.programme.save"
          intent="details"
        />
      </section>

      {programme.calls.length > 0 ? (
        <section aria-labelledby="calls-heading">
          <h2 id="calls-heading">{t("manager.calls")}</h2>
          <ul>
            {programme.calls.map((call) => (
              <li key={call.id}>
                <Link to={`/manager/calls/${call.id}`}>{call.title}</Link> · {t(`callStatus.${call.status}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
