import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { releaseSchema, selectionFromQuery } from "~/forms/outcome-mails";
import type { FormOutcome } from "~/forms/form-protocol";
import { loadRelease, releaseDecisions, type ReleaseReport } from "~/server/outcomes/release.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { CsrfField, FormErrors, Notice, TableScroll } from "~/components/forms";
import { ApplicationRowHeader, SelectionBox, selectionOf } from "~/components/review/eligibility-table";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { MailPreview } from "~/components/outcomes/mail-preview";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcomes.release.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const url = new URL(request.url);
  return loadRelease(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, selectionFromQuery(url.searchParams), { baseUrl: baseUrlOf(request) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  if (intentOf(formData) !== "release") throw new Response("Bad Request", { status: 400 });
  const ref = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  return handleSetupForm(formData, { formId: "release", schema: releaseSchema, locale: user.locale }, async ({ selected, confirmed }) => {
    const report = await releaseDecisions(user, { ...ref, selected, confirmed }, { baseUrl: baseUrlOf(request) });
    wakeOutboxWorker();
    return data({ formId: "release", report });
  });
}

const SELECTION_FORM = "release-selection";
const RELEASE_FORM = "release-form";

/** What the release did: how many went out, which were out already (a second click), and each refusal. */
function ReleaseReportNotice({ report }: { report: ReleaseReport }) {
  const t = useT();
  const warn = report.failures.length > 0;
  return (
    <div className={`kern-alert kern-alert--${warn ? "warning" : "success"}`} role="status">
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${warn ? "warning" : "success"}`} aria-hidden="true" />
        <div className="alert-message">
          <p className="kern-body">{t("outcomes.release.report.released", { count: report.released, mails: report.mails })}</p>
          {report.alreadyReleased.length > 0 ? (
            <p className="kern-body">{t("outcomes.release.report.already", { count: report.alreadyReleased.length, networks: report.alreadyReleased.join(", ") })}</p>
          ) : null}
          {warn ? (
            <ul>
              {report.failures.map((failure, index) => (
                <li key={index}>{failure.network ? t("outcomes.release.report.failure", { network: failure.network, reason: t(failure.messageKey) }) : t(failure.messageKey)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export default function ReleaseDecisions() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const step = useStepToConfirm();
  const answer = useActionData<{ formId: string; report: ReleaseReport } | FormOutcome | undefined>();
  const report = answer && "report" in answer ? answer.report : null;
  // The action answers with the release's report, or with the form's refusal (nothing ticked, not confirmed).
  const refused = answer && "result" in answer ? answer.result : undefined;
  const ticked = new Set(page.selection.map((entry) => selectionOf({ id: entry.applicationId, version: entry.version })));
  const stageName = t(`stageKind.${page.stage.kind}`);
  const networks = page.preview.length;
  return (
    <>
      <p>
        <Link to={`/manager/calls/${page.call.id}`}>{page.call.title}</Link>
      </p>
      <h1>{t("outcomes.release.heading", { stage: stageName })}</h1>
      <StageReviewSteps callId={page.call.id} stageId={page.stage.id} stageName={stageName} />
      {report ? <ReleaseReportNotice report={report} /> : null}
      <FormErrors id="release-errors" errors={[...(refused?.error?.[""] ?? []), ...(refused?.error?.selected ?? [])]} />
      {!report && page.gone > 0 ? <Notice tone="info">{t("outcomes.release.gone", { count: page.gone })}</Notice> : null}
      <p>
        {t("outcomes.release.intro")} <Link to={`/manager/calls/${page.call.id}/outcome-mails`}>{t("outcomes.templates.link")}</Link>
      </p>
      {page.released > 0 ? <p>{t("outcomes.release.releasedSoFar", { count: page.released })}</p> : null}

      {page.total === 0 ? (
        <p className="empty">{t("outcomes.release.none")}</p>
      ) : (
        <>
          <h2 id="release-counts">{t("outcomes.release.waiting", { count: page.total })}</h2>
          <ul className="inline-list" aria-labelledby="release-counts">
            {page.groups.map((group) => (
              <li key={group.kind}>
                <a href={`#group-${group.kind}`}>{t("outcomes.release.groupCount", { kind: t(`outcomes.kind.${group.kind}`), count: group.applications.length })}</a>
              </li>
            ))}
          </ul>
          {page.groups.map((group) => (
            <section key={group.kind} aria-labelledby={`group-${group.kind}`}>
              <h3 id={`group-${group.kind}`}>{t("outcomes.release.groupCount", { kind: t(`outcomes.kind.${group.kind}`), count: group.applications.length })}</h3>
              <TableScroll label={t(`outcomes.kind.${group.kind}`)}>
                <table className="application-list">
                  <thead>
                    <tr>
                      <th scope="col">{t("outcomes.release.column.select")}</th>
                      <th scope="col">{t("applicationList.column.network")}</th>
                      <th scope="col">{t("applicationList.column.bundesland")}</th>
                      <th scope="col">{t("outcomes.release.column.recipients")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.applications.map((row) => (
                      <tr key={row.id}>
                        <td>
                          <SelectionBox row={row} form={SELECTION_FORM} ticked={ticked} />
                        </td>
                        <ApplicationRowHeader row={row} />
                        <td>{t(`bundesland.${row.network.bundesland}`)}</td>
                        <td>{row.coordinators === 0 ? t("outcomes.release.noCoordinator") : t("outcomes.release.coordinators", { count: row.coordinators })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ))}
          <Form method="get" id={SELECTION_FORM} className="stacked" aria-labelledby="selection-heading">
            <h2 id="selection-heading">{t("outcomes.release.selection.heading")}</h2>
            <p className="kern-hint">{t("outcomes.release.selection.hint")}</p>
            <p>
              <button type="submit" className="kern-btn kern-btn--secondary">
                {t("outcomes.release.selection.preview")}
              </button>
            </p>
          </Form>
        </>
      )}

      {page.preview.length > 0 ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("outcomes.release.preview.heading", { count: page.mailCount, networks })}</h2>
          {page.preview.map((application) => (
            <section key={application.applicationId} aria-labelledby={`preview-${application.applicationId}`}>
              <h3 id={`preview-${application.applicationId}`}>
                {application.network} <span className="tag">{t(`outcomes.kind.${application.kind}`)}</span>
              </h3>
              {application.changed ? <Notice tone="warning">{t("outcomes.release.preview.changed")}</Notice> : null}
              {application.mails.length === 0 ? <p className="empty">{t("outcomes.release.noCoordinator")}</p> : null}
              {application.mails.map((mail) => (
                <MailPreview
                  key={mail.email}
                  to={t("outcomes.preview.recipient", { name: mail.name, email: mail.email, language: t(`language.${mail.locale}`) })}
                  subject={mail.subject}
                  text={mail.text}
                  locale={mail.locale}
                />
              ))}
            </section>
          ))}
          <Form method="post" id={RELEASE_FORM}>
            <CsrfField />
            {page.selection.map((entry) => (
              <input key={entry.applicationId} type="hidden" name="selected" value={selectionOf({ id: entry.applicationId, version: entry.version })} />
            ))}
          </Form>
          {step === "release" ? (
            <ConfirmStep
              question={t("outcomes.release.question", { count: networks })}
              explanation={t("outcomes.release.explanation", { count: page.mailCount })}
              intent="release"
              form={RELEASE_FORM}
              confirmLabel={t("outcomes.release.button", { count: page.mailCount })}
            />
          ) : (
            <AskFirstButton step="release" label={t("outcomes.release.button", { count: page.mailCount })} className="primary" />
          )}
        </section>
      ) : null}
    </>
  );
}
