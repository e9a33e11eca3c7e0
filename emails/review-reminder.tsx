import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import { EmailLayout } from "./layout";
import { ReviewList, type ReviewListEntry } from "./review-list";

export interface ReviewReminderProps {
  locale: Locale;
  name: string;
  /** Sent by a manager because reviews are late, or by the schedule before or on the deadline's day. */
  kind: "late" | "upcoming" | "dueToday";
  reviews: ReviewListEntry[];
  url: string;
}

export function reviewReminderSubject(locale: Locale, kind: ReviewReminderProps["kind"]): string {
  return translator(locale)(`reviewManager.email.reminder.subject.${kind}`);
}

/** One mail per juror listing every review of theirs still open. */
export default function ReviewReminder({ locale, name, kind, reviews, url }: ReviewReminderProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={reviewReminderSubject(locale, kind)} heading={reviewReminderSubject(locale, kind)} action={{ label: t("reviewManager.email.toReviews"), url }}>
      <Text>{t("email.confirm.greeting", { name })}</Text>
      <Text>{t(`reviewManager.email.reminder.body.${kind}`, { count: reviews.length })}</Text>
      <ReviewList locale={locale} reviews={reviews} />
    </EmailLayout>
  );
}

ReviewReminder.PreviewProps = {
  locale: "de",
  name: "Jonas Juror",
  kind: "late",
  reviews: [
    { title: "MINT-Labor für alle", bundesland: "BW", network: "MINT-Region Hochschwarzwald", dueAt: "15. Februar 2027 um 12:00" },
    { title: "Robotik in der Grundschule", bundesland: "SN", network: null, dueAt: "15. Februar 2027 um 12:00" },
  ],
  url: "http://localhost:3000/juror",
} satisfies ReviewReminderProps;
