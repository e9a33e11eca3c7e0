import type { SubmissionResult } from "@conform-to/react";

/** The hidden field that carries a form's CSRF token (decision 003). */
export const CSRF_FIELD = "csrf";
/** The body of the 403 a form without a valid token gets; the error page explains it. */
export const CSRF_REFUSAL = "csrf";

/** What a setup page's action answers when one of its forms did not go through. */
export interface FormOutcome {
  formId: string;
  result: SubmissionResult<string[]>;
  /** Publication refused: what is still missing. */
  problems?: { messageKey: string; stageKind?: string; sum?: number }[];
}
