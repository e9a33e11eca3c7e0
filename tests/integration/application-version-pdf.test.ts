import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/server/db.server";
import { reopenApplication, saveDraft, startApplication, submitApplication } from "../../app/server/applications/applications.server";
import { deliverDueEmails, resendTransport } from "../../app/server/mail/outbox-worker.server";
import { getMailboxAttachment, getMailboxEmail } from "../../app/server/mail/mailbox.server";
import { renderVersionPdf } from "../../app/server/pdf/version-pdf.server";
import { loader as versionPdfLoader } from "../../app/routes/applications.$applicationId_.versions.$versionNumber.pdf";
import type { DraftInput } from "../../app/forms/application-schemas";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "../support/accounts";
import { completeAnswers, everyFieldForm } from "../support/application-forms";
import { addMember, browserOf, createCall, createNetwork, DURING } from "../support/application-fixtures";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { pdfText } from "../support/pdf-text";

const baseUrl = "http://portal.test";
const API_KEY = "re_test_version_pdf";
const complete: DraftInput = { answers: completeAnswers, conditionAnswers: [], fieldsShown: true };
const later = (seconds: number) => new Date(DURING.getTime() + seconds * 1000);

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  await prisma.outboxEmail.deleteMany();
});

const resend = () => resendTransport(API_KEY, { baseUrl: fake.url });

/** A network's complete application with a work plan file, submitted by its coordinator. */
async function submitted(submitter: { locale?: "de" | "en" } = {}) {
  const call = await createCall();
  const network = await createNetwork();
  const coordinator = { ...network.coordinator, locale: submitter.locale ?? network.coordinator.locale };
  const { applicationId } = await startApplication(coordinator, { callSlug: call.slug }, DURING);
  const plan = await prisma.storedFile.create({
    data: {
      applicationId,
      fieldKey: "plan",
      storage: "LOCAL",
      storageKey: `version-pdf/${applicationId}/plan`,
      originalName: "Arbeitsplan Herbst.pdf",
      contentType: "application/pdf",
      sizeBytes: 2048n,
      sha256: "ab".repeat(32),
      uploadedById: coordinator.id,
    },
  });
  await saveDraft(coordinator, { applicationId, baseRevision: 0, draft: complete }, DURING);
  const receipt = await submitApplication(coordinator, { applicationId }, { baseUrl, now: DURING });
  const version = await prisma.applicationVersion.findUniqueOrThrow({ where: { applicationId_number: { applicationId, number: 1 } } });
  const callTitle = (await prisma.call.findUniqueOrThrow({ where: { id: call.callId } })).title;
  return { ...call, ...network, coordinator, applicationId, plan, receipt, version, callTitle };
}

async function confirmationOf(email: string) {
  return prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: email, template: "submission-received" }, include: { attachments: true } });
}

/** Changes everything the PDF shows after the submission: form labels, call and network names, answers, file names. */
async function changeEverythingAfterwards(application: Awaited<ReturnType<typeof submitted>>) {
  const renamed = structuredClone(everyFieldForm);
  renamed.sections[0]!.fields[0]!.labelDe = "Geänderter Titel";
  await prisma.formDefinition.update({ where: { stageId: application.stageIds[0]! }, data: { definition: renamed as object } });
  await prisma.call.update({ where: { id: application.callId }, data: { title: "Umbenannte Ausschreibung" } });
  await prisma.network.update({ where: { id: application.networkId }, data: { name: `Umbenannt ${application.networkName}` } });
  await prisma.storedFile.update({ where: { id: application.plan.id }, data: { originalName: "umbenannt.pdf" } });
  await reopenApplication(application.coordinator, { applicationId: application.applicationId }, later(60));
  await saveDraft(application.coordinator, { applicationId: application.applicationId, baseRevision: 1, draft: { ...complete, answers: { ...completeAnswers, fields: { ...completeAnswers.fields, projectTitle: "Später geändert" } } } }, later(120));
}

function expectSubmittedContent(text: string, application: Awaited<ReturnType<typeof submitted>>) {
  const lines = text.split("\n");
  expect(lines).toEqual(expect.arrayContaining([application.receipt.receiptNumber, application.callTitle, application.networkName, "Titel", "MINT für alle", "Arbeitsplan Herbst.pdf"]));
  expect(text).not.toMatch(/Geänderter Titel|Umbenannt|umbenannt|Später geändert/);
}

describe("the confirmation mail's PDF", () => {
  it("is not rendered in the request: the mail refers to the frozen version, which holds everything the PDF shows", async () => {
    const application = await submitted();
    const mail = await confirmationOf(application.coordinator.email);
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: `${application.receipt.receiptNumber}.pdf`, contentType: "application/pdf", content: null, applicationVersionId: application.version.id }),
    ]);
    expect(application.version.frozenFacts).toMatchObject({
      callTitle: application.callTitle,
      stageKind: "SINGLE",
      networkName: application.networkName,
      bundesland: "BW",
      submittedBy: application.coordinator.name,
      definition: { sections: [{ key: "basics" }] },
      files: [{ id: application.plan.id, fieldKey: "plan", originalName: "Arbeitsplan Herbst.pdf", sizeBytes: 2048, sha256: "ab".repeat(32) }],
    });
  });

  it("is rendered by the outbox worker and shows what was submitted, though form, names, files and answers changed since", async () => {
    const application = await submitted();
    await changeEverythingAfterwards(application);
    expect(await deliverDueEmails({ now: later(180), transport: resend() })).toEqual({ sent: 1, failed: 0 });

    const [sent] = fake.emails;
    expect(sent?.to).toBe(application.coordinator.email);
    expect(sent?.attachments.map((attachment) => attachment.filename)).toEqual([`${application.receipt.receiptNumber}.pdf`]);
    const pdf = sent!.attachments[0]!.content;
    expectSubmittedContent(pdfText(pdf), application);
    // Stored with the mail, as sent.
    const [stored] = (await confirmationOf(application.coordinator.email)).attachments;
    expect(Buffer.from(stored!.content!).equals(pdf)).toBe(true);
  });

  it("is in the language of the mail", async () => {
    const application = await submitted({ locale: "en" });
    await deliverDueEmails({ now: DURING, transport: resend() });
    const text = pdfText(fake.emails[0]!.attachments[0]!.content);
    expect(text.split("\n")).toEqual(expect.arrayContaining(["Submitted application", application.receipt.receiptNumber, "Title"]));
  });

  it("is rendered once: a retry after a failed send sends the stored bytes", async () => {
    const application = await submitted();
    fake.failNext(1, 503);
    expect(await deliverDueEmails({ now: DURING, transport: resend() })).toEqual({ sent: 0, failed: 1 });
    const [rendered] = (await confirmationOf(application.coordinator.email)).attachments;
    expect(rendered?.content).not.toBeNull();
    // Rendering again now would fail; the retry must not need to.
    await prisma.applicationVersion.update({ where: { id: application.version.id }, data: { frozenFacts: { unreadable: true } } });

    expect(await deliverDueEmails({ now: later(30), transport: resend() })).toEqual({ sent: 1, failed: 0 });
    expect(fake.emails[0]!.attachments[0]!.content.equals(Buffer.from(rendered!.content!))).toBe(true);
  });

  it("that fails to render fails the attempt: nothing is sent, the error is kept, and it is tried again after the backoff", async () => {
    const application = await submitted();
    await prisma.applicationVersion.update({ where: { id: application.version.id }, data: { frozenFacts: { unreadable: true } } });
    expect(await deliverDueEmails({ now: DURING, transport: resend() })).toEqual({ sent: 0, failed: 1 });
    const mail = await confirmationOf(application.coordinator.email);
    expect(mail).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: later(30) });
    expect(mail.lastError).toMatch(/callTitle/);
    expect(mail.attachments[0]?.content).toBeNull();
    expect(fake.requests).toEqual([]);

    await prisma.applicationVersion.update({ where: { id: application.version.id }, data: { frozenFacts: application.version.frozenFacts as object } });
    expect(await deliverDueEmails({ now: later(30), transport: resend() })).toEqual({ sent: 1, failed: 0 });
    expectSubmittedContent(pdfText(fake.emails[0]!.attachments[0]!.content), application);
  });

  it("shows in the development mailbox as not yet made, and its download renders and keeps it", async () => {
    vi.stubEnv("PORTAL_MODE", "demo");
    vi.stubEnv("RESEND_API_KEY", "");
    try {
      const application = await submitted();
      const mail = await confirmationOf(application.coordinator.email);
      expect((await getMailboxEmail(mail.id)).attachments).toEqual([expect.objectContaining({ filename: `${application.receipt.receiptNumber}.pdf`, sizeBytes: null })]);
      const download = await getMailboxAttachment(mail.id, mail.attachments[0]!.id);
      expectSubmittedContent(pdfText(download.content), application);
      expect((await getMailboxEmail(mail.id)).attachments[0]?.sizeBytes).toBe(download.content.byteLength);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("versions frozen before their facts were kept", () => {
  it("render with today's form, names and files, as the demo seed's versions do", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    // Written as the demo seed writes its versions: answers only.
    const version = await prisma.applicationVersion.create({
      data: { applicationId, number: 1, answers: completeAnswers as object, receiptNumber: `ALT-${applicationId}`, submittedAt: DURING, submittedById: network.coordinator.id },
    });
    const text = pdfText(await renderVersionPdf(version.id, "de"));
    expect(text.split("\n")).toEqual(expect.arrayContaining([`ALT-${applicationId}`, network.networkName, network.coordinator.name, "Titel", "MINT für alle"]));
  });
});

describe("downloading a version's PDF", () => {
  async function download(person: CurrentUser | null, applicationId: string, versionNumber: string) {
    const browser = await browserOf(person);
    const request = new Request(`${baseUrl}/applications/${applicationId}/versions/${versionNumber}/pdf`, { headers: { Cookie: browser.cookie } });
    try {
      return await versionPdfLoader({ request, params: { applicationId, versionNumber }, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("serves each submitted version to everyone who may read the application, in the reader's language", async () => {
    const application = await submitted();
    await changeEverythingAfterwards(application);
    const collaborator = await addMember(application.networkId, "COLLABORATOR");
    const admin = await createPerson("ADMIN");
    const sharedWith = await createPerson("STATE_COORDINATOR");
    await prisma.applicationShare.create({ data: { applicationId: application.applicationId, sharedWithUserId: sharedWith.id } });
    await submitApplication(application.coordinator, { applicationId: application.applicationId }, { baseUrl, now: later(180) });
    const juror = await createPerson("JUROR");
    await prisma.reviewAssignment.create({ data: { applicationId: application.applicationId, jurorId: juror.id, assignedById: application.manager.id, releasedAt: new Date() } });

    for (const reader of [application.coordinator, collaborator, application.manager, admin, sharedWith, juror]) {
      const response = await download(reader, application.applicationId, "1");
      expect(response.status, reader.role).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toContain(`filename="${application.receipt.receiptNumber}.pdf"`);
      expectSubmittedContent(pdfText(new Uint8Array(await response.arrayBuffer())), application);
    }
    const secondVersion = pdfText(new Uint8Array(await (await download(application.coordinator, application.applicationId, "2")).arrayBuffer()));
    expect(secondVersion.split("\n")).toEqual(expect.arrayContaining(["Später geändert", "Geänderter Titel", "Umbenannte Ausschreibung"]));

    await prisma.user.update({ where: { id: collaborator.id }, data: { locale: "en" } });
    const english = pdfText(new Uint8Array(await (await download(collaborator, application.applicationId, "1")).arrayBuffer()));
    expect(english.split("\n")).toEqual(expect.arrayContaining(["Submitted application", "Title", "MINT für alle"]));
  });

  it("answers 404 to everyone else, to versions that do not exist, and sends visitors to the login", async () => {
    const application = await submitted();
    const stranger = (await createNetwork()).coordinator;
    const otherManager = await createPerson("MANAGER");
    const unsharedCoordinator = await createPerson("STATE_COORDINATOR");
    const unassignedJuror = await createPerson("JUROR");
    for (const outsider of [stranger, otherManager, unsharedCoordinator, unassignedJuror]) {
      expect((await download(outsider, application.applicationId, "1")).status, outsider.role).toBe(404);
    }
    for (const versionNumber of ["2", "0", "-1", "1.5", "eins"]) {
      expect((await download(application.coordinator, application.applicationId, versionNumber)).status, versionNumber).toBe(404);
    }
    expect((await download(application.coordinator, "no-such-application", "1")).status).toBe(404);
    const anonymous = await download(null, application.applicationId, "1");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
