// The current MINT-Regionen round as the jury left it: 42 applications from real network names, checked
// (40 eligible, 2 not, with reasons) and released, three reviews each, all submitted, nothing decided
// yet. One juror scores a point higher than the others and one a point lower, and two applications
// divide the jury, so the ranking's normalisation and its disagreement marks have something to show.
// Every step is in the audit log as the portal would have written it. Idempotent like the rest of the
// seed: deterministic ids, rows created only when missing.
import type { Prisma } from "../../app/generated/prisma/client";
import { weightedTotal, type Confidence, type Recommendation } from "../../app/forms/review-scores";
import { answersFor } from "./answers";
import type { CallSpec } from "./calls";
import { demoNetworks, type DemoNetwork } from "./networks";
import { SeededRandom } from "./random";
import { addDays, berlinDay, berlinTime, shiftDay } from "./time";

export const MINT_REGIONEN_ROUND_APPLICATIONS = 42;
export const MINT_REGIONEN_ROUND_REVIEWS_PER_APPLICATION = 3;

/** The two applications the check found not eligible, with the manager's reasons. */
export const MINT_REGIONEN_ROUND_INELIGIBLE_REASONS = [
  "Das Netzwerk besteht erst seit acht Monaten; die Ausschreibung verlangt mindestens ein Jahr.",
  "Die Bewerbung nennt keine koordinierende Stelle; die Partner wechseln sich in der Leitung ab.",
] as const;

/** How much higher (or lower) than the others a juror scores, in points per criterion. */
export const JUROR_LENIENCY: Readonly<Record<string, number>> = { juror2: 1, juror4: -1 };

interface Juror {
  key: string;
  id: string;
  organisation: string;
}

export interface RoundInput {
  now: Date;
  spec: CallSpec;
  callId: string;
  stageId: string;
  networkIds: Map<string, string>;
  /** Networks whose demo accounts should keep their own start pages as they are (the applicants'). */
  excluded: DemoNetwork[];
  managerId: string;
  submitterId: string;
  jurors: Juror[];
}

const SCALE = { scaleMin: 0, scaleMax: 10 };

const praise = {
  high: [
    "Ein überzeugender Antrag mit klaren Zielen.",
    "Das Netzwerk ist breit aufgestellt und gut koordiniert.",
    "Die Partner tragen das Vorhaben sichtbar mit.",
    "Sehr gut nachvollziehbarer Beratungsbedarf.",
    "Die Angebote erreichen viele Schulen der Region.",
    "Ein Netzwerk, das von der Beratung deutlich profitieren wird.",
  ],
  middle: [
    "Solide Arbeit, die Ziele könnten konkreter sein.",
    "Gute Ansätze, der Partnerkreis ist noch schmal.",
    "Die Angebote sind vielfältig, die Koordination wirkt knapp besetzt.",
    "Der Antrag ist schlüssig, aber wenig ehrgeizig.",
    "Die Verankerung in der Kommune sollte gestärkt werden.",
    "Plausibler Bedarf, der Zeitplan ist eng.",
  ],
  low: [
    "Die Entwicklungsziele bleiben vage.",
    "Der Antrag beschreibt vor allem bestehende Angebote.",
    "Ein Beratungsbedarf ist kaum zu erkennen.",
    "Die Wirtschaft ist im Netzwerk nicht vertreten.",
    "Die Koordination ist nicht dauerhaft gesichert.",
    "Wenig Bezug zur Region und ihren Schulen.",
  ],
};

const advice = [
  "Empfehlung: Mädchen gezielter ansprechen.",
  "Die Finanzierung der Geschäftsstelle nach zwei Jahren sollte geklärt werden.",
  "Ein Austausch mit benachbarten MINT-Regionen läge nahe.",
  "Messbare Zwischenziele würden helfen.",
  "Die Schulen im ländlichen Raum verdienen mehr Aufmerksamkeit.",
  "Die Rolle der Hochschule könnte deutlicher werden.",
  "",
  "",
];

const criterionRemarks = {
  high: ["Stark.", "Überzeugend dargestellt.", "Vorbildlich.", "Klar und verbindlich."],
  middle: ["In Ordnung.", "Ausbaufähig.", "Teilweise überzeugend.", "Solide."],
  low: ["Schwach belegt.", "Kaum ausgeführt.", "Unklar.", "Fehlt weitgehend."],
};

const band = (score: number) => (score >= 7 ? "high" : score >= 4.5 ? "middle" : "low");

const recommendationFor = (total: number): Recommendation => (total >= 7 ? "FUND" : total >= 4.5 ? "FUND_WITH_CHANGES" : "DO_NOT_FUND");

/** A juror may not review an application of a network that has their organisation among its partners. */
const conflicted = (juror: Juror, network: DemoNetwork) => network.partners.some((partner) => partner.name === juror.organisation);

/** The round's applications, in receipt order; the same every time. */
export function mintRegionenRoundNetworks(excluded: DemoNetwork[]): DemoNetwork[] {
  const candidates = demoNetworks.filter((network) => network.kind === "NETWORK" && !excluded.includes(network));
  return new SeededRandom("mint-regionen-runde-2").shuffle(candidates).slice(0, MINT_REGIONEN_ROUND_APPLICATIONS);
}

export async function seedMintRegionenRound(prisma: Prisma.TransactionClient, input: RoundInput): Promise<void> {
  const { spec, stageId, callId, managerId, jurors } = input;
  const stage = spec.stages[0]!;
  const closes = stage.closesAt;
  const closesDay = berlinDay(closes);
  const at = (days: number, hour: number, minute = 0) => berlinTime(shiftDay(closesDay, { days }), hour, minute);
  const checkStartedAt = at(1, 9);
  const releasedAt = at(4, 10);
  const assignedAt = at(5, 14);
  const assignmentsReleasedAt = at(6, 9);
  const reviewDueAt = at(28, 23, 59);
  if (reviewDueAt.getTime() >= input.now.getTime()) throw new Error("The MINT-Regionen round's reviews must be due before `now`");

  const criteria = await prisma.rubricCriterion.findMany({ where: { rubric: { stageId } }, select: { id: true, weight: true }, orderBy: { position: "asc" } });
  if (criteria.length === 0) throw new Error("The MINT-Regionen round has no rubric");
  const rubric = { ...SCALE, criteria };

  await prisma.callStage.updateMany({ where: { id: stageId }, data: { reviewsPerApplication: MINT_REGIONEN_ROUND_REVIEWS_PER_APPLICATION, reviewDueAt, eligibilityReleasedAt: releasedAt } });
  await prisma.juryMembership.createMany({
    data: jurors.map((juror) => ({ id: `${stageId}-jury-${juror.key}`, callId, stageId, userId: juror.id, noConflictsDeclaredAt: at(3, 16), createdAt: spec.publishedAt })),
    skipDuplicates: true,
  });

  const year = closesDay.year;
  const networks = mintRegionenRoundNetworks(input.excluded);
  // The ineligible ones are drawn once; the two that divide the jury come from the middle of the field.
  const ineligible = new Set(new SeededRandom("mint-regionen-runde-2-ineligible").shuffle(networks.map((_, index) => index)).slice(0, MINT_REGIONEN_ROUND_INELIGIBLE_REASONS.length));
  const eligibleIndexes = networks.map((_, index) => index).filter((index) => !ineligible.has(index));
  const divided = new Map([
    [eligibleIndexes[9]!, +4],
    [eligibleIndexes[23]!, -4],
  ]);

  const applications = networks.map((network, index) => {
    const networkId = input.networkIds.get(`${network.name}|${network.bundesland}`);
    if (!networkId) throw new Error(`Network ${network.name} was not created`);
    const id = `seed-application-${spec.slug}-1-${network.id.replace(/^seed-network-/, "")}`;
    const random = new SeededRandom(id);
    const title = `Netzwerkentwicklung ${network.name}`;
    const submittedAt = new Date(closes.getTime() - random.int(1, 30) * 86_400_000 - random.int(1, 600) * 60_000);
    const answers = answersFor(stage.form, { network, title, random, start: spec.fundingStartsOn, end: spec.fundingEndsOn });
    const reasonIndex = [...ineligible].indexOf(index);
    const ineligibleReason = reasonIndex >= 0 ? MINT_REGIONEN_ROUND_INELIGIBLE_REASONS[reasonIndex]! : null;
    // The application's merit on the rubric's scale; the two that divide the jury sit in the middle.
    const quality = divided.has(index) ? 5.5 : 3 + random.next() * 5.5;
    return { id, network, networkId, title, submittedAt, answers, ineligibleReason, quality, receiptNumber: `MR-${year}-${String(index + 1).padStart(4, "0")}`, checkedAt: at(2, 9, index * 7) };
  });

  await prisma.application.createMany({
    data: applications.map((application) => ({
      id: application.id,
      callId,
      stageId,
      networkId: application.networkId,
      title: application.title,
      state: application.ineligibleReason ? "ineligible" : "inReview",
      snapshot: { value: application.ineligibleReason ? "ineligible" : "inReview", context: { submissions: 1, ineligibleReason: application.ineligibleReason, fromWaitlist: false } },
      // Submitted, the check started, the check's result: three changes.
      version: 3,
      answers: application.answers,
      answersUpdatedAt: application.submittedAt,
      submittedAt: application.submittedAt,
      receiptNumber: application.receiptNumber,
      createdById: input.submitterId,
      createdAt: new Date(application.submittedAt.getTime() - 21 * 86_400_000),
    })),
    skipDuplicates: true,
  });
  await prisma.applicationVersion.createMany({
    data: applications.map((application) => ({
      id: `${application.id}-version-1`,
      applicationId: application.id,
      number: 1,
      answers: application.answers,
      receiptNumber: application.receiptNumber,
      submittedAt: application.submittedAt,
      submittedById: input.submitterId,
    })),
    skipDuplicates: true,
  });

  // Three jurors per eligible application, always the least loaded ones (ties drawn), never a conflicted one: 20 each.
  const load = new Map(jurors.map((juror) => [juror.key, 0]));
  const reviews = applications.flatMap((application, index) => {
    if (application.ineligibleReason) return [];
    const random = new SeededRandom(`${application.id}-jury`);
    const panel = random
      .shuffle(jurors.filter((juror) => !conflicted(juror, application.network)))
      .sort((a, b) => load.get(a.key)! - load.get(b.key)!)
      .slice(0, MINT_REGIONEN_ROUND_REVIEWS_PER_APPLICATION);
    for (const juror of panel) load.set(juror.key, load.get(juror.key)! + 1);
    const criterionLean = criteria.map(() => random.int(-1, 1));
    return panel.map((juror, seat) => {
      const own = new SeededRandom(`${application.id}-${juror.key}`);
      // One juror sees a divided application quite differently: the first is taken with one, the last unconvinced by the other.
      const lean = divided.get(index);
      const shift = lean === undefined ? 0 : seat === (lean > 0 ? 0 : panel.length - 1) ? lean : 0;
      const scores = Object.fromEntries(
        criteria.map((criterion, position) => {
          const raw = application.quality + criterionLean[position]! + (JUROR_LENIENCY[juror.key] ?? 0) + shift + own.pick([-1, 0, 0, 1]);
          return [criterion.id, Math.min(SCALE.scaleMax, Math.max(SCALE.scaleMin, Math.round(raw)))];
        }),
      );
      const total = weightedTotal(rubric, scores)!;
      const remarked = own.shuffle(criteria).slice(0, own.int(0, 2));
      const criterionComments = Object.fromEntries(remarked.map((criterion) => [criterion.id, own.pick(criterionRemarks[band(scores[criterion.id]!)])]));
      const comment = [own.pick(praise[band(total)]), own.pick(advice)].filter(Boolean).join(" ");
      const confidence: Confidence = own.pick(["HIGH", "HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW"] as const);
      // Started within twelve days of the release, submitted within eight more: all before the deadline.
      const startedAt = addDays(assignmentsReleasedAt, own.int(1, 12));
      const submittedAt = new Date(startedAt.getTime() + own.int(0, 8) * 86_400_000 + own.int(30, 600) * 60_000);
      return {
        assignmentId: `${application.id}-assignment-${juror.key}`,
        reviewId: `${application.id}-review-${juror.key}`,
        applicationId: application.id,
        juror,
        scores,
        criterionComments,
        comment,
        recommendation: recommendationFor(total),
        confidence,
        total,
        startedAt,
        submittedAt,
      };
    });
  });

  await prisma.reviewAssignment.createMany({
    data: reviews.map((review) => ({
      id: review.assignmentId,
      applicationId: review.applicationId,
      jurorId: review.juror.id,
      source: "AUTOMATIC" as const,
      assignedById: managerId,
      assignedAt,
      releasedAt: assignmentsReleasedAt,
      dueAt: reviewDueAt,
    })),
    skipDuplicates: true,
  });
  await prisma.review.createMany({
    data: reviews.map((review) => ({
      id: review.reviewId,
      assignmentId: review.assignmentId,
      state: "submitted",
      snapshot: { value: "submitted", context: { submissions: 1, abstainReason: null, reopenReason: null } },
      // Started, then submitted.
      version: 2,
      scores: review.scores,
      criterionComments: review.criterionComments,
      comment: review.comment,
      recommendation: review.recommendation,
      confidence: review.confidence,
      weightedTotal: review.total,
      submittedAt: review.submittedAt,
      createdAt: assignedAt,
      updatedAt: review.submittedAt,
    })),
    skipDuplicates: true,
  });

  const eligibleCount = applications.filter((application) => !application.ineligibleReason).length;
  await prisma.auditEvent.createMany({
    data: [
      ...applications.flatMap((application) => [
        { id: `${application.id}-audit-submit`, actorId: input.submitterId, entityType: "Application", entityId: application.id, action: "SUBMIT", fromState: "draft", toState: "submitted", data: {}, createdAt: application.submittedAt },
        { id: `${application.id}-audit-check`, actorId: managerId, entityType: "Application", entityId: application.id, action: "START_ELIGIBILITY_CHECK", fromState: "submitted", toState: "eligibilityCheck", data: {}, createdAt: checkStartedAt },
        application.ineligibleReason
          ? { id: `${application.id}-audit-checked`, actorId: managerId, entityType: "Application", entityId: application.id, action: "MARK_INELIGIBLE", fromState: "eligibilityCheck", toState: "ineligible", data: { reason: application.ineligibleReason }, createdAt: application.checkedAt }
          : { id: `${application.id}-audit-checked`, actorId: managerId, entityType: "Application", entityId: application.id, action: "MARK_ELIGIBLE", fromState: "eligibilityCheck", toState: "inReview", data: {}, createdAt: application.checkedAt },
      ]),
      { id: `${stageId}-audit-release-eligibility`, actorId: managerId, entityType: "CallStage", entityId: stageId, action: "RELEASE_ELIGIBILITY", data: { eligible: eligibleCount, ineligible: applications.length - eligibleCount }, createdAt: releasedAt },
      { id: `${stageId}-audit-assignment-run`, actorId: managerId, entityType: "CallStage", entityId: stageId, action: "ASSIGNMENT_RUN", data: { created: reviews.length, missing: 0, shortfalls: 0 }, createdAt: assignedAt },
      { id: `${stageId}-audit-assignments-released`, actorId: managerId, entityType: "CallStage", entityId: stageId, action: "ASSIGNMENTS_RELEASED", data: { assignments: reviews.length, jurors: jurors.length }, createdAt: assignmentsReleasedAt },
      ...reviews.flatMap((review) => [
        { id: `${review.reviewId}-audit-start`, actorId: review.juror.id, entityType: "Review", entityId: review.reviewId, action: "START", fromState: "assigned", toState: "inProgress", data: {}, createdAt: review.startedAt },
        { id: `${review.reviewId}-audit-submit`, actorId: review.juror.id, entityType: "Review", entityId: review.reviewId, action: "SUBMIT", fromState: "inProgress", toState: "submitted", data: {}, createdAt: review.submittedAt },
      ]),
    ],
    skipDuplicates: true,
  });
}
