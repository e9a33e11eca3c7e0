import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getPublicCall } from "~/server/calls.server";
import { notFound } from "~/server/http.server";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { formatDate, formatDateTime, formatEuros } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.call.title ?? "");

export async function loader({ params }: LoaderFunctionArgs) {
  const call = await getPublicCall(params.slug ?? "");
  if (!call) throw notFound();
  return { call };
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </>
  );
}

export default function CallPage() {
  const t = useT();
  const locale = useLocale();
  const { call } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <span className="badge">{call.programme.name}</span> <span className="badge">{t(`callStatus.${call.status}`)}</span>
      </p>
      <h1>{call.title}</h1>
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
      <h2>{t("calls.stages")}</h2>
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
            <tr key={stage.position}>
              <td>{t(`stageKind.${stage.kind}`)}</td>
              <td>{formatDateTime(locale, stage.opensAt)}</td>
              <td>{formatDateTime(locale, stage.closesAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t("calls.timezoneNote")}</p>
      {call.description ? (
        <section>
          <h2>{t("calls.description")}</h2>
          <Paragraphs text={call.description} />
        </section>
      ) : null}
      {call.eligibility ? (
        <section>
          <h2>{t("calls.eligibility")}</h2>
          <Paragraphs text={call.eligibility} />
        </section>
      ) : null}
      {call.rules ? (
        <section>
          <h2>{t("calls.rules")}</h2>
          <Paragraphs text={call.rules} />
        </section>
      ) : null}
      {call.contactName || call.contactEmail ? (
        <section>
          <h2>{t("calls.contact")}</h2>
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
