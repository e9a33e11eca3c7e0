// The review demo: every programme's list of expertise areas, the demo jurors' profiles and
// expertise, and the MINT-Cluster special round's outlines, submitted and waiting for the manager's
// eligibility check. Idempotent like the rest of the seed: deterministic ids, rows created only when missing.
import type { Prisma } from "../../app/generated/prisma/client";
import type { Bundesland } from "../../app/generated/prisma/enums";
import { answersFor } from "./answers";
import { SPECIAL_ROUND_SLUG, type CallSpec } from "./calls";
import { demoNetworks, type DemoNetwork } from "./networks";
import { SeededRandom } from "./random";
import { berlinDay } from "./time";

/** The areas each programme's manager offers jurors and applications (the same list for every programme). */
export const expertiseAreas = ["Informatik", "Mädchenförderung", "Berufsorientierung", "Schülerlabore", "Lehrkräftefortbildung", "Nachhaltigkeit"] as const;
type ExpertiseArea = (typeof expertiseAreas)[number];

/** How many outlines the special round received. */
export const SPECIAL_ROUND_OUTLINES = 40;

/**
 * The networks that handed in an outline: the demo applicant's (so its coordinator sees the result)
 * and others drawn once from the real network names, none from the second demo applicant's network.
 */
export function specialRoundNetworks(applicant: DemoNetwork, excluded: DemoNetwork): DemoNetwork[] {
  const others = demoNetworks.filter((network) => network.kind === "NETWORK" && network !== applicant && network !== excluded);
  return [applicant, ...new SeededRandom(SPECIAL_ROUND_SLUG).shuffle(others).slice(0, SPECIAL_ROUND_OUTLINES - 1)];
}

export interface JurorProfile {
  organisation: string;
  emailDomains: string[];
  bundesland: Bundesland;
  expertise: ExpertiseArea[];
}

/**
 * The six demo jurors' profiles. The third works for a university partner of one of the outlines'
 * networks, so the portal finds that conflict of interest by itself.
 */
export function jurorProfiles(outlineNetworks: DemoNetwork[]): JurorProfile[] {
  // A university named after the network's town, so the match points at this network and not at every roster.
  const ownUniversity = (network: DemoNetwork) => network.partners.find((partner) => partner.type === "UNIVERSITY" && partner.name.includes(network.town));
  const withUniversity = outlineNetworks.slice(1).find((network) => ownUniversity(network));
  const university = withUniversity && ownUniversity(withUniversity);
  if (!withUniversity || !university) throw new Error("No outline network of the special round has a university partner");
  return [
    { organisation: "Technische Universität Dresden", emailDomains: ["tu-dresden.de"], bundesland: "SN", expertise: ["Informatik", "Schülerlabore"] },
    { organisation: "Landesinstitut für Schulentwicklung", emailDomains: ["ls-bw.de"], bundesland: "BW", expertise: ["Lehrkräftefortbildung", "Berufsorientierung"] },
    { organisation: university.name, emailDomains: ["hochschule-demo.de"], bundesland: withUniversity.bundesland, expertise: ["Informatik", "Nachhaltigkeit"] },
    { organisation: "Industrie- und Handelskammer Nord", emailDomains: ["ihk-nord.de"], bundesland: "HH", expertise: ["Berufsorientierung", "Mädchenförderung"] },
    { organisation: "Stiftung Kinder forschen", emailDomains: ["kinder-forschen.de"], bundesland: "BE", expertise: ["Mädchenförderung", "Schülerlabore", "Lehrkräftefortbildung"] },
    { organisation: "Universität Hamburg – Didaktik der Chemie", emailDomains: ["uni-hamburg.de"], bundesland: "HH", expertise: ["Nachhaltigkeit", "Schülerlabore"] },
  ];
}

export async function seedExpertise(prisma: Prisma.TransactionClient, programmeIds: Map<string, string>, jurors: { userId: string; profile: JurorProfile }[]): Promise<void> {
  await prisma.expertiseArea.createMany({
    data: [...programmeIds.values()].flatMap((programmeId) =>
      expertiseAreas.map((name, position) => ({ id: `${programmeId}-expertise-${position + 1}`, programmeId, name, position })),
    ),
    skipDuplicates: true,
  });
  const areas = await prisma.expertiseArea.findMany({ where: { programmeId: { in: [...programmeIds.values()] } }, select: { id: true, name: true } });
  await prisma.jurorExpertise.createMany({
    data: jurors.flatMap(({ userId, profile }) => areas.filter((area) => (profile.expertise as readonly string[]).includes(area.name)).map((area) => ({ userId, areaId: area.id }))),
    skipDuplicates: true,
  });
}

/** The special round's outlines as submitted a few days before its deadline, each with its frozen version. */
export async function seedSubmittedOutlines(
  prisma: Prisma.TransactionClient,
  input: { spec: CallSpec; callId: string; stageId: string; networks: DemoNetwork[]; networkIds: Map<string, string>; submitterOf: (network: DemoNetwork) => string },
): Promise<void> {
  const stage = input.spec.stages[0]!;
  const year = berlinDay(stage.closesAt).year;
  const rows = input.networks.map((network, index) => {
    const networkId = input.networkIds.get(`${network.name}|${network.bundesland}`);
    if (!networkId) throw new Error(`Network ${network.name} was not created`);
    const id = `seed-application-${input.spec.slug}-1-${network.id.replace(/^seed-network-/, "")}`;
    const random = new SeededRandom(id);
    const title = `MINT-Cluster ${network.town}: Zukunft gestalten im Strukturwandel`;
    const submittedAt = new Date(stage.closesAt.getTime() - random.int(1, 20) * 86_400_000 - random.int(1, 600) * 60_000);
    const answers = answersFor(stage.form, { network, title, random, start: input.spec.fundingStartsOn, end: input.spec.fundingEndsOn });
    return { id, networkId, title, submittedAt, answers, receiptNumber: `SR-${year}-${String(index + 1).padStart(4, "0")}`, createdById: input.submitterOf(network) };
  });
  await prisma.application.createMany({
    data: rows.map((row) => ({
      id: row.id,
      callId: input.callId,
      stageId: input.stageId,
      networkId: row.networkId,
      title: row.title,
      state: "submitted",
      snapshot: { value: "submitted", context: { submissions: 1, ineligibleReason: null } },
      version: 1,
      answers: row.answers,
      answersUpdatedAt: row.submittedAt,
      submittedAt: row.submittedAt,
      receiptNumber: row.receiptNumber,
      createdById: row.createdById,
      createdAt: new Date(row.submittedAt.getTime() - 14 * 86_400_000),
    })),
    skipDuplicates: true,
  });
  await prisma.applicationVersion.createMany({
    data: rows.map((row) => ({
      id: `${row.id}-version-1`,
      applicationId: row.id,
      number: 1,
      answers: row.answers,
      receiptNumber: row.receiptNumber,
      submittedAt: row.submittedAt,
      submittedById: row.createdById,
    })),
    skipDuplicates: true,
  });
}
