import { Form, Link } from "@remix-run/react";
import type { ReleasedOutcome } from "~/forms/outcome-mails";
import { formatDate, formatDateTime, formatEuros } from "~/i18n";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "../confirm-step";
import { CsrfField } from "../forms";
import { useLocale, useT } from "../use-t";

/** Dates come back from the loader as strings. */
type Outcome = Omit<ReleasedOutcome, "releasedAt" | "acceptBy" | "respondedAt" | "fullProposal"> & {
  releasedAt: Date | string;
  acceptBy: Date | string | null;
  respondedAt: Date | string | null;
  fullProposal: { id: string; deadline: Date | string | null } | null;
};

const tone = { AWARD: "success", SUPPORT_AWARD: "success", INVITATION: "success", WAITLIST: "info", REJECTION: "info", NOT_ELIGIBLE: "info" } as const;

/** Accepting or declining the award: both are final, so both ask first; the answer goes to the award route. */
function AwardAnswer({ outcome }: { outcome: Outcome }) {
  const t = useT();
  const locale = useLocale();
  const step = useStepToConfirm();
  const formId = `award-${outcome.applicationId}`;
  const asked = step === `accept-${outcome.applicationId}` ? "ACCEPTED" : step === `decline-${outcome.applicationId}` ? "DECLINED" : null;
  return (
    <>
      <p>{t("outcomes.network.acceptBy", { date: formatDate(locale, outcome.acceptBy!) })}</p>
      <Form method="post" action={`/applications/${outcome.applicationId}/award`} id={formId}>
        <CsrfField />
        <input type="hidden" name="version" value={outcome.version} />
      </Form>
      {asked ? (
        <ConfirmStep
          question={t(asked === "ACCEPTED" ? "outcomes.network.accept.question" : "outcomes.network.decline.question")}
          explanation={t(asked === "ACCEPTED" ? "outcomes.network.accept.explanation" : "outcomes.network.decline.explanation")}
          intent={asked}
          form={formId}
          confirmLabel={t(asked === "ACCEPTED" ? "outcomes.network.accept.button" : "outcomes.network.decline.button")}
        />
      ) : (
        <p className="confirm-actions">
          <AskFirstButton step={`accept-${outcome.applicationId}`} label={t("outcomes.network.accept.button")} className="primary" />{" "}
          <AskFirstButton step={`decline-${outcome.applicationId}`} label={t("outcomes.network.decline.button")} className="secondary" />
        </p>
      )}
    </>
  );
}

/** What happens next, in words: the award's answer (or the buttons to give it), or the outcome's next step. */
function NextStep({ outcome }: { outcome: Outcome }) {
  const t = useT();
  const locale = useLocale();
  if (outcome.kind === "AWARD" || outcome.kind === "SUPPORT_AWARD") {
    if (outcome.response && outcome.respondedAt) return <p>{t(`outcomes.network.response.${outcome.response as "ACCEPTED" | "DECLINED" | "LAPSED"}`, { date: formatDate(locale, outcome.respondedAt) })}</p>;
    if (outcome.canRespond) return <AwardAnswer outcome={outcome} />;
    return <p>{outcome.acceptBy ? t("outcomes.network.acceptByCoordinators", { date: formatDate(locale, outcome.acceptBy) }) : t("outcomes.network.next.AWARD")}</p>;
  }
  return <p>{t(`outcomes.network.next.${outcome.kind}`)}</p>;
}

/**
 * A released outcome on the network's pages: the outcome in words, the amount or support, for an
 * invitation the conditions and the way to the full proposal, the shared feedback and jury comments
 * (never a juror's name), and what happens next.
 */
export function OutcomePanel({ outcome, headingLevel = 2, context }: { outcome: Outcome; headingLevel?: 2 | 3; context?: string }) {
  const t = useT();
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h3" | "h4";
  const headingId = `outcome-${outcome.applicationId}`;
  return (
    <section className={`kern-alert kern-alert--${tone[outcome.kind]} outcome-panel`} aria-labelledby={headingId}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone[outcome.kind]}`} aria-hidden="true" />
        <Heading id={headingId} className="kern-title">
          {t(`outcomes.network.heading.${outcome.kind}`)}
          {context ? `: ${context}` : ""}
        </Heading>
      </div>
      <div className="kern-alert__body">
        <p className="kern-hint">{t("outcomes.network.releasedAt", { at: formatDateTime(locale, outcome.releasedAt) })}</p>
        {outcome.amountCents !== null ? <p>{t("outcomes.network.amount", { amount: formatEuros(locale, outcome.amountCents) })}</p> : null}
        {outcome.supportDescription ? (
          <>
            <p>{t("outcomes.network.supportPackage")}</p>
            <p className="answer-text">{outcome.supportDescription}</p>
          </>
        ) : null}
        {outcome.kind === "INVITATION" ? (
          <>
            {outcome.fullProposal ? (
              <p>
                <Link to={`/applications/${outcome.fullProposal.id}`}>{t("outcomes.network.fullProposal")}</Link>
                {outcome.fullProposal.deadline ? ` ${t("outcomes.network.fullProposalDeadline", { deadline: formatDateTime(locale, outcome.fullProposal.deadline) })}` : null}
              </p>
            ) : null}
            {outcome.conditions.length > 0 ? (
              <>
                <p>{t("outcomes.network.conditions")}</p>
                <ol>
                  {outcome.conditions.map((condition, index) => (
                    <li key={index}>{condition}</li>
                  ))}
                </ol>
              </>
            ) : null}
          </>
        ) : null}
        {outcome.feedback ? (
          <>
            <SubHeading className="kern-label">{t("outcomes.network.feedback")}</SubHeading>
            <p className="answer-text">{outcome.feedback}</p>
          </>
        ) : null}
        {outcome.juryComments.length > 0 ? (
          <>
            <SubHeading className="kern-label">{t("outcomes.mail.juryComments")}</SubHeading>
            <dl className="answers">
              {outcome.juryComments.map(({ letter, comment }) => (
                <div key={letter}>
                  <dt>{t("outcomes.mail.jury", { letter })}</dt>
                  <dd className="answer-text">{comment}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        <SubHeading className="kern-label">{t("outcomes.network.nextHeading")}</SubHeading>
        <NextStep outcome={outcome} />
      </div>
    </section>
  );
}
