import { describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import { acceptInvitation, inviteCollaborator } from "../../app/server/accounts/accounts.server";
import { networkForMember, removePartner, savePartner, updateNetworkProfile } from "../../app/server/networks/networks.server";
import { applicationForPage, saveDraft, startApplication } from "../../app/server/applications/applications.server";
import { createPerson, lastMailLink } from "../support/accounts";
import { addMember, createCall, createNetwork, DURING } from "../support/application-fixtures";

const baseUrl = "http://portal.test";

describe("the network's profile and partner roster", () => {
  it("lets members edit region, description and website; the name stays", async () => {
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    await updateNetworkProfile(collaborator, { networkId: network.networkId, region: "Ortenau", description: "Wir vernetzen Schulen.", website: "https://mint-ortenau.de" });
    const stored = await prisma.network.findUniqueOrThrow({ where: { id: network.networkId } });
    expect(stored).toMatchObject({ name: network.networkName, region: "Ortenau", description: "Wir vernetzen Schulen.", website: "https://mint-ortenau.de" });
    expect(await prisma.auditEvent.count({ where: { entityId: network.networkId, action: "profile-updated" } })).toBe(1);
  });

  it("refuses people of other networks with 404", async () => {
    const network = await createNetwork([{ name: "Schule", type: "SCHOOL" }]);
    const stranger = (await createNetwork()).coordinator;
    const partner = await prisma.networkPartner.findFirstOrThrow({ where: { networkId: network.networkId } });
    await expect(updateNetworkProfile(stranger, { networkId: network.networkId, region: "X", description: "", website: null })).rejects.toMatchObject({ status: 404 });
    await expect(savePartner(stranger, { networkId: network.networkId, name: "Fremd", type: "OTHER", roleInNetwork: "", contactEmail: null })).rejects.toMatchObject({ status: 404 });
    await expect(savePartner(stranger, { networkId: network.networkId, partnerId: partner.id, name: "Fremd", type: "OTHER", roleInNetwork: "", contactEmail: null })).rejects.toMatchObject({ status: 404 });
    await expect(removePartner(stranger, { networkId: network.networkId, partnerId: partner.id })).rejects.toMatchObject({ status: 404 });
    // A partner of another network cannot be reached through one's own network either.
    await expect(savePartner(stranger, { networkId: (await prisma.networkMembership.findFirstOrThrow({ where: { userId: stranger.id } })).networkId, partnerId: partner.id, name: "X", type: "OTHER", roleInNetwork: "", contactEmail: null })).rejects.toMatchObject({ status: 404 });
    expect(await prisma.networkPartner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ name: "Schule" });
    expect((await prisma.network.findUniqueOrThrow({ where: { id: network.networkId } })).region).toBe("Freiburg");
  });

  it("adds, edits and removes partners; new applications start with the roster as it is then", async () => {
    const network = await createNetwork();
    const { partnerId } = await savePartner(network.coordinator, { networkId: network.networkId, name: "Hochschule Offenburg", type: "SCHOOL", roleInNetwork: "Labore", contactEmail: "labor@hs.example" });
    await savePartner(network.coordinator, { networkId: network.networkId, name: "Kita Regenbogen", type: "KITA", roleInNetwork: "", contactEmail: null });
    await savePartner(network.coordinator, { networkId: network.networkId, partnerId, name: "Hochschule Offenburg", type: "COMPANY", roleInNetwork: "Labore und Praktika", contactEmail: null });
    const page = await networkForMember(network.coordinator, null);
    expect(page.network?.partners.map((partner) => [partner.name, partner.type, partner.roleInNetwork, partner.contactEmail])).toEqual([
      ["Hochschule Offenburg", "COMPANY", "Labore und Praktika", null],
      ["Kita Regenbogen", "KITA", "", null],
    ]);
    const kita = page.network!.partners[1]!;
    await removePartner(network.coordinator, { networkId: network.networkId, partnerId: kita.id });
    const call = await createCall();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    const application = await applicationForPage(network.coordinator, applicationId, DURING);
    expect(application.answers.fields?.partnerList).toEqual([{ name: "Hochschule Offenburg", type: "COMPANY", role: "Labore und Praktika" }]);
  });

  it("shows the networks of the person, their people, and invitations only to coordinators", async () => {
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    await inviteCollaborator(network.coordinator, { networkId: network.networkId, name: "Nina Neu", email: "nina.neu@example.test", locale: "de" }, { baseUrl });
    const forCoordinator = await networkForMember(network.coordinator, network.networkId);
    expect(forCoordinator.network).toMatchObject({ coordinator: true, invitations: [{ name: "Nina Neu", email: "nina.neu@example.test" }] });
    expect(forCoordinator.network?.memberships.map((membership) => membership.role)).toEqual(["COORDINATOR", "COLLABORATOR"]);
    const forCollaborator = await networkForMember(collaborator, network.networkId);
    expect(forCollaborator.network).toMatchObject({ coordinator: false, invitations: [] });
    const outsider = await networkForMember(await createPerson("APPLICANT"), network.networkId);
    expect(outsider).toEqual({ networks: [], network: null });
  });
});

describe("inviting collaborators", () => {
  it("mails an invitation; accepting it makes a collaborator who can edit the network's applications", async () => {
    const call = await createCall();
    const network = await createNetwork();
    const { applicationId } = await startApplication(network.coordinator, { callSlug: call.slug }, DURING);
    await inviteCollaborator(network.coordinator, { networkId: network.networkId, name: "Paul Partner", email: "paul.partner@example.test", locale: "en" }, { baseUrl });
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email: "paul.partner@example.test" } });
    expect(invitation).toMatchObject({ role: "APPLICANT", networkId: network.networkId, invitedById: network.coordinator.id });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { toEmail: "paul.partner@example.test" } });
    expect(mail).toMatchObject({ template: "collaborator-invitation", locale: "en", subject: `Invitation to the network ${network.networkName}` });
    const token = await lastMailLink("paul.partner@example.test", "/invitation");
    const accepted = await acceptInvitation(token, "ein langes passwort");
    expect(accepted?.role).toBe("APPLICANT");
    const membership = await prisma.networkMembership.findFirstOrThrow({ where: { userId: accepted!.userId } });
    expect(membership).toMatchObject({ networkId: network.networkId, role: "COLLABORATOR" });
    const paul = { id: accepted!.userId, role: "APPLICANT" as const };
    expect(await applicationForPage(paul, applicationId, DURING)).toMatchObject({ editable: true, canEdit: true });
    await expect(saveDraft(paul, { applicationId, baseRevision: 0, draft: { answers: { eligibility: { registered: true }, fields: {} }, conditionAnswers: [], fieldsShown: false } }, DURING)).resolves.toEqual({
      revision: 1,
    });
  });

  it("lets only coordinators invite, and refuses an address that already has an account", async () => {
    const network = await createNetwork();
    const collaborator = await addMember(network.networkId, "COLLABORATOR");
    await expect(inviteCollaborator(collaborator, { networkId: network.networkId, name: "X", email: "x@example.test", locale: "de" }, { baseUrl })).rejects.toMatchObject({
      messageKey: "networkPage.invite.coordinatorOnly",
    });
    const stranger = (await createNetwork()).coordinator;
    await expect(inviteCollaborator(stranger, { networkId: network.networkId, name: "X", email: "x@example.test", locale: "de" }, { baseUrl })).rejects.toMatchObject({
      messageKey: "networkPage.invite.coordinatorOnly",
    });
    await expect(inviteCollaborator(network.coordinator, { networkId: network.networkId, name: "X", email: collaborator.email, locale: "de" }, { baseUrl })).rejects.toMatchObject({
      messageKey: "invite.alreadyUser",
      options: { field: "email" },
    });
    expect(await prisma.invitation.count({ where: { networkId: network.networkId } })).toBe(0);
  });
});
