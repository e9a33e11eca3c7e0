import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { CsrfField } from "./forms";
import { useT } from "./use-t";

/**
 * Asking before an irreversible step, also without JavaScript. The step's first button only asks: it
 * reloads the page with `?confirm=<step>`, and the page then shows a `ConfirmStep` panel whose button
 * posts the step with `confirmed`. The server refuses the step without it, so neither an old page nor
 * a double click skips the question.
 */
export const CONFIRM_PARAM = "confirm";
export const CONFIRMED_FIELD = "confirmed";

/** The step the page was asked to confirm, if any (the value of `?confirm=`). */
export function useStepToConfirm(): string | null {
  const [searchParams] = useSearchParams();
  return searchParams.get(CONFIRM_PARAM);
}

/** The address of this page without the question, for "Cancel" and after the step. */
function usePageWithoutQuestion(): string {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const rest = new URLSearchParams(searchParams);
  rest.delete(CONFIRM_PARAM);
  const query = rest.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

/** The button of an irreversible step: it asks first (a GET to this page, keeping its other parameters). */
export function AskFirstButton(props: { step: string; label: ReactNode; accessibleLabel?: string; className?: string }) {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  return (
    <Form method="get" action={location.pathname} className="button-form">
      {[...searchParams.entries()]
        .filter(([name]) => name !== CONFIRM_PARAM)
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      <button type="submit" name={CONFIRM_PARAM} value={props.step} className={`kern-btn kern-btn--${props.className ?? "danger"}`} aria-label={props.accessibleLabel}>
        {props.label}
      </button>
    </Form>
  );
}

/**
 * The "Really …?" panel: what happens and what cannot be undone, the confirming button and a way
 * back. It posts `intent` with the `hidden` values and `confirmed=1` in a form of its own, or, given
 * `form`, submits that form of the page (so what was typed there goes along) with `confirmed` set to
 * `intent`, which confirms exactly this step and no other button of that form.
 */
export function ConfirmStep(props: {
  question: string;
  explanation: ReactNode;
  intent: string;
  hidden?: Record<string, string>;
  confirmLabel: string;
  form?: string;
}) {
  const t = useT();
  const cancelTo = usePageWithoutQuestion();
  const panel = useRef<HTMLElement>(null);
  // With JavaScript the question takes the focus, so keyboard and screen reader users land on it.
  useEffect(() => panel.current?.focus(), []);
  const hidden = Object.entries(props.hidden ?? {});
  const buttons = (
    <p className="confirm-actions">
      <button type="submit" form={props.form} name="intent" value={props.intent} className="kern-btn kern-btn--danger">
        {props.confirmLabel}
      </button>{" "}
      <Link to={cancelTo}>{t("confirm.cancel")}</Link>
    </p>
  );
  return (
    <section ref={panel} id="confirm-step" className="confirm-step" aria-labelledby="confirm-step-question" tabIndex={-1}>
      <h2 id="confirm-step-question">{props.question}</h2>
      <p>{props.explanation}</p>
      {props.form ? (
        <>
          <input type="hidden" form={props.form} name={CONFIRMED_FIELD} value={props.intent} />
          {buttons}
        </>
      ) : (
        <Form method="post">
          <CsrfField />
          {hidden.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name={CONFIRMED_FIELD} value="1" />
          {buttons}
        </Form>
      )}
    </section>
  );
}
