import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { utcToBerlinWallClock } from "~/forms/berlin-time";
import { reviewSettingsSchema } from "~/forms/review-eligibility-schemas";
import { loadReviewSettings, updateReviewSettings } from "~/server/review/review-settings.server";
import { requireCallSetupUser, setupFormAction } from "~/server/calls/setup-replies.server";
import { BerlinMomentFields, CheckboxField, InputField } from "~/components/calls/fields";
import { CallSetupPage, SetupForm } from "~/components/calls/setup-form";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { Notice } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eligibility.settings.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadReviewSettings(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  return setupFormAction(request, { formId: "review-settings", schema: reviewSettingsSchema }, async (input, user) => {
    await updateReviewSettings(user, ref, input);
    return redirect(`${new URL(request.url).pathname}?saved=1`);
  });
}

export default function ReviewSettings() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { call, stage, scale, blindReview, showJurorNames, blindReviewFixed } = useLoaderData<typeof loader>();
  const stageName = t(`stageKind.${stage.kind}`);
  const due = stage.reviewDueAt ? utcToBerlinWallClock(stage.reviewDueAt) : null;
  return (
    <CallSetupPage call={call} heading={t("eligibility.settings.heading", { stage: stageName })} headingId="review-settings-heading">
      <StageReviewSteps callId={call.id} stageId={stage.id} stageName={stageName} />
      {searchParams.get("saved") ? <Notice>{t("eligibility.settings.saved")}</Notice> : null}
      <SetupForm
        id="review-settings"
        intent="save"
        schema={reviewSettingsSchema}
        labelledBy="review-settings-heading"
        submitLabel={t("callSetup.save")}
        defaultValue={{
          reviewsPerApplication: String(stage.reviewsPerApplication),
          dueDate: due?.date,
          dueTime: due?.time,
          preferencesOpen: stage.preferencesOpen,
          reminderDaysBefore: String(stage.reminderDaysBefore),
          disagreementThreshold: String(stage.disagreementThreshold).replace(".", ","),
          conflictSameBundesland: stage.conflictSameBundesland,
          blindReview,
          showJurorNames,
        }}
      >
        <h2>{t("eligibility.settings.stageSection", { stage: stageName })}</h2>
        <InputField name="reviewsPerApplication" label={t("eligibility.settings.reviewsPerApplication")} hint={t("eligibility.settings.reviewsPerApplicationHint")} type="number" inputMode="numeric" />
        <BerlinMomentFields dateName="dueDate" timeName="dueTime" legend={t("eligibility.settings.reviewDue")} dateLabel={t("eligibility.settings.day")} timeLabel={t("eligibility.settings.time")} />
        <CheckboxField name="preferencesOpen" label={t("eligibility.settings.preferencesOpen")} hint={t("eligibility.settings.preferencesOpenHint")} />
        <InputField name="reminderDaysBefore" label={t("eligibility.settings.reminderDaysBefore")} hint={t("eligibility.settings.reminderDaysBeforeHint")} type="number" inputMode="numeric" />
        <InputField
          name="disagreementThreshold"
          label={t("eligibility.settings.disagreementThreshold")}
          hint={scale ? t("eligibility.settings.disagreementThresholdHint", { min: scale.scaleMin, max: scale.scaleMax }) : t("eligibility.settings.disagreementThresholdNoRubric")}
          inputMode="decimal"
        />
        <CheckboxField name="conflictSameBundesland" label={t("eligibility.settings.conflictSameBundesland")} hint={t("eligibility.settings.conflictSameBundeslandHint")} />
        <h2>{t("eligibility.settings.callSection")}</h2>
        <CheckboxField
          name="blindReview"
          label={t("eligibility.settings.blindReview")}
          hint={blindReviewFixed ? t("eligibility.settings.blindReviewFixed") : t("eligibility.settings.blindReviewHint")}
        />
        <CheckboxField name="showJurorNames" label={t("eligibility.settings.showJurorNames")} hint={t("eligibility.settings.showJurorNamesHint")} />
      </SetupForm>
    </CallSetupPage>
  );
}
