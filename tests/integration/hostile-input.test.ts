import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { listPublicCalls } from "../../app/server/calls/calls.server";
import { MAX_FORM_BYTES } from "../../app/server/web/body-limit.server";
import CallPage, { loader as callPageLoader } from "../../app/routes/calls.$slug";
import { action as loginAction } from "../../app/routes/login";
import { action as signupAction } from "../../app/routes/signup";
import { action as startAction } from "../../app/routes/calls.$slug.apply";
import { action as networkAction } from "../../app/routes/network";
import { action as newCallAction } from "../../app/routes/manager.calls.new";
import { action as managerApplicationAction } from "../../app/routes/manager.applications.$applicationId";
import { everyFieldForm } from "../support/application-forms";
import { browserOf, createCall, createNetwork, formPost } from "../support/application-fixtures";
import { createPerson } from "../support/accounts";
import { renderRoutePage } from "../support/render-route";

/** What a route action answered, thrown or returned: its HTTP status. */
async function statusOf(action: (args: ActionFunctionArgs) => Promise<unknown>, request: Request, params: Record<string, string> = {}): Promise<number> {
  try {
    const result = await action({ request, params, context: { clientAddress: "192.0.2.1" } });
    if (result instanceof Response) return result.status;
    return (result as { init?: ResponseInit | null } | null)?.init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** A form body that streams 64 KiB chunks without declaring its length; counts the chunks pulled. */
function endlessForm(url: string, cookie: string) {
  const chunk = new TextEncoder().encode(`a=${"x".repeat(64 * 1024 - 2)}`);
  const pulled = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks += 1;
      if (pulled.chunks > 1000) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const request = new Request(url, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body, duplex: "half" } as RequestInit);
  return { request, pulled };
}

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

describe("huge payloads", () => {
  it("refuses a form body over 2 MB with 413 on every page, for visitors and signed-in people, before parsing it", async () => {
    const visitor = await browserOf(null);
    const network = await createNetwork();
    const applicant = await browserOf(network.coordinator);
    const manager = await browserOf(await createPerson("MANAGER"));
    const call = await createCall();
    const huge: [string, string][] = [["name", "x".repeat(MAX_FORM_BYTES + 1)]];
    const cases: [string, (args: ActionFunctionArgs) => Promise<unknown>, { cookie: string; csrf: string }, string, Record<string, string>][] = [
      ["login", loginAction, visitor, "/login", {}],
      ["signup", signupAction, visitor, "/signup", {}],
      ["start", startAction, applicant, `/calls/${call.slug}/apply`, { slug: call.slug }],
      ["network", networkAction, applicant, "/network", {}],
      ["new call", newCallAction, manager, "/manager/calls/new", {}],
      ["manager's application", managerApplicationAction, manager, "/manager/applications/x", { applicationId: "x" }],
    ];
    for (const [name, action, browser, path, params] of cases) {
      expect(await statusOf(action, formPost(`http://portal.test${path}`, browser, huge), params), name).toBe(413);
    }
    const streamed = endlessForm("http://portal.test/login", visitor.cookie);
    expect(await statusOf(loginAction, streamed.request)).toBe(413);
    // 2 MiB is 32 chunks: reading stops right after the limit, far before the 1000 on offer.
    expect(streamed.pulled.chunks).toBeLessThan(40);
    expect(await prisma.application.count({ where: { callId: call.callId } })).toBe(0);
  });
});

describe("a call's public page", () => {
  it("shows scripts typed into a call's texts as text", async () => {
    const call = await createCall({ stages: [{ opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000) }] });
    await prisma.call.update({
      where: { id: call.callId },
      data: { title: hostile, summary: hostile, description: hostile, rules: hostile, eligibility: hostile, targetGroup: hostile, contactName: hostile, supportDescription: hostile },
    });
    const data = await callPageLoader({ request: new Request(`http://portal.test/calls/${call.slug}`), params: { slug: call.slug }, context: {} });
    const html = await renderRoutePage(CallPage, data);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html.split("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;").length - 1).toBeGreaterThanOrEqual(6);
    // The form preview of the open stage is there too.
    expect(html).toContain(everyFieldForm.sections[0]!.fields[0]!.labelDe);
  });

  it("keeps a draft call off the public list and answers its page with 404", async () => {
    const draft = await createCall({ status: "DRAFT" });
    expect([...Object.values(await listPublicCalls())].flat().map((call) => call.slug)).not.toContain(draft.slug);
    await expect(callPageLoader({ request: new Request(`http://portal.test/calls/${draft.slug}`), params: { slug: draft.slug }, context: {} })).rejects.toMatchObject({ status: 404 });
    const applicant = await createNetwork();
    expect(await statusOf(startAction, formPost(`http://portal.test/calls/${draft.slug}/apply`, await browserOf(applicant.coordinator), []), { slug: draft.slug })).toBe(404);
  });
});
