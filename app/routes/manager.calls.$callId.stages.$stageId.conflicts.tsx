import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import type { ConflictStatus } from "~/generated/prisma/enums";
import { confirmConflictSchema, dismissConflictSchema } from "~/forms/review-jury-schemas";
import { detectConflictsOnRequest, loadStageConflicts, resolveConflict } from "~/server/review/conflicts.server";
import { readStageStepForm } from "~/server/review/stage-step-form.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { InputField } from "~/components/calls/fields";
import { ActionErrors, ButtonForm, SetupForm } from "~/components/calls/setup-form";
import { Notice, TableScroll } from "~/components/forms";
import { StageStepHeading } from "~/components/review/stage-step-heading";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime, isMessageKey, type MessageKey } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewSteps.conflicts");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadStageConflicts(user, params.callId ?? "", params.stageId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, formData, target, here, options } = await readStageStepForm(request, params);
  const conflictId = String(formData.get("conflictId"));
  switch (intentOf(formData)) {
    case "detect":
      return handleSetupForm(formData, { ...options, formId: "action", schema: z.object({}) }, async () => {
        const { found, cleared } = await detectConflictsOnRequest(user, target);
        return redirect(`${here}?found=${found}&cleared=${cleared}`);
      });
    case "confirm":
      return handleSetupForm(formData, { ...options, formId: `confirm-${conflictId}`, schema: confirmConflictSchema }, async (input) => {
        await resolveConflict(user, { ...target, ...input, decision: "confirm" });
        return redirect(here);
      });
    case "dismiss":
      return handleSetupForm(formData, { ...options, formId: `dismiss-${conflictId}`, schema: dismissConflictSchema }, async (input) => {
        await resolveConflict(user, { ...target, ...input, decision: "dismiss" });
        return redirect(here);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ConflictRow = Loaded["conflicts"][number];

const groups: { status: ConflictStatus; heading: MessageKey }[] = [
  { status: "SUSPECTED", heading: "reviewJury.conflicts.group.toCheck" },
  { status: "CONFIRMED", heading: "reviewJury.conflicts.group.confirmed" },
  { status: "DECLARED", heading: "reviewJury.conflicts.group.declared" },
  { status: "DISMISSED", heading: "reviewJury.conflicts.group.dismissed" },
];

function Grounds({ conflict }: { conflict: ConflictRow }) {
  const t = useT();
  const labels = conflict.grounds.map((ground) => `reviewJury.conflicts.ground.${ground}`).filter(isMessageKey);
  return (
    <>
      {labels.length > 0 ? <p>{labels.map((label) => t(label)).join(", ")}</p> : null}
      {conflict.detail ? <p className="kern-hint">{conflict.detail}</p> : null}
      {conflict.reason ? <p>{t("reviewJury.conflicts.declaredReason", { reason: conflict.reason })}</p> : null}
    </>
  );
}

const resolveForms = {
  confirm: { schema: confirmConflictSchema, submit: "reviewJury.conflicts.confirm", item: "reviewJury.conflicts.confirmItem", reason: "reviewJury.conflicts.confirmReason" },
  dismiss: { schema: dismissConflictSchema, submit: "reviewJury.conflicts.dismiss", item: "reviewJury.conflicts.dismissItem", reason: "reviewJury.conflicts.dismissReason" },
} as const;

/** Confirming or dismissing a found conflict: a reason field, and a name saying which pair it decides. */
function ResolveForm({ conflict, decision }: { conflict: ConflictRow; decision: keyof typeof resolveForms }) {
  const t = useT();
  const form = resolveForms[decision];
  const id = `${decision}-${conflict.id}`;
  const names = { juror: conflict.juror.name, application: conflict.application.title || conflict.application.network.name };
  return (
    <SetupForm id={id} intent={decision} schema={form.schema} hidden={{ conflictId: conflict.id }} submitLabel={t(form.submit)} labelledBy={`${id}-label`}>
      <span id={`${id}-label`} className="visually-hidden">
        {t(form.item, names)}
      </span>
      <InputField name="reason" label={t(form.reason)} />
    </SetupForm>
  );
}

function Decision({ conflict }: { conflict: ConflictRow }) {
  const t = useT();
  const locale = useLocale();
  if (conflict.status === "SUSPECTED") {
    return (
      <>
        <ResolveForm conflict={conflict} decision="confirm" />
        <ResolveForm conflict={conflict} decision="dismiss" />
      </>
    );
  }
  if (!conflict.resolvedAt) return <>{formatDateTime(locale, conflict.createdAt)}</>;
  return (
    <>
      <p>{t("reviewJury.conflicts.resolved", { name: conflict.resolvedBy?.name ?? "–", at: formatDateTime(locale, conflict.resolvedAt) })}</p>
      {conflict.resolutionReason ? <p>{t("reviewJury.conflicts.resolutionReason", { reason: conflict.resolutionReason })}</p> : null}
    </>
  );
}

function ConflictTable({ label, conflicts }: { label: string; conflicts: ConflictRow[] }) {
  const t = useT();
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("reviewJury.conflicts.juror")}</th>
            <th scope="col">{t("reviewJury.conflicts.application")}</th>
            <th scope="col">{t("reviewJury.conflicts.grounds")}</th>
            <th scope="col">{t("reviewJury.conflicts.decision")}</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => (
            <tr key={conflict.id}>
              <th scope="row">{conflict.juror.name}</th>
              <td>
                <Link to={`/manager/applications/${conflict.application.id}`}>{conflict.application.title || conflict.application.network.name}</Link>
                <div className="kern-hint">
                  {conflict.application.network.name}, {t(`bundesland.${conflict.application.network.bundesland}`)}
                </div>
              </td>
              <td>
                <Grounds conflict={conflict} />
              </td>
              <td>
                <Decision conflict={conflict} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function StageConflictsPage() {
  const t = useT();
  const locale = useLocale();
  const { call, stage, conflicts, jury } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const stageName = t(`stageKind.${stage.kind}`);
  const found = searchParams.get("found");
  const answered = jury.filter((member) => member.noConflictsDeclaredAt !== null);
  const waiting = jury.filter((member) => member.noConflictsDeclaredAt === null);
  return (
    <>
      <StageStepHeading call={call} stage={stage} stageName={stageName} heading={t("reviewJury.conflicts.title", { stage: stageName })} />
      <p className="lead">{t("reviewJury.conflicts.intro")}</p>
      <p>{t(stage.conflictSameBundesland ? "reviewJury.conflicts.sameLandOn" : "reviewJury.conflicts.sameLandOff")}</p>
      <ActionErrors />
      {found !== null ? <Notice>{t("reviewJury.conflicts.detected", { found: Number(found), cleared: Number(searchParams.get("cleared") ?? 0) })}</Notice> : null}
      <ButtonForm intent="detect" label={t("reviewJury.conflicts.detect")} className="primary" />

      {groups.map((group) => {
        const members = conflicts.filter((conflict) => conflict.status === group.status);
        const headingId = `group-${group.status}`;
        return (
          <section key={group.status} aria-labelledby={headingId}>
            <h2 id={headingId}>{t(group.heading)}</h2>
            <p>{t("reviewJury.conflicts.groupCount", { count: members.length })}</p>
            {members.length > 0 ? <ConflictTable label={t(group.heading)} conflicts={members} /> : null}
          </section>
        );
      })}

      <section aria-labelledby="jury-declarations">
        <h2 id="jury-declarations">{t("reviewJury.conflicts.juryHeading")}</h2>
        <h3>{t("reviewJury.conflicts.noneDeclared")}</h3>
        {answered.length > 0 ? (
          <ul>
            {answered.map((member) => (
              <li key={member.id}>{t("reviewJury.conflicts.noneDeclaredAt", { name: member.name, at: formatDateTime(locale, member.noConflictsDeclaredAt!) })}</li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("reviewJury.conflicts.nobody")}</p>
        )}
        <h3>{t("reviewJury.conflicts.notAnswered")}</h3>
        {waiting.length > 0 ? (
          <ul>
            {waiting.map((member) => (
              <li key={member.id}>{member.declaredSome ? t("reviewJury.conflicts.declaredSome", { name: member.name }) : member.name}</li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("reviewJury.conflicts.nobody")}</p>
        )}
      </section>
    </>
  );
}
