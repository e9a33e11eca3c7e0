import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { addExpertiseArea, loadApplicationTopics, loadProgrammeExpertise, removeExpertiseArea, renameExpertiseArea, setApplicationTopics } from "../../app/server/review/expertise.server";
import * as expertiseRoute from "../../app/routes/manager.programmes.$programmeId.expertise";
import * as topicsRoute from "../../app/routes/manager.applications.$applicationId._index";
import { createPerson } from "../support/accounts";
import { createSubmittedApplication } from "../support/application-fixtures";
import { getAs, notFoundFrom, postAs, refusal } from "../support/call-forms";
import { answerOf } from "../support/route-calls";

let manager: CurrentUser;
let otherManager: CurrentUser;
let juror: CurrentUser;
let programmeId: string;
let applicationId: string;

beforeAll(async () => {
  const submitted = await createSubmittedApplication();
  applicationId = submitted.applicationId;
  const { call } = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { call: { select: { programmeId: true, programme: { select: { managers: { select: { user: true } } } } } } },
  });
  programmeId = call.programmeId;
  const { user } = call.programme.managers[0]!;
  manager = { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, bundesland: user.bundesland, sessionId: "test-session" };
  otherManager = await createPerson("MANAGER");
  juror = await createPerson("JUROR");
});

const areaNamed = (name: string) => prisma.expertiseArea.findFirstOrThrow({ where: { programmeId, name } });

describe("the programme's expertise list", () => {
  it("adds, refuses a duplicate in any case, renames and removes only when confirmed, saying how much uses it", async () => {
    await addExpertiseArea(manager, { programmeId, name: "Informatik" });
    await addExpertiseArea(manager, { programmeId, name: "Mädchenförderung" });
    expect((await refusal(addExpertiseArea(manager, { programmeId, name: "informatik" }))).options.field).toBe("name");
    const informatik = await areaNamed("Informatik");
    await renameExpertiseArea(manager, { programmeId, areaId: informatik.id, name: "Informatik und KI" });
    expect((await refusal(renameExpertiseArea(manager, { programmeId, areaId: informatik.id, name: "MÄDCHENFÖRDERUNG" }))).messageKey).toBe("reviewJury.expertise.duplicate");

    await prisma.jurorExpertise.create({ data: { userId: juror.id, areaId: informatik.id } });
    await setApplicationTopics(manager, { applicationId, areaIds: [informatik.id] });
    const page = await loadProgrammeExpertise(manager, programmeId);
    expect(page.areas).toEqual([
      { id: informatik.id, name: "Informatik und KI", jurors: 1, applications: 1 },
      expect.objectContaining({ name: "Mädchenförderung", jurors: 0, applications: 0 }),
    ]);

    expect((await refusal(removeExpertiseArea(manager, { programmeId, areaId: informatik.id }))).messageKey).toBe("confirm.error.required");
    await removeExpertiseArea(manager, { programmeId, areaId: informatik.id, confirmed: true });
    expect(await prisma.jurorExpertise.count({ where: { userId: juror.id } })).toBe(0);
    expect(await prisma.applicationTopic.count({ where: { applicationId } })).toBe(0);
    expect(await prisma.auditEvent.findFirst({ where: { entityId: informatik.id, action: "expertise-removed" }, select: { data: true } })).toEqual({ data: { name: "Informatik und KI", jurors: 1, applications: 1 } });
  });

  it("is a 404 for another programme's manager and for guessed ids", async () => {
    const area = await prisma.expertiseArea.create({ data: { programmeId, name: `Schülerlabore ${Date.now()}` } });
    await notFoundFrom(loadProgrammeExpertise(otherManager, programmeId));
    await notFoundFrom(addExpertiseArea(otherManager, { programmeId, name: "X" }));
    await notFoundFrom(renameExpertiseArea(otherManager, { programmeId, areaId: area.id, name: "X" }));
    await notFoundFrom(removeExpertiseArea(otherManager, { programmeId, areaId: area.id, confirmed: true }));
    await notFoundFrom(removeExpertiseArea(manager, { programmeId: "guessed", areaId: area.id, confirmed: true }));
    const page = await answerOf(expertiseRoute.loader, await getAs(otherManager, `/manager/programmes/${programmeId}/expertise`), { params: { programmeId } });
    expect(page.status).toBe(404);
  });

  it("keeps a refused name as typed on the page's form", async () => {
    await addExpertiseArea(manager, { programmeId, name: "Berufsorientierung" });
    const reply = await answerOf(expertiseRoute.action, await postAs(manager, `/manager/programmes/${programmeId}/expertise`, { intent: "add", name: "berufsorientierung" }), { params: { programmeId } });
    expect(reply.status).toBe(400);
    expect(reply.data).toMatchObject({ formId: "add-area" });
    expect(JSON.stringify(reply.data)).toContain("berufsorientierung");
  });
});

describe("an application's topics", () => {
  it("replaces the tags with areas of the application's own programme, through the page's form", async () => {
    const [lab, training] = await Promise.all([
      prisma.expertiseArea.create({ data: { programmeId, name: `Labor ${Date.now()}` } }),
      prisma.expertiseArea.create({ data: { programmeId, name: `Fortbildung ${Date.now()}` } }),
    ]);
    const posted = await answerOf(topicsRoute.action, await postAs(manager, `/manager/applications/${applicationId}?index`, { intent: "topics", areaIds: lab.id }), { params: { applicationId } });
    expect(posted.status).toBe(302);
    expect((await loadApplicationTopics(manager, applicationId)).chosen).toEqual([lab.id]);
    await setApplicationTopics(manager, { applicationId, areaIds: [training.id] });
    expect((await loadApplicationTopics(manager, applicationId)).chosen).toEqual([training.id]);
    expect(await prisma.auditEvent.count({ where: { entityType: "ApplicationTopic", entityId: applicationId, action: "topics-set" } })).toBeGreaterThan(0);
    expect(await prisma.auditEvent.count({ where: { entityType: "Application", entityId: applicationId, action: "topics-set" } })).toBe(0);

    const foreign = await prisma.programme.create({ data: { slug: `fremd-${Date.now()}`, name: "Fremd", funder: "X", expertise: { create: { name: "Fremd" } } }, select: { expertise: true } });
    expect((await refusal(setApplicationTopics(manager, { applicationId, areaIds: [foreign.expertise[0]!.id] }))).messageKey).toBe("reviewJury.topics.unknownArea");
    await notFoundFrom(setApplicationTopics(otherManager, { applicationId, areaIds: [] }));
    const page = await answerOf(topicsRoute.loader, await getAs(otherManager, `/manager/applications/${applicationId}`), { params: { applicationId } });
    expect(page.status).toBe(404);
  });
});
