import { requireCallSetupUser } from "../calls/setup-replies.server";
import { readProtectedForm } from "../web/csrf.server";

/**
 * What every action of a stage's review step starts with: the manager (or admin), the posted form
 * with its token checked, the stage named by the address, and the page to return to.
 */
export async function readStageStepForm(request: Request, params: { callId?: string; stageId?: string }) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  return { user, formData, target: { callId: params.callId ?? "", stageId: params.stageId ?? "" }, here: new URL(request.url).pathname, options: { locale: user.locale } };
}
