import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormProvider, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { declareConflictSchema, preferenceLevels, preferencesSchema, withdrawDeclarationSchema } from "~/forms/review-jury-schemas";
import { declareConflict, declareNoConflicts, withdrawDeclaration } from "~/server/review/conflicts.server";
import { loadJurorStage } from "~/server/review/juror-stage.server";
import { savePreferences } from "~/server/review/preferences.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { requireRole } from "~/server/accounts/session.server";
import { handleSetupForm, intentOf } from "~/server/calls/setup-replies.server";
import { InputField, SelectInput } from "~/components/calls/fields";
import { ActionErrors, ButtonForm, FormDisclosure, SetupForm, useFormOutcome } from "~/components/calls/setup-form";
import { CsrfField, FormErrors, Notice, TableScroll } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewJury.juror.conflict");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const juror = await requireRole(request, ["JUROR"]);
  return loadJurorStage(juror, params.stageId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const juror = await requireRole(request, ["JUROR"]);
  const formData = await readProtectedForm(request);
  const stageId = params.stageId ?? "";
  const here = new URL(request.url).pathname;
  const options = { locale: juror.locale };
  switch (intentOf(formData)) {
    case "declare":
      return handleSetupForm(formData, { ...options, formId: `declare-${String(formData.get("applicationId"))}`, schema: declareConflictSchema }, async (input) => {
        await declareConflict(juror, { stageId, ...input });
        return redirect(here);
      });
    case "withdraw":
      return handleSetupForm(formData, { ...options, formId: "action", schema: withdrawDeclarationSchema }, async (input) => {
        await withdrawDeclaration(juror, { stageId, ...input });
        return redirect(here);
      });
    case "none":
      return handleSetupForm(formData, { ...options, formId: "action", schema: z.object({}) }, async () => {
        await declareNoConflicts(juror, stageId);
        return redirect(here);
      });
    case "preferences":
      return handleSetupForm(formData, { ...options, formId: "preferences", schema: preferencesSchema }, async ({ level }) => {
        await savePreferences(juror, { stageId, levels: level });
        return redirect(`${here}?saved=1`);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["applications"][number];

function ConflictCell({ row, withdrawable }: { row: Row; withdrawable: boolean }) {
  const t = useT();
  const title = row.title || t("reviewJury.juror.untitled");
  if (!row.conflict) {
    return (
      <FormDisclosure formId={`declare-${row.id}`} summary={t("reviewJury.juror.declare")}>
        <SetupForm id={`declare-${row.id}`} intent="declare" schema={declareConflictSchema} hidden={{ applicationId: row.id }} submitLabel={t("reviewJury.juror.declare")}>
          <InputField name="reason" label={t("reviewJury.juror.reasonFor", { title })} />
        </SetupForm>
      </FormDisclosure>
    );
  }
  if (row.conflict.status !== "DECLARED") return <>{t(row.conflict.status === "CONFIRMED" ? "reviewJury.juror.status.CONFIRMED" : "reviewJury.juror.status.SUSPECTED")}</>;
  return (
    <>
      <p>{t("reviewJury.juror.status.DECLARED", { reason: row.conflict.reason })}</p>
      {withdrawable ? <ButtonForm intent="withdraw" hidden={{ applicationId: row.id }} label={t("reviewJury.juror.withdraw")} accessibleLabel={t("reviewJury.juror.withdrawItem", { title })} /> : null}
    </>
  );
}

export default function JurorStagePage() {
  const t = useT();
  const locale = useLocale();
  const { stage, applications, noConflictsDeclaredAt, preferencesOpen, declarationsWithdrawable } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const preferenceOutcome = useFormOutcome("preferences");
  const [preferenceForm] = useForm({
    id: "preferences",
    lastResult: preferenceOutcome?.result,
    defaultValue: { level: Object.fromEntries(applications.filter((row) => row.preference).map((row) => [row.id, row.preference])) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesSchema }),
  });
  const levelOptions = [{ value: "", label: t("reviewJury.juror.level.none") }, ...preferenceLevels.map((level) => ({ value: level, label: t(`reviewJury.juror.level.${level}`) }))];
  return (
    <>
      <p>
        <Link to="/juror">{t("nav.start")}</Link>
      </p>
      <h1>{t("reviewJury.juror.title", { call: `${stage.callTitle} · ${t(`stageKind.${stage.kind}`)}` })}</h1>
      <p className="lead">{t(stage.blind ? "reviewJury.juror.introBlind" : "reviewJury.juror.intro")}</p>
      <ActionErrors />
      {searchParams.get("saved") ? <Notice>{t("reviewJury.juror.preferencesSaved")}</Notice> : null}
      {applications.length === 0 ? (
        <p className="empty">{t("reviewJury.juror.empty")}</p>
      ) : (
        <FormProvider context={preferenceForm.context}>
          {preferencesOpen ? (
            <>
              <h2 id="preferences-heading">{t("reviewJury.juror.preferencesHeading")}</h2>
              <p>{t("reviewJury.juror.preferencesIntro")}</p>
            </>
          ) : null}
          <TableScroll label={t("reviewJury.juror.listLabel")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("reviewJury.juror.titleColumn")}</th>
                  <th scope="col">{t("reviewJury.juror.bundesland")}</th>
                  {stage.blind ? null : <th scope="col">{t("reviewJury.juror.network")}</th>}
                  {preferencesOpen ? <th scope="col">{t("reviewJury.juror.match")}</th> : null}
                  {preferencesOpen ? <th scope="col">{t("reviewJury.juror.preference")}</th> : null}
                  <th scope="col">{t("reviewJury.juror.conflict")}</th>
                </tr>
              </thead>
              <tbody>
                {applications.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.title || t("reviewJury.juror.untitled")}</th>
                    <td>{t(`bundesland.${row.bundesland}`)}</td>
                    {stage.blind ? null : <td>{row.networkName}</td>}
                    {preferencesOpen ? <td>{row.matches.length > 0 ? row.matches.join(", ") : "–"}</td> : null}
                    {preferencesOpen ? (
                      <td>{row.conflict ? "–" : <SelectInput name={`level.${row.id}`} label={t("reviewJury.juror.preferenceFor", { title: row.title || t("reviewJury.juror.untitled") })} options={levelOptions} />}</td>
                    ) : null}
                    <td>
                      <ConflictCell row={row} withdrawable={declarationsWithdrawable} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {preferencesOpen ? (
            <Form method="post" className="stacked" aria-labelledby="preferences-heading" {...getFormProps(preferenceForm)}>
              <CsrfField />
              <input type="hidden" name="intent" value="preferences" />
              <FormErrors id={preferenceForm.errorId} errors={preferenceForm.errors} />
              <button type="submit" className="kern-btn kern-btn--primary">
                {t("reviewJury.juror.savePreferences")}
              </button>
            </Form>
          ) : null}
        </FormProvider>
      )}
      <section aria-labelledby="none-heading">
        <h2 id="none-heading">{t("reviewJury.juror.noneHeading")}</h2>
        {noConflictsDeclaredAt ? <p>{t("reviewJury.juror.noneDone", { at: formatDateTime(locale, noConflictsDeclaredAt) })}</p> : null}
        <ButtonForm intent="none" label={t("reviewJury.juror.none")} className="primary" />
      </section>
    </>
  );
}
