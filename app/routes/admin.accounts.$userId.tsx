import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { bundeslaender } from "~/forms/account-schemas";
import { roleChangeSchema, userRoles } from "~/forms/admin-schemas";
import type { FormOutcome } from "~/forms/form-protocol";
import { requireRole, startPageFor } from "~/server/accounts/session.server";
import { accountForAdmin, changeAccountRole, deactivateAccount, reactivateAccount } from "~/server/accounts/admin-accounts.server";
import { handleSetupForm, intentOf } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { CsrfField, FormErrors, Notice, SelectField } from "~/components/forms";
import { titleText } from "~/components/page-title";
import { useLocale, useT } from "~/components/use-t";
import { formatDate, formatDateTime } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.account.name ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  return { account: await accountForAdmin(user, params.userId ?? ""), self: user.id };
}

type Done = { formId: string; done: "role" | "roleUnchanged" | "deactivated" | "reactivated"; sessionsEnded?: number };
// Deactivating and reactivating carry nothing but their intent.
const noFields = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  const formData = await readProtectedForm(request);
  const userId = params.userId ?? "";
  const options = { locale: user.locale };
  switch (intentOf(formData)) {
    case "role":
      return handleSetupForm(formData, { ...options, formId: "role", schema: roleChangeSchema }, async (value) => {
        const { changed } = await changeAccountRole(user, { userId, ...value });
        // An administrator who handed on their own role has no business here any more.
        if (changed && userId === user.id && value.role !== "ADMIN") return redirect(startPageFor(value.role));
        return { formId: "role", done: changed ? "role" : "roleUnchanged" } satisfies Done;
      });
    case "deactivate":
      return handleSetupForm(formData, { ...options, formId: "access", schema: noFields }, async (): Promise<Done> => {
        const { sessionsEnded } = await deactivateAccount(user, { userId });
        return { formId: "access", done: "deactivated", sessionsEnded };
      });
    case "reactivate":
      return handleSetupForm(formData, { ...options, formId: "access", schema: noFields }, async (): Promise<Done> => {
        await reactivateAccount(user, { userId });
        return { formId: "access", done: "reactivated" };
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type Outcome = FormOutcome | Done;
type Account = Awaited<ReturnType<typeof loader>>["account"];

function resultFor(outcome: Outcome | undefined, formId: string) {
  return outcome && "result" in outcome && outcome.formId === formId ? outcome.result : undefined;
}

function RoleForm({ account, outcome }: { account: Account; outcome: Outcome | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "role",
    lastResult: resultFor(outcome, "role"),
    defaultValue: { role: account.role, bundesland: account.bundesland ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roleChangeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="stacked" {...getFormProps(form)}>
      <CsrfField />
      <input type="hidden" name="intent" value="role" />
      <p className="kern-hint">{t("admin.account.roleHint")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField field={fields.role} label={t("field.role")} options={userRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
      <SelectField
        field={fields.bundesland}
        label={`${t("field.bundesland")} ${t("field.optional")}`}
        options={bundeslaender.map((code) => ({ value: code, label: t(`bundesland.${code}`) }))}
      />
      <p className="kern-hint">{t("admin.account.bundeslandHint")}</p>
      <button type="submit" className="kern-btn kern-btn--primary">
        {t("admin.account.saveRole")}
      </button>
    </Form>
  );
}

function AccessForm({ account, outcome }: { account: Account; outcome: Outcome | undefined }) {
  const t = useT();
  const locale = useLocale();
  const refusal = resultFor(outcome, "access");
  return (
    <>
      {account.disabledAt ? (
        <p>{t("admin.account.deactivatedSince", { date: formatDateTime(locale, account.disabledAt) })}</p>
      ) : (
        <p>{t("admin.account.deactivateIntro")}</p>
      )}
      <FormErrors id="access-errors" errors={refusal?.error?.[""] ?? undefined} />
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value={account.disabledAt ? "reactivate" : "deactivate"} />
        <button type="submit" className={account.disabledAt ? "kern-btn kern-btn--primary" : "kern-btn kern-btn--danger"}>
          {account.disabledAt ? t("admin.account.reactivate") : t("admin.account.deactivate")}
        </button>
      </Form>
    </>
  );
}

export default function AdminAccount() {
  const t = useT();
  const locale = useLocale();
  const { account, self } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as Outcome | undefined;
  const done = outcome && "done" in outcome ? outcome : undefined;
  return (
    <>
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h1>
        {account.name}
        {account.id === self ? ` ${t("admin.you")}` : null}
      </h1>
      {done?.done === "role" ? <Notice>{t("admin.account.roleSaved")}</Notice> : null}
      {done?.done === "roleUnchanged" ? <Notice>{t("admin.account.roleUnchanged")}</Notice> : null}
      {done?.done === "deactivated" ? <Notice>{t("admin.account.deactivated", { count: done.sessionsEnded ?? 0 })}</Notice> : null}
      {done?.done === "reactivated" ? <Notice>{t("admin.account.reactivated")}</Notice> : null}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("admin.account.facts")}</h2>
        <dl className="facts">
          <dt>{t("field.email")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("admin.role")}</dt>
          <dd>
            {t(`role.${account.role}`)}
            {account.bundesland ? ` · ${t(`bundesland.${account.bundesland}`)}` : null}
          </dd>
          <dt>{t("admin.status")}</dt>
          <dd>{t(`admin.status.${account.status}`)}</dd>
          <dt>{t("admin.account.signedIn")}</dt>
          <dd>{t("admin.account.sessions", { count: account.activeSessions })}</dd>
          <dt>{t("admin.created")}</dt>
          <dd>{formatDate(locale, account.createdAt)}</dd>
          {account.programmes.length > 0 ? (
            <>
              <dt>{t("admin.account.programmes")}</dt>
              <dd>
                <ul>
                  {account.programmes.map((programme) => (
                    <li key={programme.id}>
                      <Link to={`/admin/programmes/${programme.id}`}>{programme.name}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {account.networks.length > 0 ? (
            <>
              <dt>{t("admin.account.networks")}</dt>
              <dd>
                <ul>
                  {account.networks.map((network) => (
                    <li key={network.id}>
                      {network.name} ({t(`bundesland.${network.bundesland}`)}) · {t(`networkPage.role.${network.role}`)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="role-heading">
        <h2 id="role-heading">{t("admin.account.roleTitle")}</h2>
        <RoleForm key={`${account.role}-${account.bundesland ?? ""}`} account={account} outcome={outcome} />
      </section>

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t("admin.account.accessTitle")}</h2>
        <AccessForm account={account} outcome={outcome} />
      </section>
    </>
  );
}
