import type { OutcomeMailKind } from "~/generated/prisma/enums";
import { outcomeMailKinds, placeholdersOf, type OutcomeTemplateInput } from "~/forms/outcome-mails";
import { locales, translator, type Locale } from "~/i18n";
import { prisma } from "../db.server";
import { recordAudit } from "../audit.server";
import { requireConfirmation } from "../confirmation.server";
import { notFound } from "../http.server";
import { managedCalls } from "../applications/access.server";
import type { CurrentUser } from "../accounts/session.server";
import { acceptByFrom, composeOutcomeMail, outcomeTemplatesOf, type OutcomeFacts } from "./outcome-mail.server";

/**
 * A call's outcome mail templates, one per outcome and language. Without a stored row the portal's
 * default text is used; saving stores the call's own text, resetting deletes it again. Every query
 * carries the manager's permission on the call (another programme's call is a 404).
 */
type Actor = Pick<CurrentUser, "id" | "role">;

async function findManagedCall(actor: Actor, callId: string) {
  const call = await prisma.call.findFirst({
    where: { AND: [{ id: callId }, managedCalls(actor)] },
    select: { id: true, title: true, maxAwardCents: true, acceptanceDays: true, stages: { where: { kind: "FULL_PROPOSAL" }, select: { closesAt: true } } },
  });
  if (!call) throw notFound();
  return call;
}

/** Invented facts for the template page's preview, in the language of the template shown. */
function sampleFacts(kind: OutcomeMailKind, call: Awaited<ReturnType<typeof findManagedCall>>, locale: Locale, now: Date): OutcomeFacts {
  const t = translator(locale);
  return {
    kind,
    network: t("outcomes.sample.network"),
    call: call.title,
    link: t("outcomes.sample.link"),
    amountCents: call.maxAwardCents ?? 50_000_000n,
    supportDescription: t("outcomes.sample.supportPackage"),
    acceptBy: acceptByFrom(now, call.acceptanceDays),
    conditions: [t("outcomes.sample.condition1"), t("outcomes.sample.condition2")],
    deadline: call.stages[0]?.closesAt ?? null,
    feedback: t("outcomes.sample.feedback"),
    juryComments: [
      { letter: "A", comment: t("outcomes.sample.jury1") },
      { letter: "C", comment: t("outcomes.sample.jury2") },
    ],
    reasons: t("outcomes.sample.reasons"),
  };
}

/** The template page: which kinds exist and which are edited, and the chosen kind's two templates with a preview each. */
export async function loadOutcomeTemplates(actor: Actor, callId: string, kind: OutcomeMailKind, now = new Date()) {
  const call = await findManagedCall(actor, callId);
  const [templates, edited] = await Promise.all([
    outcomeTemplatesOf(call.id, kind),
    prisma.outcomeMailTemplate.findMany({ where: { callId: call.id }, select: { kind: true, locale: true, updatedAt: true, updatedBy: { select: { name: true } } } }),
  ]);
  return {
    call: { id: call.id, title: call.title },
    kind,
    kinds: outcomeMailKinds.map((each) => ({ kind: each, edited: edited.filter((row) => row.kind === each).length })),
    placeholders: placeholdersOf[kind],
    templates: await Promise.all(
      locales.map(async (locale) => {
        const stored = edited.find((row) => row.kind === kind && row.locale === locale);
        const preview = await composeOutcomeMail(templates, sampleFacts(kind, call, locale, now), { name: translator(locale)("outcomes.sample.name"), email: "", locale });
        return {
          locale,
          ...templates[locale],
          edited: stored ? { at: stored.updatedAt, by: stored.updatedBy?.name ?? null } : null,
          preview: { subject: preview.subject, text: preview.text },
        };
      }),
    ),
  };
}
export type OutcomeTemplatesPage = Awaited<ReturnType<typeof loadOutcomeTemplates>>;

export async function saveOutcomeTemplate(actor: Actor, ref: { callId: string; kind: OutcomeMailKind; locale: Locale }, input: OutcomeTemplateInput, now = new Date()): Promise<void> {
  const call = await findManagedCall(actor, ref.callId);
  await prisma.$transaction(async (tx) => {
    const saved = await tx.outcomeMailTemplate.upsert({
      where: { callId_kind_locale: { callId: call.id, kind: ref.kind, locale: ref.locale } },
      create: { callId: call.id, kind: ref.kind, locale: ref.locale, subject: input.subject, body: input.body, updatedById: actor.id },
      update: { subject: input.subject, body: input.body, updatedById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, entityType: "OutcomeMailTemplate", entityId: saved.id, action: "outcome-template-saved", data: { callId: call.id, kind: ref.kind, locale: ref.locale } }, now);
  });
}

/** Back to the portal's default text; the call's own text is gone, so the page asks first. */
export async function resetOutcomeTemplate(actor: Actor, ref: { callId: string; kind: OutcomeMailKind; locale: Locale; confirmed: boolean }, now = new Date()): Promise<void> {
  const call = await findManagedCall(actor, ref.callId);
  requireConfirmation(ref.confirmed);
  await prisma.$transaction(async (tx) => {
    const removed = await tx.outcomeMailTemplate.deleteMany({ where: { callId: call.id, kind: ref.kind, locale: ref.locale } });
    if (removed.count > 0) {
      await recordAudit(tx, { actorId: actor.id, entityType: "Call", entityId: call.id, action: "outcome-template-reset", data: { kind: ref.kind, locale: ref.locale } }, now);
    }
  });
}
