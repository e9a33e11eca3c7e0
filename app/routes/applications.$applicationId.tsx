import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  applicationForPage,
  draftFormOf,
  saveDraft,
  StaleDraftError,
  submitApplication,
} from "~/server/applications/applications.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { RefusedError } from "~/server/http.server";
import { requestLocale } from "~/server/web/locale.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { requireUser } from "~/server/accounts/session.server";
import { releasedOutcomesOf } from "~/server/outcomes/network-outcome.server";
import { anchorOf, draftSchema, parseRowChange, type RowChange } from "~/forms/application-schemas";
import { translator } from "~/i18n";
import { formatDateTime } from "~/i18n";
import { ApplicationEditor, type EditorOutcome } from "~/components/applications/application-editor";
import { AnswersView } from "~/components/applications/answer-view";
import { DeadlineCountdown } from "~/components/applications/deadline-countdown";
import { DraftSharing } from "~/components/applications/draft-sharing";
import { ApplicationStateLabel } from "~/components/application-state";
import { ApplicationHistory } from "~/components/application-history";
import { OutcomePanel } from "~/components/outcomes/outcome-panel";
import { PartnerRemovalQuestion } from "~/components/applications/partner-removal-question";
import { CONFIRMED_FIELD } from "~/components/confirm-step";
import { Notice } from "~/components/forms";
import { titleText } from "~/components/page-title";
import { useLocale, useT } from "~/components/use-t";
import type { ApplicationState } from "@workflows/application.machine";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => titleText(matches, page ? `${page.call.title} – ${page.network.name}` : "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const page = await applicationForPage(user, params.applicationId ?? "", now);
  const outcome = (await releasedOutcomesOf(user, [page.application.id], now)).get(page.application.id) ?? null;
  return { ...page, outcome, now };
}

/**
 * Reloads after every post, refused ones too (as a page without JavaScript does): a refused submit
 * may have saved first, and a refused save still shows the stored revision it was measured against.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" || defaultShouldRevalidate;

/**
 * Saves the draft (autosave, the save button, row buttons, overwriting after a conflict) and submits.
 * Without JavaScript every button posts the whole form and comes back here by redirect.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readProtectedForm(request);
  const locale = await requestLocale(request, user);
  const t = translator(locale);
  const applicationId = params.applicationId ?? "";
  const at = Date.now();
  const { definition, conditionCount, stored } = await draftFormOf(user, applicationId);
  const intent = String(formData.get("intent") ?? "save");
  const overwrite = /^overwrite:(\d+)$/.exec(intent);
  const posted = Number(overwrite ? overwrite[1] : formData.get("revision"));
  // A missing or garbled revision can only be stale: it never overwrites silently.
  const baseRevision = Number.isInteger(posted) ? posted : -1;
  const submission = parseWithZod(formData, { schema: draftSchema(definition, { conditionCount, t }), disableAutoCoercion: true });
  if (submission.status !== "success") return data<EditorOutcome>({ at, kind: "invalid", basedOn: baseRevision, result: submission.reply() }, { status: 400 });
  const rowChange = parseRowChange(intent) ?? undefined;
  let revision: number;
  let unconfirmedRowChange: RowChange | undefined;
  try {
    const rowChangeConfirmed = formData.get(CONFIRMED_FIELD) === intent;
    ({ revision, unconfirmedRowChange } = await saveDraft(user, { applicationId, baseRevision, draft: submission.value, rowChange, rowChangeConfirmed, stored }));
  } catch (error) {
    if (error instanceof StaleDraftError) {
      return data<EditorOutcome>(
        {
          at,
          kind: "conflict",
          result: submission.reply(),
          differences: error.differences,
          theirRevision: error.currentRevision,
          yourRevision: baseRevision,
          invalidInput: submission.value.invalidInput ?? [],
        },
        { status: 409 },
      );
    }
    if (error instanceof RefusedError) return data<EditorOutcome>({ at, kind: "refused", basedOn: baseRevision, message: t(error.messageKey) }, { status: error.status });
    throw error;
  }
  if (intent === "autosave") return data<EditorOutcome>({ at, kind: "saved", revision });
  // Everything else is saved; the page asks before the row's letter of intent is deleted.
  if (unconfirmedRowChange) return redirect(`/applications/${applicationId}?confirm=${encodeURIComponent(intent)}`);
  if (intent === "submit") {
    try {
      await submitApplication({ ...user, locale }, { applicationId }, { baseUrl: baseUrlOf(request) });
    } catch (error) {
      if (error instanceof RefusedError) return data<EditorOutcome>({ at, kind: "refused", basedOn: revision, message: t(error.messageKey) }, { status: error.status });
      throw error;
    }
    wakeOutboxWorker();
    return redirect(`/applications/${applicationId}/receipt?submitted=1`);
  }
  return redirect(`/applications/${applicationId}?saved=${revision}${rowChange ? `#${anchorOf.field(rowChange.fieldKey)}` : ""}`);
}

export default function ApplicationPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.has("saved") && !actionData;
  return (
    <>
      <p>
        <Link to={`/calls/${page.call.slug}`}>{page.call.title}</Link>
      </p>
      <h1>
        {t("applications.page.title", { network: page.network.name })} <ApplicationStateLabel state={page.application.state} />
      </h1>
      {page.application.ineligibleReason ? <p className="ineligible-reason">{t("eligibility.network.reason", { reason: page.application.ineligibleReason })}</p> : null}
      {page.outcome ? <OutcomePanel outcome={page.outcome} /> : null}
      <dl className="facts">
        <dt>{t("calls.stage")}</dt>
        <dd>{t(`stageKind.${page.stage.kind}`)}</dd>
        <dt>{t("calls.deadline")}</dt>
        <dd>
          {formatDateTime(locale, page.deadline)}
          {page.extended ? ` (${t("applications.deadline.extended")})` : ""}
          {page.open ? (
            <>
              {" · "}
              <DeadlineCountdown deadline={page.deadline} serverNow={page.now} />
            </>
          ) : null}
        </dd>
        {page.application.receiptNumber ? (
          <>
            <dt>{t("applications.receipt.number")}</dt>
            <dd>{page.application.receiptNumber}</dd>
          </>
        ) : null}
      </dl>
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
      {saved ? <Notice>{t("applications.saved")}</Notice> : null}
      {!page.open ? (
        <p className="notice" role="status">
          {t("applications.deadline.passed")}
        </p>
      ) : null}
      {page.application.state !== "draft" && page.versions.length > 0 ? (
        <p className="notice" role="status">
          {t("applications.page.notDraft", { state: t(`applicationState.${page.application.state as ApplicationState}`) })} <Link to={`/applications/${page.application.id}/receipt`}>{t("applications.receipt.link")}</Link>
        </p>
      ) : null}
      {page.application.fromOutline ? <p className="kern-hint">{t("applications.page.fromOutline")}</p> : null}
      {page.canEdit ? <PartnerRemovalQuestion files={page.files} /> : null}
      {page.canEdit ? (
        <ApplicationEditor
          page={{
            applicationId: page.application.id,
            definition: page.definition,
            answers: page.answers,
            conditions: page.conditions,
            invalidInput: page.invalidInput,
            checklist: page.checklist,
            files: page.files,
            revision: page.application.revision,
            savedAt: page.application.answersUpdatedAt,
            now: page.now,
          }}
          actionData={actionData}
        />
      ) : (
        <AnswersView definition={page.definition} answers={page.answers} conditions={page.conditions} files={page.files} />
      )}
      {page.versions.length > 0 && page.application.state === "draft" ? (
        <p>
          <Link to={`/applications/${page.application.id}/receipt`}>{t("applications.versions.link", { count: page.versions.length })}</Link>
        </p>
      ) : null}
      {page.canEdit ? <DraftSharing applicationId={page.application.id} shared={page.application.sharedWithManagers} /> : null}
      <ApplicationHistory entries={page.history} />
    </>
  );
}
