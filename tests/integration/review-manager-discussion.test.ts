import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import * as jurorRoute from "../../app/routes/juror.reviews.$assignmentId_.discussion";
import * as managerRoute from "../../app/routes/manager.applications.$applicationId_.reviews";
import { createPerson } from "../support/accounts";
import { getAs, postAs } from "../support/call-forms";
import { renderRoutePage } from "../support/render-route";
import { createReviewWorld, type World } from "../support/review-world";

/** A discussion page's data and HTML as its loader and component give them, or the status it answered with. */
async function pageOf<Data>(route: { loader: (args: never) => Promise<Data>; default: ComponentType }, user: CurrentUser, params: Record<string, string>) {
  try {
    const data = await route.loader({ request: await getAs(user, "/"), params, context: {} } as never);
    return { status: 200, data, html: await renderRoutePage(route.default, data) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null, html: "" };
    throw thrown;
  }
}

const jurorPage = (juror: CurrentUser, assignmentId: string) => pageOf(jurorRoute, juror, { assignmentId });
const managerPage = (manager: CurrentUser, applicationId: string) => pageOf(managerRoute, manager, { applicationId });

async function statusOf(promise: Promise<unknown>): Promise<number> {
  const result = await promise.catch((thrown: unknown) => thrown);
  if (result instanceof Response) return result.status;
  return (result as { init?: ResponseInit | null }).init?.status ?? 200;
}

const postAsJurorTo = async (juror: CurrentUser, assignmentId: string, body: string) =>
  jurorRoute.action({ request: await postAs(juror, "/", { intent: "post", body }), params: { assignmentId }, context: {} });

const names = (world: World) => world.jurors.map((juror) => juror.name);

describe("a juror's view of the other reviews and the thread", () => {
  it("opens once the juror's own review is submitted: the submitted reviews as Jury A, B without names, with the network outside blind review", async () => {
    const world = await createReviewWorld();
    const page = await jurorPage(world.jurors[0]!, world.assignments.get("0:0")!);
    expect(page.status).toBe(200);
    expect(page.data!.reviews.map((review) => [review.letter, review.own, review.weightedTotal])).toEqual([
      ["A", true, 8],
      ["B", false, 3],
    ]);
    expect(page.data!.forDiscussion).toBe(true);
    expect(page.html).toContain("Jury B");
    expect(page.html).toContain("zur Diskussion");
    expect(page.html).toContain("Gesamteindruck von Juror L");
    expect(page.html).toContain("Wirkung (60 %): 3 Punkte");
    expect(page.html).toContain(world.applications[0]!.network);
    // The juror's names appear only inside their own comments, which the fixture writes; strip those.
    const withoutComments = page.html.replaceAll(/(Gesamteindruck von|Wirkung nach) Juror [KLMN]/g, "");
    for (const name of names(world)) expect(withoutComments).not.toContain(name);
    // Letters follow the order of assignment, the same for every juror.
    const other = await jurorPage(world.jurors[1]!, world.assignments.get("0:1")!);
    expect(other.data!.reviews.map((review) => [review.letter, review.own])).toEqual([
      ["A", false],
      ["B", true],
    ]);
  });

  it("answers 404 before the juror's own review is submitted, for someone else's or a guessed assignment, and in conflict", async () => {
    const world = await createReviewWorld();
    // Juror 2's review is in progress; juror 0's review of application 1 is not begun; juror 1 abstained.
    expect((await jurorPage(world.jurors[2]!, world.assignments.get("0:2")!)).status).toBe(404);
    expect((await jurorPage(world.jurors[0]!, world.assignments.get("1:0")!)).status).toBe(404);
    expect((await jurorPage(world.jurors[1]!, world.assignments.get("1:1")!)).status).toBe(404);
    // Another juror's submitted assignment, and a made-up id.
    expect((await jurorPage(world.jurors[2]!, world.assignments.get("0:0")!)).status).toBe(404);
    expect((await jurorPage(world.jurors[0]!, "guessed-assignment")).status).toBe(404);
    // Posting is closed the same way.
    expect(await statusOf(postAsJurorTo(world.jurors[2]!, world.assignments.get("0:2")!, "Darf ich schon?"))).toBe(404);
    expect(await statusOf(postAsJurorTo(world.jurors[2]!, world.assignments.get("0:0")!, "Fremde Zuteilung"))).toBe(404);
    expect(await prisma.discussionPost.count({ where: { applicationId: world.applications[0]!.id } })).toBe(0);
    // A conflict that appears after submitting closes the thread too.
    await prisma.conflict.create({ data: { applicationId: world.applications[0]!.id, jurorId: world.jurors[0]!.id, source: "DECLARED", status: "DECLARED", reason: "Späte Befangenheit" } });
    expect((await jurorPage(world.jurors[0]!, world.assignments.get("0:0")!)).status).toBe(404);
    // A reopened review is not submitted: the juror revises it without the others' figures.
    await prisma.review.update({ where: { assignmentId: world.assignments.get("0:1")! }, data: { state: "reopened" } });
    expect((await jurorPage(world.jurors[1]!, world.assignments.get("0:1")!)).status).toBe(404);
    // Managers and applicants are not jurors.
    expect(await statusOf(jurorRoute.loader({ request: await getAs(world.manager, "/"), params: { assignmentId: world.assignments.get("0:0")! }, context: {} }))).toBe(403);
  });

  it("hides the network in blind review and shows the jurors' names where the call says so", async () => {
    const blind = await createReviewWorld({ blindReview: true });
    const blindPage = await jurorPage(blind.jurors[0]!, blind.assignments.get("0:0")!);
    expect(blindPage.data!.application.network).toBeNull();
    expect(blindPage.html).not.toContain(blind.applications[0]!.network);
    expect(blindPage.html).toContain("Robotik für alle");
    const named = await createReviewWorld({ showJurorNames: true });
    const namedPage = await jurorPage(named.jurors[0]!, named.assignments.get("0:0")!);
    expect(namedPage.html).toContain("Jury B: Juror L");
  });
});

describe("writing in the thread", () => {
  it("a juror and the manager write; each sees the other's post; the manager sees every reviewer by name", async () => {
    const world = await createReviewWorld();
    const assignmentId = world.assignments.get("0:0")!;
    const redirect = (await postAsJurorTo(world.jurors[0]!, assignmentId, "  Ich sehe die Machbarkeit kritischer.  ")) as Response;
    expect(redirect.status).toBe(302);
    const managerAnswer = (await managerRoute.action({
      request: await postAs(world.manager, "/", { intent: "post", body: "Bitte einigen Sie sich bis Freitag." }),
      params: { applicationId: world.applications[0]!.id },
      context: {},
    })) as Response;
    expect(managerAnswer.status).toBe(302);

    const seenByJuror1 = await jurorPage(world.jurors[1]!, world.assignments.get("0:1")!);
    expect(seenByJuror1.data!.posts.map((post) => [post.author.kind, post.author.letter, post.body])).toEqual([
      ["juror", "A", "Ich sehe die Machbarkeit kritischer."],
      ["manager", null, "Bitte einigen Sie sich bis Freitag."],
    ]);
    expect(seenByJuror1.html).toContain(`Programmleitung: ${world.manager.name}`);
    expect(seenByJuror1.html).not.toContain(world.jurors[0]!.name + "</strong>");

    const managerView = await managerPage(world.manager, world.applications[0]!.id);
    expect(managerView.data!.reviews.map((review) => [review.name, review.state])).toEqual([
      ["Juror K", "submitted"],
      ["Juror L", "submitted"],
      ["Juror M", "inProgress"],
    ]);
    expect(managerView.html).toContain("Jury A: Juror K");
    expect(managerView.html).toContain("zur Diskussion");
    expect(managerView.html).toContain("Ich sehe die Machbarkeit kritischer.");
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "DiscussionPost", action: "POST", data: { path: ["applicationId"], equals: world.applications[0]!.id } } });
    expect(audit.map((event) => event.actorId).sort()).toEqual([world.jurors[0]!.id, world.manager.id].sort());
  });

  it("refuses an empty post with a message, and keeps other programmes' managers out", async () => {
    const world = await createReviewWorld();
    const empty = (await postAsJurorTo(world.jurors[0]!, world.assignments.get("0:0")!, "   ")) as unknown as { data: { formId: string; result: { error: Record<string, string[]> } }; init: ResponseInit };
    expect(empty.init.status).toBe(400);
    expect(empty.data).toMatchObject({ formId: "post", result: { error: { body: ["reviewManager.discussion.bodyRequired"] } } });
    const otherManager = await createPerson("MANAGER");
    expect((await managerPage(otherManager, world.applications[0]!.id)).status).toBe(404);
    expect(
      await statusOf(managerRoute.action({ request: await postAs(otherManager, "/", { intent: "post", body: "Hallo" }), params: { applicationId: world.applications[0]!.id }, context: {} })),
    ).toBe(404);
    expect(await prisma.discussionPost.count({ where: { applicationId: world.applications[0]!.id } })).toBe(0);
  });

  it("shows a juror whose review moved to someone else as a juror without a letter, never as the management", async () => {
    const world = await createReviewWorld();
    const former = await createPerson("JUROR", { name: "Juror Ehemals" });
    await prisma.discussionPost.create({ data: { applicationId: world.applications[0]!.id, authorId: former.id, body: "Ich war zuerst zugeteilt." } });
    const seenByJuror = await jurorPage(world.jurors[0]!, world.assignments.get("0:0")!);
    expect(seenByJuror.data!.posts[0]!.author).toEqual({ kind: "juror", letter: null, name: null });
    expect(seenByJuror.html).toContain("Jury (nicht mehr zugeteilt)");
    expect(seenByJuror.html).not.toContain("Juror Ehemals");
    const seenByManager = await managerPage(world.manager, world.applications[0]!.id);
    expect(seenByManager.html).toContain("Jury (nicht mehr zugeteilt): Juror Ehemals");
  });
});
