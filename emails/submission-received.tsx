import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";

export interface SubmissionReceivedProps {
  locale: Locale;
  name: string;
  /** The call's title. */
  call: string;
  stageKind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL";
  /** The network's name. */
  network: string;
  receiptNumber: string;
  /** Already formatted in Europe/Berlin for the recipient's language. */
  submittedAt: string;
  url: string;
}

export function submissionReceivedSubject(locale: Locale, receiptNumber: string): string {
  return translator(locale)("email.submission.subject", { receiptNumber });
}

/** Sent when a network submits: the receipt, with the PDF of what was submitted attached. */
export default function SubmissionReceived({ locale, name, call, stageKind, network, receiptNumber, submittedAt, url }: SubmissionReceivedProps) {
  const t = translator(locale);
  return (
    <EmailLayout
      locale={locale}
      preview={submissionReceivedSubject(locale, receiptNumber)}
      heading={t("email.submission.heading")}
      action={{ label: t("email.submission.button"), url }}
    >
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("email.submission.body", { network, submittedAt, stage: t(`stageKind.${stageKind}`), call })}</Text>
      <Text style={{ fontSize: "18px", fontWeight: 700 }}>{t("email.submission.receipt", { receiptNumber })}</Text>
      <Text>{t("email.submission.attachment")}</Text>
      <Text>{t("email.submission.changes")}</Text>
    </EmailLayout>
  );
}

SubmissionReceived.PreviewProps = {
  locale: "de",
  name: "Clara Koordinatorin",
  call: "MINT-Cluster 2027",
  stageKind: "OUTLINE",
  network: "MINT-Region Hochschwarzwald",
  receiptNumber: "MC27-S-000042",
  submittedAt: "15. Januar 2027 um 17:59",
  url: "http://localhost:3000/applications/example/receipt",
} satisfies SubmissionReceivedProps;
