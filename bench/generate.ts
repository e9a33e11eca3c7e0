// Generates the bench's large call: one closed call with 1,000 submitted applications from 1,000
// generated networks, each reviewed by three jurors on eight criteria — the data a ranking page will
// list (compare DESIGN.md "Facts about the machines": HotCRP with 1,000 submissions and 3 reviews each).
// Bulk inserts through Prisma's createMany; deterministic, so every run measures the same data.
import type { PrismaClient } from "../app/generated/prisma/client";

export const LARGE_CALL_SLUG = "bench-grosser-wettbewerb";
export const LARGE_CALL_ID = "bench-call";

export interface GeneratedCall {
  callId: string;
  programmeId: string;
  applications: number;
  reviews: number;
  jurors: number;
}

const BUNDESLAENDER = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"] as const;
const TOWNS = [
  "Aachen", "Bamberg", "Cottbus", "Dresden", "Erfurt", "Flensburg", "Göttingen", "Halle", "Ingolstadt", "Jena",
  "Kassel", "Lübeck", "Magdeburg", "Neubrandenburg", "Oldenburg", "Potsdam", "Rostock", "Saarbrücken", "Trier", "Ulm",
];
const SUBJECTS = ["Informatik", "Physik", "Chemie", "Biologie", "Mathematik", "Technik", "Robotik", "Astronomie"];
const CRITERIA: [string, string, number][] = [
  ["Netzwerkstruktur und Partner", "Network structure and partners", 15],
  ["Qualität der Angebote", "Quality of the activities", 15],
  ["Entwicklungsziele", "Development goals", 15],
  ["Verankerung in der Region", "Regional roots", 10],
  ["Erreichte Zielgruppen", "Target groups reached", 10],
  ["Mädchen und Frauen in MINT", "Girls and women in STEM", 15],
  ["Nachhaltigkeit und Finanzierung", "Sustainability and funding", 10],
  ["Nutzen der Beratung", "Benefit of the consulting", 10],
];
const JURORS_TO_ADD = 30;
/** The juror whose start page `bench start-juror` requests: the demo's first, with fifty released assignments of their own. */
export const START_JUROR_EMAIL = "juror1@example.org";
const START_JUROR_ASSIGNMENTS = 50;
const APPLICATIONS = 1000;
const REVIEWS_PER_APPLICATION = 3;
const BATCH = 250;

/** mulberry32: the same data on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const SENTENCES = [
  "Das Netzwerk bündelt die MINT-Angebote von Schulen, Hochschulen, Unternehmen und Vereinen in der Region {ort}.",
  "Im Schülerlabor experimentieren jedes Jahr rund {n} Kinder und Jugendliche mit {fach} und Technik.",
  "Ein fester Arbeitskreis aus Lehrkräften und Ausbildungsbetrieben plant die Angebote gemeinsam und wertet sie aus.",
  "Besonders Mädchen sollen durch Mentoring, Role Models und Ferienkurse für {fach} gewonnen werden.",
  "Die Koordinierungsstelle ist bei der Kommune angesiedelt und wird durch die regionale Wirtschaft mitfinanziert.",
  "In den nächsten zwei Jahren soll das Angebot auf die ländlichen Gemeinden im Umland von {ort} ausgeweitet werden.",
  "Die Beratung soll helfen, eine tragfähige Finanzierung über die Förderphase hinaus aufzubauen.",
  "Kitas und Grundschulen werden über Fortbildungen für pädagogische Fachkräfte früh eingebunden.",
  "Eine gemeinsame Online-Plattform macht alle Termine und Angebote für Familien sichtbar.",
  "Die Wirkung wird mit einfachen Kennzahlen erfasst: Teilnehmende, Anteil der Mädchen, beteiligte Schulen.",
];

function paragraph(rng: ReturnType<typeof random>, sentences: number, ort: string): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    parts.push(
      SENTENCES[rng.int(0, SENTENCES.length - 1)]!
        .replaceAll("{ort}", ort)
        .replaceAll("{n}", String(rng.int(80, 2400)))
        .replaceAll("{fach}", SUBJECTS[rng.int(0, SUBJECTS.length - 1)]!),
    );
  }
  return parts.join(" ");
}

const pad = (n: number, width = 4) => String(n).padStart(width, "0");

/** Inserts the large call into a seeded demo database; returns what it made. */
export async function generateLargeCall(prisma: PrismaClient, now = new Date(), log: (step: string) => void = () => undefined): Promise<GeneratedCall> {
  let stepStarted = performance.now();
  const step = (what: string) => {
    log(`${what} ${(performance.now() - stepStarted).toFixed(0)} ms`);
    stepStarted = performance.now();
  };
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@example.org" }, select: { id: true } });
  const programme =
    (await prisma.programme.findFirst({ where: { managers: { some: { userId: manager.id } } }, orderBy: { name: "asc" }, select: { id: true, funder: true } })) ??
    (await prisma.programme.findFirstOrThrow({ orderBy: { name: "asc" }, select: { id: true, funder: true } }));
  const admin = await prisma.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } });
  const creatorId = admin?.id ?? manager.id;

  // Jurors: the demo's own and thirty more.
  await prisma.user.createMany({
    data: Array.from({ length: JURORS_TO_ADD }, (_, i) => ({
      id: `bench-juror-${pad(i + 1, 2)}`,
      email: `bench-juror-${pad(i + 1, 2)}@example.org`,
      name: `Jurorin ${pad(i + 1, 2)} Bench`,
      role: "JUROR" as const,
      emailVerifiedAt: now,
    })),
    skipDuplicates: true,
  });
  const startJuror = await prisma.user.findUniqueOrThrow({ where: { email: START_JUROR_EMAIL }, select: { id: true } });
  // The start juror's load is set below, not by the round robin, so their page shows exactly fifty.
  const jurors = (await prisma.user.findMany({ where: { role: "JUROR", id: { not: startJuror.id } }, select: { id: true }, orderBy: { email: "asc" } })).map((u) => u.id);

  step("jurors");
  const year = now.getUTCFullYear() - 1;
  const opensAt = new Date(Date.UTC(year, 1, 1, 8));
  const closesAt = new Date(Date.UTC(year, 3, 30, 22));
  await prisma.call.create({
    data: {
      id: LARGE_CALL_ID,
      programmeId: programme.id,
      slug: LARGE_CALL_SLUG,
      round: 1,
      title: `Großer Wettbewerb ${year} (Bench)`,
      summary: "Ein großer, abgeschlossener Wettbewerb mit 1.000 Anträgen und je drei Gutachten.",
      description: "Erzeugt vom Lasttest (bench/run.ts).",
      funder: programme.funder,
      awardType: "MONEY",
      maxAwardCents: 5_000_000n,
      totalBudgetCents: 500_000_000n,
      plannedAwards: 100,
      status: "CLOSED",
      publishedAt: new Date(opensAt.getTime() - 30 * 86_400_000),
      createdAt: new Date(opensAt.getTime() - 60 * 86_400_000),
      stages: {
        create: {
          id: "bench-stage",
          position: 1,
          kind: "SINGLE",
          opensAt,
          closesAt,
          form: {
            create: {
              definition: {
                sections: [
                  {
                    key: "netzwerk",
                    titleDe: "Das Netzwerk",
                    titleEn: "The network",
                    fields: [
                      { key: "netzwerkname", type: "shortText", labelDe: "Name", labelEn: "Name", required: true },
                      { key: "gruendungsjahr", type: "number", labelDe: "Gründungsjahr", labelEn: "Founded", required: true },
                      { key: "angebote", type: "longText", labelDe: "Bestehende MINT-Angebote", labelEn: "Existing activities", required: true, maxLength: 3000 },
                    ],
                  },
                  {
                    key: "entwicklung",
                    titleDe: "Entwicklungsvorhaben",
                    titleEn: "Development plan",
                    fields: [
                      { key: "ziele", type: "longText", labelDe: "Ziele", labelEn: "Goals", required: true, maxLength: 3000 },
                      { key: "beratungsbedarf", type: "longText", labelDe: "Beratungsbedarf", labelEn: "Need for consulting", required: true, maxLength: 2000 },
                      { key: "schueler", type: "number", labelDe: "Erreichte Schülerinnen und Schüler", labelEn: "Pupils reached", required: true },
                      { key: "anteilMaedchen", type: "number", labelDe: "Anteil Mädchen (%)", labelEn: "Share of girls (%)", required: true },
                      { key: "zielgruppen", type: "multipleChoice", labelDe: "Zielgruppen", labelEn: "Target groups", required: true,
                        options: ["kita", "grundschule", "sek1", "sek2", "lehrkraefte"].map((value) => ({ value, labelDe: value, labelEn: value })) },
                      { key: "beginn", type: "date", labelDe: "Beginn", labelEn: "Start", required: true },
                      { key: "zustimmung", type: "yesNo", labelDe: "Einverständnis", labelEn: "Consent", required: true },
                    ],
                  },
                ],
              },
              publishedAt: opensAt,
            },
          },
          rubric: {
            create: {
              id: "bench-rubric",
              scaleMin: 0,
              scaleMax: 10,
              criteria: {
                create: CRITERIA.map(([titleDe, titleEn, weight], index) => ({
                  id: `bench-criterion-${index + 1}`,
                  position: index + 1,
                  titleDe,
                  titleEn,
                  weight,
                })),
              },
            },
          },
        },
      },
    },
  });
  await prisma.juryMembership.createMany({ data: [...jurors, startJuror.id].map((userId) => ({ callId: LARGE_CALL_ID, stageId: "bench-stage", userId, createdAt: opensAt })) });

  step("call, stage, form, rubric, jury");
  const rng = random(20261122);
  const networks = [];
  const applications = [];
  const versions = [];
  const assignments = [];
  const reviews = [];
  for (let i = 1; i <= APPLICATIONS; i++) {
    const town = TOWNS[(i - 1) % TOWNS.length]!;
    const bundesland = BUNDESLAENDER[(i - 1) % BUNDESLAENDER.length]!;
    const networkId = `bench-network-${pad(i)}`;
    const name = `MINT-Netzwerk ${town} ${pad(i)}`;
    networks.push({ id: networkId, name, bundesland, region: `Region ${town}`, description: paragraph(rng, 2, town), createdAt: opensAt });
    const id = `bench-application-${pad(i)}`;
    const submittedAt = new Date(closesAt.getTime() - rng.int(1, 40 * 24 * 60) * 60_000);
    const receiptNumber = `BENCH-${year}-${pad(i)}`;
    const answers = {
      netzwerkname: name,
      gruendungsjahr: rng.int(2005, year - 1),
      angebote: paragraph(rng, rng.int(10, 16), town),
      ziele: paragraph(rng, rng.int(10, 16), town),
      beratungsbedarf: paragraph(rng, rng.int(6, 10), town),
      schueler: rng.int(150, 9000),
      anteilMaedchen: rng.int(25, 60),
      zielgruppen: ["kita", "grundschule", "sek1", "sek2", "lehrkraefte"].slice(0, rng.int(1, 5)),
      beginn: `${year}-09-01`,
      zustimmung: true,
    };
    applications.push({
      id,
      callId: LARGE_CALL_ID,
      stageId: "bench-stage",
      networkId,
      title: `${SUBJECTS[i % SUBJECTS.length]} für alle in ${town} (${pad(i)})`,
      state: "inReview",
      version: 1,
      answers,
      answersUpdatedAt: submittedAt,
      submittedAt,
      receiptNumber,
      createdById: creatorId,
      createdAt: new Date(opensAt.getTime() + rng.int(1, 40) * 86_400_000),
    });
    versions.push({ id: `${id}-v1`, applicationId: id, number: 1, answers, receiptNumber: `${receiptNumber}-V1`, submittedAt, submittedById: creatorId });
    const first = rng.int(0, jurors.length - 1);
    for (let r = 0; r < REVIEWS_PER_APPLICATION; r++) {
      const jurorId = jurors[(first + r * Math.max(1, Math.floor(jurors.length / REVIEWS_PER_APPLICATION))) % jurors.length]!;
      const assignmentId = `${id}-assignment-${r + 1}`;
      const assignedAt = new Date(closesAt.getTime() + 3 * 86_400_000);
      assignments.push({ id: assignmentId, applicationId: id, jurorId, assignedById: manager.id, source: "AUTOMATIC" as const, assignedAt, releasedAt: assignedAt, dueAt: new Date(assignedAt.getTime() + 28 * 86_400_000) });
      const quality = rng.int(2, 9);
      const scores = Object.fromEntries(
        CRITERIA.map((_, index) => [`bench-criterion-${index + 1}`, Math.max(0, Math.min(10, quality + rng.int(-2, 2)))]),
      );
      reviews.push({
        id: `${assignmentId}-review`,
        assignmentId,
        state: "submitted",
        version: 1,
        scores,
        comment: paragraph(rng, rng.int(2, 5), town),
        weightedTotal: CRITERIA.reduce((sum, [, , weight], index) => sum + (scores[`bench-criterion-${index + 1}`]! * weight) / 100, 0),
        recommendation: quality >= 7 ? ("FUND" as const) : quality >= 5 ? ("FUND_WITH_CHANGES" as const) : ("DO_NOT_FUND" as const),
        confidence: "MEDIUM" as const,
        submittedAt: new Date(assignedAt.getTime() + rng.int(1, 27) * 86_400_000),
      });
    }
    if (i <= START_JUROR_ASSIGNMENTS) {
      // A fourth review of the first fifty: a third each submitted, begun and not yet begun (no review row).
      const assignmentId = `${id}-assignment-start`;
      const assignedAt = new Date(closesAt.getTime() + 3 * 86_400_000);
      assignments.push({ id: assignmentId, applicationId: id, jurorId: startJuror.id, assignedById: manager.id, source: "MANUAL" as const, assignedAt, releasedAt: assignedAt, dueAt: null });
      const scores = Object.fromEntries(CRITERIA.map((_, index) => [`bench-criterion-${index + 1}`, rng.int(3, 9)]));
      const submitted = i % 3 === 0;
      if (i % 3 !== 2) {
        reviews.push({
          id: `${assignmentId}-review`,
          assignmentId,
          state: submitted ? "submitted" : "inProgress",
          version: submitted ? 2 : 1,
          scores,
          comment: paragraph(rng, 2, town),
          weightedTotal: submitted ? CRITERIA.reduce((sum, [, , weight], index) => sum + (scores[`bench-criterion-${index + 1}`]! * weight) / 100, 0) : null,
          recommendation: "FUND_WITH_CHANGES" as const,
          confidence: "MEDIUM" as const,
          submittedAt: submitted ? new Date(assignedAt.getTime() + 86_400_000) : null,
        });
      }
    }
  }

  step("rows built");
  for (let i = 0; i < networks.length; i += BATCH) await prisma.network.createMany({ data: networks.slice(i, i + BATCH) });
  step("network");
  for (let i = 0; i < applications.length; i += BATCH) await prisma.application.createMany({ data: applications.slice(i, i + BATCH) });
  step("application");
  for (let i = 0; i < versions.length; i += BATCH) await prisma.applicationVersion.createMany({ data: versions.slice(i, i + BATCH) });
  step("applicationVersion");
  for (let i = 0; i < assignments.length; i += BATCH * 3) await prisma.reviewAssignment.createMany({ data: assignments.slice(i, i + BATCH * 3) });
  step("reviewAssignment");
  for (let i = 0; i < reviews.length; i += BATCH * 3) await prisma.review.createMany({ data: reviews.slice(i, i + BATCH * 3) });
  step("review");

  return { callId: LARGE_CALL_ID, programmeId: programme.id, applications: applications.length, reviews: reviews.length, jurors: jurors.length };
}
