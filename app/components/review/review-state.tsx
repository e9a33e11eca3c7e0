import type { ReviewState } from "@workflows/review.machine";
import { StatusBadge } from "../application-state";
import { useT } from "../use-t";

/** Each review state's look, as the application states have theirs: to do in amber, done in green. */
const reviewStateLook: Record<ReviewState, { tone: "neutral" | "info" | "success" | "warning"; icon: string }> = {
  assigned: { tone: "warning", icon: "edit" },
  inProgress: { tone: "info", icon: "autorenew" },
  submitted: { tone: "success", icon: "success" },
  reopened: { tone: "warning", icon: "autorenew" },
  abstained: { tone: "neutral", icon: "close" },
};

/** The state of a review in the reader's language. */
export function ReviewStateLabel({ state }: { state: ReviewState }) {
  const t = useT();
  const look = reviewStateLook[state];
  return (
    <StatusBadge tone={look.tone} icon={look.icon}>
      {t(`reviewJuror.state.${state}`)}
    </StatusBadge>
  );
}
