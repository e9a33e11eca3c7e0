import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getPublicCall } from "~/server/calls.server";
import { notFound } from "~/server/http.server";
import { currentUser } from "~/server/session.server";
import { stageForCallPage } from "~/server/applications.server";
import { CsrfField } from "~/components/forms";
import { DeadlineCountdown } from "~/components/applications/deadline-countdown";
import { FormPreview } from "~/components/applications/form-preview";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { formatDate, formatDateTime, formatEuros } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.call.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const [call, user] = await Promise.all([getPublicCall(params.slug ?? ""), currentUser(request)]);
  if (!call) throw notFound();
  const stage = await stageForCallPage(call.slug, user, now);
  return { call, stage, now, signedIn: user !== null };
}

/** The open stage's deadline counting down, and for network members the way into their application. */
function ApplySection({ slug, stage, now, signedIn }: { slug: string; stage: NonNullable<Awaited<ReturnType<typeof stageForCallPage>>>; now: Date; signedIn: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t("applications.callPage.apply", { stage: t(`stageKind.${stage.kind}`) })}</h2>
      <p>
        {stage.open ? (
          <>
            {t("calls.deadline")}: {formatDateTime(locale, stage.closesAt)} · <DeadlineCountdown deadline={stage.closesAt} serverNow={now} />
          </>
        ) : (
          <>
            {t("calls.opensAt")}: {formatDateTime(locale, stage.opensAt)}
          </>
        )}
      </p>
      {stage.invitationOnly ? <p className="hint">{t("applications.callPage.invitationOnly")}</p> : null}
      {stage.open && !stage.invitationOnly && !signedIn ? (
        <p>
          <a href={`/login?redirectTo=${encodeURIComponent(`/calls/${slug}`)}`}>{t("applications.callPage.login")}</a>
        </p>
      ) : null}
      {stage.open && !stage.invitationOnly && stage.applicant
        ? stage.applicant.networks.map((network) =>
            network.applicationId ? (
              <p key={network.id}>
                <Link to={`/applications/${network.applicationId}`}>{t("applications.callPage.openApplication", { network: network.name })}</Link>
              </p>
            ) : (
              <Form key={network.id} method="post" action={`/calls/${slug}/apply`} className="inline">
                <CsrfField />
                <input type="hidden" name="networkId" value={network.id} />
                <button type="submit" className="primary">
                  {stage.applicant && stage.applicant.networks.length > 1 ? t("applications.callPage.startFor", { network: network.name }) : t("applications.callPage.start")}
                </button>
              </Form>
            ),
          )
        : null}
    </section>
  );
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
  const { call, stage, now, signedIn } = useLoaderData<typeof loader>();
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
      {stage ? <ApplySection slug={call.slug} stage={stage} now={now} signedIn={signedIn} /> : null}
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
      {stage?.definition ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("applications.callPage.preview", { stage: t(`stageKind.${stage.kind}`) })}</h2>
          <p className="hint">{t("applications.callPage.previewNote")}</p>
          <FormPreview definition={stage.definition} />
        </section>
      ) : null}
    </>
  );
}
