import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";
import { reviewLine } from "./review-list";

export interface ReviewReassignedProps {
  locale: Locale;
  name: string;
  title: string;
  bundesland: string;
  network: string | null;
  dueAt: string | null;
  url: string;
}

export function reviewReassignedSubject(locale: Locale): string {
  return translator(locale)("reviewManager.email.reassigned.subject");
}

/** A review moved to this juror from another one, released at once. */
export default function ReviewReassigned({ locale, name, title, bundesland, network, dueAt, url }: ReviewReassignedProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={reviewReassignedSubject(locale)} heading={reviewReassignedSubject(locale)} action={{ label: t("reviewManager.email.toReviews"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t("reviewManager.email.reassigned.body", { application: reviewLine(locale, { title, bundesland, network, dueAt }) })}</Text>
    </EmailLayout>
  );
}

ReviewReassigned.PreviewProps = {
  locale: "de",
  name: "Jonas Juror",
  title: "MINT-Labor für alle",
  bundesland: "BW",
  network: null,
  dueAt: "15. Februar 2027 um 12:00",
  url: "http://localhost:3000/juror",
} satisfies ReviewReassignedProps;
