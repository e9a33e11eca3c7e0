import type { Locale } from "~/i18n";
import { useT } from "../use-t";

/** A mail as its recipient reads it: the subject, and the text as the mail carries it (the HTML part says the same). */
export function MailPreview({ subject, text, locale, to }: { subject: string; text: string; locale: Locale; to?: string }) {
  const t = useT();
  return (
    <div className="mail-preview">
      <dl className="facts">
        {to ? (
          <>
            <dt>{t("outcomes.preview.to")}</dt>
            <dd>{to}</dd>
          </>
        ) : null}
        <dt>{t("outcomes.preview.subject")}</dt>
        <dd lang={locale}>{subject}</dd>
      </dl>
      <pre className="answer-text" lang={locale}>
        {text}
      </pre>
    </div>
  );
}
