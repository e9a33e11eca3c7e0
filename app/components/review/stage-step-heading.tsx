import { Link } from "@remix-run/react";
import { StageReviewSteps } from "./stage-review-steps";

/** The top of a stage's review step: the way back to the call, the heading, and the steps. */
export function StageStepHeading(props: { call: { id: string; title: string }; stage: { id: string }; stageName: string; heading: string }) {
  return (
    <>
      <p>
        <Link to={`/manager/calls/${props.call.id}`}>{props.call.title}</Link>
      </p>
      <h1>{props.heading}</h1>
      <StageReviewSteps callId={props.call.id} stageId={props.stage.id} stageName={props.stageName} />
    </>
  );
}
