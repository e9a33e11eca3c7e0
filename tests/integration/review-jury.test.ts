import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { acceptInvitation } from "../../app/server/accounts/accounts.server";
import { declareConflict, declareNoConflicts, detectConflicts, loadStageConflicts, resolveConflict, withdrawDeclaration } from "../../app/server/review/conflicts.server";
import { addJurorToStage, inviteJurorToStage, loadStageJury, removeJurorFromStage, setJurorMaxLoad, updateJurorProfile } from "../../app/server/review/jury.server";
import { loadJurorStage } from "../../app/server/review/juror-stage.server";
import { savePreferences } from "../../app/server/review/preferences.server";
import { jurorProfileSchema } from "../../app/forms/review-jury-schemas";
import * as jurorStageRoute from "../../app/routes/juror.stages.$stageId";
import * as juryRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.jury";
import * as conflictsRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.conflicts";
import { createPerson, lastMailLink } from "../support/accounts";
import { addMember, createCall, createNetwork } from "../support/application-fixtures";
import { getAs, notFoundFrom, parsed, parseForm, postAs, refusal } from "../support/call-forms";
import { answerOf } from "../support/route-calls";

const context = { clientAddress: "192.0.2.1" };
let call: Awaited<ReturnType<typeof createCall>>;
let stageId: string;
let manager: CurrentUser;
let otherManager: CurrentUser;

/** A network with one application of the stage in the given state. */
async function applicationIn(state: string, options: { partners?: { name: string; contactEmail?: string }[]; title?: string } = {}) {
  const network = await createNetwork();
  for (const [position, partner] of (options.partners ?? []).entries()) {
    await prisma.networkPartner.create({ data: { networkId: network.networkId, name: partner.name, type: "SCHOOL", contactEmail: partner.contactEmail ?? null, position } });
  }
  const application = await prisma.application.create({
    data: { callId: call.callId, stageId, networkId: network.networkId, createdById: network.coordinator.id, state, title: options.title ?? `Antrag ${network.networkName}` },
  });
  return { ...network, applicationId: application.id };
}

async function juror(profile: { organisation?: string; emailDomains?: string[]; email?: string; bundesland?: "BW" | "BY" } = {}) {
  const person = await createPerson("JUROR", profile.email ? { email: profile.email } : {});
  await prisma.user.update({ where: { id: person.id }, data: { organisation: profile.organisation ?? "", emailDomains: profile.emailDomains ?? [], bundesland: profile.bundesland ?? null } });
  return person;
}

async function seat(person: CurrentUser) {
  await addJurorToStage(manager, { callId: call.callId, stageId, userId: person.id });
  return prisma.juryMembership.findUniqueOrThrow({ where: { stageId_userId: { stageId, userId: person.id } } });
}

async function assign(applicationId: string, person: CurrentUser, reviewState: string, released = false) {
  return prisma.reviewAssignment.create({
    data: { applicationId, jurorId: person.id, assignedById: manager.id, releasedAt: released ? new Date() : null, review: { create: { state: reviewState } } },
  });
}

const conflictOf = (applicationId: string, person: CurrentUser) => prisma.conflict.findUnique({ where: { applicationId_jurorId: { applicationId, jurorId: person.id } } });

beforeAll(async () => {
  otherManager = await createPerson("MANAGER");
  await prisma.programme.create({ data: { slug: `other-${Date.now()}`, name: "Anderes", funder: "Stiftung", managers: { create: { userId: otherManager.id } } } });
});

beforeEach(async () => {
  call = await createCall();
  stageId = call.stageIds[0]!;
  manager = call.manager;
});

describe("detecting conflicts", () => {
  it("finds each ground, only for applications from the eligibility check on, and never on public mail domains", async () => {
    const kita = await applicationIn("eligibilityCheck", { partners: [{ name: "Kita Sonnenschein e.V.", contactEmail: "leitung@kita-sonnenschein.de" }] });
    const lab = await applicationIn("inReview", { partners: [{ name: "Schülerlabor", contactEmail: "lab@informatik.tu-dresden.de" }, { name: "Verein", contactEmail: "verein@gmx.de" }] });
    const notYet = await applicationIn("submitted", { partners: [{ name: "Kita Sonnenschein" }] });
    const ineligible = await applicationIn("ineligible", { partners: [{ name: "Kita Sonnenschein" }] });
    const member = await applicationIn("inReview");

    const organisationJuror = await juror({ organisation: "kita  sonnenschein eV" });
    const domainJuror = await juror({ emailDomains: ["tu-dresden.de"] });
    const publicJuror = await juror({ email: `jemand${Date.now()}@gmx.de` });
    const memberJuror = await juror();
    await prisma.networkMembership.create({ data: { userId: memberJuror.id, networkId: member.networkId, role: "COLLABORATOR" } });
    for (const person of [organisationJuror, domainJuror, publicJuror, memberJuror]) await seat(person);

    expect(await conflictOf(kita.applicationId, organisationJuror)).toMatchObject({ source: "DETECTED", status: "SUSPECTED", grounds: ["ORGANISATION"] });
    expect((await conflictOf(kita.applicationId, organisationJuror))?.detail).toContain("Kita Sonnenschein e.V.");
    expect(await conflictOf(lab.applicationId, domainJuror)).toMatchObject({ status: "SUSPECTED", grounds: ["EMAIL_DOMAIN"] });
    expect(await conflictOf(member.applicationId, memberJuror)).toMatchObject({ status: "SUSPECTED", grounds: ["MEMBERSHIP"] });
    expect(await prisma.conflict.count({ where: { jurorId: publicJuror.id } })).toBe(0);
    expect(await prisma.conflict.count({ where: { applicationId: { in: [notYet.applicationId, ineligible.applicationId] } } })).toBe(0);
    expect(await prisma.conflict.count({ where: { application: { stageId } } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { entityType: "CallStage", entityId: stageId, action: "conflicts-detected" } })).toBe(3);
  });

  it("counts the same Land only when the stage says so", async () => {
    const application = await applicationIn("inReview");
    const neighbour = await juror({ bundesland: "BW" });
    await seat(neighbour);
    expect(await conflictOf(application.applicationId, neighbour)).toBeNull();
    await prisma.callStage.update({ where: { id: stageId }, data: { conflictSameBundesland: true } });
    expect(await detectConflicts(stageId)).toEqual({ found: 1, updated: 0, cleared: 0 });
    expect(await conflictOf(application.applicationId, neighbour)).toMatchObject({ grounds: ["BUNDESLAND"] });
  });

  it("never touches declared, confirmed or dismissed conflicts, and clears a suspected one whose match is gone", async () => {
    const partners = [{ name: "Kita Sonnenschein" }];
    const [declared, confirmed, dismissed, pending] = await Promise.all([1, 2, 3, 4].map(() => applicationIn("inReview", { partners })));
    const person = await juror({ organisation: "Kita Sonnenschein" });
    await seat(person);
    await declareConflict(person, { stageId, applicationId: declared!.applicationId, reason: "Ich leite die Kita." });
    const toConfirm = await conflictOf(confirmed!.applicationId, person);
    const toDismiss = await conflictOf(dismissed!.applicationId, person);
    await resolveConflict(manager, { callId: call.callId, stageId, conflictId: toConfirm!.id, decision: "confirm", reason: "" });
    await resolveConflict(manager, { callId: call.callId, stageId, conflictId: toDismiss!.id, decision: "dismiss", reason: "Andere Kita gleichen Namens." });

    await updateJurorProfile(person, { organisation: "Universität Freiburg", emailDomains: [], bundesland: null, areaIds: [] });

    expect(await conflictOf(declared!.applicationId, person)).toMatchObject({ status: "DECLARED", reason: "Ich leite die Kita." });
    expect(await conflictOf(confirmed!.applicationId, person)).toMatchObject({ status: "CONFIRMED", grounds: ["ORGANISATION"] });
    expect(await conflictOf(dismissed!.applicationId, person)).toMatchObject({ status: "DISMISSED", resolutionReason: "Andere Kita gleichen Namens." });
    expect(await conflictOf(pending!.applicationId, person)).toBeNull();

    // Back to the matching organisation: the dismissed pair stays dismissed, only the open pair is suspected again.
    await updateJurorProfile(person, { organisation: "Kita Sonnenschein", emailDomains: [], bundesland: null, areaIds: [] });
    expect(await conflictOf(dismissed!.applicationId, person)).toMatchObject({ status: "DISMISSED" });
    expect(await conflictOf(pending!.applicationId, person)).toMatchObject({ status: "SUSPECTED" });
  });

  it("runs when an invited juror accepts, on the manager's button, and only for the manager's own stages", async () => {
    const application = await applicationIn("inReview", { partners: [{ name: "Gymnasium", contactEmail: "info@gymnasium-am-see.de" }] });
    const email = `neu${Date.now()}@gymnasium-am-see.de`;
    await inviteJurorToStage(manager, { callId: call.callId, stageId, name: "Neue Jurorin", email, locale: "de" }, { baseUrl: "http://portal.test" });
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation).toMatchObject({ role: "JUROR", callId: call.callId, stageId });
    const accepted = await acceptInvitation(await lastMailLink(email, "/invitation"), "ein langes passwort");
    expect(await prisma.juryMembership.count({ where: { stageId, userId: accepted!.userId } })).toBe(1);
    expect(await prisma.conflict.findFirst({ where: { applicationId: application.applicationId, jurorId: accepted!.userId } })).toMatchObject({ grounds: ["EMAIL_DOMAIN"] });

    await notFoundFrom(inviteJurorToStage(otherManager, { callId: call.callId, stageId, name: "X", email: "x@firma.de", locale: "de" }, { baseUrl: "http://portal.test" }));
    const posted = await answerOf(conflictsRoute.action, await postAs(manager, `/manager/calls/${call.callId}/stages/${stageId}/conflicts`, { intent: "detect" }), { params: { callId: call.callId, stageId } });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toContain("found=0");
    const foreign = await answerOf(conflictsRoute.action, await postAs(otherManager, `/manager/calls/${call.callId}/stages/${stageId}/conflicts`, { intent: "detect" }), { params: { callId: call.callId, stageId } });
    expect(foreign.status).toBe(404);
  });
});

describe("the manager's decisions", () => {
  it("confirms with an optional reason, removing an unsubmitted assignment but keeping a submitted review", async () => {
    const [open, done] = await Promise.all([applicationIn("inReview", { partners: [{ name: "Kita A" }] }), applicationIn("inReview", { partners: [{ name: "Kita A" }] })]);
    const person = await juror({ organisation: "Kita A" });
    await assign(open.applicationId, person, "inProgress");
    await assign(done.applicationId, person, "submitted");
    await seat(person);
    const conflictIds: string[] = [];
    for (const application of [open, done]) {
      const conflict = await conflictOf(application.applicationId, person);
      conflictIds.push(conflict!.id);
      await resolveConflict(manager, { callId: call.callId, stageId, conflictId: conflict!.id, decision: "confirm", reason: "" });
    }
    expect(await prisma.reviewAssignment.count({ where: { applicationId: open.applicationId } })).toBe(0);
    expect(await prisma.reviewAssignment.count({ where: { applicationId: done.applicationId } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "ReviewAssignment", action: "assignment-removed", data: { path: ["jurorId"], equals: person.id } } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityType: "Conflict", action: "conflict-confirmed", entityId: { in: conflictIds } } })).toBe(2);
  });

  it("refuses a dismissal without reason, a second decision, another programme's manager and a wrong stage", async () => {
    const application = await applicationIn("inReview", { partners: [{ name: "Kita B" }] });
    const person = await juror({ organisation: "Kita B" });
    await seat(person);
    const conflict = (await conflictOf(application.applicationId, person))!;
    const target = { callId: call.callId, stageId, conflictId: conflict.id };
    expect((await refusal(resolveConflict(manager, { ...target, decision: "dismiss", reason: "  " }))).messageKey).toBe("reviewJury.error.reasonRequired");
    await notFoundFrom(resolveConflict(otherManager, { ...target, decision: "dismiss", reason: "x" }));
    const otherCall = await createCall();
    await notFoundFrom(resolveConflict(manager, { ...target, stageId: otherCall.stageIds[0]!, decision: "dismiss", reason: "x" }));
    await resolveConflict(manager, { ...target, decision: "dismiss", reason: "Namensgleichheit" });
    expect((await refusal(resolveConflict(manager, { ...target, decision: "confirm", reason: "" }))).messageKey).toBe("reviewJury.conflicts.alreadyDecided");
    expect(await conflictOf(application.applicationId, person)).toMatchObject({ status: "DISMISSED", resolvedById: manager.id });

    const reply = await answerOf(conflictsRoute.action, await postAs(manager, "/x", { intent: "dismiss", conflictId: conflict.id, reason: "" }), { params: { callId: call.callId, stageId } });
    expect(reply.status).toBe(400);
  });

  it("shows the groups and who declared for the whole list", async () => {
    const application = await applicationIn("inReview", { partners: [{ name: "Kita C" }] });
    const [found, quiet] = await Promise.all([juror({ organisation: "Kita C" }), juror()]);
    await seat(found);
    await seat(quiet);
    await declareNoConflicts(quiet, stageId);
    const page = await loadStageConflicts(manager, call.callId, stageId);
    expect(page.conflicts.map((conflict) => [conflict.status, conflict.application.id])).toEqual([["SUSPECTED", application.applicationId]]);
    expect(page.jury.find((member) => member.name === quiet.name)?.noConflictsDeclaredAt).not.toBeNull();
    expect(page.jury.find((member) => member.name === found.name)?.noConflictsDeclaredAt).toBeNull();
    await notFoundFrom(loadStageConflicts(otherManager, call.callId, stageId));
  });
});

describe("jurors declaring", () => {
  it("declares with a reason, replacing an unstarted assignment, and may withdraw only before any assignment", async () => {
    const [first, second] = await Promise.all([applicationIn("inReview"), applicationIn("inReview")]);
    const person = await juror();
    await seat(person);
    expect((await refusal(declareConflict(person, { stageId, applicationId: first.applicationId, reason: " " }))).messageKey).toBe("reviewJury.error.reasonRequired");
    await declareConflict(person, { stageId, applicationId: first.applicationId, reason: "Frühere Kollegin" });
    expect(await conflictOf(first.applicationId, person)).toMatchObject({ source: "DECLARED", status: "DECLARED", reason: "Frühere Kollegin" });
    expect((await refusal(declareConflict(person, { stageId, applicationId: first.applicationId, reason: "nochmal" }))).messageKey).toBe("reviewJury.juror.alreadyConflicted");

    await withdrawDeclaration(person, { stageId, applicationId: first.applicationId });
    expect(await conflictOf(first.applicationId, person)).toBeNull();

    await assign(second.applicationId, person, "assigned");
    await declareConflict(person, { stageId, applicationId: second.applicationId, reason: "Verwandt" });
    expect(await prisma.reviewAssignment.count({ where: { applicationId: second.applicationId } })).toBe(0);
    await assign(first.applicationId, await juror(), "assigned");
    expect((await refusal(withdrawDeclaration(person, { stageId, applicationId: second.applicationId }))).messageKey).toBe("reviewJury.juror.withdrawAfterAssignment");
    expect((await refusal(withdrawDeclaration(person, { stageId, applicationId: first.applicationId }))).messageKey).toBe("reviewJury.juror.nothingToWithdraw");
  });

  it("turns a found conflict into the juror's own declaration; withdrawing it lets the search find it again", async () => {
    const application = await applicationIn("inReview", { partners: [{ name: "Kita D" }] });
    const person = await juror({ organisation: "Kita D" });
    await seat(person);
    await declareConflict(person, { stageId, applicationId: application.applicationId, reason: "Ich arbeite dort." });
    expect(await conflictOf(application.applicationId, person)).toMatchObject({ status: "DECLARED", grounds: ["ORGANISATION"] });
    await withdrawDeclaration(person, { stageId, applicationId: application.applicationId });
    expect(await conflictOf(application.applicationId, person)).toMatchObject({ status: "SUSPECTED", source: "DETECTED" });
  });

  it("refuses jurors who are not on the stage's jury and applications outside the stage or its review", async () => {
    const application = await applicationIn("inReview");
    const submitted = await applicationIn("submitted");
    const outsider = await juror();
    await notFoundFrom(declareConflict(outsider, { stageId, applicationId: application.applicationId, reason: "x" }));
    await notFoundFrom(declareNoConflicts(outsider, stageId));
    const person = await juror();
    await seat(person);
    await notFoundFrom(declareConflict(person, { stageId, applicationId: submitted.applicationId, reason: "x" }));
    const elsewhere = await createCall();
    await notFoundFrom(declareConflict(person, { stageId: elsewhere.stageIds[0]!, applicationId: application.applicationId, reason: "x" }));
  });
});

describe("the juror's list", () => {
  it("shows title, Land and network name only, hides the name in blind review, and is a 404 off the jury", async () => {
    const application = await applicationIn("eligibilityCheck", { title: "Forschen mit Kita-Kindern" });
    await applicationIn("ineligible");
    await applicationIn("draft");
    const person = await juror();
    await seat(person);
    const page = await loadJurorStage(person, stageId);
    expect(page.applications).toHaveLength(1);
    expect(Object.keys(page.applications[0]!).sort()).toEqual(["bundesland", "conflict", "id", "matches", "networkName", "preference", "title"]);
    expect(page.applications[0]).toMatchObject({ id: application.applicationId, title: "Forschen mit Kita-Kindern", bundesland: "BW", networkName: application.networkName });

    await prisma.call.update({ where: { id: call.callId }, data: { blindReview: true } });
    const blind = await answerOf(jurorStageRoute.loader, await getAs(person, `/juror/stages/${stageId}`), { params: { stageId } });
    expect(blind.status).toBe(200);
    expect(JSON.stringify(blind.data)).not.toContain(application.networkName);

    const outsider = await juror();
    const refused = await answerOf(jurorStageRoute.loader, await getAs(outsider, `/juror/stages/${stageId}`), { params: { stageId } });
    expect(refused.status).toBe(404);
    const guessed = await answerOf(jurorStageRoute.loader, await getAs(person, "/juror/stages/nope"), { params: { stageId: "nope" } });
    expect(guessed.status).toBe(404);
  });

  it("takes preferences only while open and unreleased, never for a conflicted application, and shows expertise matches", async () => {
    const [liked, conflicted] = await Promise.all([applicationIn("inReview"), applicationIn("inReview", { partners: [{ name: "Kita E" }] })]);
    const person = await juror({ organisation: "Kita E" });
    await seat(person);
    const levels = { [liked.applicationId]: "EAGER" as const };
    expect((await refusal(savePreferences(person, { stageId, levels }))).messageKey).toBe("reviewJury.juror.preferencesClosed");

    await prisma.callStage.update({ where: { id: stageId }, data: { preferencesOpen: true } });
    const programmeId = (await prisma.call.findUniqueOrThrow({ where: { id: call.callId } })).programmeId;
    const area = await prisma.expertiseArea.create({ data: { programmeId, name: "Informatik" } });
    await prisma.applicationTopic.create({ data: { applicationId: liked.applicationId, areaId: area.id } });
    await updateJurorProfile(person, { organisation: "Kita E", emailDomains: [], bundesland: null, areaIds: [area.id] });

    await savePreferences(person, { stageId, levels });
    expect(await prisma.reviewPreference.findMany({ where: { jurorId: person.id }, select: { applicationId: true, level: true } })).toEqual([{ applicationId: liked.applicationId, level: "EAGER" }]);
    expect((await refusal(savePreferences(person, { stageId, levels: { [conflicted.applicationId]: "WILLING" } }))).messageKey).toBe("reviewJury.juror.preferenceNotPossible");
    const page = await loadJurorStage(person, stageId);
    expect(page.preferencesOpen).toBe(true);
    expect(page.applications.find((row) => row.id === liked.applicationId)).toMatchObject({ preference: "EAGER", matches: ["Informatik"] });

    await savePreferences(person, { stageId, levels: {} });
    expect(await prisma.reviewPreference.count({ where: { jurorId: person.id } })).toBe(0);

    await assign(liked.applicationId, await juror(), "assigned", true);
    expect((await refusal(savePreferences(person, { stageId, levels }))).messageKey).toBe("reviewJury.juror.preferencesClosed");
  });

  it("keeps a declaration's typed reason when it is refused", async () => {
    const application = await applicationIn("inReview");
    const person = await juror();
    await seat(person);
    const reply = await answerOf(jurorStageRoute.action, await postAs(person, `/juror/stages/${stageId}`, { intent: "declare", applicationId: application.applicationId, reason: "" }), { params: { stageId } });
    expect(reply.status).toBe(400);
    expect(reply.data).toMatchObject({ formId: `declare-${application.applicationId}` });
    await declareConflict(person, { stageId, applicationId: application.applicationId, reason: "erst" });
    const again = await answerOf(jurorStageRoute.action, await postAs(person, `/juror/stages/${stageId}`, { intent: "declare", applicationId: application.applicationId, reason: "Mein Grund" }), {
      params: { stageId },
    });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.data)).toContain("Mein Grund");
  });
});

describe("the jury", () => {
  it("adds juror accounts only, once, and shows profiles and the even share", async () => {
    await Promise.all([applicationIn("inReview"), applicationIn("inReview"), applicationIn("eligibilityCheck")]);
    const [first, second] = await Promise.all([juror({ organisation: "TU Dresden", emailDomains: ["tu-dresden.de"] }), juror()]);
    await seat(first);
    await seat(second);
    expect((await refusal(addJurorToStage(manager, { callId: call.callId, stageId, userId: first.id }))).messageKey).toBe("reviewJury.jury.alreadyMember");
    const applicant = await createPerson("APPLICANT");
    expect((await refusal(addJurorToStage(manager, { callId: call.callId, stageId, userId: applicant.id }))).messageKey).toBe("reviewJury.jury.notAJuror");
    await notFoundFrom(addJurorToStage(otherManager, { callId: call.callId, stageId, userId: (await juror()).id }));

    const page = await loadStageJury(manager, call.callId, stageId);
    expect(page.applicationCount).toBe(3);
    expect(page.evenShare).toBe(Math.ceil((3 * 3) / 2));
    expect(page.members.find((member) => member.name === first.name)).toMatchObject({ organisation: "TU Dresden", emailDomains: ["tu-dresden.de"], maxLoad: null });
    expect(page.candidates.some((candidate) => candidate.id === first.id)).toBe(false);

    const membership = await prisma.juryMembership.findUniqueOrThrow({ where: { stageId_userId: { stageId, userId: first.id } } });
    await setJurorMaxLoad(manager, { callId: call.callId, stageId, membershipId: membership.id, maxLoad: 4 });
    expect((await prisma.juryMembership.findUniqueOrThrow({ where: { id: membership.id } })).maxLoad).toBe(4);
    await notFoundFrom(setJurorMaxLoad(otherManager, { callId: call.callId, stageId, membershipId: membership.id, maxLoad: 1 }));

    const foreignPage = await answerOf(juryRoute.loader, await getAs(otherManager, `/manager/calls/${call.callId}/stages/${stageId}/jury`), { params: { callId: call.callId, stageId } });
    expect(foreignPage.status).toBe(404);
    const invalid = await answerOf(juryRoute.action, await postAs(manager, "/x", { intent: "maxLoad", membershipId: membership.id, maxLoad: "2,5" }), { params: { callId: call.callId, stageId } });
    expect(invalid.status).toBe(400);
  });

  it("removes a juror only when confirmed, deleting unsubmitted assignments and keeping submitted reviews", async () => {
    const [a, b, c] = await Promise.all([applicationIn("inReview"), applicationIn("inReview"), applicationIn("inReview")]);
    const person = await juror();
    const membership = await seat(person);
    await assign(a.applicationId, person, "assigned");
    await assign(b.applicationId, person, "inProgress");
    await assign(c.applicationId, person, "submitted");
    const target = { callId: call.callId, stageId, membershipId: membership.id };
    expect((await refusal(removeJurorFromStage(manager, target))).messageKey).toBe("confirm.error.required");
    await notFoundFrom(removeJurorFromStage(otherManager, { ...target, confirmed: true }));
    expect(await removeJurorFromStage(manager, { ...target, confirmed: true })).toEqual({ assignmentsRemoved: 2 });
    expect(await prisma.reviewAssignment.findMany({ where: { jurorId: person.id }, select: { applicationId: true } })).toEqual([{ applicationId: c.applicationId }]);
    expect(await prisma.juryMembership.count({ where: { id: membership.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "assignment-removed", data: { path: ["jurorId"], equals: person.id } } })).toBe(2);
  });
});

describe("the juror profile", () => {
  it("lower-cases the domains, refuses wrong ones, and takes expertise only from the juror's programmes", async () => {
    expect(parsed(jurorProfileSchema, { organisation: "TU", emailDomains: "TU-Dresden.de, @uni-leipzig.de" })).toMatchObject({ emailDomains: ["tu-dresden.de", "uni-leipzig.de"] });
    const wrong = parseForm(jurorProfileSchema, { emailDomains: "anna@tu-dresden.de" });
    expect(wrong.status).toBe("error");
    expect(JSON.stringify(wrong.reply())).toContain("reviewJury.profile.domainInvalid");

    const person = await juror();
    await seat(person);
    const otherCall = await createCall();
    const foreignArea = await prisma.expertiseArea.create({ data: { programmeId: (await prisma.call.findUniqueOrThrow({ where: { id: otherCall.callId } })).programmeId, name: "Fremd" } });
    expect((await refusal(updateJurorProfile(person, { organisation: "", emailDomains: [], bundesland: null, areaIds: [foreignArea.id] }))).messageKey).toBe("reviewJury.topics.unknownArea");

    const reply = await answerOf(
      (await import("../../app/routes/profile")).action,
      await postAs(person, "/profile", { intent: "juror-profile", organisation: "Schülerlabor Nord", emailDomains: "labor-nord.de", bundesland: "HH" }),
      { ...context },
    );
    expect(reply.status).toBe(302);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { organisation: true, emailDomains: true, bundesland: true } })).toEqual({
      organisation: "Schülerlabor Nord",
      emailDomains: ["labor-nord.de"],
      bundesland: "HH",
    });
    const applicant = await createPerson("APPLICANT");
    const notJuror = await answerOf((await import("../../app/routes/profile")).action, await postAs(applicant, "/profile", { intent: "juror-profile", organisation: "x" }));
    expect(notJuror.status).toBe(404);
  });

  it("finds a juror's membership of the network without any profile", async () => {
    const application = await applicationIn("inReview");
    const person = await addMember(application.networkId, "COLLABORATOR");
    await prisma.user.update({ where: { id: person.id }, data: { role: "JUROR" } });
    await seat({ ...person, role: "JUROR" });
    expect(await conflictOf(application.applicationId, person)).toMatchObject({ grounds: ["MEMBERSHIP"] });
  });
});
