import { formatDate, formatDateTime, formatEuros } from "~/i18n";
import { useLocale, useT } from "~/components/use-t";
import { FormattedText } from "./formatted-text";

export interface CallDetailsData {
  title: string;
  summary: string;
  description: string;
  rules: string;
  eligibility: string;
  funder: string;
  targetGroup: string;
  totalBudgetCents: string | null;
  awardType: "MONEY" | "SUPPORT";
  maxAwardCents: string | null;
  supportDescription: string;
  plannedAwards: number | null;
  fundingStartsOn: Date | string | null;
  fundingEndsOn: Date | string | null;
  contactName: string;
  contactEmail: string;
  programme: { name: string };
  stages: { id: string; kind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL"; opensAt: Date | string; closesAt: Date | string }[];
}

/** The call's page as applicants read it: what it funds, who may apply, the stages and their dates. */
export function CallDetails({ call }: { call: CallDetailsData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <span className="badge">{call.programme.name}</span>
      </p>
      <h2>{call.title}</h2>
      {call.summary ? <p className="lead">{call.summary}</p> : null}
      <dl className="facts">
        <dt>{t("calls.funder")}</dt>
        <dd>{call.funder}</dd>
        <dt>{t("calls.awardType")}</dt>
        <dd>
          {t(`awardType.${call.awardType}`)}
          {call.maxAwardCents ? ` · ${t("calls.maxAward")} ${formatEuros(locale, call.maxAwardCents)}` : ""}
          {call.supportDescription ? ` · ${call.supportDescription}` : ""}
        </dd>
        {call.totalBudgetCents ? (
          <>
            <dt>{t("callSetup.field.totalBudget")}</dt>
            <dd>{formatEuros(locale, call.totalBudgetCents)}</dd>
          </>
        ) : null}
        {call.plannedAwards ? (
          <>
            <dt>{t("calls.plannedAwards")}</dt>
            <dd>{call.plannedAwards}</dd>
          </>
        ) : null}
        {call.targetGroup ? (
          <>
            <dt>{t("calls.targetGroup")}</dt>
            <dd>{call.targetGroup}</dd>
          </>
        ) : null}
        {call.fundingStartsOn && call.fundingEndsOn ? (
          <>
            <dt>{t("calls.fundingPeriod")}</dt>
            <dd>
              {formatDate(locale, call.fundingStartsOn)} – {formatDate(locale, call.fundingEndsOn)}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{t("calls.stages")}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("calls.stage")}</th>
            <th scope="col">{t("calls.opensAt")}</th>
            <th scope="col">{t("calls.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {call.stages.map((stage) => (
            <tr key={stage.id}>
              <td>{t(`stageKind.${stage.kind}`)}</td>
              <td>{formatDateTime(locale, stage.opensAt)}</td>
              <td>{formatDateTime(locale, stage.closesAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t("calls.timezoneNote")}</p>
      {(
        [
          ["calls.description", call.description],
          ["calls.eligibility", call.eligibility],
          ["calls.rules", call.rules],
        ] as const
      ).map(([heading, text]) =>
        text ? (
          <section key={heading}>
            <h3>{t(heading)}</h3>
            <FormattedText text={text} />
          </section>
        ) : null,
      )}
      {call.contactName || call.contactEmail ? (
        <section>
          <h3>{t("calls.contact")}</h3>
          <p>
            {call.contactName}
            {call.contactEmail ? (
              <>
                {" "}
                · <a href={`mailto:${call.contactEmail}`}>{call.contactEmail}</a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}
    </>
  );
}
