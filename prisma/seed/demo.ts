// The demo seed: programmes, calls, networks with partners, demo accounts and a modest history of
// decided applications. Idempotent: every row has a natural key or a deterministic `seed-…` id, rows
// are created only when missing, and a marker row written last lets a second run return at once.
import type { Prisma } from "../../app/generated/prisma/client";
import { CallStatus, DecisionOutcome, NetworkRole, StageKind, UserRole } from "../../app/generated/prisma/enums";
import { demoCalls, MINT_REGIONEN_ROUND_SLUG, programmes, SPECIAL_ROUND_SLUG, type CallSpec } from "./calls";
import { demoNetworks, findDemoNetwork, type DemoNetwork } from "./networks";
import { SeededRandom } from "./random";
import { answersFor } from "./answers";
import { jurorProfiles, seedExpertise, seedSubmittedOutlines, specialRoundNetworks } from "./review";
import { seedMintRegionenRound } from "./mint-regionen-round";
import { addDays, berlinDay, shiftDay } from "./time";

export const SEED_MARKER_ID = "seed-demo-marker";

/** The client or a transaction's client: the start runs the seed as one transaction. */
type SeedClient = Prisma.TransactionClient;

export interface SeedDemoOptions {
  /** The present; open calls are placed around it, past rounds before it. */
  now: Date;
  /** The password hash every demo account gets (hash of the demo password). */
  passwordHash: string;
}

type UserKey = "admin" | "manager" | "coordinator" | "applicant" | "applicant2" | `juror${1 | 2 | 3 | 4 | 5 | 6}`;

interface DemoUser {
  key: UserKey;
  email: string;
  name: string;
  role: UserRole;
  bundesland?: "BW";
}

export const demoUsers: readonly DemoUser[] = [
  { key: "admin", email: "admin@example.org", name: "Ada Adler", role: UserRole.ADMIN },
  { key: "manager", email: "manager@example.org", name: "Manfred Maier", role: UserRole.MANAGER },
  { key: "juror1", email: "juror1@example.org", name: "Julia Jung", role: UserRole.JUROR },
  { key: "juror2", email: "juror2@example.org", name: "Jonas Jäger", role: UserRole.JUROR },
  { key: "juror3", email: "juror3@example.org", name: "Johanna Jansen", role: UserRole.JUROR },
  { key: "juror4", email: "juror4@example.org", name: "Jakob Jost", role: UserRole.JUROR },
  { key: "juror5", email: "juror5@example.org", name: "Jana Jordan", role: UserRole.JUROR },
  { key: "juror6", email: "juror6@example.org", name: "Jens Jürgens", role: UserRole.JUROR },
  { key: "applicant", email: "applicant@example.org", name: "Anna Achterberg", role: UserRole.APPLICANT },
  { key: "applicant2", email: "applicant2@example.org", name: "Anton Albers", role: UserRole.APPLICANT },
  {
    key: "coordinator",
    email: "coordinator@example.org",
    name: "Konstanze Koch",
    role: UserRole.STATE_COORDINATOR,
    bundesland: "BW",
  },
];

/** The network the demo applicant coordinates, and the one of the second applicant. */
export const APPLICANT_NETWORK = { name: "MINT-Region Freiburg", bundesland: "BW" } as const;
export const APPLICANT2_NETWORK = { name: "MINT-Region Südhessen", bundesland: "HE" } as const;

const JUROR_KEYS: readonly UserKey[] = ["juror1", "juror2", "juror3", "juror4", "juror5", "juror6"];

// ---------------------------------------------------------------------------------------------

export async function seedDemo(prisma: SeedClient, options: SeedDemoOptions): Promise<{ created: boolean }> {
  const { now, passwordHash } = options;
  if (await prisma.auditEvent.findUnique({ where: { id: SEED_MARKER_ID }, select: { id: true } })) {
    return { created: false };
  }
  if (now.getTime() < Date.UTC(2024, 0, 1)) {
    throw new Error("The demo seed places its past rounds up to 2023: `now` must be in 2024 or later.");
  }

  const users = await seedUsers(prisma, now, passwordHash);
  const programmeIds = await seedProgrammes(prisma, users.manager);
  const networkIds = await seedNetworks(prisma, now, users);
  const calls = demoCalls(now);
  const callIds = await seedCalls(prisma, calls, programmeIds, users);
  await seedApplications(prisma, now, calls, callIds, networkIds, users);
  await seedReview(prisma, calls, callIds, programmeIds, networkIds, users);
  await seedCurrentMintRegionenRound(prisma, now, calls, callIds, networkIds, users);

  await prisma.auditEvent.create({
    data: {
      id: SEED_MARKER_ID,
      entityType: "seed",
      entityId: "demo",
      action: "seeded",
      data: { now: now.toISOString() },
      createdAt: now,
    },
  });
  return { created: true };
}

// ---------------------------------------------------------------------------------------------
// Review: the special round's outlines wait for the eligibility check; jurors have profiles

const applicantNetworks = () =>
  [findDemoNetwork(APPLICANT_NETWORK.name, APPLICANT_NETWORK.bundesland), findDemoNetwork(APPLICANT2_NETWORK.name, APPLICANT2_NETWORK.bundesland)] as const;

/** The special round's outline networks and the jurors' profiles that go with them. */
function reviewDemo() {
  const [applicant, applicant2] = applicantNetworks();
  const networks = specialRoundNetworks(applicant, applicant2);
  return { applicant, networks, profiles: jurorProfiles(networks) };
}

async function seedReview(
  prisma: SeedClient,
  calls: CallSpec[],
  seededCalls: Map<string, SeededCall>,
  programmeIds: Map<string, string>,
  networkIds: Map<string, string>,
  users: Record<UserKey, string>,
): Promise<void> {
  const { applicant, networks, profiles } = reviewDemo();
  await seedExpertise(prisma, programmeIds, JUROR_KEYS.map((key, index) => ({ userId: users[key], profile: profiles[index]! })));
  const spec = required(calls.find((call) => call.slug === SPECIAL_ROUND_SLUG), SPECIAL_ROUND_SLUG);
  const seeded = required(seededCalls.get(SPECIAL_ROUND_SLUG), SPECIAL_ROUND_SLUG);
  await seedSubmittedOutlines(prisma, {
    spec,
    callId: seeded.id,
    stageId: seeded.stageIds[0]!,
    networks,
    networkIds,
    submitterOf: (network) => (network === applicant ? users.applicant : users.admin),
  });
}

/** The current MINT-Regionen round, reviewed by the six demo jurors and waiting for decisions. */
async function seedCurrentMintRegionenRound(
  prisma: SeedClient,
  now: Date,
  calls: CallSpec[],
  seededCalls: Map<string, SeededCall>,
  networkIds: Map<string, string>,
  users: Record<UserKey, string>,
): Promise<void> {
  const { profiles } = reviewDemo();
  const spec = required(calls.find((call) => call.slug === MINT_REGIONEN_ROUND_SLUG), MINT_REGIONEN_ROUND_SLUG);
  const seeded = required(seededCalls.get(MINT_REGIONEN_ROUND_SLUG), MINT_REGIONEN_ROUND_SLUG);
  await seedMintRegionenRound(prisma, {
    now,
    spec,
    callId: seeded.id,
    stageId: seeded.stageIds[0]!,
    networkIds,
    excluded: [...applicantNetworks()],
    managerId: users.manager,
    submitterId: users.admin,
    jurors: JUROR_KEYS.map((key, index) => ({ key, id: users[key], organisation: profiles[index]!.organisation })),
  });
}

// ---------------------------------------------------------------------------------------------
// Accounts

async function seedUsers(prisma: SeedClient, now: Date, passwordHash: string): Promise<Record<UserKey, string>> {
  const { profiles } = reviewDemo();
  const profileOf = (key: UserKey) => {
    const index = JUROR_KEYS.indexOf(key);
    return index < 0 ? null : profiles[index]!;
  };
  await prisma.user.createMany({
    data: demoUsers.map((user) => ({
      id: `seed-user-${user.key}`,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: "de" as const,
      bundesland: profileOf(user.key)?.bundesland ?? user.bundesland ?? null,
      organisation: profileOf(user.key)?.organisation ?? "",
      emailDomains: profileOf(user.key)?.emailDomains ?? [],
      passwordHash,
      emailVerifiedAt: now,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  const rows = await prisma.user.findMany({
    where: { email: { in: demoUsers.map((user) => user.email) } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  const ids = {} as Record<UserKey, string>;
  for (const user of demoUsers) ids[user.key] = required(byEmail.get(user.email), user.email);
  return ids;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo seed could not find or create ${what}`);
  return value;
}

async function seedProgrammes(prisma: SeedClient, managerId: string): Promise<Map<string, string>> {
  await prisma.programme.createMany({ data: [...programmes], skipDuplicates: true });
  const rows = await prisma.programme.findMany({
    where: { slug: { in: programmes.map((programme) => programme.slug) } },
    select: { id: true, slug: true },
  });
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  await prisma.programmeManager.createMany({
    data: [...ids.values()].map((programmeId) => ({ programmeId, userId: managerId })),
    skipDuplicates: true,
  });
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Networks

const networkKey = (name: string, bundesland: string) => `${name}|${bundesland}`;

async function seedNetworks(
  prisma: SeedClient,
  now: Date,
  users: Record<UserKey, string>,
): Promise<Map<string, string>> {
  // Networks and partners are the bulk of the seed: one statement each, the rows passed as one JSON
  // parameter (many times faster than a multi-row insert with thousands of bound parameters on PGlite).
  const networkRows = demoNetworks.map((network) => ({
    id: network.id,
    name: network.name,
    kind: network.kind,
    bundesland: network.bundesland,
    region: network.region,
    description: network.description,
  }));
  await prisma.$executeRaw`
    INSERT INTO "Network" ("id", "name", "kind", "bundesland", "region", "description", "createdAt", "updatedAt")
    SELECT r."id", r."name", r."kind"::"NetworkKind", r."bundesland"::"Bundesland", r."region", r."description", ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(networkRows)}::jsonb)
      AS r("id" text, "name" text, "kind" text, "bundesland" text, "region" text, "description" text)
    ON CONFLICT DO NOTHING`;
  const rows = await prisma.network.findMany({
    where: { name: { in: demoNetworks.map((network) => network.name) } },
    select: { id: true, name: true, bundesland: true },
  });
  const ids = new Map(rows.map((row) => [networkKey(row.name, row.bundesland), row.id]));
  const idOf = (network: DemoNetwork) => {
    const id = ids.get(networkKey(network.name, network.bundesland));
    if (!id) throw new Error(`Network ${network.name} was not created`);
    return id;
  };

  const partnerRows = demoNetworks.flatMap((network) =>
    network.partners.map((partner) => ({
      id: partner.id,
      networkId: idOf(network),
      name: partner.name,
      type: partner.type,
      roleInNetwork: partner.roleInNetwork,
      position: partner.position,
    })),
  );
  await prisma.$executeRaw`
    INSERT INTO "NetworkPartner" ("id", "networkId", "name", "type", "roleInNetwork", "position", "createdAt")
    SELECT r."id", r."networkId", r."name", r."type"::"PartnerType", r."roleInNetwork", r."position", ${now}
    FROM jsonb_to_recordset(${JSON.stringify(partnerRows)}::jsonb)
      AS r("id" text, "networkId" text, "name" text, "type" text, "roleInNetwork" text, "position" integer)
    ON CONFLICT DO NOTHING`;

  await prisma.networkMembership.createMany({
    data: [
      {
        userId: users.applicant,
        networkId: idOf(findDemoNetwork(APPLICANT_NETWORK.name, APPLICANT_NETWORK.bundesland)),
        role: NetworkRole.COORDINATOR,
      },
      {
        userId: users.applicant2,
        networkId: idOf(findDemoNetwork(APPLICANT2_NETWORK.name, APPLICANT2_NETWORK.bundesland)),
        role: NetworkRole.COORDINATOR,
      },
    ],
    skipDuplicates: true,
  });
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Calls, stages, forms, rubrics, juries

interface SeededCall {
  id: string;
  stageIds: string[];
}

async function seedCalls(
  prisma: SeedClient,
  calls: CallSpec[],
  programmeIds: Map<string, string>,
  users: Record<UserKey, string>,
): Promise<Map<string, SeededCall>> {
  const slugs = calls.map((spec) => spec.slug);
  // A call that already exists keeps its id; the others get their deterministic one.
  const existing = await prisma.call.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const callIds = new Map(calls.map((spec) => [spec.slug, spec.id]));
  for (const row of existing) callIds.set(row.slug, row.id);
  const callId = (slug: string) => required(callIds.get(slug), `call ${slug}`);

  await prisma.call.createMany({
    data: calls.map(({ stages: _stages, programmeSlug, copiedFromSlug, ...fields }) => ({
      ...fields,
      programmeId: required(programmeIds.get(programmeSlug), `programme ${programmeSlug}`),
      copiedFromId: copiedFromSlug ? callId(copiedFromSlug) : null,
    })),
    skipDuplicates: true,
  });

  await prisma.callStage.createMany({
    data: calls.flatMap((spec) =>
      spec.stages.map((stage, index) => ({
        id: `${spec.id}-stage-${index + 1}`,
        callId: callId(spec.slug),
        position: index + 1,
        kind: stage.kind,
        opensAt: stage.opensAt,
        closesAt: stage.closesAt,
        createdAt: spec.createdAt,
      })),
    ),
    skipDuplicates: true,
  });
  const stageRows = await prisma.callStage.findMany({
    where: { callId: { in: [...callIds.values()] } },
    select: { id: true, callId: true, position: true },
  });
  const stageIdByPosition = new Map(stageRows.map((row) => [`${row.callId}#${row.position}`, row.id]));
  const seeded = new Map<string, SeededCall>();
  const stages = calls.flatMap((spec) => {
    const stageIds = spec.stages.map((_stage, index) =>
      required(stageIdByPosition.get(`${callId(spec.slug)}#${index + 1}`), `stage ${index + 1} of ${spec.slug}`),
    );
    seeded.set(spec.slug, { id: callId(spec.slug), stageIds });
    return spec.stages.map((stage, index) => ({ spec, stage, stageId: stageIds[index]! }));
  });

  await prisma.formDefinition.createMany({
    data: stages.map(({ spec, stage, stageId }) => ({
      id: `${stageId}-form`,
      stageId,
      version: 1,
      definition: stage.form,
      publishedAt: spec.publishedAt,
    })),
    skipDuplicates: true,
  });

  await prisma.rubric.createMany({
    data: stages.map(({ stageId }) => ({ id: `${stageId}-rubric`, stageId, scaleMin: 0, scaleMax: 10 })),
    skipDuplicates: true,
  });
  const rubricRows = await prisma.rubric.findMany({
    where: { stageId: { in: stages.map(({ stageId }) => stageId) } },
    select: { id: true, stageId: true },
  });
  const rubricIds = new Map(rubricRows.map((row) => [row.stageId, row.id]));
  await prisma.rubricCriterion.createMany({
    data: stages.flatMap(({ stage, stageId }) => {
      const rubricId = required(rubricIds.get(stageId), `rubric of stage ${stageId}`);
      return stage.rubric.map((criterion, index) => ({
        id: `${rubricId}-criterion-${index + 1}`,
        rubricId,
        position: index + 1,
        ...criterion,
      }));
    }),
    skipDuplicates: true,
  });

  // The six demo jurors sit on the jury of every stage of every open call.
  await prisma.juryMembership.createMany({
    data: stages
      .filter(({ spec }) => spec.status === CallStatus.PUBLISHED)
      .flatMap(({ spec, stageId }) =>
        JUROR_KEYS.map((key) => ({ id: `${stageId}-jury-${key}`, callId: callId(spec.slug), stageId, userId: users[key], createdAt: spec.publishedAt })),
      ),
    skipDuplicates: true,
  });
  return seeded;
}

// ---------------------------------------------------------------------------------------------
// History: decided applications of past rounds (never on open calls)

interface ApplicationPlan {
  callSlug: string;
  stageIndex: number;
  network: DemoNetwork;
  title: string;
  outcome: DecisionOutcome;
}

const digitalSkillsTitles = [
  "Digitale Forscherwerkstatt {ort}",
  "Code & Craft {ort}",
  "Daten verstehen – {ort} lernt digital",
  "Roboter-AG-Netzwerk {ort}",
  "Medienscouts MINT {ort}",
  "Smart City Lab für Jugendliche in {ort}",
  "Programmieren von Anfang an – {ort}",
  "Making & Coding in {ort}",
];

function planApplications(now: Date): ApplicationPlan[] {
  const plans: ApplicationPlan[] = [];
  const [applicantNetwork, applicant2Network] = applicantNetworks();
  const ordinary = demoNetworks.filter(
    (network) => network.kind === "NETWORK" && network !== applicantNetwork && network !== applicant2Network,
  );
  const add = (
    callSlug: string,
    networks: DemoNetwork[],
    outcome: DecisionOutcome,
    title: (n: DemoNetwork) => string,
  ) => {
    for (const network of networks) plans.push({ callSlug, stageIndex: 0, network, title: title(network), outcome });
  };

  // Förderwettbewerb MINT-Regionen 2017: 7 chosen (the figure of the programme), 5 not.
  const mr = new SeededRandom("mint-regionen-2017").shuffle(ordinary);
  const mrTitle = (n: DemoNetwork) => `Netzwerkentwicklung ${n.name}`;
  add("mint-regionen-2017", mr.slice(0, 7), DecisionOutcome.FUNDED, mrTitle);
  add("mint-regionen-2017", mr.slice(7, 12), DecisionOutcome.REJECTED, mrTitle);

  // Digital Skills 2018: 8 funded until the end of 2020, among them the demo applicant's network.
  const ds = new SeededRandom("digital-skills-2018").shuffle(ordinary);
  const dsTitle = (n: DemoNetwork) =>
    new SeededRandom(`ds-title-${n.id}`).pick(digitalSkillsTitles).replaceAll("{ort}", n.town);
  add("digital-skills-2018", [applicantNetwork, ...ds.slice(0, 7)], DecisionOutcome.FUNDED, dsTitle);
  add("digital-skills-2018", [applicant2Network, ...ds.slice(7, 10)], DecisionOutcome.REJECTED, dsTitle);

  // MINT-Cluster round 3: four outlines, three invited to a full proposal, two of those funded.
  const mc = new SeededRandom("mint-cluster-runde-3")
    .shuffle(ordinary.filter((n) => n.bundesland !== "NW"))
    .slice(0, 4);
  const mcTitle = (n: DemoNetwork) => `MINT-Cluster ${n.town}: Forschen, Tüfteln, Programmieren`;
  mc.forEach((network, index) => {
    plans.push({
      callSlug: "mint-cluster-runde-3",
      stageIndex: 0,
      network,
      title: mcTitle(network),
      outcome: index < 3 ? DecisionOutcome.INVITED_TO_NEXT_STAGE : DecisionOutcome.REJECTED,
    });
  });
  mc.slice(0, 3).forEach((network, index) => {
    plans.push({
      callSlug: "mint-cluster-runde-3",
      stageIndex: 1,
      network,
      title: mcTitle(network),
      outcome: index < 2 ? DecisionOutcome.FUNDED : DecisionOutcome.REJECTED,
    });
  });

  // Rheinland-Pfalz founding competition: two chosen per round (2018 and 2019 shown).
  const rp = demoNetworks.filter((network) => network.bundesland === "RP" && network.kind === "NETWORK");
  const rpTitle = (n: DemoNetwork) => `Gründung ${n.name}`;
  add("rlp-gruendung-2018", rp.slice(0, 2), DecisionOutcome.FUNDED, rpTitle);
  add("rlp-gruendung-2018", rp.slice(2, 3), DecisionOutcome.REJECTED, rpTitle);
  add("rlp-gruendung-2019", rp.slice(2, 4), DecisionOutcome.FUNDED, rpTitle);
  add("rlp-gruendung-2019", rp.slice(4, 5), DecisionOutcome.REJECTED, rpTitle);

  // zdi: last year's figures reports of six NRW networks, five of which earned the seal.
  // The same calendar arithmetic as in demoCalls: the current zdi call opened ten days ago.
  const lastZdiYear = shiftDay(berlinDay(now), { days: -10 }).year - 1;
  const zdi = new SeededRandom("zdi").shuffle(
    demoNetworks.filter((network) => network.bundesland === "NW" && network.kind === "NETWORK"),
  );
  const zdiTitle = (n: DemoNetwork) => `Kurszahlen ${lastZdiYear - 1} – ${n.name}`;
  add(`zdi-qualitaetssiegel-${lastZdiYear}`, zdi.slice(0, 5), DecisionOutcome.FUNDED, zdiTitle);
  add(`zdi-qualitaetssiegel-${lastZdiYear}`, zdi.slice(5, 6), DecisionOutcome.REJECTED, zdiTitle);
  return plans;
}

const receiptPrefixes: Record<string, string> = {
  "mint-regionen": "MR",
  "digital-skills": "DS",
  "rlp-gruendung": "RLP",
  "zdi-qualitaetssiegel": "ZDI",
};

const justifications: Record<DecisionOutcome, string> = {
  FUNDED: "Die Jury hebt die breite Verankerung des Netzwerks in der Region und die klar formulierten Ziele hervor.",
  REJECTED:
    "Die Bewerbung erfüllt die formalen Voraussetzungen, konnte sich im Vergleich mit den übrigen Bewerbungen jedoch nicht durchsetzen.",
  INVITED_TO_NEXT_STAGE: "Die Skizze überzeugt; das Cluster wird aufgefordert, einen Vollantrag einzureichen.",
  WAITLISTED: "Die Bewerbung steht auf der Nachrückliste.",
};

const stateAfter: Record<DecisionOutcome, string> = {
  FUNDED: "awardAccepted",
  REJECTED: "rejected",
  INVITED_TO_NEXT_STAGE: "invitedToNextStage",
  WAITLISTED: "waitlisted",
};

async function seedApplications(
  prisma: SeedClient,
  now: Date,
  calls: CallSpec[],
  seededCalls: Map<string, SeededCall>,
  networkIds: Map<string, string>,
  users: Record<UserKey, string>,
): Promise<void> {
  const specs = new Map(calls.map((spec) => [spec.slug, spec]));
  const counters = new Map<string, number>();

  const prepared = planApplications(now).map((plan) => {
    const spec = specs.get(plan.callSlug);
    const seededCall = seededCalls.get(plan.callSlug);
    const stage = spec?.stages[plan.stageIndex];
    const stageId = seededCall?.stageIds[plan.stageIndex];
    const networkId = networkIds.get(networkKey(plan.network.name, plan.network.bundesland));
    if (!spec || !seededCall || !stage || !stageId || !networkId) {
      throw new Error(`Cannot place the demo application of ${plan.network.name} in ${plan.callSlug}`);
    }
    if (stage.closesAt.getTime() >= now.getTime() || spec.status === CallStatus.PUBLISHED) {
      throw new Error(`The demo history must not touch the open call ${spec.slug}`);
    }

    const id = `seed-application-${spec.slug}-${plan.stageIndex + 1}-${plan.network.id.replace(/^seed-network-/, "")}`;
    const random = new SeededRandom(id);

    // Receipt numbers: MR-2017-0001; MINT-Cluster outlines MCS-…, full proposals MCV-….
    const closesYear = berlinDay(stage.closesAt).year;
    const prefix =
      spec.programmeSlug === "mint-cluster"
        ? stage.kind === StageKind.OUTLINE
          ? "MCS"
          : "MCV"
        : (receiptPrefixes[spec.programmeSlug] ?? "APP");
    const counterKey = `${prefix}-${closesYear}`;
    const sequence = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, sequence);
    const receiptNumber = `${counterKey}-${String(sequence).padStart(4, "0")}`;

    const createdAt = addDays(stage.opensAt, random.int(2, 20));
    const submittedAt = new Date(
      stage.closesAt.getTime() - random.int(1, 25) * 86_400_000 - random.int(1, 600) * 60_000,
    );
    const nextStage = spec.stages[plan.stageIndex + 1];
    const decidedAt =
      plan.outcome === DecisionOutcome.INVITED_TO_NEXT_STAGE && nextStage
        ? addDays(nextStage.opensAt, -7)
        : addDays(stage.closesAt, 42);
    const createdById =
      plan.network.name === APPLICANT_NETWORK.name
        ? users.applicant
        : plan.network.name === APPLICANT2_NETWORK.name
          ? users.applicant2
          : users.admin;
    const answers = answersFor(stage.form, {
      network: plan.network,
      title: plan.title,
      random,
      start: spec.fundingStartsOn,
      end: spec.fundingEndsOn,
    });
    const amountCents =
      plan.outcome === DecisionOutcome.FUNDED && spec.maxAwardCents !== null
        ? ((spec.maxAwardCents * BigInt(random.int(76, 100))) / 100n / 50_000n) * 50_000n
        : null;
    return {
      plan,
      spec,
      stageId,
      networkId,
      id,
      receiptNumber,
      createdAt,
      submittedAt,
      decidedAt,
      createdById,
      answers,
      amountCents,
    };
  });

  // Applications (single stages and outlines first, so full proposals can point at their outline).
  const applicationIds = new Map<string, string>();
  const applicationKey = (networkId: string, stageId: string) => `${networkId}#${stageId}`;
  for (const stageIndex of [0, 1]) {
    const batch = prepared.filter((entry) => entry.plan.stageIndex === stageIndex);
    if (batch.length === 0) continue;
    await prisma.application.createMany({
      data: batch.map((entry) => ({
        id: entry.id,
        callId: required(seededCalls.get(entry.spec.slug), entry.spec.slug).id,
        stageId: entry.stageId,
        networkId: entry.networkId,
        title: entry.plan.title,
        state: stateAfter[entry.plan.outcome],
        answers: entry.answers,
        answersUpdatedAt: entry.submittedAt,
        previousApplicationId:
          stageIndex > 0
            ? required(
                applicationIds.get(
                  applicationKey(
                    entry.networkId,
                    required(seededCalls.get(entry.spec.slug), entry.spec.slug).stageIds[0]!,
                  ),
                ),
                `outline of ${entry.plan.network.name}`,
              )
            : null,
        submittedAt: entry.submittedAt,
        receiptNumber: entry.receiptNumber,
        createdById: entry.createdById,
        createdAt: entry.createdAt,
      })),
      skipDuplicates: true,
    });
    const rows = await prisma.application.findMany({
      where: { stageId: { in: [...new Set(batch.map((entry) => entry.stageId))] } },
      select: { id: true, networkId: true, stageId: true },
    });
    for (const row of rows) applicationIds.set(applicationKey(row.networkId, row.stageId), row.id);
  }
  const applicationIdOf = (entry: (typeof prepared)[number]) =>
    required(applicationIds.get(applicationKey(entry.networkId, entry.stageId)), `application ${entry.id}`);

  await prisma.applicationVersion.createMany({
    data: prepared.map((entry) => ({
      id: `${entry.id}-version-1`,
      applicationId: applicationIdOf(entry),
      number: 1,
      answers: entry.answers,
      receiptNumber: entry.receiptNumber,
      submittedAt: entry.submittedAt,
      submittedById: entry.createdById,
    })),
    skipDuplicates: true,
  });

  await prisma.decision.createMany({
    data: prepared.map((entry) => ({
      id: `${entry.id}-decision`,
      applicationId: applicationIdOf(entry),
      outcome: entry.plan.outcome,
      amountCents: entry.amountCents,
      reason: justifications[entry.plan.outcome],
      rankingBasis: "RAW" as const,
      decidedById: users.manager,
      decidedAt: entry.decidedAt,
      releasedAt: addDays(entry.decidedAt, 2),
      releasedById: users.manager,
      ...(entry.plan.outcome === DecisionOutcome.FUNDED ? { response: "ACCEPTED", respondedAt: addDays(entry.decidedAt, 9) } : {}),
    })),
    skipDuplicates: true,
  });

  await prisma.award.createMany({
    data: prepared
      .filter((entry) => entry.plan.outcome === DecisionOutcome.FUNDED)
      .map((entry) => ({
        id: `${entry.id}-award`,
        applicationId: applicationIdOf(entry),
        networkId: entry.networkId,
        amountCents: entry.amountCents,
        supportDescription: entry.spec.supportDescription,
        startsOn: entry.spec.fundingStartsOn,
        endsOn: entry.spec.fundingEndsOn,
        // Awards whose period is over are finished; the others still run (and report).
        state: entry.spec.fundingEndsOn.getTime() < now.getTime() ? "completed" : "active",
        createdAt: entry.decidedAt,
      })),
    skipDuplicates: true,
  });
}
