import { RefusedError } from "./http.server";

/**
 * An irreversible or hard-to-undo step (closing a call, withdrawing an application, deleting a form
 * field or a partner's letter) asked for without the person's confirmation. The pages ask first, also
 * without JavaScript; the server refuses anyway, so no old page, script or double click skips the question.
 */
export class ConfirmationRequiredError extends RefusedError {
  constructor() {
    super("confirm.error.required");
  }
}

export function requireConfirmation(confirmed: boolean | undefined): void {
  if (!confirmed) throw new ConfirmationRequiredError();
}
