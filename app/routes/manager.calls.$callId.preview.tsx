import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadCallPreview } from "~/server/calls/call-setup.server";
import { requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { CallDetails } from "~/components/calls/call-details";
import { FormMockup } from "~/components/calls/form-mockup";
import { CallSetupPage } from "~/components/calls/setup-form";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "callSetup.preview.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return { call: await loadCallPreview(user, params.callId ?? "") };
}

export default function CallPreview() {
  const t = useT();
  const { call } = useLoaderData<typeof loader>();
  return (
    <CallSetupPage call={call} heading={t("callSetup.preview.title")}>
      <p className="lead">{t("callSetup.preview.intro")}</p>
      <section aria-label={t("callSetup.preview.page")} className="preview-frame">
        <CallDetails call={call} titleLevel={2} />
      </section>
      {call.stages.map((stage) => (
        <section key={stage.id} aria-labelledby={`preview-${stage.id}`} className="preview-frame">
          <h2 id={`preview-${stage.id}`}>{t("callSetup.preview.form", { stage: t(`stageKind.${stage.kind}`) })}</h2>
          {stage.kind === "FULL_PROPOSAL" ? <p className="kern-hint">{t("callSetup.preview.byInvitation")}</p> : null}
          {stage.definition ? <FormMockup definition={stage.definition} idPrefix={`preview-${stage.id}`} /> : <p className="empty">{t("formPreview.unreadable")}</p>}
        </section>
      ))}
    </CallSetupPage>
  );
}
