import type { ActionFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { createPerson } from "../support/accounts";
import { browserOf, createUploadWorld, temporaryFilesRoot } from "../support/file-uploads";
import { answerOf, type RouteFunction } from "../support/route-calls";

temporaryFilesRoot("portal-non-form-");

type RouteModule = { action?: (args: ActionFunctionArgs) => Promise<unknown> };
const routeModules = import.meta.glob<RouteModule>("../../app/routes/*.tsx");

/** The module of a route by its file name under app/routes. */
async function route(file: string): Promise<RouteFunction> {
  const load = routeModules[`../../app/routes/${file}.tsx`];
  if (!load) throw new Error(`no route ${file}`);
  const { action } = await load();
  if (!action) throw new Error(`${file} has no action`);
  return action as RouteFunction;
}

const brokenMultipart = '------grenze\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nabc';

/** Bodies no page of ours sends, each with the status it must get. */
const bodies: { kind: string; status: 400 | 415; headers: Record<string, string>; body?: string }[] = [
  { kind: "JSON", status: 415, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "a@example.test", password: "x" }) },
  { kind: "plain text", status: 415, headers: { "Content-Type": "text/plain" }, body: "email=a@example.test" },
  { kind: "a body without a type", status: 415, headers: {}, body: "email=a@example.test" },
  { kind: "no body", status: 400, headers: {} },
  { kind: "broken multipart", status: 400, headers: { "Content-Type": "multipart/form-data; boundary=----grenze" }, body: brokenMultipart },
  { kind: "multipart without boundary", status: 400, headers: { "Content-Type": "multipart/form-data" }, body: "a=b" },
];

function post(path: string, cookie: string, body: (typeof bodies)[number]): Request {
  // A string body makes fetch add text/plain itself; the bytes keep the type exactly as given.
  const bytes = body.body === undefined ? undefined : new TextEncoder().encode(body.body);
  return new Request(`http://portal.test${path}`, { method: "POST", headers: { ...body.headers, Cookie: cookie }, body: bytes });
}

let world: Awaited<ReturnType<typeof createUploadWorld>>;
let people: { who: string; cookie: string }[];

beforeAll(async () => {
  world = await createUploadWorld();
  const [admin, juror] = await Promise.all([createPerson("ADMIN"), createPerson("JUROR")]);
  const [coordinator, manager, administrator, jurorBrowser] = await Promise.all([browserOf(world.ours.coordinator), browserOf(world.manager), browserOf(admin), browserOf(juror)]);
  people = [
    { who: "visitor", cookie: "portal_csrf=" + "v".repeat(43) },
    { who: "coordinator", cookie: coordinator.cookie },
    { who: "manager", cookie: manager.cookie },
    { who: "admin", cookie: administrator.cookie },
    { who: "juror", cookie: jurorBrowser.cookie },
  ];
});

describe("a POST whose body is no form", () => {
  const reported: [string, string, string | null][] = [
    ["/login", "login", null],
    ["/signup", "signup", null],
    ["/forgot-password", "forgot-password", null],
    ["/logout", "logout", null],
    ["/language", "language", null],
    ["/confirm-email", "confirm-email._index", null],
    ["/confirm-email/abc", "confirm-email.$token", null],
    ["/applications/:id", "applications.$applicationId", "coordinator"],
  ];

  it("is answered 400 or 415 with a short message on every page where it was seen", async () => {
    for (const [path, file, as] of reported) {
      const action = await route(file);
      const cookie = people.find((person) => person.who === (as ?? "visitor"))!.cookie;
      const params = { applicationId: world.application.id, token: "abc" };
      for (const body of bodies) {
        const answer = await answerOf(action, post(path.replace(":id", world.application.id), cookie, body), { params });
        expect(answer.status, `${path} with ${body.kind}`).toBe(body.status);
        expect(answer.text?.length ?? 0, `${path} with ${body.kind}: a short message`).toBeGreaterThan(10);
        expect(answer.text!.length).toBeLessThan(100);
      }
    }
    // Nothing was saved on the way.
    expect(await prisma.application.findUniqueOrThrow({ where: { id: world.application.id }, select: { answersRevision: true } })).toEqual({
      answersRevision: 0,
    });
  });

  it("is answered 400 or 415 by every action of the portal, never with a server error", async () => {
    const files = Object.keys(routeModules).map((path) => path.slice("../../app/routes/".length, -".tsx".length));
    const params: Record<string, string> = {
      applicationId: world.application.id,
      slug: world.call.slug,
      callId: world.call.id,
      stageId: world.stage.id,
      fieldKey: "titel",
      fileId: "no-such-file",
      token: "no-such-token",
      programmeId: world.programme.id,
      userId: world.ours.collaborator.id,
      versionNumber: "1",
      emailId: "no-such-mail",
      attachmentId: "no-such-attachment",
    };
    let actions = 0;
    for (const file of files) {
      const { action } = await routeModules[`../../app/routes/${file}.tsx`]!();
      if (!action) continue;
      actions += 1;
      const path = `/${file
        .replace(/_index$/, "")
        .replace(/\$(\w+)/g, (_, name: string) => params[name] ?? "x")
        .replace(/_?\./g, "/")}`;
      for (const body of bodies) {
        const statuses: number[] = [];
        for (const person of people) {
          const answer = await answerOf(action as RouteFunction, post(path, person.cookie, body), { params });
          statuses.push(answer.status);
        }
        const label = `${file} (${path}) with ${body.kind}: ${statuses.join(", ")}`;
        // Refused before the body is read (not logged in, wrong role, not theirs) is fine; reading it must not fail.
        for (const status of statuses) expect([body.status, 302, 403, 404], label).toContain(status);
        // Someone may post here, and for them the body itself is the answer's reason.
        expect(statuses, label).toContain(body.status);
      }
    }
    expect(actions).toBeGreaterThanOrEqual(25);
  });

  it("lets the forms of the pages through as before (the refusal is about the body, not the address)", async () => {
    const action = await route("login");
    const urlencoded = await answerOf(
      action,
      new Request("http://portal.test/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8", Cookie: "portal_csrf=" + "v".repeat(43) },
        body: new URLSearchParams({ csrf: "v".repeat(43), email: "niemand@example.test", password: "falsch" }),
      }),
    );
    expect(urlencoded.status).toBe(400);
    expect(urlencoded.data).toMatchObject({ status: "error", error: { "": ["login.failed"] } });
    const form = new FormData();
    form.append("csrf", "v".repeat(43));
    form.append("email", "niemand@example.test");
    form.append("password", "falsch");
    const multipart = await answerOf(
      action,
      new Request("http://portal.test/login", { method: "POST", headers: { Cookie: "portal_csrf=" + "v".repeat(43) }, body: form }),
    );
    expect(multipart.status).toBe(400);
    expect(multipart.data).toMatchObject({ error: { "": ["login.failed"] } });
  });
});
