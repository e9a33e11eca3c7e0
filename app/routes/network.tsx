import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { inviteCollaborator } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf, refused } from "~/server/web/form-replies.server";
import { requestLocale } from "~/server/web/locale.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { networkForMember, removePartner, savePartner, updateNetworkProfile } from "~/server/networks/networks.server";
import { requireRole } from "~/server/accounts/session.server";
import { collaboratorInvitationSchema, networkPartnerSchema, networkProfileSchema, partnerRemovalSchema } from "~/forms/application-schemas";
import { partnerTypes } from "~/forms/answers";
import { formatDateTime, isMessageKey } from "~/i18n";
import { CsrfField, FormErrors, Notice, SelectField, TextField, TableScroll } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { useLocale, useT } from "~/components/use-t";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networkPage.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["APPLICANT"]);
  return networkForMember(user, new URL(request.url).searchParams.get("network"));
}

type Outcome = { form: string; result: SubmissionResult<string[]>; done?: "profile" | "partnerSaved" | "partnerRemoved" | "invited" };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["APPLICANT"]);
  const formData = await readProtectedForm(request);
  const intent = String(formData.get("intent") ?? "");
  const locale = await requestLocale(request);
  const handle = async <S extends z.ZodType>(form: string, schema: S, run: (value: z.output<S>) => Promise<unknown>, done: Outcome["done"]) => {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return data<Outcome>({ form, result: submission.reply() }, { status: 400 });
    try {
      await run(submission.value as z.output<S>);
    } catch (error) {
      const reply = refused(submission, error, locale);
      return data<Outcome>({ form, result: reply.data }, reply.init ?? undefined);
    }
    return data<Outcome>({ form, result: submission.reply({ resetForm: done === "invited" || form === "partner-new" }), done });
  };
  switch (intent) {
    case "profile":
      return handle("profile", networkProfileSchema, (value) => updateNetworkProfile(user, { ...value, website: value.website ?? null }), "profile");
    case "savePartner": {
      const partnerId = formData.get("partnerId");
      return handle(
        typeof partnerId === "string" && partnerId ? `partner-${partnerId}` : "partner-new",
        networkPartnerSchema,
        (value) => savePartner(user, { ...value, contactEmail: value.contactEmail ?? null }),
        "partnerSaved",
      );
    }
    case "removePartner":
      return handle(`partner-${String(formData.get("partnerId"))}`, partnerRemovalSchema, (value) => removePartner(user, value), "partnerRemoved");
    case "invite":
      return handle(
        "invite",
        collaboratorInvitationSchema,
        async (value) => {
          await inviteCollaborator(user, { ...value, locale }, { baseUrl: baseUrlOf(request) });
          wakeOutboxWorker();
        },
        "invited",
      );
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type Network = NonNullable<Awaited<ReturnType<typeof networkForMember>>["network"]>;

function ProfileForm({ network, outcome }: { network: Network; outcome: Outcome | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "profile",
    lastResult: outcome?.form === "profile" ? outcome.result : undefined,
    defaultValue: { networkId: network.id, region: network.region, description: network.description, website: network.website ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: networkProfileSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("networkPage.profile")}</h2>
      {outcome?.done === "profile" ? <Notice>{t("networkPage.profileSaved")}</Notice> : null}
      <dl className="facts">
        <dt>{t("field.networkName")}</dt>
        <dd>{network.name}</dd>
        <dt>{t("field.bundesland")}</dt>
        <dd>{t(`bundesland.${network.bundesland}`)}</dd>
      </dl>
      <p className="kern-hint">{t("networkPage.nameNote")}</p>
      <Form method="post" className="stacked" aria-labelledby="profile-heading" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="intent" value="profile" />
        <input {...getInputProps(fields.networkId, { type: "hidden" })} key={fields.networkId.key} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.region} label={t("field.region")} />
        <div className="field">
          <label htmlFor={fields.description.id}>{t("networkPage.description")}</label>
          <textarea {...getTextareaProps(fields.description)} rows={6} key={fields.description.key} aria-describedby={fields.description.errors ? fields.description.errorId : undefined} />
          {fields.description.errors ? (
            <ul className="field-errors" id={fields.description.errorId}>
              {fields.description.errors.map((error) => (
                <li key={error}>{isMessageKey(error) ? t(error) : error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <TextField field={fields.website} label={`${t("networkPage.website")} ${t("field.optional")}`} hint={t("networkPage.websiteHint")} />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("networkPage.saveProfile")}
        </button>
      </Form>
    </section>
  );
}

type Partner = Network["partners"][number];

function PartnerForm({ networkId, partner, outcome, number }: { networkId: string; partner: Partner | null; outcome: Outcome | undefined; number: number }) {
  const t = useT();
  const id = partner ? `partner-${partner.id}` : "partner-new";
  const [form, fields] = useForm({
    id,
    lastResult: outcome?.form === id ? outcome.result : undefined,
    defaultValue: partner
      ? { networkId, partnerId: partner.id, name: partner.name, type: partner.type, roleInNetwork: partner.roleInNetwork, contactEmail: partner.contactEmail ?? "" }
      : { networkId, type: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: networkPartnerSchema }),
    shouldValidate: "onBlur",
  });
  const legend = partner ? t("networkPage.partner.legend", { number, name: partner.name }) : t("networkPage.partner.new");
  return (
    <fieldset className="partner-card">
      <legend>{legend}</legend>
      <Form method="post" className="stacked" {...getFormProps(form)} aria-label={legend}>
        <CsrfField />
        <input type="hidden" name="intent" value="savePartner" />
        <input {...getInputProps(fields.networkId, { type: "hidden" })} key={fields.networkId.key} />
        {partner ? <input type="hidden" name="partnerId" value={partner.id} /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t("applications.partners.name")} />
        <SelectField field={fields.type} label={t("applications.partners.type")} options={partnerTypes.map((type) => ({ value: type, label: t(`pdf.partnerType.${type}`) }))} />
        <TextField field={fields.roleInNetwork} label={`${t("applications.partners.role")} ${t("field.optional")}`} />
        <TextField field={fields.contactEmail} label={`${t("networkPage.partner.contactEmail")} ${t("field.optional")}`} type="email" />
        <button type="submit" className={partner ? "kern-btn kern-btn--secondary" : "kern-btn kern-btn--primary"}>
          {partner ? t("networkPage.partner.save") : t("networkPage.partner.add")}
        </button>
      </Form>
      {partner ? (
        <Form method="post" className="inline">
          <CsrfField />
          <input type="hidden" name="intent" value="removePartner" />
          <input type="hidden" name="networkId" value={networkId} />
          <input type="hidden" name="partnerId" value={partner.id} />
          <button type="submit" className="kern-btn kern-btn--danger kern-btn--small">
            {t("networkPage.partner.remove", { name: partner.name })}
          </button>
        </Form>
      ) : null}
    </fieldset>
  );
}

function InviteForm({ networkId, outcome }: { networkId: string; outcome: Outcome | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: outcome?.form === "invite" ? outcome.result : undefined,
    defaultValue: { networkId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: collaboratorInvitationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" className="stacked" aria-labelledby="invite-heading" {...getFormProps(form)}>
      <CsrfField />
      <input type="hidden" name="intent" value="invite" />
      <input {...getInputProps(fields.networkId, { type: "hidden" })} key={fields.networkId.key} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField field={fields.name} label={t("field.name")} autoComplete="off" />
      <TextField field={fields.email} label={t("field.email")} type="email" autoComplete="off" />
      <button type="submit" className="kern-btn kern-btn--primary">
        {t("networkPage.invite.submit")}
      </button>
    </Form>
  );
}

export default function NetworkPage() {
  const t = useT();
  const locale = useLocale();
  const { networks, network } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  if (!network) {
    return (
      <>
        <h1>{t("networkPage.title")}</h1>
        <p className="empty">{t("applicant.noNetwork")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("networkPage.titleOf", { name: network.name })}</h1>
      {networks.length > 1 ? (
        <nav aria-label={t("networkPage.choose")}>
          <ul className="nav-list">
            {networks.map((entry) => (
              <li key={entry.id}>
                <Link to={`/network?network=${entry.id}`} aria-current={entry.id === network.id ? "page" : undefined}>
                  {entry.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ProfileForm key={`profile-${network.id}`} network={network} outcome={outcome} />

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t("networkPage.partners")}</h2>
        <p>{t("networkPage.partnersIntro")}</p>
        {outcome?.done === "partnerSaved" ? <Notice>{t("networkPage.partner.saved")}</Notice> : null}
        {outcome?.done === "partnerRemoved" ? <Notice>{t("networkPage.partner.removed")}</Notice> : null}
        {network.partners.length === 0 ? <p className="empty">{t("applicant.noPartners")}</p> : null}
        {network.partners.map((partner, index) => (
          <PartnerForm key={partner.id} networkId={network.id} partner={partner} outcome={outcome} number={index + 1} />
        ))}
        <PartnerForm key={`new-${network.partners.length}`} networkId={network.id} partner={null} outcome={outcome} number={network.partners.length + 1} />
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("networkPage.people")}</h2>
        <TableScroll label={t("networkPage.people")}>
        <table aria-labelledby="people-heading">
          <thead>
            <tr>
              <th scope="col">{t("field.name")}</th>
              <th scope="col">{t("field.email")}</th>
              <th scope="col">{t("field.role")}</th>
            </tr>
          </thead>
          <tbody>
            {network.memberships.map((membership) => (
              <tr key={membership.user.id}>
                <td>{membership.user.name}</td>
                <td>{membership.user.email}</td>
                <td>{t(`networkPage.role.${membership.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
        {network.coordinator ? (
          <>
            <h3 id="invite-heading">{t("networkPage.invite.title")}</h3>
            <p>{t("networkPage.invite.intro")}</p>
            {outcome?.done === "invited" ? <Notice>{t("networkPage.invite.sent")}</Notice> : null}
            <InviteForm networkId={network.id} outcome={outcome} />
            {network.invitations.length > 0 ? (
              <>
                <h3>{t("networkPage.invite.open")}</h3>
                <ul>
                  {network.invitations.map((invitation) => (
                    <li key={invitation.id}>
                      {invitation.name} ({invitation.email}) – {t("invite.status.open", { date: formatDateTime(locale, invitation.expiresAt) })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p className="kern-hint">{t("networkPage.invite.coordinatorOnly")}</p>
        )}
      </section>
    </>
  );
}
