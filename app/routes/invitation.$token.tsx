import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { acceptInvitationSchema } from "~/forms/account-schemas";
import { acceptInvitation, findOpenInvitation } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { startPageFor, startSession } from "~/server/accounts/session.server";
import { formError, invalid } from "~/server/web/form-replies.server";
import { CsrfField, FormErrors, TextField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invite.accept.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? "");
  return { invitation: invitation ? { name: invitation.name, email: invitation.email, role: invitation.role } : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: acceptInvitationSchema });
  if (submission.status !== "success") return invalid(submission);
  const accepted = await acceptInvitation(params.token ?? "", submission.value.password);
  if (!accepted) return formError(submission, "invite.accept.invalid", 410);
  const cookie = await startSession(accepted.userId, request.headers.get("User-Agent"));
  return redirect(startPageFor(accepted.role), { headers: { "Set-Cookie": cookie } });
}

export default function AcceptInvitation() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }), shouldValidate: "onBlur" });
  if (!invitation) {
    return (
      <>
        <h1>{t("invite.accept.title")}</h1>
        <p role="alert">{t("invite.accept.invalid")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("invite.accept.title")}</h1>
      <p className="lead">{t("invite.accept.intro", { role: t(`role.${invitation.role}`) })}</p>
      <dl className="facts">
        <dt>{t("field.name")}</dt>
        <dd>{invitation.name}</dd>
        <dt>{t("field.email")}</dt>
        <dd>{invitation.email}</dd>
      </dl>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <input type="email" name="username" value={invitation.email} autoComplete="username" readOnly hidden />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.password} label={t("field.password")} type="password" hint={t("field.passwordHint")} autoComplete="new-password" />
        <TextField field={fields.passwordConfirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("invite.accept.submit")}
        </button>
      </Form>
    </>
  );
}
