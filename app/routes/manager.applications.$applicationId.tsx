import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { utcToBerlinWallClock } from "~/forms/berlin-time";
import { applicationActionSchema, extensionSchema } from "~/forms/call-schemas";
import { actOnApplication, grantDeadlineExtension, loadApplicationForManager } from "~/server/applications/call-applications.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { requireRole } from "~/server/accounts/session.server";
import { handleSetupForm, intentOf } from "~/server/calls/setup-replies.server";
import { ApplicationStateLabel } from "~/components/application-state";
import { ApplicationHistory } from "~/components/application-history";
import { AnswersView } from "~/components/applications/answer-view";
import { VersionPdfLink } from "~/components/applications/version-pdf-link";
import { ExtensionForm, WorkflowActions } from "~/components/calls/workflow-actions";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.application.network.name ?? "");

const managerRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  return { application: await loadApplicationForManager(user, params.applicationId ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  const formData = await readProtectedForm(request);
  const applicationId = params.applicationId ?? "";
  const here = new URL(request.url).pathname;
  switch (intentOf(formData)) {
    case "extend":
      return handleSetupForm(formData, { formId: "extension", schema: extensionSchema, locale: user.locale }, async ({ until, reason }) => {
        await grantDeadlineExtension(user, { applicationId, until, reason });
        return redirect(here);
      });
    case "act":
      return handleSetupForm(formData, { formId: `act-${String(formData.get("action"))}`, schema: applicationActionSchema, locale: user.locale }, async (input) => {
        await actOnApplication(user, { applicationId, ...input });
        return redirect(here);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function ManagedApplicationPage() {
  const t = useT();
  const locale = useLocale();
  const { application } = useLoaderData<typeof loader>();
  const stageName = t(`stageKind.${application.stage.kind}`);
  const extended = application.deadlineExtendedUntil ? utcToBerlinWallClock(application.deadlineExtendedUntil) : null;
  return (
    <>
      <p>
        <Link to={`/manager/calls/${application.call.id}/applications`}>{t("managerApplications.heading", { title: application.call.title })}</Link>
      </p>
      <h1>
        {application.network.name} · {stageName}
      </h1>
      {application.title ? <p className="lead">{application.title}</p> : null}
      <dl className="facts">
        <dt>{t("managerApplications.state")}</dt>
        <dd>
          <ApplicationStateLabel state={application.state} />
          {application.ineligibleReason ? ` · ${t("managerApplications.ineligibleBecause", { reason: application.ineligibleReason })}` : ""}
        </dd>
        <dt>{t("field.bundesland")}</dt>
        <dd>
          {t(`bundesland.${application.network.bundesland}`)}, {application.network.region}
        </dd>
        <dt>{t("calls.deadline")}</dt>
        <dd>
          {formatDateTime(locale, application.deadline)}
          {application.deadlineExtendedUntil ? ` · ${t("managerApplications.extensionNote", { reason: application.extensionReason ?? "" })}` : ""}
        </dd>
        {application.progress ? (
          <>
            <dt>{t("draftProgress.label")}</dt>
            <dd>
              {t("draftProgress.summary", { ...application.progress })}
              {application.answersReadable ? <div className="kern-hint">{t("draftProgress.shared")}</div> : null}
            </dd>
          </>
        ) : null}
        <dt>{t("managerApplications.submittedAt")}</dt>
        <dd>{application.submittedAt ? formatDateTime(locale, application.submittedAt) : "–"}</dd>
        <dt>{t("managerApplications.receipt")}</dt>
        <dd>{application.receiptNumber ?? "–"}</dd>
        {application.versions.length > 0 ? (
          <>
            <dt>{t("managerApplications.versions")}</dt>
            <dd>
              <ul>
                {application.versions.map((version) => (
                  <li key={version.number}>
                    {t("managerApplications.version", { number: version.number, receipt: version.receiptNumber, at: formatDateTime(locale, version.submittedAt) })} ·{" "}
                    <VersionPdfLink applicationId={application.id} versionNumber={version.number} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {application.previousApplication ? (
          <>
            <dt>{t("stageKind.OUTLINE")}</dt>
            <dd>
              <Link to={`/manager/applications/${application.previousApplication.id}`}>{t("managerApplications.openOutline")}</Link>
            </dd>
          </>
        ) : null}
        {application.nextApplication ? (
          <>
            <dt>{t("stageKind.FULL_PROPOSAL")}</dt>
            <dd>
              <Link to={`/manager/applications/${application.nextApplication.id}`}>{t("managerApplications.openFullProposal")}</Link>{" "}
              <ApplicationStateLabel state={application.nextApplication.state} />
            </dd>
          </>
        ) : null}
      </dl>

      <p>
        <Link to={`/manager/applications/${application.id}/reviews`}>{t("reviewManager.reviewsLink")}</Link> ·{" "}
        <Link to={`/manager/applications/${application.id}/decision`}>{t("decisions.open")}</Link>
      </p>

      <section aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">{t("managerApplications.workflow")}</h2>
        {application.awaitsDeadline ? (
          <p>{t("managerApplications.waitForDeadline", { deadline: formatDateTime(locale, application.deadline) })}</p>
        ) : (
          <WorkflowActions actions={application.actions} version={application.version} />
        )}
      </section>

      {/* The application's topics (manager.applications.$applicationId._index.tsx). */}
      <Outlet />

      {application.canExtend ? (
        <section aria-labelledby="extension-heading">
          <h2 id="extension-heading">{t("managerApplications.extension")}</h2>
          <p className="kern-hint">
            {t("managerApplications.extensionIntro", { deadline: formatDateTime(locale, application.stage.closesAt) })} {t("calls.timezoneNote")}
          </p>
          <ExtensionForm defaultValue={extended ? { untilDate: extended.date, untilTime: extended.time, reason: application.extensionReason ?? "" } : {}} />
        </section>
      ) : null}

      {application.conditions.length > 0 ? (
        <section aria-labelledby="conditions-heading">
          <h2 id="conditions-heading">{t("managerApplications.conditions")}</h2>
          <ol>
            {application.conditions.map((condition, index) => (
              <li key={index}>
                {condition.text}
                {application.answersReadable ? (
                  <div className="kern-hint">{condition.answer ? t("managerApplications.conditionAnswer", { answer: condition.answer }) : t("answers.notAnswered")}</div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("managerApplications.answers")}</h2>
        {!application.answersReadable ? (
          <p className="notice">{t("draftProgress.hidden")}</p>
        ) : application.definition ? (
          <AnswersView definition={application.definition} answers={application.answers} files={application.files} headingLevel={3} idPrefix="answers" />
        ) : (
          <p className="form-errors">{t("formPreview.unreadable")}</p>
        )}
      </section>

      <ApplicationHistory entries={application.history} />
    </>
  );
}
