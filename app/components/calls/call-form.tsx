import { utcToBerlinWallClock } from "~/forms/berlin-time";
import { bundeslaender } from "~/forms/account-schemas";
import { callOpenness, centsToEuroInput, stageModes, type StageMode } from "~/forms/call-schemas";
import { sortByGermanName } from "~/i18n/collation";
import { useT } from "~/components/use-t";
import type { CallDetailsData } from "./call-details";
import { BerlinMomentFields, ChoiceGroup, InputField, TextAreaField } from "./fields";

/** The call's own fields, shared by the pages that create and edit a call. */
export function CallDetailsFields({ showSlug = true }: { showSlug?: boolean }) {
  const t = useT();
  return (
    <>
      <fieldset>
        <legend>{t("callSetup.group.texts")}</legend>
        <InputField name="title" label={t("callSetup.field.title")} />
        {showSlug ? <InputField name="slug" label={`${t("callSetup.field.slug")} ${t("field.optional")}`} hint={t("callSetup.field.slugHint")} /> : null}
        <TextAreaField name="summary" label={t("callSetup.field.summary")} rows={2} />
        <TextAreaField name="description" label={t("callSetup.field.description")} hint={t("callSetup.field.formattingHint")} rows={10} />
        <TextAreaField name="eligibility" label={t("callSetup.field.eligibility")} hint={t("callSetup.field.formattingHint")} rows={6} />
        <TextAreaField name="rules" label={t("callSetup.field.rules")} hint={t("callSetup.field.formattingHint")} rows={6} />
      </fieldset>
      <fieldset>
        <legend>{t("callSetup.group.funding")}</legend>
        <InputField name="funder" label={t("callSetup.field.funder")} />
        <InputField name="targetGroup" label={t("callSetup.field.targetGroup")} />
        <InputField name="totalBudget" label={`${t("callSetup.field.totalBudgetEuros")} ${t("field.optional")}`} inputMode="decimal" hint={t("callSetup.field.eurosHint")} />
        <ChoiceGroup
          name="awardType"
          legend={t("callSetup.field.awardType")}
          type="radio"
          options={[
            { value: "MONEY", label: t("awardType.MONEY") },
            { value: "SUPPORT", label: t("awardType.SUPPORT") },
          ]}
        />
        <InputField name="maxAward" label={t("callSetup.field.maxAwardEuros")} inputMode="decimal" hint={t("callSetup.field.maxAwardHint")} />
        <InputField name="awardExceptionMax" label={`${t("decisions.setup.exceptionMax")} ${t("field.optional")}`} inputMode="decimal" hint={t("decisions.setup.exceptionMaxHint")} />
        <TextAreaField name="supportDescription" label={t("callSetup.field.supportDescription")} hint={t("callSetup.field.supportHint")} rows={3} />
        <InputField name="plannedAwards" label={`${t("callSetup.field.plannedAwards")} ${t("field.optional")}`} type="number" />
        <InputField name="acceptanceDays" label={t("decisions.setup.acceptanceDays")} type="number" hint={t("decisions.setup.acceptanceDaysHint")} />
        <fieldset>
          <legend>{t("calls.fundingPeriod")}</legend>
          <InputField name="fundingStartsOn" label={t("callSetup.field.fundingStartsOn")} type="date" />
          <InputField name="fundingEndsOn" label={t("callSetup.field.fundingEndsOn")} type="date" />
        </fieldset>
      </fieldset>
      <ChoiceGroup
        name="openTo"
        legend={t("callLaender.legend")}
        type="radio"
        hint={t("callLaender.hint")}
        options={callOpenness.map((openness) => ({ value: openness, label: t(`callLaender.${openness}`) }))}
      />
      <ChoiceGroup
        name="openToBundeslaender"
        legend={t("callLaender.laender")}
        type="checkbox"
        options={sortByGermanName(
          bundeslaender.map((code) => ({ value: code, label: t(`bundesland.${code}`) })),
          (option) => option.label,
        )}
      />
      <fieldset>
        <legend>{t("calls.contact")}</legend>
        <InputField name="contactName" label={t("callSetup.field.contactName")} autoComplete="name" />
        <InputField name="contactEmail" label={t("callSetup.field.contactEmail")} type="email" autoComplete="email" />
      </fieldset>
    </>
  );
}

/**
 * One stage or two, each opening and closing at a day and time in Berlin. While the choice is open,
 * both blocks are there (without JavaScript nothing can hide one); the full proposal's is read only
 * for two stages. A fixed choice (a published call, a copy) shows just the blocks it needs.
 */
export function StageFields({ fixedMode }: { fixedMode?: StageMode }) {
  const t = useT();
  const moments = (opens: string, closes: string) => (
    <>
      <BerlinMomentFields dateName={`${opens}Date`} timeName={`${opens}Time`} legend={t("calls.opensAt")} dateLabel={t("callSetup.field.day")} timeLabel={t("callSetup.field.time")} />
      <BerlinMomentFields dateName={`${closes}Date`} timeName={`${closes}Time`} legend={t("calls.deadline")} dateLabel={t("callSetup.field.day")} timeLabel={t("callSetup.field.time")} />
    </>
  );
  return (
    <>
      {fixedMode ? (
        <p>
          <input type="hidden" name="stageMode" value={fixedMode} />
          {t(`callSetup.stageMode.${fixedMode}`)} · {t("callSetup.field.stageModeFixed")}
        </p>
      ) : (
        <ChoiceGroup
          name="stageMode"
          legend={t("callSetup.field.stageMode")}
          type="radio"
          options={stageModes.map((mode) => ({ value: mode, label: t(`callSetup.stageMode.${mode}`) }))}
        />
      )}
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
      <fieldset>
        <legend>{fixedMode === "SINGLE" ? t("stageKind.SINGLE") : fixedMode === "TWO_STAGE" ? t("stageKind.OUTLINE") : t("callSetup.stage.first")}</legend>
        {moments("opens", "closes")}
      </fieldset>
      {fixedMode !== "SINGLE" ? (
        <fieldset>
          <legend>{fixedMode === "TWO_STAGE" ? t("stageKind.FULL_PROPOSAL") : t("callSetup.stage.second")}</legend>
          {fixedMode ? null : <p className="kern-hint">{t("callSetup.stage.secondHint")}</p>}
          {moments("fullOpens", "fullCloses")}
        </fieldset>
      ) : null}
    </>
  );
}

/** A stored call as far as its edit form shows it. */
type CallValues = Omit<CallDetailsData, "status" | "programme" | "stages"> & { slug: string; awardExceptionMaxCents: string | null; acceptanceDays: number };

const isoDay = (value: Date | string | null) => (value ? new Date(value).toISOString().slice(0, 10) : "");

/** A stored call as the values of its edit form. */
export function callFormValues(call: CallValues): Record<string, string | string[]> {
  return {
    title: call.title,
    slug: call.slug,
    summary: call.summary,
    description: call.description,
    rules: call.rules,
    eligibility: call.eligibility,
    funder: call.funder,
    targetGroup: call.targetGroup,
    totalBudget: centsToEuroInput(call.totalBudgetCents),
    awardType: call.awardType,
    maxAward: centsToEuroInput(call.maxAwardCents),
    awardExceptionMax: centsToEuroInput(call.awardExceptionMaxCents),
    acceptanceDays: String(call.acceptanceDays),
    supportDescription: call.supportDescription,
    plannedAwards: call.plannedAwards?.toString() ?? "",
    fundingStartsOn: isoDay(call.fundingStartsOn),
    fundingEndsOn: isoDay(call.fundingEndsOn),
    contactName: call.contactName,
    contactEmail: call.contactEmail,
    openTo: call.openToBundeslaender.length > 0 ? "LISTED" : "ALL",
    openToBundeslaender: [...call.openToBundeslaender],
  };
}

/** Stored stages as the values of the stage inputs, in Berlin time. */
export function stageFormValues(stages: { kind: string; opensAt: Date | string; closesAt: Date | string }[]): Record<string, string> {
  const [first, second] = stages;
  const moment = (prefix: string, instant: Date | string | undefined) => {
    if (!instant) return {};
    const { date, time } = utcToBerlinWallClock(instant);
    return { [`${prefix}Date`]: date, [`${prefix}Time`]: time };
  };
  return {
    stageMode: stageModeOf(stages),
    ...moment("opens", first?.opensAt),
    ...moment("closes", first?.closesAt),
    ...moment("fullOpens", second?.opensAt),
    ...moment("fullCloses", second?.closesAt),
  };
}

export function stageModeOf(stages: { kind: string }[]): StageMode {
  return stages.some((stage) => stage.kind === "OUTLINE") ? "TWO_STAGE" : "SINGLE";
}
