import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { copyCallSchema, copyShiftModes } from "~/forms/call-schemas";
import { copyCall, copyProposal, loadCallForSetup } from "~/server/calls/call-setup.server";
import { requireCallSetupUser, setupFormAction } from "~/server/calls/setup-replies.server";
import { ChoiceGroup, InputField } from "~/components/calls/fields";
import { CallSetupPage, SetupForm } from "~/components/calls/setup-form";
import { StageDatesTable } from "~/components/calls/call-details";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDate, formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.copy.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const [call, proposal] = await Promise.all([loadCallForSetup(user, params.callId ?? ""), copyProposal(user, params.callId ?? "")]);
  return { call, proposal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return setupFormAction(request, { formId: "copy", schema: copyCallSchema }, async (input, user) => {
    const copy = await copyCall(user, params.callId ?? "", input);
    return redirect(`/manager/calls/${copy.id}`);
  });
}

export default function CopyCall() {
  const t = useT();
  const locale = useLocale();
  const { call, proposal } = useLoaderData<typeof loader>();
  const firstOpens = proposal.stages[0]?.opensAt;
  return (
    <CallSetupPage call={call} heading={t("callSetup.copy.title")} headingId="copy-call">
      <p className="lead">{t("callCopy.intro")}</p>
      <section aria-labelledby="current-dates">
        <h2 id="current-dates">{t("callCopy.currentDates")}</h2>
        <StageDatesTable label={t("callCopy.currentDates")} stages={proposal.stages} />
        <ul>
          {proposal.fundingStartsOn && proposal.fundingEndsOn ? (
            <li>
              {t("calls.fundingPeriod")}: {formatDate(locale, proposal.fundingStartsOn)} – {formatDate(locale, proposal.fundingEndsOn)}
            </li>
          ) : null}
          {proposal.budgetFields.map((field, index) => (
            <li key={index}>{t("callCopy.budgetYears", { field: locale === "en" ? field.labelEn : field.labelDe, years: field.years.join(", ") })}</li>
          ))}
        </ul>
      </section>
      <SetupForm
        id="copy"
        intent="copy"
        schema={copyCallSchema}
        labelledBy="copy-call"
        submitLabel={t("callSetup.copy.submit")}
        defaultValue={{
          title: proposal.title,
          round: String(proposal.round),
          shiftBy: "span",
          spanYears: "1",
          spanMonths: "0",
          spanDays: "0",
          firstOpensDate: proposal.firstOpensDate ?? "",
        }}
      >
        <InputField name="title" label={t("callSetup.field.title")} />
        <InputField name="slug" label={`${t("callSetup.field.slug")} ${t("field.optional")}`} hint={t("callSetup.field.slugHint")} />
        <InputField name="round" label={t("callCopy.round")} type="number" hint={t("callCopy.roundHint", { highest: proposal.highestRound })} />
        <ChoiceGroup
          name="shiftBy"
          legend={t("callCopy.shiftBy")}
          type="radio"
          hint={t("callCopy.shiftHint")}
          options={copyShiftModes.map((mode) => ({ value: mode, label: t(`callCopy.shiftBy.${mode}`) }))}
        />
        <fieldset className="moment">
          <legend>{t("callCopy.span")}</legend>
          <InputField name="spanYears" label={t("callCopy.spanYears")} type="number" />
          <InputField name="spanMonths" label={t("callCopy.spanMonths")} type="number" />
          <InputField name="spanDays" label={t("callCopy.spanDays")} type="number" />
        </fieldset>
        <InputField
          name="firstOpensDate"
          label={t("callCopy.firstOpensDate")}
          type="date"
          hint={firstOpens ? t("callCopy.firstOpensHint", { date: formatDateTime(locale, firstOpens) }) : undefined}
        />
      </SetupForm>
    </CallSetupPage>
  );
}
