import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { logIn } from "../../app/server/accounts/accounts.server";
import { currentUser, startSession } from "../../app/server/accounts/session.server";
import {
  accountForAdmin,
  changeAccountRole,
  deactivateAccount,
  listAccountsForAdmin,
  reactivateAccount,
} from "../../app/server/accounts/admin-accounts.server";
import {
  assignProgrammeManager,
  createProgramme,
  listProgrammesForAdmin,
  programmeForAdmin,
  removeProgrammeManager,
  updateProgramme,
} from "../../app/server/programmes/programmes.server";
import { programmesManagedBy } from "../../app/server/calls/calls.server";
import { RefusedError } from "../../app/server/http.server";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { action as newProgrammeAction, loader as newProgrammeLoader } from "../../app/routes/admin.programmes.new";
import { action as programmeAction, loader as programmeLoader } from "../../app/routes/admin.programmes.$programmeId";
import { action as accountAction, loader as accountLoader } from "../../app/routes/admin.accounts.$userId";
import { createPerson } from "../support/accounts";
import { browserOf, formPost } from "../support/application-fixtures";
import { answerOf, type RouteFunction } from "../support/route-calls";
import type { CurrentUser } from "../../app/server/accounts/session.server";

const password = "richtiges passwort";
let tagCounter = 0;
const newTag = () => `t${Date.now().toString(36)}${(tagCounter += 1)}`;

async function refusalOf(work: Promise<unknown>): Promise<RefusedError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RefusedError);
  return error as RefusedError;
}

async function auditOf(entityId: string) {
  return prisma.auditEvent.findMany({
    where: { entityId },
    orderBy: { createdAt: "asc" },
    select: { actorId: true, action: true, fromState: true, toState: true, data: true },
  });
}

/** The active administrators other than those given are set aside, so each test decides who is "last". */
async function onlyTheseAdmins(...admins: CurrentUser[]) {
  await prisma.user.updateMany({ where: { role: "ADMIN", id: { notIn: admins.map((admin) => admin.id) } }, data: { role: "JUROR" } });
}

describe("programmes", () => {
  it("are created with a slug of their own and audited; the same name again gets the next number", async () => {
    const admin = await createPerson("ADMIN");
    const name = `MINT-Regionen ${newTag()}`;
    const first = await createProgramme(admin, { name, funder: "Körber-Stiftung", description: "" });
    const second = await createProgramme(admin, { name, funder: "Körber-Stiftung", description: "Zweite Runde" });
    const slugs = await prisma.programme.findMany({ where: { id: { in: [first.id, second.id] } }, select: { id: true, slug: true } });
    const slugOf = (id: string) => slugs.find((row) => row.id === id)!.slug;
    expect(slugOf(second.id)).toBe(`${slugOf(first.id)}-2`);
    expect(slugOf(first.id)).toMatch(/^mint-regionen-/);
    expect(await auditOf(first.id)).toEqual([
      {
        actorId: admin.id,
        action: "programme-created",
        fromState: null,
        toState: null,
        data: { name, funder: "Körber-Stiftung", description: "", slug: slugOf(first.id) },
      },
    ]);
  });

  it("are edited with what changed in the audit log, and an edit that changes nothing leaves no entry", async () => {
    const admin = await createPerson("ADMIN");
    const { id } = await createProgramme(admin, { name: `Digital ${newTag()}`, funder: "Land", description: "" });
    const before = await prisma.programme.findUniqueOrThrow({ where: { id } });
    await updateProgramme(admin, id, { name: before.name, funder: "Ministerium für Bildung", description: "Neu" });
    await updateProgramme(admin, id, { name: before.name, funder: "Ministerium für Bildung", description: "Neu" });
    const after = await prisma.programme.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ funder: "Ministerium für Bildung", description: "Neu", slug: before.slug });
    const entries = await auditOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(["programme-created", "programme-updated"]);
    expect(entries[1]!.data).toEqual({ funder: { from: "Land", to: "Ministerium für Bildung" }, description: { from: "", to: "Neu" } });
  });

  it("get managers who then run them, and lose them again; both audited", async () => {
    const admin = await createPerson("ADMIN");
    const manager = await createPerson("MANAGER", { name: "Mia Managerin" });
    const { id } = await createProgramme(admin, { name: `Cluster ${newTag()}`, funder: "BMFTR", description: "" });
    expect((await programmeForAdmin(admin, id)).candidates.map((candidate) => candidate.id)).toContain(manager.id);
    expect(await assignProgrammeManager(admin, { programmeId: id, userId: manager.id })).toEqual({ name: "Mia Managerin" });
    expect((await programmesManagedBy(manager)).map((programme) => programme.id)).toContain(id);
    const page = await programmeForAdmin(admin, id);
    expect(page.managers.map((person) => person.id)).toEqual([manager.id]);
    expect(page.candidates.map((candidate) => candidate.id)).not.toContain(manager.id);
    await removeProgrammeManager(admin, { programmeId: id, userId: manager.id });
    expect((await programmesManagedBy(manager)).map((programme) => programme.id)).not.toContain(id);
    expect((await auditOf(id)).map((entry) => [entry.action, entry.data])).toEqual([
      ["programme-created", expect.anything()],
      ["manager-assigned", { userId: manager.id }],
      ["manager-removed", { userId: manager.id }],
    ]);
  });

  it("refuse as managers anyone who is not an active manager, twice the same one, or removing one who is not there", async () => {
    const admin = await createPerson("ADMIN");
    const { id } = await createProgramme(admin, { name: `Siegel ${newTag()}`, funder: "zdi", description: "" });
    const juror = await createPerson("JUROR");
    const away = await createPerson("MANAGER");
    await prisma.user.update({ where: { id: away.id }, data: { disabledAt: new Date() } });
    for (const person of [juror, away]) {
      const refusal = await refusalOf(assignProgrammeManager(admin, { programmeId: id, userId: person.id }));
      expect(refusal).toMatchObject({ messageKey: "admin.programme.error.notManager", options: { field: "userId" } });
    }
    const manager = await createPerson("MANAGER");
    await assignProgrammeManager(admin, { programmeId: id, userId: manager.id });
    expect(await refusalOf(assignProgrammeManager(admin, { programmeId: id, userId: manager.id }))).toMatchObject({
      messageKey: "admin.programme.error.alreadyManager",
    });
    expect(await refusalOf(removeProgrammeManager(admin, { programmeId: id, userId: juror.id }))).toMatchObject({
      messageKey: "admin.programme.error.notAssigned",
    });
    await expect(assignProgrammeManager(admin, { programmeId: "no-such-programme", userId: manager.id })).rejects.toMatchObject({ status: 404 });
    expect(await prisma.programmeManager.count({ where: { programmeId: id } })).toBe(1);
  });

  it("are listed in German order, so umlauts and lower case sort among their letters", async () => {
    const admin = await createPerson("ADMIN");
    const tag = newTag();
    for (const name of ["Zukunft", "explorhino", "Ämter", "MINT", "Österreich-Austausch", "Orbit"]) {
      await createProgramme(admin, { name: `${name} ${tag}`, funder: "Stiftung", description: "" });
    }
    const names = (await listProgrammesForAdmin(admin)).map((programme) => programme.name).filter((name) => name.endsWith(tag));
    expect(names).toEqual(["Ämter", "explorhino", "MINT", "Orbit", "Österreich-Austausch", "Zukunft"].map((name) => `${name} ${tag}`));
  });
});

describe("roles", () => {
  it("change with an audit entry; leaving the programme management leaves its programmes", async () => {
    const admin = await createPerson("ADMIN");
    const person = await createPerson("MANAGER");
    const { id: programmeId } = await createProgramme(admin, { name: `Wechsel ${newTag()}`, funder: "Land", description: "" });
    await assignProgrammeManager(admin, { programmeId, userId: person.id });
    expect(await changeAccountRole(admin, { userId: person.id, role: "JUROR" })).toEqual({ changed: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { role: true } })).toEqual({ role: "JUROR" });
    expect(await prisma.programmeManager.count({ where: { userId: person.id } })).toBe(0);
    expect(await auditOf(person.id)).toEqual([
      { actorId: admin.id, action: "role-changed", fromState: "MANAGER", toState: "JUROR", data: { leftProgrammes: [programmeId] } },
    ]);
    // Made a manager again, the old programme does not come back unseen.
    await changeAccountRole(admin, { userId: person.id, role: "MANAGER" });
    expect(await prisma.programmeManager.count({ where: { userId: person.id } })).toBe(0);
  });

  it("give a state coordinator a Land, refuse one without, clear it on leaving, and change nothing when nothing changes", async () => {
    const admin = await createPerson("ADMIN");
    const person = await createPerson("JUROR");
    expect(await refusalOf(changeAccountRole(admin, { userId: person.id, role: "STATE_COORDINATOR" }))).toMatchObject({
      messageKey: "error.choose",
      options: { field: "bundesland" },
    });
    await changeAccountRole(admin, { userId: person.id, role: "STATE_COORDINATOR", bundesland: "NW" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { role: true, bundesland: true } })).toEqual({
      role: "STATE_COORDINATOR",
      bundesland: "NW",
    });
    expect(await changeAccountRole(admin, { userId: person.id, role: "STATE_COORDINATOR", bundesland: "NW" })).toEqual({ changed: false });
    await changeAccountRole(admin, { userId: person.id, role: "APPLICANT", bundesland: "NW" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { role: true, bundesland: true } })).toEqual({
      role: "APPLICANT",
      bundesland: null,
    });
    expect((await auditOf(person.id)).map((entry) => [entry.fromState, entry.toState])).toEqual([
      ["JUROR", "STATE_COORDINATOR"],
      ["STATE_COORDINATOR", "APPLICANT"],
    ]);
  });

  it("keep the last active administrator: they cannot give up the role or deactivate themselves", async () => {
    const admin = await createPerson("ADMIN");
    await onlyTheseAdmins(admin);
    expect(await refusalOf(changeAccountRole(admin, { userId: admin.id, role: "MANAGER" }))).toMatchObject({
      messageKey: "admin.error.lastAdmin",
      options: { field: "role" },
    });
    expect(await refusalOf(deactivateAccount(admin, { userId: admin.id }))).toMatchObject({ messageKey: "admin.error.lastAdmin" });
    // A deactivated administrator does not count as one who could step in.
    const away = await createPerson("ADMIN");
    await prisma.user.update({ where: { id: away.id }, data: { disabledAt: new Date() } });
    expect(await refusalOf(changeAccountRole(admin, { userId: admin.id, role: "MANAGER" }))).toMatchObject({ messageKey: "admin.error.lastAdmin" });
    // With a second active one, either may step down, and then the other is the last.
    const second = await createPerson("ADMIN");
    await changeAccountRole(admin, { userId: admin.id, role: "MANAGER" });
    expect(await refusalOf(deactivateAccount(second, { userId: second.id }))).toMatchObject({ messageKey: "admin.error.lastAdmin" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: second.id }, select: { role: true, disabledAt: true } })).toEqual({
      role: "ADMIN",
      disabledAt: null,
    });
    expect(await prisma.auditEvent.count({ where: { entityId: second.id } })).toBe(0);
  });

  it("of two administrators stepping down at the same moment, one stays", async () => {
    const first = await createPerson("ADMIN");
    const second = await createPerson("ADMIN");
    await onlyTheseAdmins(first, second);
    const outcomes = await Promise.allSettled([
      changeAccountRole(first, { userId: first.id, role: "MANAGER" }),
      deactivateAccount(second, { userId: second.id }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await prisma.user.count({ where: { id: { in: [first.id, second.id] }, role: "ADMIN", disabledAt: null } })).toBe(1);
  });
});

describe("deactivating an account", () => {
  it("ends its sessions at once and stops its logins; reactivating lets it log in afresh; both audited", async () => {
    const admin = await createPerson("ADMIN");
    const person = await createPerson("APPLICANT", { password });
    const cookies = await Promise.all([startSession(person.id, "Laptop"), startSession(person.id, "Telefon")]);
    const requestWith = (cookie: string) => new Request("http://portal.test/", { headers: { Cookie: cookie.split(";")[0]! } });
    expect(await currentUser(requestWith(cookies[0]))).toMatchObject({ id: person.id });
    expect(await deactivateAccount(admin, { userId: person.id })).toEqual({ sessionsEnded: 2 });
    for (const cookie of cookies) expect(await currentUser(requestWith(cookie))).toBeNull();
    expect(await logIn({ email: person.email, password }, { baseUrl: "http://portal.test", clientAddress: "198.51.100.20" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await refusalOf(deactivateAccount(admin, { userId: person.id }))).toMatchObject({ messageKey: "admin.error.alreadyDeactivated" });

    await reactivateAccount(admin, { userId: person.id });
    expect(await logIn({ email: person.email, password }, { baseUrl: "http://portal.test", clientAddress: "198.51.100.21" })).toMatchObject({ ok: true });
    // The old sessions stay ended: whoever held them logs in again.
    for (const cookie of cookies) expect(await currentUser(requestWith(cookie))).toBeNull();
    expect(await refusalOf(reactivateAccount(admin, { userId: person.id }))).toMatchObject({ messageKey: "admin.error.notDeactivated" });
    await expect(reactivateAccount(admin, { userId: "no-such-account" })).rejects.toMatchObject({ status: 404 });
    expect((await auditOf(person.id)).map((entry) => [entry.actorId, entry.action, entry.data])).toEqual([
      [admin.id, "account-deactivated", { sessionsEnded: 2 }],
      [admin.id, "account-reactivated", {}],
    ]);
  });
});

describe("the list of accounts", () => {
  it("sorts by name in German order and filters by text, role and status", async () => {
    const admin = await createPerson("ADMIN");
    const tag = newTag();
    const people: Record<string, CurrentUser> = {};
    for (const [name, role] of [
      ["Zoe", "JUROR"],
      ["Ärger", "MANAGER"],
      ["anna", "APPLICANT"],
      ["Österreicher", "JUROR"],
      ["Bernd", "JUROR"],
    ] as const) {
      people[name] = await createPerson(role, {
        name: `${name} ${tag}`,
        email: `${name.normalize("NFD").replace(/\W/g, "").toLowerCase()}-${tag}@example.test`,
      });
    }
    const names = async (filter: Parameters<typeof listAccountsForAdmin>[1]) =>
      (await listAccountsForAdmin(admin, filter)).accounts.map((account) => account.name.replace(` ${tag}`, ""));
    expect(await names({ q: tag })).toEqual(["anna", "Ärger", "Bernd", "Österreicher", "Zoe"]);
    expect(await names({ q: tag, role: "JUROR" })).toEqual(["Bernd", "Österreicher", "Zoe"]);
    await deactivateAccount(admin, { userId: people["Zoe"]!.id });
    await prisma.user.update({ where: { id: people["Bernd"]!.id }, data: { emailVerifiedAt: null } });
    expect(await names({ q: tag, status: "deactivated" })).toEqual(["Zoe"]);
    expect(await names({ q: tag, status: "unconfirmed" })).toEqual(["Bernd"]);
    expect(await names({ q: tag, status: "active" })).toEqual(["anna", "Ärger", "Österreicher"]);
    expect(await names({ q: `anna-${tag}`.toUpperCase() })).toEqual(["anna"]);
    const listed = await listAccountsForAdmin(admin, { q: tag });
    expect(listed).toMatchObject({ total: 5, truncated: false });
    expect((await accountForAdmin(admin, people["Ärger"]!.id)).status).toBe("active");
  });
});

describe("only administrators", () => {
  const adminPages: [string, RouteFunction, string][] = [
    ["overview", adminLoader as RouteFunction, "/admin"],
    ["new programme", newProgrammeLoader as RouteFunction, "/admin/programmes/new"],
    ["programme", programmeLoader as RouteFunction, "/admin/programmes/x"],
    ["account", accountLoader as RouteFunction, "/admin/accounts/x"],
  ];
  const adminActions: [string, RouteFunction, string, [string, string][]][] = [
    [
      "new programme",
      newProgrammeAction as RouteFunction,
      "/admin/programmes/new",
      [
        ["name", "Heimlich"],
        ["funder", "Niemand"],
      ],
    ],
    [
      "programme",
      programmeAction as RouteFunction,
      "/admin/programmes/x",
      [
        ["intent", "details"],
        ["name", "Heimlich"],
        ["funder", "Niemand"],
      ],
    ],
    [
      "account",
      accountAction as RouteFunction,
      "/admin/accounts/x",
      [
        ["intent", "role"],
        ["role", "ADMIN"],
      ],
    ],
  ];

  it("open the administration pages and post their forms: every other role gets 403, a visitor the login", async () => {
    const target = await createPerson("JUROR");
    const admin = await createPerson("ADMIN");
    const { id: programmeId } = await createProgramme(admin, { name: `Geschützt ${newTag()}`, funder: "Land", description: "" });
    const params = { programmeId, userId: target.id };
    for (const role of ["APPLICANT", "JUROR", "MANAGER", "STATE_COORDINATOR"] as const) {
      const browser = await browserOf(await createPerson(role));
      for (const [name, loader, path] of adminPages) {
        const answer = await answerOf(loader, new Request(`http://portal.test${path}`, { headers: { Cookie: browser.cookie } }), { params });
        expect(answer.status, `${role} opening ${name}`).toBe(403);
      }
      for (const [name, action, path, entries] of adminActions) {
        const answer = await answerOf(action, formPost(`http://portal.test${path}`, browser, entries), { params });
        expect(answer.status, `${role} posting ${name}`).toBe(403);
      }
    }
    const visitor = await browserOf(null);
    for (const [name, loader, path] of adminPages) {
      const answer = await answerOf(loader, new Request(`http://portal.test${path}`, { headers: { Cookie: visitor.cookie } }), { params });
      expect(answer.status, `visitor opening ${name}`).toBe(302);
      expect(answer.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    }
    // Nothing changed on the way.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true } })).toEqual({ role: "JUROR" });
    expect(await prisma.programme.count({ where: { name: "Heimlich" } })).toBe(0);
  });

  it("may call the administration's functions", async () => {
    const manager = await createPerson("MANAGER");
    const juror = await createPerson("JUROR");
    await expect(changeAccountRole(manager, { userId: manager.id, role: "ADMIN" })).rejects.toMatchObject({ status: 403 });
    await expect(deactivateAccount(manager, { userId: juror.id })).rejects.toMatchObject({ status: 403 });
    await expect(createProgramme(manager, { name: "Eigenes", funder: "Ich", description: "" })).rejects.toMatchObject({ status: 403 });
    await expect(listAccountsForAdmin(manager, { q: "" })).rejects.toMatchObject({ status: 403 });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: manager.id }, select: { role: true } })).toEqual({ role: "MANAGER" });
  });
});

describe("the administration's forms", () => {
  it("create a programme and lead to its page, or come back with the field messages", async () => {
    const admin = await browserOf(await createPerson("ADMIN"));
    const name = `Über-Programm ${newTag()}`;
    const created = await answerOf(
      newProgrammeAction as RouteFunction,
      formPost("http://portal.test/admin/programmes/new", admin, [
        ["name", name],
        ["funder", "Stiftung"],
        ["description", ""],
      ]),
    );
    expect(created.status).toBe(302);
    const programme = await prisma.programme.findFirstOrThrow({ where: { name } });
    expect(created.headers.get("Location")).toBe(`/admin/programmes/${programme.id}?created=1`);
    const invalid = await answerOf(
      newProgrammeAction as RouteFunction,
      formPost("http://portal.test/admin/programmes/new", admin, [
        ["name", ""],
        ["funder", "Stiftung"],
      ]),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.data).toMatchObject({ initialValue: { funder: "Stiftung" }, error: { name: ["error.required"] } });
  });

  it("show the last administrator's refusal on the role field, let one step down among several, and deactivate with a count of ended sessions", async () => {
    const admin = await createPerson("ADMIN");
    await onlyTheseAdmins(admin);
    const browser = await browserOf(admin);
    const demote = await answerOf(
      accountAction as RouteFunction,
      formPost("http://portal.test/admin/accounts/me", browser, [
        ["intent", "role"],
        ["role", "JUROR"],
      ]),
      {
        params: { userId: admin.id },
      },
    );
    expect(demote.status).toBe(400);
    expect(demote.data).toMatchObject({ formId: "role", result: { error: { role: ["admin.error.lastAdmin"] } } });
    // With a second administrator there, stepping down works and leads to the new role's start page.
    await createPerson("ADMIN");
    const stepDown = await answerOf(
      accountAction as RouteFunction,
      formPost("http://portal.test/admin/accounts/me", browser, [
        ["intent", "role"],
        ["role", "MANAGER"],
      ]),
      {
        params: { userId: admin.id },
      },
    );
    expect(stepDown.status).toBe(302);
    expect(stepDown.headers.get("Location")).toBe("/manager");
    const admins = await browserOf(await createPerson("ADMIN"));
    const person = await createPerson("JUROR");
    await startSession(person.id, "vitest");
    const deactivated = await answerOf(accountAction as RouteFunction, formPost("http://portal.test/admin/accounts/x", admins, [["intent", "deactivate"]]), {
      params: { userId: person.id },
    });
    expect(deactivated).toMatchObject({ status: 200, data: { formId: "access", done: "deactivated", sessionsEnded: 1 } });
    const missingLand = await answerOf(
      accountAction as RouteFunction,
      formPost("http://portal.test/admin/accounts/x", admins, [
        ["intent", "role"],
        ["role", "STATE_COORDINATOR"],
      ]),
      {
        params: { userId: person.id },
      },
    );
    expect(missingLand.status).toBe(400);
    expect(missingLand.data).toMatchObject({ formId: "role", result: { error: { bundesland: ["error.choose"] } } });
  });
});
