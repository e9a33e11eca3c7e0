import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getPublicCall } from "~/server/calls/calls.server";
import { notFound } from "~/server/http.server";
import { currentUser } from "~/server/accounts/session.server";
import { stageForCallPage } from "~/server/applications/applications.server";
import { CsrfField } from "~/components/forms";
import { DeadlineCountdown } from "~/components/applications/deadline-countdown";
import { FormOutline } from "~/components/applications/form-outline";
import { CallDetails } from "~/components/calls/call-details";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { laenderText, type Bundesland } from "~/forms/call-openness";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.call.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const [call, user] = await Promise.all([getPublicCall(params.slug ?? ""), currentUser(request)]);
  if (!call) throw notFound();
  const stage = await stageForCallPage(call.slug, user, now);
  return { call, stage, now, signedIn: user !== null };
}

/** The open stage's deadline counting down, and for network members the way into their application. */
function ApplySection({
  slug,
  stage,
  now,
  signedIn,
  openTo,
}: {
  slug: string;
  stage: NonNullable<Awaited<ReturnType<typeof stageForCallPage>>>;
  now: Date;
  signedIn: boolean;
  openTo: readonly Bundesland[];
}) {
  const t = useT();
  const locale = useLocale();
  const laender = openTo.length > 0 ? laenderText(locale, openTo) : null;
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
      {stage.invitationOnly ? <p className="kern-hint">{t("applications.callPage.invitationOnly")}</p> : null}
      {laender && !stage.applicant ? <p className="kern-hint">{t("callLaender.onlyFor", { laender })}</p> : null}
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
            ) : laender && !network.openToIt ? (
              <p key={network.id} className="notice">
                {t("callLaender.notOpenToNetwork", { laender, network: network.name, land: t(`bundesland.${network.bundesland}`) })}
              </p>
            ) : (
              <Form key={network.id} method="post" action={`/calls/${slug}/apply`} className="inline">
                <CsrfField />
                <input type="hidden" name="networkId" value={network.id} />
                <button type="submit" className="kern-btn kern-btn--primary">
                  {stage.applicant && stage.applicant.networks.length > 1 ? t("applications.callPage.startFor", { network: network.name }) : t("applications.callPage.start")}
                </button>
              </Form>
            ),
          )
        : null}
    </section>
  );
}

export default function CallPage() {
  const t = useT();
  const { call, stage, now, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <CallDetails call={call} titleLevel={1} showStatus>
        {stage ? <ApplySection slug={call.slug} stage={stage} now={now} signedIn={signedIn} openTo={call.openToBundeslaender} /> : null}
      </CallDetails>
      {stage?.definition ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("applications.callPage.preview", { stage: t(`stageKind.${stage.kind}`) })}</h2>
          <p className="kern-hint">{t("applications.callPage.previewNote")}</p>
          <FormOutline definition={stage.definition} />
        </section>
      ) : null}
    </>
  );
}
