import { useEffect, useState } from "react";
import { useField } from "@conform-to/react";
import { centsToEuroInput, eurosToCents } from "~/forms/call-schemas";
import { choiceOf, type DecisionChoice } from "~/forms/decision-schemas";
import { formatDate, formatEuros } from "~/i18n";
import { CheckboxField, ChoiceGroup, InputField, TextAreaField } from "~/components/calls/fields";
import { FieldErrors } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";

/**
 * The pieces the decisions board and an application's decision page share: the budget bar, a
 * decision in words, and the fields of a decision (one application or a selection).
 */

export interface Budget {
  awardedCents: string;
  budgetCents: string | null;
  remainingCents: string | null;
  over: boolean;
  awards: number;
  plannedAwards: number | null;
}

export interface CallLimits {
  awardType: "MONEY" | "SUPPORT";
  supportDescription: string;
  maxAwardCents: string | null;
  exceptionMaxCents: string | null;
}

/** Sum awarded against the budget, what is left, awards decided against those planned. */
export function BudgetBar({ budget, headingId }: { budget: Budget; headingId: string }) {
  const t = useT();
  const locale = useLocale();
  const share = budget.budgetCents && Number(budget.budgetCents) > 0 ? Math.min(100, Math.round((Number(budget.awardedCents) / Number(budget.budgetCents)) * 100)) : null;
  return (
    <section aria-labelledby={headingId} className="budget-bar">
      <h2 id={headingId}>{t("decisions.budget.heading")}</h2>
      <dl className="facts">
        <dt>{t("decisions.budget.awarded")}</dt>
        <dd>{formatEuros(locale, budget.awardedCents)}</dd>
        <dt>{t("decisions.budget.total")}</dt>
        <dd>{budget.budgetCents ? formatEuros(locale, budget.budgetCents) : t("decisions.budget.none")}</dd>
        {budget.remainingCents ? (
          <>
            <dt>{t("decisions.budget.remaining")}</dt>
            <dd className={budget.over ? "kern-error" : undefined}>
              {formatEuros(locale, budget.remainingCents)}
              {budget.over ? ` · ${t("decisions.budget.overrun")}` : ""}
            </dd>
          </>
        ) : null}
        <dt>{t("decisions.budget.awards")}</dt>
        <dd>{budget.plannedAwards ? t("decisions.budget.awardsOfPlanned", { count: budget.awards, planned: budget.plannedAwards }) : t("decisions.budget.awardsCount", { count: budget.awards })}</dd>
      </dl>
      {share !== null ? (
        <meter className="budget-meter" min={0} max={100} value={share} aria-label={t("decisions.budget.meter", { percent: share })}>
          {share} %
        </meter>
      ) : null}
    </section>
  );
}

interface DecisionWords {
  outcome: "FUNDED" | "REJECTED" | "INVITED_TO_NEXT_STAGE" | "WAITLISTED";
  amountCents: string | null;
  supportDescription: string;
  releasedAt: Date | string | null;
  acceptBy?: Date | string | null;
  response?: string | null;
}

/** A decision in a few words: its outcome, amount or support, whether it is released, and the network's answer. */
export function DecisionLabel({ decision }: { decision: DecisionWords | null }) {
  const t = useT();
  const locale = useLocale();
  if (!decision) return <>{t("decisions.none")}</>;
  const parts = [t(`decisions.outcome.${decision.outcome}`)];
  if (decision.amountCents) parts.push(formatEuros(locale, decision.amountCents));
  if (decision.supportDescription) parts.push(decision.supportDescription);
  return (
    <>
      {parts.join(" · ")}
      <div className="kern-hint">
        {decision.releasedAt ? t("decisions.released", { date: formatDate(locale, decision.releasedAt) }) : t("decisions.unreleased")}
        {decision.response ? ` · ${t(`decisions.response.${decision.response as "ACCEPTED" | "DECLINED" | "LAPSED"}`)}` : decision.acceptBy ? ` · ${t("decisions.acceptBy", { date: formatDate(locale, decision.acceptBy) })}` : ""}
      </div>
    </>
  );
}

/** The limits of the call in words, as the amount's hint ("höchstens 500.000 €; bis 1.000.000 € mit schriftlicher Begründung"). */
function useLimitsHint(call: CallLimits): string {
  const t = useT();
  const locale = useLocale();
  if (!call.maxAwardCents) return t("decisions.field.amountNoLimit");
  const max = formatEuros(locale, call.maxAwardCents);
  return call.exceptionMaxCents && BigInt(call.exceptionMaxCents) > BigInt(call.maxAwardCents)
    ? t("decisions.field.amountLimits", { max, exception: formatEuros(locale, call.exceptionMaxCents) })
    : t("decisions.field.amountMax", { max });
}

/**
 * "Nach dieser Entscheidung: …": with JavaScript the sum after the typed amount is shown as it is
 * typed (times the selection's size on the board); without it the server's figures above stand.
 */
function LiveBudget({ formId, budget, count }: { formId: string; budget: Budget; count: () => number }) {
  const t = useT();
  const locale = useLocale();
  const [after, setAfter] = useState<number | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const update = () => {
      const amount = form.elements.namedItem("amount") as HTMLInputElement | null;
      const cents = amount ? eurosToCents(amount.value) : null;
      setAfter(cents === null ? null : Number(budget.awardedCents) + cents * count());
    };
    update();
    // The board's check boxes sit outside the form (joined by their `form` attribute), so listen on the document.
    document.addEventListener("input", update);
    document.addEventListener("change", update);
    return () => {
      document.removeEventListener("input", update);
      document.removeEventListener("change", update);
    };
  }, [formId, budget.awardedCents, count]);
  if (after === null) return null;
  return (
    <p className="kern-hint" aria-live="polite">
      {budget.budgetCents
        ? t("decisions.budget.after", { sum: formatEuros(locale, after), budget: formatEuros(locale, budget.budgetCents) })
        : t("decisions.budget.afterNoBudget", { sum: formatEuros(locale, after) })}
    </p>
  );
}

/** The selection's errors ("tick at least one") inside the board's bulk form. */
export function SelectionErrors() {
  const [field] = useField<unknown>("selected");
  return <FieldErrors id={field.errorId} errors={field.errors} />;
}

/**
 * The fields of a decision: the outcome, what an award gives (amount within the call's limits,
 * support package, the exception's justification, the budget's confirmation), an outline's
 * conditions, the internal reason and the feedback that may be shared.
 */
export function DecisionFields(props: { formId: string; choices: DecisionChoice[]; call: CallLimits; budget: Budget; outline: boolean; count?: () => number }) {
  const t = useT();
  const limits = useLimitsHint(props.call);
  const awards = props.choices.includes("award");
  return (
    <>
      <ChoiceGroup name="outcome" legend={t("decisions.field.outcome")} type="radio" options={props.choices.map((choice) => ({ value: choice, label: t(`decisions.choice.${choice}`) }))} />
      {awards ? (
        <fieldset>
          <legend>{t("decisions.field.awardGroup")}</legend>
          <InputField name="amount" label={`${t("decisions.field.amount")}${props.call.awardType === "SUPPORT" ? ` ${t("field.optional")}` : ""}`} inputMode="decimal" hint={limits} />
          <LiveBudget formId={props.formId} budget={props.budget} count={props.count ?? (() => 1)} />
          <TextAreaField
            name="supportDescription"
            label={`${t("decisions.field.support")} ${t("field.optional")}`}
            hint={props.call.awardType === "SUPPORT" ? t("decisions.field.supportDefault", { support: props.call.supportDescription }) : t("decisions.field.supportHint")}
            rows={2}
          />
          <TextAreaField name="exceptionJustification" label={t("decisions.field.justification")} hint={t("decisions.field.justificationHint")} rows={3} />
          <CheckboxField name="overBudgetConfirmed" label={t("decisions.field.overBudget")} hint={t("decisions.field.overBudgetHint")} />
        </fieldset>
      ) : null}
      {props.outline ? <TextAreaField name="conditions" label={`${t("decisions.field.conditions")} ${t("field.optional")}`} hint={t("decisions.field.conditionsHint")} rows={4} /> : null}
      <TextAreaField name="reason" label={t("decisions.field.reason")} hint={t("decisions.field.reasonHint")} rows={3} />
      <TextAreaField name="feedback" label={`${t("decisions.field.feedback")} ${t("field.optional")}`} hint={t("decisions.field.feedbackHint")} rows={4} />
    </>
  );
}

/** A stored decision as the values of its form, to change it. */
export function decisionFormValues(decision: {
  outcome: DecisionWords["outcome"];
  amountCents: string | null;
  supportDescription: string;
  conditions: string[];
  reason: string;
  feedback: string;
  exceptionJustification: string;
  sharedReviewIds: string[];
}): Record<string, string | string[]> {
  return {
    outcome: choiceOf[decision.outcome],
    amount: centsToEuroInput(decision.amountCents),
    supportDescription: decision.supportDescription,
    conditions: decision.conditions.join("\n"),
    reason: decision.reason,
    feedback: decision.feedback,
    exceptionJustification: decision.exceptionJustification,
    sharedReviewIds: decision.sharedReviewIds,
  };
}
