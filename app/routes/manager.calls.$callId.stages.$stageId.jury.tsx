import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { addJurorSchema, inviteJurorSchema, maxLoadSchema, removeJurorSchema } from "~/forms/review-jury-schemas";
import { addJurorToStage, inviteJurorToStage, loadStageJury, removeJurorFromStage, setJurorMaxLoad } from "~/server/review/jury.server";
import { readStageStepForm } from "~/server/review/stage-step-form.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { InputField, SelectInput } from "~/components/calls/fields";
import { ActionErrors, SetupForm } from "~/components/calls/setup-form";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { Notice, TableScroll } from "~/components/forms";
import { StageStepHeading } from "~/components/review/stage-step-heading";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewSteps.jury");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadStageJury(user, params.callId ?? "", params.stageId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, formData, target, here, options } = await readStageStepForm(request, params);
  switch (intentOf(formData)) {
    case "add":
      return handleSetupForm(formData, { ...options, formId: "add-juror", schema: addJurorSchema }, async ({ userId }) => {
        await addJurorToStage(user, { ...target, userId });
        return redirect(here);
      });
    case "invite":
      return handleSetupForm(formData, { ...options, formId: "invite-juror", schema: inviteJurorSchema }, async (input) => {
        await inviteJurorToStage(user, { ...target, ...input }, { baseUrl: baseUrlOf(request) });
        wakeOutboxWorker();
        return redirect(`${here}?invited=1`);
      });
    case "maxLoad":
      return handleSetupForm(formData, { ...options, formId: `max-load-${String(formData.get("membershipId"))}`, schema: maxLoadSchema }, async ({ membershipId, maxLoad }) => {
        await setJurorMaxLoad(user, { ...target, membershipId, maxLoad: maxLoad ?? null });
        return redirect(here);
      });
    case "remove":
      return handleSetupForm(formData, { ...options, formId: "action", schema: removeJurorSchema }, async (input) => {
        await removeJurorFromStage(user, { ...target, ...input });
        return redirect(here);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function StageJuryPage() {
  const t = useT();
  const locale = useLocale();
  const { call, stage, applicationCount, evenShare, members, candidates, invitations } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const step = useStepToConfirm();
  const stageName = t(`stageKind.${stage.kind}`);
  const toRemove = members.find((member) => step === `remove-${member.id}`);
  return (
    <>
      <StageStepHeading call={call} stage={stage} stageName={stageName} heading={t("reviewJury.jury.title", { stage: stageName })} />
      <p className="lead">{t("reviewJury.jury.intro")}</p>
      <ActionErrors />
      {searchParams.get("invited") ? <Notice>{t("reviewJury.jury.invited")}</Notice> : null}
      {toRemove ? (
        <ConfirmStep
          question={t("reviewJury.jury.removeQuestion", { name: toRemove.name })}
          explanation={t("reviewJury.jury.removeExplanation")}
          intent="remove"
          hidden={{ membershipId: toRemove.id }}
          confirmLabel={t("reviewJury.jury.remove")}
        />
      ) : null}

      <h2 id="members-heading">{t("reviewJury.jury.members")}</h2>
      <p>{t("reviewJury.jury.membersCount", { count: members.length })}</p>
      {evenShare !== null ? (
        <p>{t("reviewJury.jury.evenShare", { share: evenShare, applications: applicationCount, reviews: stage.reviewsPerApplication, members: members.length })}</p>
      ) : null}
      {members.length > 0 ? (
        <TableScroll label={t("reviewJury.jury.members")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reviewJury.jury.name")}</th>
                <th scope="col">{t("reviewJury.jury.organisation")}</th>
                <th scope="col">{t("reviewJury.jury.domains")}</th>
                <th scope="col">{t("reviewJury.jury.bundesland")}</th>
                <th scope="col">{t("reviewJury.jury.expertise")}</th>
                <th scope="col">{t("reviewJury.jury.maxLoad")}</th>
                <th scope="col">{t("reviewJury.jury.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    {member.name}
                    <div className="kern-hint">{member.email}</div>
                  </th>
                  <td>{member.organisation || t("reviewJury.jury.notGiven")}</td>
                  <td>{member.emailDomains.length > 0 ? member.emailDomains.join(", ") : t("reviewJury.jury.notGiven")}</td>
                  <td>{member.bundesland ? t(`bundesland.${member.bundesland}`) : t("reviewJury.jury.notGiven")}</td>
                  <td>{member.expertise.length > 0 ? member.expertise.join(", ") : t("reviewJury.jury.notGiven")}</td>
                  <td>
                    <SetupForm
                      id={`max-load-${member.id}`}
                      intent="maxLoad"
                      schema={maxLoadSchema}
                      hidden={{ membershipId: member.id }}
                      submitLabel={t("reviewJury.jury.maxLoadSave")}
                      defaultValue={{ maxLoad: member.maxLoad === null ? "" : String(member.maxLoad) }}
                    >
                      <InputField
                        name="maxLoad"
                        type="number"
                        inputMode="numeric"
                        label={t("reviewJury.jury.maxLoadOf", { name: member.name })}
                        hint={evenShare === null ? t("reviewJury.jury.maxLoadHintNoShare") : t("reviewJury.jury.maxLoadHint", { share: evenShare })}
                      />
                    </SetupForm>
                  </td>
                  <td>
                    <AskFirstButton step={`remove-${member.id}`} label={t("reviewJury.jury.remove")} accessibleLabel={t("reviewJury.jury.removeItem", { name: member.name })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      <section aria-labelledby="add-juror-heading">
        <h2 id="add-juror-heading">{t("reviewJury.jury.addHeading")}</h2>
        {candidates.length > 0 ? (
          <SetupForm key={members.length} id="add-juror" intent="add" schema={addJurorSchema} labelledBy="add-juror-heading" submitLabel={t("reviewJury.jury.add")}>
            <SelectInput
              name="userId"
              label={t("reviewJury.jury.juror")}
              placeholder={t("field.choose")}
              options={candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.organisation || candidate.email})` }))}
            />
          </SetupForm>
        ) : (
          <p className="empty">{t("reviewJury.jury.noCandidates")}</p>
        )}
      </section>

      <section aria-labelledby="invite-juror-heading">
        <h2 id="invite-juror-heading">{t("reviewJury.jury.inviteHeading")}</h2>
        <p>{t("reviewJury.jury.inviteIntro")}</p>
        <SetupForm key={invitations.length} id="invite-juror" intent="invite" schema={inviteJurorSchema} labelledBy="invite-juror-heading" submitLabel={t("reviewJury.jury.invite")} defaultValue={{ locale }}>
          <InputField name="name" label={t("reviewJury.jury.inviteName")} autoComplete="off" />
          <InputField name="email" type="email" label={t("reviewJury.jury.inviteEmail")} />
          <SelectInput name="locale" label={t("reviewJury.jury.inviteLocale")} options={[{ value: "de", label: t("language.de") }, { value: "en", label: t("language.en") }]} />
        </SetupForm>
        {invitations.length > 0 ? (
          <>
            <h3>{t("reviewJury.jury.openInvitations")}</h3>
            <ul>
              {invitations.map((invitation) => (
                <li key={invitation.id}>{t("reviewJury.jury.invitation", { name: invitation.name, email: invitation.email, until: formatDateTime(locale, invitation.expiresAt) })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
