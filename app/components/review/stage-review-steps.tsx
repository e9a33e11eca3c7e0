import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "../use-t";

/** The manager's steps of reviewing and deciding one stage, in the order they are taken; each a page below the stage. */
const steps: { path: string; label: MessageKey }[] = [
  { path: "review-settings", label: "reviewSteps.settings" },
  { path: "eligibility", label: "reviewSteps.eligibility" },
  { path: "jury", label: "reviewSteps.jury" },
  { path: "conflicts", label: "reviewSteps.conflicts" },
  { path: "assignment", label: "reviewSteps.assignment" },
  { path: "reviews", label: "reviewSteps.reviews" },
  { path: "ranking", label: "reviewSteps.ranking" },
  { path: "decisions", label: "reviewSteps.decisions" },
  { path: "release", label: "reviewSteps.release" },
];

/** Links to the review steps of a stage, for the call's overview and the top of every step's page. */
export function StageReviewSteps({ callId, stageId, stageName }: { callId: string; stageId: string; stageName: string }) {
  const t = useT();
  return (
    <nav aria-label={t("reviewSteps.label", { stage: stageName })} className="review-steps">
      <ol>
        {steps.map((step) => (
          <li key={step.path}>
            <NavLink to={`/manager/calls/${callId}/stages/${stageId}/${step.path}`}>{t(step.label)}</NavLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
