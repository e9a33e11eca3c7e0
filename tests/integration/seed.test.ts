import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPglite, type Database } from "../../app/server/db.server";
import { applyMigrations } from "../../app/server/migrate.server";
import { SEED_MARKER_ID, seedDemo } from "@seed/demo";
import { mintRegionenRubric, MINT_REGIONEN_ROUND_SLUG, SPECIAL_ROUND_SLUG } from "@seed/calls";
import { JUROR_LENIENCY, MINT_REGIONEN_ROUND_APPLICATIONS, MINT_REGIONEN_ROUND_INELIGIBLE_REASONS } from "@seed/mint-regionen-round";
import { weightedTotal } from "../../app/forms/review-scores";
import { expertiseAreas, SPECIAL_ROUND_OUTLINES } from "@seed/review";

const now = new Date("2026-03-15T10:30:00Z");
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNhbHQ$ZmFrZWhhc2hmb3J0ZXN0cw";

/** Row counts of every table (every model, plus the migrations table). */
async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${table_name}"`,
    );
    counts[table_name] = row?.count ?? -1;
  }
  return counts;
}

async function freshDatabase(): Promise<Database> {
  const db = await connectPglite();
  await applyMigrations(db);
  return db;
}

const isOpenAt = (stage: { opensAt: Date; closesAt: Date }, instant: Date) =>
  stage.opensAt.getTime() <= instant.getTime() && instant.getTime() < stage.closesAt.getTime();

describe("demo seed", () => {
  let db: Database;
  let afterFirstRun: Record<string, number>;

  beforeAll(async () => {
    db = await freshDatabase();
    expect(await seedDemo(db.prisma, { now, passwordHash })).toEqual({ created: true });
    afterFirstRun = await tableCounts(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("changes nothing when run a second time", async () => {
    expect(await seedDemo(db.prisma, { now, passwordHash })).toEqual({ created: false });
    expect(await tableCounts(db)).toEqual(afterFirstRun);
    // A later `now` must not add rounds either once the demo is in place.
    expect(await seedDemo(db.prisma, { now: new Date("2026-09-01T08:00:00Z"), passwordHash })).toEqual({
      created: false,
    });
    expect(await tableCounts(db)).toEqual(afterFirstRun);
  });

  it("completes a partial seed without duplicating anything", async () => {
    const freiburg = await db.prisma.network.findFirstOrThrow({ where: { name: "MINT-Region Freiburg" } });
    await db.prisma.auditEvent.delete({ where: { id: SEED_MARKER_ID } });
    await db.prisma.award.deleteMany({});
    await db.prisma.networkPartner.deleteMany({ where: { networkId: freiburg.id } });
    await db.prisma.juryMembership.deleteMany({});
    await db.prisma.rubricCriterion.deleteMany({ where: { position: { gte: 4 } } });

    expect(await seedDemo(db.prisma, { now, passwordHash })).toEqual({ created: true });
    expect(await tableCounts(db)).toEqual(afterFirstRun);
  });

  it("seeds at least 40 networks across at least 10 Länder, each with 3 to 8 partners", async () => {
    const networks = await db.prisma.network.findMany({ include: { _count: { select: { partners: true } } } });
    expect(networks.length).toBeGreaterThanOrEqual(40);
    expect(new Set(networks.map((network) => network.bundesland)).size).toBeGreaterThanOrEqual(10);
    for (const network of networks) {
      expect(network._count.partners, network.name).toBeGreaterThanOrEqual(3);
      expect(network._count.partners, network.name).toBeLessThanOrEqual(8);
      expect(network.region, network.name).not.toBe("");
    }
    expect(networks.filter((network) => network.kind === "PROGRAMME").map((network) => network.name)).toContain(
      "Zukunft durch Innovation.NRW",
    );
  });

  it("generates the same networks and partners in another database", async () => {
    const other = await freshDatabase();
    try {
      await seedDemo(other.prisma, { now, passwordHash });
      const roster = (database: Database) =>
        database.prisma.networkPartner.findMany({
          select: {
            id: true,
            name: true,
            type: true,
            roleInNetwork: true,
            position: true,
            network: { select: { id: true, name: true, region: true } },
          },
          orderBy: { id: "asc" },
        });
      expect(await roster(other)).toEqual(await roster(db));
      expect(await tableCounts(other)).toEqual(afterFirstRun);
    } finally {
      await other.close();
    }
  });

  it("creates the demo accounts with their roles and memberships", async () => {
    const users = await db.prisma.user.findMany({
      include: { memberships: { include: { network: true } }, managedProgrammes: true, juryMemberships: true },
    });
    const byEmail = new Map(users.map((user) => [user.email, user]));
    const expected: Record<string, string> = {
      "admin@example.org": "ADMIN",
      "manager@example.org": "MANAGER",
      "coordinator@example.org": "STATE_COORDINATOR",
      "applicant@example.org": "APPLICANT",
      "applicant2@example.org": "APPLICANT",
    };
    for (let index = 1; index <= 6; index++) expected[`juror${index}@example.org`] = "JUROR";
    for (const [email, role] of Object.entries(expected)) {
      const user = byEmail.get(email);
      expect(user?.role, email).toBe(role);
      expect(user?.passwordHash).toBe(passwordHash);
      expect(user?.emailVerifiedAt).not.toBeNull();
      expect(user?.locale).toBe("de");
    }
    expect(byEmail.get("coordinator@example.org")?.bundesland).toBe("BW");

    const programmes = await db.prisma.programme.count();
    expect(programmes).toBe(5);
    expect(byEmail.get("manager@example.org")?.managedProgrammes).toHaveLength(programmes);

    const applicant = byEmail.get("applicant@example.org")!;
    expect(applicant.memberships.map((m) => [m.network.name, m.role])).toEqual([
      ["MINT-Region Freiburg", "COORDINATOR"],
    ]);
    const applicant2 = byEmail.get("applicant2@example.org")!;
    expect(applicant2.memberships).toHaveLength(1);
    expect(applicant2.memberships[0]?.role).toBe("COORDINATOR");
    expect(applicant2.memberships[0]?.networkId).not.toBe(applicant.memberships[0]?.networkId);

    // The jurors sit on every open call's juries, and on the current MINT-Regionen round's, which they reviewed.
    const openStages = await db.prisma.callStage.findMany({ where: { call: { OR: [{ status: "PUBLISHED" }, { slug: MINT_REGIONEN_ROUND_SLUG }] } }, select: { id: true } });
    for (let index = 1; index <= 6; index++) {
      const juror = byEmail.get(`juror${index}@example.org`)!;
      expect(juror.juryMemberships.map((m) => m.stageId).sort()).toEqual(openStages.map((stage) => stage.id).sort());
    }
  });

  it("has exactly one MINT-Cluster call in its outline stage now, with a full-proposal stage later", async () => {
    const calls = await db.prisma.call.findMany({
      where: { programme: { slug: "mint-cluster" } },
      include: { stages: { orderBy: { position: "asc" }, include: { form: true, rubric: true } } },
    });
    expect(calls.length).toBeGreaterThanOrEqual(2);
    const inOutline = calls.filter((call) =>
      call.stages.some((stage) => stage.kind === "OUTLINE" && isOpenAt(stage, now)),
    );
    expect(inOutline).toHaveLength(1);
    const current = inOutline[0]!;
    expect(current.status).toBe("PUBLISHED");
    expect(current.awardType).toBe("MONEY");
    expect(current.maxAwardCents).toBe(50_000_000n);
    expect(current.stages.map((stage) => stage.kind)).toEqual(["OUTLINE", "FULL_PROPOSAL"]);
    const [outline, full] = current.stages;
    expect(full!.opensAt.getTime()).toBeGreaterThan(outline!.closesAt.getTime());
    expect(full!.opensAt.getTime()).toBeGreaterThan(now.getTime());
    for (const call of calls) {
      if (call.id === current.id || call.slug === SPECIAL_ROUND_SLUG) continue;
      expect(["CLOSED", "ARCHIVED"]).toContain(call.status);
    }
  });

  it("has a MINT-Cluster special round whose outline stage closed a few days ago, its outlines waiting for the eligibility check", async () => {
    const call = await db.prisma.call.findUniqueOrThrow({
      where: { slug: SPECIAL_ROUND_SLUG },
      include: { programme: true, stages: { orderBy: { position: "asc" }, include: { jury: { include: { user: true } } } } },
    });
    expect(call.programme.slug).toBe("mint-cluster");
    expect(call.status).toBe("PUBLISHED");
    const [outline, full] = call.stages;
    expect(outline!.kind).toBe("OUTLINE");
    const closedDaysAgo = (now.getTime() - outline!.closesAt.getTime()) / 86_400_000;
    expect(closedDaysAgo).toBeGreaterThan(1);
    expect(closedDaysAgo).toBeLessThan(7);
    expect(outline!.eligibilityReleasedAt).toBeNull();
    expect(full!.opensAt.getTime()).toBeGreaterThan(now.getTime());

    const outlines = await db.prisma.application.findMany({ where: { stageId: outline!.id }, include: { network: true, versions: true, decisions: true } });
    expect(outlines).toHaveLength(SPECIAL_ROUND_OUTLINES);
    for (const application of outlines) {
      expect(application).toMatchObject({ state: "submitted", snapshot: { value: "submitted", context: { submissions: 1, ineligibleReason: null } } });
      expect(application.submittedAt!.getTime()).toBeLessThan(outline!.closesAt.getTime());
      expect(application.versions).toHaveLength(1);
      expect(application.decisions).toHaveLength(0);
    }
    expect(new Set(outlines.map((application) => application.networkId)).size).toBe(SPECIAL_ROUND_OUTLINES);
    expect(outlines.map((application) => application.network.name)).toContain("MINT-Region Freiburg");
    expect(new Set(outlines.map((application) => application.network.bundesland)).size).toBeGreaterThanOrEqual(8);

    // The six demo jurors sit on the outline stage's jury, each with a profile and expertise.
    const jurors = outline!.jury.map((membership) => membership.user);
    expect(jurors.map((juror) => juror.email).sort()).toEqual([1, 2, 3, 4, 5, 6].map((index) => `juror${index}@example.org`));
    for (const juror of jurors) {
      expect(juror.organisation, juror.email).not.toBe("");
      expect(juror.emailDomains.length, juror.email).toBeGreaterThan(0);
      expect(juror.bundesland, juror.email).not.toBeNull();
      expect(await db.prisma.jurorExpertise.count({ where: { userId: juror.id, area: { programmeId: call.programmeId } } }), juror.email).toBeGreaterThanOrEqual(2);
    }
    // One juror works for a partner of an outline's network: a conflict the portal can find.
    const partners = await db.prisma.networkPartner.findMany({ where: { networkId: { in: outlines.map((application) => application.networkId) }, name: { in: jurors.map((juror) => juror.organisation) } } });
    expect(partners.length).toBeGreaterThanOrEqual(1);
  });

  it("gives every programme the same list of expertise areas", async () => {
    const programmes = await db.prisma.programme.findMany({ include: { expertise: { orderBy: { position: "asc" } } } });
    for (const programme of programmes) expect(programme.expertise.map((area) => area.name), programme.slug).toEqual([...expertiseAreas]);
  });

  it("has at least one single-stage call open now", async () => {
    const calls = await db.prisma.call.findMany({ where: { status: "PUBLISHED" }, include: { stages: true } });
    const openSingle = calls.filter(
      (call) => call.stages.length === 1 && call.stages[0]!.kind === "SINGLE" && isOpenAt(call.stages[0]!, now),
    );
    expect(openSingle.length).toBeGreaterThanOrEqual(1);
    // Every published call has a stage open now or still ahead.
    for (const call of calls) {
      expect(
        call.stages.some((stage) => stage.closesAt.getTime() > now.getTime()),
        call.slug,
      ).toBe(true);
    }
  });

  it("closes the past rounds, with Berlin-local deadlines", async () => {
    const calls = await db.prisma.call.findMany({ include: { stages: true } });
    const bySlug = new Map(calls.map((call) => [call.slug, call]));
    const pastRounds = [
      "mint-regionen-2017",
      "digital-skills-2018",
      "mint-cluster-runde-1",
      "mint-cluster-runde-2",
      "mint-cluster-runde-3",
      "rlp-gruendung-2018",
      "rlp-gruendung-2019",
      "rlp-gruendung-2020",
      "rlp-gruendung-2021",
    ];
    for (const slug of pastRounds) {
      const call = bySlug.get(slug);
      expect(call, slug).toBeDefined();
      expect(["CLOSED", "ARCHIVED"]).toContain(call!.status);
    }
    for (const call of calls) {
      if (call.status === "CLOSED" || call.status === "ARCHIVED") {
        for (const stage of call.stages) expect(stage.closesAt.getTime(), call.slug).toBeLessThan(now.getTime());
      }
      expect(call.stages.length).toBeGreaterThanOrEqual(1);
    }
    // 28 February 2017, 12:00 in Berlin (CET) and 31 May 2018, 12:00 (CEST).
    expect(bySlug.get("mint-regionen-2017")!.stages[0]!.closesAt.toISOString()).toBe("2017-02-28T11:00:00.000Z");
    expect(bySlug.get("digital-skills-2018")!.stages[0]!.closesAt.toISOString()).toBe("2018-05-31T10:00:00.000Z");
  });

  it("gives every stage a form and a rubric whose weights add up to 100", async () => {
    const stages = await db.prisma.callStage.findMany({
      include: { form: true, rubric: { include: { criteria: true } } },
    });
    for (const stage of stages) {
      const definition = stage.form?.definition as { sections: { fields: { key: string; type: string }[] }[] };
      expect(definition.sections.length).toBeGreaterThan(0);
      expect(definition.sections.every((section) => section.fields.length > 0)).toBe(true);
      const criteria = stage.rubric?.criteria ?? [];
      expect(criteria.length).toBeGreaterThanOrEqual(4);
      expect(criteria.length).toBeLessThanOrEqual(5);
      expect(criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
      expect(criteria.every((criterion) => criterion.titleDe && criterion.titleEn)).toBe(true);
    }
  });

  it("records the decided applications of past rounds with the programmes' figures", async () => {
    const awardsOf = (slug: string) => db.prisma.award.count({ where: { application: { call: { slug } } } });
    expect(await awardsOf("mint-regionen-2017")).toBe(7);
    expect(await awardsOf("digital-skills-2018")).toBe(8);
    // On open calls only the special round's outlines, handed in and not yet decided.
    expect(await db.prisma.application.count({ where: { call: { status: "PUBLISHED", slug: { not: SPECIAL_ROUND_SLUG } } } })).toBe(0);

    const first = await db.prisma.application.findUniqueOrThrow({
      where: { receiptNumber: "MR-2017-0001" },
      include: { versions: true, decisions: true },
    });
    expect(["awardAccepted", "rejected"]).toContain(first.state);
    expect(first.versions).toHaveLength(1);
    expect(first.decisions).toHaveLength(1);

    const applications = await db.prisma.application.findMany({
      where: { call: { slug: { notIn: [SPECIAL_ROUND_SLUG, MINT_REGIONEN_ROUND_SLUG] } } },
      include: { decisions: true, award: true, versions: true },
    });
    for (const application of applications) {
      expect(application.submittedAt!.getTime()).toBeLessThan(now.getTime());
      expect(application.decisions).toHaveLength(1);
      expect(application.versions).toHaveLength(1);
      expect(Boolean(application.award)).toBe(application.decisions[0]!.outcome === "FUNDED");
    }
    // A two-stage history: full proposals point at their outlines.
    const fullProposals = applications.filter((application) => application.previousApplicationId);
    expect(fullProposals.length).toBeGreaterThan(0);
  });

  describe("the current MINT-Regionen round", () => {
    const round = () =>
      db.prisma.call.findUniqueOrThrow({
        where: { slug: MINT_REGIONEN_ROUND_SLUG },
        include: { stages: { include: { rubric: { include: { criteria: { orderBy: { position: "asc" } } } }, jury: { include: { user: true } } } } },
      });
    const reviewsOf = (callId: string) =>
      db.prisma.review.findMany({ where: { assignment: { application: { callId } } }, include: { assignment: { include: { juror: true } } } });

    it("closed some weeks ago, a support award for seven networks", async () => {
      const call = await round();
      expect(call).toMatchObject({ status: "CLOSED", awardType: "SUPPORT", plannedAwards: 7, maxAwardCents: null });
      expect(call.title).toMatch(/^Förderwettbewerb MINT-Regionen – Runde \d{4}$/);
      expect(call.supportDescription).toMatch(/^zwei Jahre Beratung und Qualifizierung/);
      const [stage] = call.stages;
      expect(call.stages).toHaveLength(1);
      const closedDaysAgo = (now.getTime() - stage!.closesAt.getTime()) / 86_400_000;
      expect(closedDaysAgo).toBeGreaterThan(21);
      expect(closedDaysAgo).toBeLessThan(60);
      expect(stage!.eligibilityReleasedAt!.getTime()).toBeGreaterThan(stage!.closesAt.getTime());
      expect(stage!.reviewDueAt!.getTime()).toBeLessThan(now.getTime());
      expect(stage!.rubric!.criteria.map((criterion) => criterion.titleDe)).toEqual(mintRegionenRubric.map((criterion) => criterion.titleDe));
      expect(stage!.jury.map((membership) => membership.user.email).sort()).toEqual([1, 2, 3, 4, 5, 6].map((index) => `juror${index}@example.org`));
    });

    it("has 42 applications from real networks, 40 eligible and 2 not with their reasons, none decided", async () => {
      const call = await round();
      const applications = await db.prisma.application.findMany({ where: { callId: call.id }, include: { network: true, decisions: true, versions: true } });
      expect(applications).toHaveLength(MINT_REGIONEN_ROUND_APPLICATIONS);
      expect(new Set(applications.map((application) => application.networkId)).size).toBe(MINT_REGIONEN_ROUND_APPLICATIONS);
      const ineligible = applications.filter((application) => application.state === "ineligible");
      expect(ineligible.map((application) => (application.snapshot as { context: { ineligibleReason: string } }).context.ineligibleReason).sort()).toEqual([...MINT_REGIONEN_ROUND_INELIGIBLE_REASONS].sort());
      for (const application of applications) {
        expect(application.network.kind).toBe("NETWORK");
        expect(application.decisions).toHaveLength(0);
        expect(application.versions).toHaveLength(1);
        expect(application.snapshot).toMatchObject({ value: application.state, context: { submissions: 1 } });
        expect(["inReview", "ineligible"]).toContain(application.state);
      }
      // Neither demo applicant's network: their start pages stay as the other demos expect them.
      expect(applications.map((application) => application.network.name)).not.toContain("MINT-Region Freiburg");
      // The history of each, step by step as the portal writes it.
      const steps = await db.prisma.auditEvent.findMany({ where: { entityType: "Application", entityId: { in: applications.map((application) => application.id) } } });
      expect(steps).toHaveLength(3 * MINT_REGIONEN_ROUND_APPLICATIONS);
      expect(steps.filter((step) => step.action === "MARK_INELIGIBLE")).toHaveLength(2);
    });

    it("has three submitted reviews per eligible application, 20 per juror, totals as the portal computes them", async () => {
      const call = await round();
      const criteria = call.stages[0]!.rubric!.criteria;
      const rubric = { scaleMin: 0, scaleMax: 10, criteria };
      const reviews = await reviewsOf(call.id);
      expect(reviews).toHaveLength(40 * 3);
      const perJuror = new Map<string, number>();
      const perApplication = new Map<string, number>();
      for (const review of reviews) {
        perJuror.set(review.assignment.juror.email, (perJuror.get(review.assignment.juror.email) ?? 0) + 1);
        perApplication.set(review.assignment.applicationId, (perApplication.get(review.assignment.applicationId) ?? 0) + 1);
        expect(review).toMatchObject({ state: "submitted", version: 2, snapshot: { value: "submitted", context: { submissions: 1 } } });
        expect(review.recommendation).not.toBeNull();
        expect(review.confidence).not.toBeNull();
        expect(review.comment).not.toBe("");
        expect(Object.keys(review.scores as object).sort()).toEqual(criteria.map((criterion) => criterion.id).sort());
        expect(review.weightedTotal).toBe(weightedTotal(rubric, review.scores as Record<string, number>));
        expect(review.submittedAt!.getTime()).toBeLessThan(call.stages[0]!.reviewDueAt!.getTime());
        expect(review.assignment.releasedAt).not.toBeNull();
      }
      expect([...perJuror.values()]).toEqual([20, 20, 20, 20, 20, 20]);
      expect(new Set(perApplication.values())).toEqual(new Set([3]));
      // Comments vary: not one sentence copied over every review.
      expect(new Set(reviews.map((review) => review.comment)).size).toBeGreaterThan(40);
    });

    it("has a lenient and a strict juror and two applications that divide the jury", async () => {
      const call = await round();
      const reviews = await reviewsOf(call.id);
      const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      // Each juror's mean distance from the other reviews of the same applications.
      const byApplication = new Map<string, typeof reviews>();
      for (const review of reviews) byApplication.set(review.assignment.applicationId, [...(byApplication.get(review.assignment.applicationId) ?? []), review]);
      const lean = (email: string) =>
        meanOf(
          reviews
            .filter((review) => review.assignment.juror.email === email)
            .map((review) => review.weightedTotal! - meanOf(byApplication.get(review.assignment.applicationId)!.filter((other) => other.id !== review.id).map((other) => other.weightedTotal!))),
        );
      for (const [key, points] of Object.entries(JUROR_LENIENCY)) {
        expect(Math.sign(lean(`${key}@example.org`)), key).toBe(Math.sign(points));
        expect(Math.abs(lean(`${key}@example.org`)), key).toBeGreaterThan(0.6);
      }
      const divided = [...byApplication.values()].filter((panel) => {
        const totals = panel.map((review) => review.weightedTotal!);
        return Math.max(...totals) - Math.min(...totals) > call.stages[0]!.disagreementThreshold;
      });
      expect(divided.length).toBeGreaterThanOrEqual(2);
      expect(new Set(reviews.map((review) => review.recommendation))).toEqual(new Set(["FUND", "FUND_WITH_CHANGES", "DO_NOT_FUND"]));
    });
  });
});
