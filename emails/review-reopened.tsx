import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";
import { reviewLine } from "./review-list";

export interface ReviewReopenedProps {
  locale: Locale;
  name: string;
  title: string;
  bundesland: string;
  network: string | null;
  reason: string;
  url: string;
}

export function reviewReopenedSubject(locale: Locale): string {
  return translator(locale)("reviewManager.email.reopened.subject");
}

/** The programme management has handed a submitted review back to its juror, with the reason. */
export default function ReviewReopened({ locale, name, title, bundesland, network, reason, url }: ReviewReopenedProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={reviewReopenedSubject(locale)} heading={reviewReopenedSubject(locale)} action={{ label: t("reviewManager.email.toReview"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("reviewManager.email.reopened.body", { application: reviewLine(locale, { title, bundesland, network, dueAt: null }) })}</Text>
      <Text>{t("reviewManager.email.reopened.reason", { reason })}</Text>
    </EmailLayout>
  );
}

ReviewReopened.PreviewProps = {
  locale: "de",
  name: "Jonas Juror",
  title: "MINT-Labor für alle",
  bundesland: "BW",
  network: "MINT-Region Hochschwarzwald",
  reason: "Beim Kriterium Nachhaltigkeit fehlt die Begründung.",
  url: "http://localhost:3000/juror/reviews/example",
} satisfies ReviewReopenedProps;
