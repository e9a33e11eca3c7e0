import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPglite, type Database } from "../../app/server/db.server";
import { applyMigrations } from "../../app/server/migrate.server";
import { SEED_MARKER_ID, seedDemo } from "@seed/demo";
import { SPECIAL_ROUND_SLUG } from "@seed/calls";
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

    const openStages = await db.prisma.callStage.findMany({ where: { call: { status: "PUBLISHED" } }, select: { id: true } });
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
      where: { call: { slug: { not: SPECIAL_ROUND_SLUG } } },
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
});
