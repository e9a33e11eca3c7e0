import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { bundeslaender, inviteSchema } from "~/forms/account-schemas";
import { invitePerson, listInvitations, programmesForInviter, rolesInvitableBy } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { requireRole } from "~/server/accounts/session.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { baseUrlOf, invalid, refused } from "~/server/web/form-replies.server";
import { CsrfField, FormErrors, Notice, SelectField, TextField, TableScroll } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invite.title");

const inviters = ["MANAGER", "ADMIN"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, inviters);
  const [invitations, programmes] = await Promise.all([listInvitations(user), programmesForInviter(user)]);
  return { invitations, programmes, roles: rolesInvitableBy(user.role), now: new Date() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, inviters);
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: inviteSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await invitePerson(user, submission.value, { baseUrl: baseUrlOf(request) });
  } catch (error) {
    return refused(submission, error, user.locale);
  }
  wakeOutboxWorker();
  return data({ ...submission.reply({ resetForm: true }), invited: submission.value.email });
}

export default function Invitations() {
  const t = useT();
  const locale = useLocale();
  const { invitations, programmes, roles, now } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { locale, role: "JUROR" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
  });
  const status = (invitation: (typeof invitations)[number]) => {
    if (invitation.acceptedAt) return t("invite.status.accepted");
    if (invitation.revokedAt) return t("invite.status.revoked");
    if (invitation.expiresAt < now) return t("invite.status.expired");
    return t("invite.status.open", { date: formatDateTime(locale, invitation.expiresAt) });
  };
  return (
    <>
      <h1>{t("invite.title")}</h1>
      <p className="lead">{t("invite.intro")}</p>
      {lastResult && "invited" in lastResult ? <Notice>{t("invite.sent", { email: String(lastResult.invited) })}</Notice> : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t("field.name")} />
        <TextField field={fields.email} label={t("field.email")} type="email" />
        <SelectField field={fields.role} label={t("field.role")} options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        <SelectField
          field={fields.programmeId}
          label={`${t("field.programme")} ${t("field.optional")}`}
          options={programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
        />
        {roles.includes("STATE_COORDINATOR") ? (
          <SelectField
            field={fields.bundesland}
            label={`${t("field.bundesland")} ${t("field.optional")}`}
            options={bundeslaender.map((code) => ({ value: code, label: t(`bundesland.${code}`) }))}
          />
        ) : null}
        <SelectField field={fields.locale} label={t("field.locale")} options={[{ value: "de", label: t("language.de") }, { value: "en", label: t("language.en") }]} />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("invite.submit")}
        </button>
      </Form>
      <h2>{t("invite.list")}</h2>
      {invitations.length === 0 ? (
        <p className="empty">{t("invite.none")}</p>
      ) : (
        <TableScroll label={t("invite.list")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              <th scope="col">{t("field.email")}</th>
              <th scope="col">{t("field.role")}</th>
              <th scope="col">{t("mailbox.status")}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.name}</td>
                <td>{invitation.email}</td>
                <td>
                  {t(`role.${invitation.role}`)}
                  {invitation.programme ? ` · ${invitation.programme.name}` : ""}
                </td>
                <td>{status(invitation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}
