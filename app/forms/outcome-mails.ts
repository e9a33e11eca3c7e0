import { z } from "zod";
import type { OutcomeMailKind } from "~/generated/prisma/enums";
import type { Translate } from "~/i18n";
import { selectedApplication, selectedApplications } from "./review-eligibility-schemas";

/**
 * The outcome mails' templates: plain text with placeholders in double braces, `{{network}}`, the
 * same names in German and English, so a manager who edits both languages learns one set. A
 * placeholder may fill several lines (conditions, jury comments). A paragraph whose placeholders are
 * all empty (no feedback given, no conditions set) is left out of the mail, so the defaults read well
 * whatever the decision holds.
 */
export const outcomeMailKinds = ["AWARD", "SUPPORT_AWARD", "WAITLIST", "REJECTION", "INVITATION", "NOT_ELIGIBLE"] as const satisfies readonly OutcomeMailKind[];

const everyMail = ["name", "network", "call", "link"] as const;
const afterReview = [...everyMail, "feedback", "juryComments"] as const;

/** Which placeholders each mail knows; another one in its text is refused when the template is saved. */
export const placeholdersOf = {
  AWARD: [...afterReview, "amount", "supportPackage", "acceptBy"],
  SUPPORT_AWARD: [...afterReview, "supportPackage", "acceptBy"],
  WAITLIST: afterReview,
  REJECTION: afterReview,
  INVITATION: [...afterReview, "conditions", "deadline"],
  NOT_ELIGIBLE: [...everyMail, "reasons"],
} as const satisfies Record<OutcomeMailKind, readonly string[]>;

export type Placeholder = (typeof placeholdersOf)[OutcomeMailKind][number];
/** What a mail's placeholders stand for, in the recipient's language; a list placeholder has one entry per line. */
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** A shared overall comment under the letter its juror has in the jury's discussion (never a name). */
export interface SharedComment {
  letter: string;
  comment: string;
}

/** The mail's jury comments block: one shared overall comment per entry, labelled "Jury B". */
export interface JuryComment {
  label: string;
  text: string;
}

/** A paragraph of the mail: lines of text, or the jury comments block where `{{juryComments}}` stands alone. */
export type OutcomeBlock = { kind: "text"; lines: string[] } | { kind: "juryComments"; comments: JuryComment[] };

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text names that its mail does not know, each once, in the order written. */
export function unknownPlaceholders(kind: OutcomeMailKind, text: string): string[] {
  const known = new Set<string>(placeholdersOf[kind]);
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1]!))].filter((name) => !known.has(name));
}

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(placeholderPattern, (_whole, name: string) => values[name as Placeholder] ?? "");
}

function emptyOnceFilled(paragraph: string, values: PlaceholderValues): boolean {
  const named = [...paragraph.matchAll(placeholderPattern)].map((match) => match[1] as Placeholder);
  return named.length > 0 && named.every((name) => !values[name]);
}

/** The body as the mail shows it: paragraphs split at blank lines, placeholders filled, empty paragraphs left out. */
export function outcomeBlocks(body: string, values: PlaceholderValues, juryComments: JuryComment[]): OutcomeBlock[] {
  const blocks: OutcomeBlock[] = [];
  for (const paragraph of body.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    if (paragraph.trim() === "{{juryComments}}") {
      if (juryComments.length > 0) blocks.push({ kind: "juryComments", comments: juryComments });
      continue;
    }
    if (emptyOnceFilled(paragraph, values)) continue;
    const lines = fillPlaceholders(paragraph, values)
      .split("\n")
      .map((line) => line.trimEnd());
    if (lines.some((line) => line.trim() !== "")) blocks.push({ kind: "text", lines });
  }
  return blocks;
}

/** The comments as one text, for `{{juryComments}}` written inside a sentence. */
export function juryCommentsText(comments: JuryComment[]): string {
  return comments.map((comment) => `${comment.label}: ${comment.text}`).join("\n");
}

const SUBJECT_MAX = 200;
const BODY_MAX = 20_000;

/** A template as the manager edits it; an unknown placeholder is named in the message, and what was typed comes back. */
export function outcomeTemplateSchema(kind: OutcomeMailKind, t: Translate) {
  const text = (max: number) =>
    z
      .string({ error: "error.required" })
      // Browsers post a textarea's line breaks as CRLF; the stored text keeps plain ones.
      .transform((value) => value.replace(/\r\n?/g, "\n").trim())
      .pipe(z.string().min(1, "error.required"))
      .pipe(z.string().max(max, "callSetup.error.tooLong"))
      .superRefine((value, ctx) => {
        const unknown = unknownPlaceholders(kind, value);
        if (unknown.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: t("outcomes.templates.error.unknownPlaceholder", {
              count: unknown.length,
              names: unknown.map((name) => `{{${name}}}`).join(", "),
              known: placeholdersOf[kind].map((name) => `{{${name}}}`).join(", "),
            }),
          });
        }
      });
  return z.object({ subject: text(SUBJECT_MAX), body: text(BODY_MAX) });
}
export type OutcomeTemplateInput = z.output<ReturnType<typeof outcomeTemplateSchema>>;

export const outcomeMailKindSchema = z.enum(outcomeMailKinds);
export const outcomeTemplateLocaleSchema = z.enum(["de", "en"]);

/** The release's POST: the ticked applications with the versions the preview showed, confirmed in the "Really …?" panel. */
export const releaseSchema = z.object({
  selected: selectedApplications,
  confirmed: z
    .literal("release")
    .optional()
    .transform((value) => value === "release"),
});

/** The selection in the release page's address (its preview); what does not parse is left out. */
export function selectionFromQuery(params: URLSearchParams): { applicationId: string; version: number }[] {
  return params.getAll("selected").flatMap((value) => {
    const parsed = selectedApplication.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A coordinator's answer to a released award, confirmed in the "Really …?" panel that names the same answer. */
export const awardResponseSchema = z
  .object({
    intent: z.enum(["ACCEPTED", "DECLINED"], { error: "error.choose" }),
    version: z.number({ error: "workflow.stale" }).int().min(0),
    confirmed: z.string().optional(),
  })
  .transform(({ intent, version, confirmed }) => ({ response: intent, version, confirmed: confirmed === intent }));

/** A released decision as the network's pages show it (app/server/outcomes/network-outcome.server.ts reads it). */
export interface ReleasedOutcome {
  applicationId: string;
  kind: OutcomeMailKind;
  /** The application's state: approved until answered, then awardAccepted or awardDeclined. */
  state: string;
  releasedAt: Date;
  /** Cents as a string: BigInt does not travel in a loader's JSON. */
  amountCents: string | null;
  supportDescription: string;
  conditions: string[];
  feedback: string;
  juryComments: SharedComment[];
  fullProposal: { id: string; deadline: Date | null } | null;
  acceptBy: Date | null;
  response: string | null;
  respondedAt: Date | null;
  /** The reader may accept or decline now: a coordinator of the network, before the acceptance date, unanswered. */
  canRespond: boolean;
  version: number;
}
