import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { outcomeMailKindSchema, outcomeTemplateLocaleSchema, outcomeTemplateSchema } from "~/forms/outcome-mails";
import { confirmation } from "~/forms/workflow-schemas";
import { loadOutcomeTemplates, resetOutcomeTemplate, saveOutcomeTemplate } from "~/server/outcomes/outcome-templates.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { ActionErrors, CallSetupPage, SetupForm } from "~/components/calls/setup-form";
import { InputField, TextAreaField } from "~/components/calls/fields";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { Notice } from "~/components/forms";
import { MailPreview } from "~/components/outcomes/mail-preview";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime, translator } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcomes.templates.title");

const kindOf = (url: URL) => outcomeMailKindSchema.catch("AWARD").parse(url.searchParams.get("kind"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const url = new URL(request.url);
  return { ...(await loadOutcomeTemplates(user, params.callId ?? "", kindOf(url))), saved: outcomeTemplateLocaleSchema.safeParse(url.searchParams.get("saved")).data ?? null };
}

/** Which template a form is about: the kind and language in its hidden fields. */
const templateRef = z.object({ kind: outcomeMailKindSchema, locale: outcomeTemplateLocaleSchema });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const callId = params.callId ?? "";
  const ref = templateRef.safeParse({ kind: formData.get("kind"), locale: formData.get("locale") });
  if (!ref.success) throw new Response("Bad Request", { status: 400 });
  const { kind, locale } = ref.data;
  const back = (saved?: string) => redirect(`/manager/calls/${callId}/outcome-mails?kind=${kind}${saved ? `&saved=${saved}` : ""}`);
  switch (intentOf(formData)) {
    case "save":
      return handleSetupForm(formData, { formId: `template-${locale}`, schema: outcomeTemplateSchema(kind, translator(user.locale)), locale: user.locale }, async (input) => {
        await saveOutcomeTemplate(user, { callId, kind, locale }, input);
        return back(locale);
      });
    case "reset":
      return handleSetupForm(formData, { formId: "action", schema: z.object(confirmation), locale: user.locale }, async ({ confirmed }) => {
        await resetOutcomeTemplate(user, { callId, kind, locale, confirmed });
        return back();
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function OutcomeMailTemplates() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const step = useStepToConfirm();
  const schema = outcomeTemplateSchema(page.kind, t);
  return (
    <CallSetupPage call={page.call} heading={t("outcomes.templates.title")}>
      <p>{t("outcomes.templates.intro")}</p>
      <nav aria-label={t("outcomes.templates.kinds")}>
        <ul className="inline-list">
          {page.kinds.map(({ kind, edited }) => (
            <li key={kind}>
              <Link to={`?kind=${kind}`} aria-current={kind === page.kind ? "page" : undefined}>
                {t(`outcomes.kind.${kind}`)}
              </Link>
              {edited > 0 ? <span className="kern-hint"> ({t("outcomes.templates.editedCount", { count: edited })})</span> : null}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`outcomes.kind.${page.kind}`)}</h2>
      <p>{t(`outcomes.templates.when.${page.kind}`)}</p>
      <ActionErrors />
      {page.saved ? <Notice>{t("outcomes.templates.saved", { language: t(`language.${page.saved}`) })}</Notice> : null}
      <div className="kern-hint" id="placeholders-hint">
        <p>{t("outcomes.templates.placeholders")}</p>
        <ul className="inline-list">
          {page.placeholders.map((name) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code> {t(`outcomes.placeholder.${name}`)}
            </li>
          ))}
        </ul>
      </div>
      {page.templates.map((template) => {
        const language = t(`language.${template.locale}`);
        const resetStep = `reset-${template.locale}`;
        return (
          <section key={`${page.kind}-${template.locale}`} aria-labelledby={`template-${template.locale}-heading`}>
            <h3 id={`template-${template.locale}-heading`} lang={template.locale}>
              {language}
            </h3>
            <p className="kern-hint">
              {template.edited
                ? t("outcomes.templates.editedBy", { at: formatDateTime(locale, template.edited.at), name: template.edited.by ?? t("history.byPortal") })
                : t("outcomes.templates.isDefault")}
            </p>
            <SetupForm
              // A reset brings the default back: a new key lets the form show it, also with JavaScript.
              key={`${page.kind}-${template.locale}-${template.edited?.at ?? "default"}`}
              id={`template-${template.locale}`}
              intent="save"
              schema={schema}
              hidden={{ kind: page.kind, locale: template.locale }}
              defaultValue={{ subject: template.subject, body: template.body }}
              submitLabel={t("outcomes.templates.save", { language })}
              labelledBy={`template-${template.locale}-heading`}
            >
              <InputField name="subject" label={t("outcomes.templates.subject")} />
              <TextAreaField name="body" label={t("outcomes.templates.body")} hint={t("outcomes.templates.bodyHint")} rows={14} />
            </SetupForm>
            {template.edited ? (
              step === resetStep ? (
                <ConfirmStep
                  question={t("outcomes.templates.reset.question", { language })}
                  explanation={t("outcomes.templates.reset.explanation")}
                  intent="reset"
                  hidden={{ kind: page.kind, locale: template.locale }}
                  confirmLabel={t("outcomes.templates.reset.button")}
                />
              ) : (
                <AskFirstButton step={resetStep} label={t("outcomes.templates.reset.button")} accessibleLabel={t("outcomes.templates.reset.buttonFor", { language })} className="secondary" />
              )
            ) : null}
            <h4>{t("outcomes.templates.preview", { language })}</h4>
            <p className="kern-hint">{t("outcomes.templates.previewHint")}</p>
            <MailPreview subject={template.preview.subject} text={template.preview.text} locale={template.locale} />
          </section>
        );
      })}
    </CallSetupPage>
  );
}
