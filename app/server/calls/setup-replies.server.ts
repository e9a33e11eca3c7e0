import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { FormOutcome } from "~/forms/form-protocol";
import type { Locale } from "~/i18n";
import { loadCallForSetup, PublicationRefusedError } from "./call-setup.server";
import { readProtectedForm } from "../web/csrf.server";
import { refused } from "../web/form-replies.server";
import { requireRole, type CurrentUser } from "../accounts/session.server";

/** Managers and admins may open the setup pages; which calls a manager may set up, the queries decide. */
export function requireCallSetupUser(request: Request): Promise<CurrentUser> {
  return requireRole(request, ["MANAGER", "ADMIN"]);
}

/** The loader of a call's setup page: the call, if the signed-in person may set it up (404 otherwise). */
export async function callSetupLoader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return { call: await loadCallForSetup(user, params.callId ?? "") };
}

/** The action of a setup page with one form: the form is checked for its token and answered as `handleSetupForm` does. */
export async function setupFormAction<Schema extends z.ZodType, Result>(
  request: Request,
  form: { formId: string; schema: Schema },
  work: (value: z.output<Schema>, user: CurrentUser) => Promise<Result>,
) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  return handleSetupForm(formData, { ...form, locale: user.locale }, (value) => work(value, user));
}

/**
 * The manager's setup pages carry many small forms; each answer names the form it belongs to. A form
 * that does not parse comes back with its values and messages (400), a refusal by the domain with its
 * message (and, for publication, the list of what is missing); success is whatever `work` returns,
 * usually a redirect back to the page.
 */
export async function handleSetupForm<Schema extends z.ZodType, Result>(
  formData: FormData,
  options: { formId: string; schema: Schema; locale: Locale },
  work: (value: z.output<Schema>) => Promise<Result>,
) {
  const submission = parseWithZod(formData, { schema: options.schema });
  if (submission.status !== "success") return data<FormOutcome>({ formId: options.formId, result: submission.reply() }, { status: 400 });
  try {
    return await work(submission.value);
  } catch (error) {
    const reply = refused(submission, error, options.locale);
    const problems = error instanceof PublicationRefusedError ? error.problems : undefined;
    return data<FormOutcome>({ formId: options.formId, result: reply.data, problems }, reply.init ?? undefined);
  }
}

/** The intent a posted form names; unknown intents are a client error. */
export function intentOf(formData: FormData): string {
  const intent = formData.get("intent");
  if (typeof intent !== "string") throw new Response("Bad Request", { status: 400 });
  return intent;
}
