import type { ApplicationState } from "@workflows/application.machine";
import { useT } from "./use-t";

type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/**
 * Each state's colour and icon, so states differ at a glance and not only by their words (and still
 * differ for people who do not see colours): outcomes in green or red, the way through in blue,
 * waiting in amber, what is not (or no longer) moving in grey with a dashed frame.
 */
export const applicationStateLook: Record<ApplicationState, { tone: Tone; icon: string }> = {
  draft: { tone: "neutral", icon: "edit" },
  submitted: { tone: "info", icon: "check" },
  withdrawn: { tone: "neutral", icon: "close" },
  eligibilityCheck: { tone: "info", icon: "checklist" },
  ineligible: { tone: "danger", icon: "danger" },
  inReview: { tone: "info", icon: "visibility" },
  awardDecided: { tone: "info", icon: "draft" },
  invitationDecided: { tone: "info", icon: "draft" },
  waitlistDecided: { tone: "info", icon: "draft" },
  rejectionDecided: { tone: "info", icon: "draft" },
  waitlisted: { tone: "warning", icon: "autorenew" },
  invitedToNextStage: { tone: "success", icon: "arrow-forward" },
  approved: { tone: "success", icon: "check" },
  awardAccepted: { tone: "success", icon: "success" },
  awardDeclined: { tone: "neutral", icon: "close" },
  rejected: { tone: "danger", icon: "close" },
};

export type CallStatus = "DRAFT" | "PUBLISHED" | "CLOSED" | "ARCHIVED";

export const callStatusLook: Record<CallStatus, { tone: Tone; icon: string }> = {
  DRAFT: { tone: "neutral", icon: "edit" },
  PUBLISHED: { tone: "success", icon: "calendar-today" },
  CLOSED: { tone: "warning", icon: "close" },
  ARCHIVED: { tone: "neutral", icon: "draft" },
};

function isApplicationState(value: string): value is ApplicationState {
  return value in applicationStateLook;
}

/** A KERN badge: a coloured frame, an icon that tells the kind, and the words. */
export function StatusBadge({ tone, icon, children }: { tone: Tone; icon: string; children: string }) {
  return (
    <span className={`kern-badge kern-badge--${tone} kern-badge--small`} data-tone={tone}>
      <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />
      <span className="kern-label">{children}</span>
    </span>
  );
}

/** The state of an application in the reader's language. */
export function ApplicationStateLabel({ state }: { state: string }) {
  const t = useT();
  if (!isApplicationState(state)) return <StatusBadge tone="neutral" icon="info">{state}</StatusBadge>;
  const look = applicationStateLook[state];
  return (
    <StatusBadge tone={look.tone} icon={look.icon}>
      {t(`applicationState.${state}`)}
    </StatusBadge>
  );
}

/** The status of a call (draft, published, closed, archived) in the reader's language. */
export function CallStatusLabel({ status }: { status: CallStatus }) {
  const t = useT();
  const look = callStatusLook[status];
  return (
    <StatusBadge tone={look.tone} icon={look.icon}>
      {t(`callStatus.${status}`)}
    </StatusBadge>
  );
}
