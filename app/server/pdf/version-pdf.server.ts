import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { StageKind } from "~/generated/prisma/enums";
import { definitionOf, formDefinition, type FormDefinition } from "~/forms/form-definition";
import { conditionsOf, parseAnswers } from "~/forms/application-schemas";
import type { Locale } from "~/i18n";
import { prisma } from "../db.server";
import { readableSubmissions } from "../applications/access.server";
import { notFound } from "../http.server";
import type { CurrentUser } from "../accounts/session.server";
import { renderApplicationPdf, type ApplicationPdfInput } from "./application-pdf.server";

/**
 * The PDF of a submitted version, rendered from the version alone whenever it is needed (for the
 * confirmation mail by the outbox worker, for a download), so it shows what was submitted even after
 * the call's form, names or files have changed.
 */

type FrozenFacts = Pick<ApplicationPdfInput, "callTitle" | "programmeName" | "stageKind" | "networkName" | "bundesland" | "submittedBy" | "definition" | "files">;

/** What the PDF shows besides the answers, frozen into ApplicationVersion.frozenFacts at submission. */
const frozenFacts = z.object({
  callTitle: z.string(),
  programmeName: z.string(),
  stageKind: z.enum(StageKind),
  networkName: z.string(),
  bundesland: z.string(),
  submittedBy: z.string(),
  definition: formDefinition,
  files: z.array(z.object({ id: z.string(), fieldKey: z.string().nullable(), originalName: z.string(), sizeBytes: z.number(), sha256: z.string() })),
}) satisfies z.ZodType<FrozenFacts>;

const factsSelect = {
  call: { select: { title: true, programme: { select: { name: true } } } },
  stage: { select: { kind: true, form: { select: { definition: true } } } },
  network: { select: { name: true, bundesland: true } },
  files: { select: { id: true, fieldKey: true, originalName: true, sizeBytes: true, sha256: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ApplicationSelect;

type FactSource = Prisma.ApplicationGetPayload<{ select: typeof factsSelect }>;

/** The facts as the application's rows hold them now: what a submission freezes. */
export function currentFacts(application: Omit<FactSource, "stage"> & { stage: { kind: StageKind } }, submittedBy: string, definition: FormDefinition): FrozenFacts {
  return {
    callTitle: application.call.title,
    programmeName: application.call.programme.name,
    stageKind: application.stage.kind,
    networkName: application.network.name,
    bundesland: application.network.bundesland,
    submittedBy,
    definition,
    files: application.files.map((file) => ({ ...file, sizeBytes: Number(file.sizeBytes) })),
  };
}

export const versionSelect = {
  number: true,
  answers: true,
  receiptNumber: true,
  submittedAt: true,
  frozenFacts: true,
  submittedBy: { select: { name: true } },
  application: { select: factsSelect },
} satisfies Prisma.ApplicationVersionSelect;

export type LoadedVersion = Prisma.ApplicationVersionGetPayload<{ select: typeof versionSelect }>;

function factsOf(version: LoadedVersion): FrozenFacts {
  if (version.frozenFacts !== null) return frozenFacts.parse(version.frozenFacts);
  // Frozen before the facts were kept: today's form, names and files are the best there is.
  return currentFacts(version.application, version.submittedBy.name, definitionOf(version.application.stage.form?.definition));
}

/** Everything a version's PDF shows: what was submitted, and the facts as they were then. */
export function versionPdfInput(loaded: LoadedVersion, locale: Locale): ApplicationPdfInput {
  return {
    ...factsOf(loaded),
    locale,
    receiptNumber: loaded.receiptNumber,
    versionNumber: loaded.number,
    submittedAt: loaded.submittedAt,
    answers: parseAnswers(loaded.answers),
    conditions: conditionsOf((loaded.answers as { conditions?: unknown } | null)?.conditions),
  };
}

/** Renders the version's PDF in the reader's language; an id is loaded without a permission check. */
export async function renderVersionPdf(version: string | LoadedVersion, locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const loaded = typeof version === "string" ? await prisma.applicationVersion.findUniqueOrThrow({ where: { id: version }, select: versionSelect }) : version;
  return renderApplicationPdf(versionPdfInput(loaded, locale));
}

/** The file name a version's PDF goes by, in the mail and as a download. */
export function versionPdfFilename(receiptNumber: string): string {
  return `${receiptNumber}.pdf`;
}

/** A version's PDF for someone who may read its application; 404 for anyone else and for versions that do not exist. */
export async function readableVersionPdf(
  actor: Pick<CurrentUser, "id" | "role">,
  input: { applicationId: string; versionNumber: number },
  locale: Locale,
): Promise<{ filename: string; content: Uint8Array<ArrayBuffer> }> {
  const version = await prisma.applicationVersion.findFirst({
    where: { number: input.versionNumber, application: { AND: [{ id: input.applicationId }, readableSubmissions(actor)] } },
    select: versionSelect,
  });
  if (!version) throw notFound();
  return { filename: versionPdfFilename(version.receiptNumber), content: await renderVersionPdf(version, locale) };
}
