import { Text } from "@react-email/components";
import { translator, type Locale } from "../app/i18n";
import type { Bundesland } from "../app/generated/prisma/enums";

/** An application as a mail to a juror names it: the network only when the call is not blind. */
export interface ReviewListEntry {
  title: string;
  bundesland: string;
  network: string | null;
  dueAt: string | null;
}

export function reviewLine(locale: Locale, review: ReviewListEntry): string {
  const t = translator(locale);
  const land = t(`bundesland.${review.bundesland as Bundesland}`);
  const what = review.network ? `${review.title} (${review.network}, ${land})` : `${review.title} (${land})`;
  return review.dueAt ? `${what} – ${t("reviewManager.email.dueAt", { dueAt: review.dueAt })}` : what;
}

export function ReviewList({ locale, reviews }: { locale: Locale; reviews: ReviewListEntry[] }) {
  return (
    <ul>
      {reviews.map((review, index) => (
        <li key={index}>
          <Text style={{ margin: "4px 0" }}>{reviewLine(locale, review)}</Text>
        </li>
      ))}
    </ul>
  );
}
