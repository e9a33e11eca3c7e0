import { prisma } from "../../app/server/db.server";
import { startSession, sessionCookieName, type CurrentUser } from "../../app/server/accounts/session.server";
import { csrfToken } from "../../app/server/web/csrf.server";
import type { NetworkRole, StageKind, CallStatus } from "../../app/generated/prisma/enums";
import type { FormDefinition } from "../../app/forms/form-definition";
import { createPerson } from "./accounts";
import { everyFieldForm } from "./application-forms";

/** The stage used throughout: it closes at 12:00 Berlin on the day summer time ends (11:00 UTC). */
export const OPENS = new Date("2026-10-01T08:00:00Z");
export const CLOSES = new Date("2026-10-25T11:00:00Z");
export const DURING = new Date("2026-10-20T10:00:00Z");

let counter = 0;
const unique = () => `${Date.now()}${(counter += 1)}`;

export interface StageSpec {
  kind?: StageKind;
  opensAt?: Date;
  closesAt?: Date;
  form?: FormDefinition;
}

/** A published call of its own programme, with a manager, and the given stages (one open single stage by default). */
export async function createCall(options: { stages?: StageSpec[]; status?: CallStatus; round?: number; slug?: string } = {}) {
  const id = unique();
  const manager = await createPerson("MANAGER");
  const programme = await prisma.programme.create({
    data: { slug: `programme-${id}`, name: `Programm ${id}`, funder: "Stiftung", managers: { create: { userId: manager.id } } },
  });
  const stages = options.stages ?? [{}];
  const call = await prisma.call.create({
    data: {
      programmeId: programme.id,
      slug: options.slug ?? `mint-cluster-runde-${id}`,
      round: options.round ?? 4,
      title: `MINT-Cluster ${id}`,
      funder: "BMFTR",
      awardType: "MONEY",
      status: options.status ?? "PUBLISHED",
      stages: {
        create: stages.map((stage, position) => ({
          position,
          kind: stage.kind ?? "SINGLE",
          opensAt: stage.opensAt ?? OPENS,
          closesAt: stage.closesAt ?? CLOSES,
          form: { create: { definition: (stage.form ?? everyFieldForm) as object } },
        })),
      },
    },
    select: { id: true, slug: true, stages: { select: { id: true, kind: true }, orderBy: { position: "asc" } } },
  });
  return { callId: call.id, slug: call.slug, stageIds: call.stages.map((stage) => stage.id), manager };
}

/** A network with a coordinator (and its partner roster, if given). */
export async function createNetwork(partners: { name: string; type: "SCHOOL" | "KITA" | "COMPANY"; roleInNetwork?: string }[] = []) {
  const id = unique();
  const network = await prisma.network.create({
    data: {
      name: `MINT-Netzwerk ${id}`,
      bundesland: "BW",
      region: "Freiburg",
      partners: { create: partners.map((partner, position) => ({ ...partner, roleInNetwork: partner.roleInNetwork ?? "", position })) },
    },
  });
  const coordinator = await addMember(network.id, "COORDINATOR");
  return { networkId: network.id, networkName: network.name, coordinator };
}

export async function addMember(networkId: string, role: NetworkRole): Promise<CurrentUser> {
  const person = await createPerson("APPLICANT");
  await prisma.networkMembership.create({ data: { userId: person.id, networkId, role } });
  return person;
}

/** Cookies and the CSRF token a browser of this person would send. */
export async function browserOf(person: CurrentUser | null) {
  const csrf = csrfToken(new Request("http://portal.test/"));
  const csrfCookie = csrf.setCookie!.split(";")[0]!;
  const cookies = [csrfCookie];
  if (person) {
    const session = await startSession(person.id, "vitest");
    cookies.push(session.split(";")[0]!);
  }
  return { cookie: cookies.join("; "), csrf: csrf.token, sessionCookieName: sessionCookieName() };
}

/** A form POST as the browser sends it (urlencoded), with the CSRF token. */
export function formPost(url: string, browser: { cookie: string; csrf: string }, entries: [string, string][]): Request {
  const body = new URLSearchParams([["csrf", browser.csrf], ...entries]);
  return new Request(url, { method: "POST", headers: { Cookie: browser.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
}

/**
 * A network's application already in the submitted state (written directly, not through the
 * workflow), for tests of what comes after submitting. `submissions` and `version` set its history.
 */
export async function createSubmittedApplication(options: { stage?: StageSpec; submissions?: number; version?: number } = {}) {
  const call = await createCall({ stages: [options.stage ?? {}] });
  const network = await createNetwork();
  const application = await prisma.application.create({
    data: {
      callId: call.callId,
      stageId: call.stageIds[0]!,
      networkId: network.networkId,
      createdById: network.coordinator.id,
      state: "submitted",
      snapshot: { value: "submitted", context: { submissions: options.submissions ?? 1, ineligibleReason: null } },
      version: options.version ?? 1,
    },
  });
  return { ...network, applicationId: application.id };
}
