import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n";
import { useLocale, useT } from "./use-t";
import { FunderAndAward } from "./calls/call-details";

export interface CallCardData {
  slug: string;
  title: string;
  summary: string;
  round: number;
  funder: string;
  awardType: "MONEY" | "SUPPORT";
  maxAwardCents: string | null;
  programme: { name: string };
  stage: { kind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL"; opensAt: Date; closesAt: Date; opensLater: boolean } | null;
}

export function CallCard({ call, headingLevel = 3 }: { call: CallCardData; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card">
      <Heading>
        <Link to={`/calls/${call.slug}`}>{call.title}</Link>
      </Heading>
      <p>
        <span className="tag">{call.programme.name}</span> <span className="tag">{t("calls.round", { round: call.round })}</span>
      </p>
      {call.summary ? <p>{call.summary}</p> : null}
      <dl className="facts">
        <FunderAndAward call={call} />
        {call.stage ? (
          <>
            <dt>{t("calls.stage")}</dt>
            <dd>{t(`stageKind.${call.stage.kind}`)}</dd>
            <dt>{call.stage.opensLater ? t("calls.opensAt") : t("calls.deadline")}</dt>
            <dd>{formatDateTime(locale, call.stage.opensLater ? call.stage.opensAt : call.stage.closesAt)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

export function CallList({ calls, empty }: { calls: CallCardData[]; empty: string }) {
  if (calls.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="card-list">
      {calls.map((call) => (
        <CallCard key={call.slug} call={call} />
      ))}
    </ul>
  );
}
