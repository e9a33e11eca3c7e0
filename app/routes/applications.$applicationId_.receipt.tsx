import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { applicationForPage, reopenApplication, withdrawApplication } from "~/server/applications/applications.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { RefusedError } from "~/server/http.server";
import { requestLocale } from "~/server/web/locale.server";
import { requireUser } from "~/server/accounts/session.server";
import { formatDateTime, translator } from "~/i18n";
import { ApplicationStateLabel } from "~/components/application-state";
import { CsrfField, Notice, TableScroll } from "~/components/forms";
import { AskFirstButton, CONFIRMED_FIELD, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { VersionPdfLink } from "~/components/applications/version-pdf-link";
import { pageTitle } from "~/components/page-title";
import { useLocale, useT } from "~/components/use-t";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applications.receipt.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await applicationForPage(user, params.applicationId ?? "");
  return {
    application: page.application,
    call: page.call,
    stage: page.stage,
    network: page.network,
    deadline: page.deadline,
    extended: page.extended,
    open: page.open,
    editable: page.editable,
    actions: page.actions,
    versions: page.versions,
  };
}

/** Withdraw (once confirmed) or reopen, both only before the deadline; the versions submitted so far stay. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readProtectedForm(request);
  const applicationId = params.applicationId ?? "";
  const intent = formData.get("intent");
  try {
    if (intent === "withdraw") await withdrawApplication(user, { applicationId, confirmed: formData.get(CONFIRMED_FIELD) === "1" });
    else if (intent === "reopen") await reopenApplication(user, { applicationId });
    else return data({ message: translator(await requestLocale(request))("workflow.refused") }, { status: 400 });
  } catch (error) {
    if (error instanceof RefusedError) return data({ message: translator(await requestLocale(request))(error.messageKey) }, { status: error.status });
    throw error;
  }
  return redirect(intent === "reopen" ? `/applications/${applicationId}` : `/applications/${applicationId}/receipt?withdrawn=1`);
}

export default function ApplicationReceipt() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const latest = page.versions[0];
  const confirmingWithdrawal = useStepToConfirm() === "withdraw" && page.open && page.editable && page.actions.includes("WITHDRAW");
  return (
    <>
      <p>
        <Link to={`/applications/${page.application.id}`}>{t("applications.receipt.back")}</Link>
      </p>
      <h1>
        {t("applications.receipt.title")} <ApplicationStateLabel state={page.application.state} />
      </h1>
      {searchParams.has("submitted") && page.application.state === "submitted" ? <Notice>{t("applications.receipt.submitted")}</Notice> : null}
      {searchParams.has("withdrawn") && page.application.state === "withdrawn" ? <Notice>{t("applications.receipt.withdrawn")}</Notice> : null}
      {refusal ? (
        <div className="form-errors" role="alert">
          <p>{refusal.message}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("applications.receipt.call")}</dt>
        <dd>{page.call.title}</dd>
        <dt>{t("calls.stage")}</dt>
        <dd>{t(`stageKind.${page.stage.kind}`)}</dd>
        <dt>{t("applications.receipt.network")}</dt>
        <dd>{page.network.name}</dd>
        {latest ? (
          <>
            <dt>{t("applications.receipt.number")}</dt>
            <dd>
              <strong>{latest.receiptNumber}</strong>
            </dd>
            <dt>{t("applications.receipt.submittedAt")}</dt>
            <dd>{formatDateTime(locale, latest.submittedAt)}</dd>
          </>
        ) : null}
        <dt>{t("calls.deadline")}</dt>
        <dd>
          {formatDateTime(locale, page.deadline)}
          {page.extended ? ` (${t("applications.deadline.extended")})` : ""}
        </dd>
      </dl>
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
      {page.open ? (
        page.editable && page.actions.length > 0 ? (
          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">{t("applications.receipt.changes")}</h2>
            <p>{t("applications.receipt.changesIntro")}</p>
            <div className="actions">
              {page.actions.includes("REOPEN") ? (
                <Form method="post" className="inline">
                  <CsrfField />
                  <button type="submit" name="intent" value="reopen" className="kern-btn kern-btn--primary">
                    {t("applications.receipt.reopen")}
                  </button>
                </Form>
              ) : null}
              {page.actions.includes("WITHDRAW") && !confirmingWithdrawal ? <AskFirstButton step="withdraw" label={t("applications.receipt.withdraw")} /> : null}
            </div>
            {confirmingWithdrawal ? (
              <ConfirmStep
                question={t("applicationWorkflow.confirmWithdraw.question")}
                explanation={t("applicationWorkflow.confirmWithdraw.explained")}
                intent="withdraw"
                confirmLabel={t("applicationWorkflow.confirmWithdraw.button")}
              />
            ) : null}
          </section>
        ) : null
      ) : (
        <p className="notice" role="status">
          {t("applications.deadline.passed")}
        </p>
      )}
      <h2 id="versions-heading">{t("applications.versions.title")}</h2>
      {page.versions.length === 0 ? (
        <p className="empty">{t("applications.versions.none")}</p>
      ) : (
        <TableScroll label={t("applications.versions.title")}>
        <table aria-labelledby="versions-heading">
          <thead>
            <tr>
              <th scope="col">{t("applications.versions.number")}</th>
              <th scope="col">{t("applications.receipt.number")}</th>
              <th scope="col">{t("applications.receipt.submittedAt")}</th>
              <th scope="col">{t("applications.versions.by")}</th>
              <th scope="col">{t("applications.versions.document")}</th>
            </tr>
          </thead>
          <tbody>
            {page.versions.map((version) => (
              <tr key={version.number}>
                <td>{version.number}</td>
                <td>{version.receiptNumber}</td>
                <td>{formatDateTime(locale, version.submittedAt)}</td>
                <td>{version.submittedBy.name}</td>
                <td>
                  <VersionPdfLink applicationId={page.application.id} versionNumber={version.number} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}
