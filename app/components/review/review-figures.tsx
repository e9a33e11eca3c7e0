import { formatNumber, type Locale } from "~/i18n";
import { useT } from "../use-t";

/** A weighted total, mean or spread to two decimals in the reader's notation; "–" where there is none. */
export function formatScore(locale: Locale, value: number | null | undefined): string {
  return value == null ? "–" : formatNumber(locale, Math.round(value * 100) / 100);
}

/** The mark of an application whose reviewers disagree by more than the stage's threshold. */
export function DiscussionMark() {
  const t = useT();
  return <strong className="tag discussion-mark">{t("reviewManager.forDiscussion")}</strong>;
}
