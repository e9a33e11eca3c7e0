import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { changePasswordSchema, profileSchema } from "~/forms/account-schemas";
import { jurorProfileSchema } from "~/forms/review-jury-schemas";
import { loadJurorProfile, updateJurorProfile } from "~/server/review/jury.server";
import { handleSetupForm } from "~/server/calls/setup-replies.server";
import { JurorProfileForm } from "~/components/review/juror-profile-form";
import { changePassword, loadProfile, updateProfile } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { requireUser } from "~/server/accounts/session.server";
import { localeCookie } from "~/server/web/locale.server";
import { clientAddressOf, refused, SECRET_FIELDS } from "~/server/web/form-replies.server";
import { CsrfField, FormErrors, Notice, SelectField, TextField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { profile: await loadProfile(user.id), jurorProfile: user.role === "JUROR" ? await loadJurorProfile(user.id) : null };
}

type Outcome = { intent: "profile" | "password"; result: SubmissionResult<string[]>; saved?: true };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readProtectedForm(request);
  if (formData.get("intent") === "juror-profile") {
    if (user.role !== "JUROR") throw new Response("Not Found", { status: 404 });
    return handleSetupForm(formData, { formId: "juror-profile", schema: jurorProfileSchema, locale: user.locale }, async ({ bundesland, ...rest }) => {
      await updateJurorProfile(user, { ...rest, bundesland: bundesland ?? null });
      return redirect("/profile?juror-saved=1");
    });
  }
  if (formData.get("intent") === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    if (submission.status !== "success") return data<Outcome>({ intent: "password", result: submission.reply({ hideFields: SECRET_FIELDS }) }, { status: 400 });
    try {
      const changed = await changePassword(user, submission.value, { clientAddress: clientAddressOf(context) });
      if (!changed) {
        return data<Outcome>({ intent: "password", result: submission.reply({ fieldErrors: { currentPassword: ["profile.password.wrong"] }, hideFields: SECRET_FIELDS }) }, { status: 400 });
      }
    } catch (error) {
      const reply = refused(submission, error, user.locale);
      return data<Outcome>({ intent: "password", result: reply.data }, reply.init ?? undefined);
    }
    return data<Outcome>({ intent: "password", result: submission.reply({ resetForm: true }), saved: true });
  }
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return data<Outcome>({ intent: "profile", result: submission.reply() }, { status: 400 });
  await updateProfile(user, submission.value);
  return data<Outcome>(
    { intent: "profile", result: submission.reply(), saved: true },
    { headers: { "Set-Cookie": localeCookie(submission.value.locale) } },
  );
}

export default function Profile() {
  const t = useT();
  const { profile, jurorProfile } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const outcome = answer && "intent" in answer ? answer : undefined;
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: outcome?.intent === "profile" ? outcome.result : undefined,
    defaultValue: { name: profile.name, locale: profile.locale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    shouldValidate: "onBlur",
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: outcome?.intent === "password" ? outcome.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>{t("profile.title")}</h1>
      <dl className="facts">
        <dt>{t("field.email")}</dt>
        <dd>{profile.email}</dd>
        <dt>{t("field.role")}</dt>
        <dd>{t(`role.${profile.role}`)}</dd>
        {profile.memberships.map((membership) => (
          <div key={membership.network.id} style={{ display: "contents" }}>
            <dt>{t("nav.network")}</dt>
            <dd>
              {membership.network.name} ({t(`bundesland.${membership.network.bundesland}`)}, {membership.network.region})
            </dd>
          </div>
        ))}
      </dl>
      <p className="kern-hint">{t("profile.emailNote")}</p>

      <h2 id="profile-heading">{t("profile.title")}</h2>
      {outcome?.intent === "profile" && outcome.saved ? <Notice>{t("profile.saved")}</Notice> : null}
      <Form method="post" className="stacked" aria-labelledby="profile-heading" {...getFormProps(profileForm)}>
        <CsrfField />
        <input type="hidden" name="intent" value="profile" />
        <FormErrors id={profileForm.errorId} errors={profileForm.errors} />
        <TextField field={profileFields.name} label={t("field.name")} autoComplete="name" />
        <SelectField field={profileFields.locale} label={t("field.locale")} options={[{ value: "de", label: t("language.de") }, { value: "en", label: t("language.en") }]} />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("profile.submit")}
        </button>
      </Form>

      {jurorProfile ? <JurorProfileForm profile={jurorProfile} /> : null}

      <h2 id="password-heading">{t("profile.password.title")}</h2>
      {outcome?.intent === "password" && outcome.saved ? <Notice>{t("profile.password.saved")}</Notice> : null}
      <Form method="post" className="stacked" aria-labelledby="password-heading" {...getFormProps(passwordForm)}>
        <CsrfField />
        <input type="hidden" name="intent" value="password" />
        <input type="email" name="username" value={profile.email} autoComplete="username" readOnly hidden />
        <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
        <TextField field={passwordFields.currentPassword} label={t("profile.password.current")} type="password" autoComplete="current-password" />
        <TextField field={passwordFields.password} label={t("field.passwordNew")} type="password" hint={t("field.passwordHint")} autoComplete="new-password" />
        <TextField field={passwordFields.passwordConfirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("profile.password.submit")}
        </button>
      </Form>
    </>
  );
}
