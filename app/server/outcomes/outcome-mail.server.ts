import type { OutcomeMailKind } from "~/generated/prisma/enums";
import { fillPlaceholders, juryCommentsText, outcomeBlocks, type JuryComment, type OutcomeBlock, type PlaceholderValues, type SharedComment } from "~/forms/outcome-mails";
import { berlinWallClockToUtc, utcToBerlinWallClock } from "~/forms/berlin-time";
import { formatCalendarDay, parseCalendarDay, shiftDay } from "~/forms/call-rounds";
import { formatDate, formatDateTime, formatEuros, translator, type Locale } from "~/i18n";
import type { Transaction } from "../db.server";
import { prisma } from "../db.server";
import { composeEmail, type ComposedEmail } from "../mail/outbox.server";

/**
 * One outcome notice for one recipient: the call's template (its own text, or the portal's default)
 * with the placeholders filled in the recipient's language. The release page's preview and the
 * release itself both compose through here, so what the manager previews is what is queued.
 */

export interface OutcomeTemplate {
  subject: string;
  body: string;
}

/** The facts of one outcome that its mail may name; what a kind does not use stays unset. */
export interface OutcomeFacts {
  kind: OutcomeMailKind;
  network: string;
  call: string;
  /** Where the button leads: the application, or for an invitation the full proposal. */
  link: string;
  amountCents?: bigint | null;
  supportDescription?: string;
  acceptBy?: Date | null;
  conditions?: string[];
  /** The full proposal's deadline. */
  deadline?: Date | null;
  feedback?: string;
  /** The shared reviews' overall comments under their jurors' letters in the discussion. */
  juryComments?: SharedComment[];
  /** Not eligible: the manager's reason. */
  reasons?: string | null;
}

export interface Recipient {
  name: string;
  email: string;
  locale: Locale;
}

export function defaultOutcomeTemplate(kind: OutcomeMailKind, locale: Locale): OutcomeTemplate {
  const t = translator(locale);
  return { subject: t(`outcomes.default.${kind}.subject`), body: t(`outcomes.default.${kind}.body`) };
}

/** The call's templates of one kind in both languages (defaults where none is stored), read in `db` (a transaction, or the pool). */
export async function outcomeTemplatesOf(callId: string, kind: OutcomeMailKind, db: Transaction | typeof prisma = prisma): Promise<Record<Locale, OutcomeTemplate>> {
  const stored = await db.outcomeMailTemplate.findMany({ where: { callId, kind }, select: { locale: true, subject: true, body: true } });
  const of = (locale: Locale) => stored.find((template) => template.locale === locale) ?? defaultOutcomeTemplate(kind, locale);
  return { de: of("de"), en: of("en") };
}

/** An award is accepted by the end of the Berlin day `days` after its release, the day the mail names. */
export function acceptByFrom(releasedAt: Date, days: number): Date {
  const day = formatCalendarDay(shiftDay(parseCalendarDay(utcToBerlinWallClock(releasedAt).date), { months: 0, days }));
  const end = berlinWallClockToUtc(day, "23:59");
  if (!end.ok) throw new Error(`No Berlin end of day for ${day}`);
  return end.instant;
}

/** "Jury B: …" with the letter the manager saw when ticking it; never a juror's name. */
function anonymisedComments(locale: Locale, comments: SharedComment[]): JuryComment[] {
  const t = translator(locale);
  return comments.map(({ letter, comment }) => ({ label: t("outcomes.mail.jury", { letter }), text: comment }));
}

function numbered(items: string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join("\n");
}

function placeholderValues(facts: OutcomeFacts, recipient: Recipient, comments: JuryComment[]): PlaceholderValues {
  const { locale } = recipient;
  return {
    name: recipient.name,
    network: facts.network,
    call: facts.call,
    link: facts.link,
    amount: facts.amountCents != null ? formatEuros(locale, facts.amountCents) : "",
    supportPackage: facts.supportDescription ?? "",
    acceptBy: facts.acceptBy ? formatDate(locale, facts.acceptBy) : "",
    conditions: numbered(facts.conditions ?? []),
    deadline: facts.deadline ? formatDateTime(locale, facts.deadline) : "",
    feedback: facts.feedback ?? "",
    juryComments: juryCommentsText(comments),
    reasons: facts.reasons ?? "",
  };
}

/** The mail's parts before rendering: subject, paragraphs and button. */
export function outcomeMailContent(template: OutcomeTemplate, facts: OutcomeFacts, recipient: Recipient): { subject: string; blocks: OutcomeBlock[]; action: { label: string; url: string } } {
  const comments = anonymisedComments(recipient.locale, facts.juryComments ?? []);
  const values = placeholderValues(facts, recipient, comments);
  return {
    // A subject is one line, whatever a placeholder holds.
    subject: fillPlaceholders(template.subject, values).replace(/\s*\n\s*/g, " ").trim(),
    blocks: outcomeBlocks(template.body, values, comments),
    action: { label: translator(recipient.locale)(`outcomes.mail.button.${facts.kind}`), url: facts.link },
  };
}

/** The mail rendered for its recipient, ready to be queued. */
export function composeOutcomeMail(templates: Record<Locale, OutcomeTemplate>, facts: OutcomeFacts, recipient: Recipient): Promise<ComposedEmail> {
  return composeEmail(recipient, { template: "outcome", props: outcomeMailContent(templates[recipient.locale], facts, recipient) });
}
