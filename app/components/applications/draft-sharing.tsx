import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/forms";
import { useT } from "~/components/use-t";

/**
 * On a draft of the person's network: whether the programme's managers can read it yet, and the
 * button that lets them (or stops it). A plain form, so it works without JavaScript.
 */
export function DraftSharing({ applicationId, shared }: { applicationId: string; shared: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="draft-sharing-heading" className="draft-sharing">
      <h2 id="draft-sharing-heading">{t("draftSharing.heading")}</h2>
      <p>{t(shared ? "draftSharing.shared" : "draftSharing.private")}</p>
      <Form method="post" action={`/applications/${applicationId}/sharing`}>
        <CsrfField />
        <input type="hidden" name="share" value={shared ? "no" : "yes"} />
        <button type="submit" className="kern-btn kern-btn--secondary">
          {t(shared ? "draftSharing.stop" : "draftSharing.start")}
        </button>
      </Form>
    </section>
  );
}
