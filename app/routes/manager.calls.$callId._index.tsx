import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { callReopenSchema, callStatusChangeSchema } from "~/forms/workflow-schemas";
import { moveCallStatus, reopenCall } from "~/server/calls/call-setup.server";
import { callSetupLoader, handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { useFormOutcome } from "~/components/calls/setup-form";
import { CallStatusActions, CallStatusHistory } from "~/components/calls/workflow-actions";
import type { FormOutcome } from "~/forms/form-protocol";
import { FormErrors, TableScroll } from "~/components/forms";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { CallStatusLabel } from "~/components/application-state";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { formatDateTime, isMessageKey } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.call.title ?? "");

export const loader = callSetupLoader;

/** Status steps: publish, close and archive (the last two only confirmed), and reopening with a reason. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const callId = params.callId ?? "";
  const back = redirect(`/manager/calls/${callId}`);
  switch (intentOf(formData)) {
    case "status":
      return handleSetupForm(formData, { formId: "status", schema: callStatusChangeSchema, locale: user.locale }, async ({ target, version, confirmed }) => {
        await moveCallStatus(user, callId, target, new Date(), { confirmed, expectedVersion: version });
        return back;
      });
    case "reopen":
      return handleSetupForm(formData, { formId: "reopen", schema: callReopenSchema, locale: user.locale }, async ({ reason, version }) => {
        await reopenCall(user, callId, { reason, expectedVersion: version });
        return back;
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function ProblemList({ problems }: { problems: NonNullable<FormOutcome["problems"]> }) {
  const t = useT();
  return (
    <ul>
      {problems.map((problem, index) => {
        const stage = problem.stageKind ? `stageKind.${problem.stageKind}` : "";
        const params = { stage: isMessageKey(stage) ? t(stage) : "", sum: problem.sum ?? 0 };
        return <li key={index}>{isMessageKey(problem.messageKey) ? t(problem.messageKey, params) : problem.messageKey}</li>;
      })}
    </ul>
  );
}

export default function CallOverview() {
  const t = useT();
  const locale = useLocale();
  const { call } = useLoaderData<typeof loader>();
  const statusOutcome = useFormOutcome("status");
  const problems = statusOutcome?.problems ?? call.problems;
  return (
    <>
      <p>
        <Link to="/manager">{t("manager.title")}</Link>
      </p>
      <p>
        <span className="tag">{call.programme.name}</span> <CallStatusLabel status={call.status} />{" "}
        <span className="tag">{t("calls.round", { round: call.round })}</span>
      </p>
      <h1>{call.title}</h1>
      {call.copiedFrom ? (
        <p>
          {t("callSetup.copiedFrom")} <Link to={`/manager/calls/${call.copiedFrom.id}`}>{call.copiedFrom.title}</Link>
        </p>
      ) : null}

      <nav aria-label={t("callSetup.overview.links")}>
        <ul className="inline-list">
          {call.editable ? (
            <li>
              <Link to="edit">{t("callSetup.edit.title")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="preview">{t("callSetup.preview.title")}</Link>
          </li>
          <li>
            <Link to="copy">{t("callSetup.copy.title")}</Link>
          </li>
          <li>
            <Link to="applications">{t("callSetup.applicationsCount", { count: call._count.applications })}</Link>
          </li>
          <li>
            <Link to="audit">{t("trail.call.link")}</Link>
          </li>
          {call.status !== "DRAFT" ? (
            <li>
              <Link to={`/calls/${call.slug}`}>{t("callSetup.overview.publicPage")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      <h2>{t("callSetup.overview.status")}</h2>
      <p>{t(`callSetup.statusExplained.${call.status}`)}</p>
      {call.status === "DRAFT" ? (
        problems.length > 0 ? (
          <div className={statusOutcome ? "form-errors" : "checklist"} role={statusOutcome ? "alert" : undefined}>
            <p>{t("callSetup.overview.missing")}</p>
            <ProblemList problems={problems} />
          </div>
        ) : (
          <p>{t("callSetup.overview.ready")}</p>
        )
      ) : null}
      {statusOutcome && !statusOutcome.problems ? <FormErrors id="status-errors" errors={statusOutcome.result.error?.[""] ?? undefined} /> : null}
      <CallStatusActions call={call} />
      <CallStatusHistory entries={call.statusHistory} />

      <h2>{t("callSetup.stages.title")}</h2>
      {call.editable ? (
        <p>
          <Link to="dates">{t("callSetup.stages.edit")}</Link>
        </p>
      ) : null}
      <TableScroll label={t("callSetup.stages.title")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("calls.stage")}</th>
            <th scope="col">{t("calls.opensAt")}</th>
            <th scope="col">{t("calls.deadline")}</th>
            <th scope="col">{t("callSetup.overview.form")}</th>
            <th scope="col">{t("callSetup.overview.rubric")}</th>
          </tr>
        </thead>
        <tbody>
          {call.stages.map((stage) => (
            <tr key={stage.id}>
              <th scope="row">{t(`stageKind.${stage.kind}`)}</th>
              <td>{formatDateTime(locale, stage.opensAt)}</td>
              <td>{formatDateTime(locale, stage.closesAt)}</td>
              <td>
                <Link to={`stages/${stage.id}/form`}>{t("callSetup.overview.formLink", { stage: t(`stageKind.${stage.kind}`) })}</Link>
                <br />
                {stage.form?.readable === false
                  ? t("formPreview.unreadable")
                  : t("callSetup.overview.formSummary", { fields: stage.form?.fieldCount ?? 0, version: stage.form?.version ?? 1 })}
              </td>
              <td>
                <Link to={`stages/${stage.id}/rubric`}>{t("callSetup.overview.rubricLink", { stage: t(`stageKind.${stage.kind}`) })}</Link>
                <br />
                {t("callSetup.overview.rubricSummary", { criteria: stage.rubric?.criterionCount ?? 0, sum: stage.rubric?.weightSum ?? 0 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <p className="kern-hint">{t("calls.timezoneNote")}</p>

      <h2>{t("callSetup.overview.review")}</h2>
      {call.stages.map((stage) => (
        <StageReviewSteps key={stage.id} callId={call.id} stageId={stage.id} stageName={t(`stageKind.${stage.kind}`)} />
      ))}
      <p>
        <Link to="outcome-mails">{t("outcomes.templates.link")}</Link>
      </p>
    </>
  );
}
