import type { ReactNode } from "react";
import { laenderText, type Bundesland } from "~/forms/call-openness";
import { formatDate, formatDateTime, formatEuros } from "~/i18n";
import { useLocale, useT } from "~/components/use-t";
import { FormattedText } from "./formatted-text";
import { CallStatusLabel } from "../application-state";
import { TableScroll } from "../forms";

export interface CallDetailsData {
  title: string;
  summary: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "ARCHIVED";
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
  /** Empty: open to networks from every Land. */
  openToBundeslaender: readonly Bundesland[];
  stages: { position: number; kind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL"; opensAt: Date | string; closesAt: Date | string }[];
}

/** The first facts of a call, in its card and on its page: who funds it and what the award is. */
export function FunderAndAward({ call }: { call: { funder: string; awardType: "MONEY" | "SUPPORT"; maxAwardCents: string | null; supportDescription?: string } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <dt>{t("calls.funder")}</dt>
      <dd>{call.funder}</dd>
      <dt>{t("calls.awardType")}</dt>
      <dd>
        {t(`awardType.${call.awardType}`)}
        {call.maxAwardCents ? ` · ${t("calls.maxAward")} ${formatEuros(locale, call.maxAwardCents)}` : ""}
        {call.supportDescription ? ` · ${call.supportDescription}` : ""}
      </dd>
    </>
  );
}

/**
 * The call's page as applicants read it: what it funds, who may apply, the stages and their dates,
 * then the texts and the contact. The public page shows it as the page itself (title at level 1,
 * with the call's status and, in `children`, the way to apply); the manager's preview shows it one
 * level lower inside its frame.
 */
export function CallDetails({ call, titleLevel, showStatus = false, children }: { call: CallDetailsData; titleLevel: 1 | 2; showStatus?: boolean; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const Title = titleLevel === 1 ? "h1" : "h2";
  const Heading = titleLevel === 1 ? "h2" : "h3";
  return (
    <>
      <p>
        <span className="tag">{call.programme.name}</span>
        {showStatus ? (
          <>
            {" "}
            <CallStatusLabel status={call.status} />
          </>
        ) : null}
      </p>
      <Title>{call.title}</Title>
      {call.summary ? <p className="lead">{call.summary}</p> : null}
      <dl className="facts">
        <FunderAndAward call={call} />
        <dt>{t("callLaender.legend")}</dt>
        <dd>{call.openToBundeslaender.length > 0 ? laenderText(locale, call.openToBundeslaender) : t("callLaender.everywhere")}</dd>
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
      <Heading>{t("calls.stages")}</Heading>
      <StageDatesTable label={t("calls.stages")} stages={call.stages} />
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
      {children}
      {(
        [
          ["calls.description", call.description],
          ["calls.eligibility", call.eligibility],
          ["calls.rules", call.rules],
        ] as const
      ).map(([heading, text]) =>
        text ? (
          <section key={heading}>
            <Heading>{t(heading)}</Heading>
            <FormattedText text={text} />
          </section>
        ) : null,
      )}
      {call.contactName || call.contactEmail ? (
        <section>
          <Heading>{t("calls.contact")}</Heading>
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

/** When each stage opens and closes, in Berlin time; in its own scrolling frame on a phone. */
export function StageDatesTable({ label, stages }: { label: string; stages: { kind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL"; opensAt: string | Date; closesAt: string | Date }[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("calls.stage")}</th>
            <th scope="col">{t("calls.opensAt")}</th>
            <th scope="col">{t("calls.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.kind}>
              <th scope="row">{t(`stageKind.${stage.kind}`)}</th>
              <td>{formatDateTime(locale, stage.opensAt)}</td>
              <td>{formatDateTime(locale, stage.closesAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
