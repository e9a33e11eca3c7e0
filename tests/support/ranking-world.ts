import type { Bundesland } from "../../app/generated/prisma/enums";
import { prisma } from "../../app/server/db.server";
import { createPerson } from "./accounts";
import { createCall, createNetwork } from "./application-fixtures";

/**
 * A stage under review: three jurors, five applications. Each listed one has three submitted reviews
 * on two criteria (both scores equal to the total, so the criterion figures are easy to check):
 *   A (BY) 8, 9, 8.5 · B (BE) 2, 9, 5 (far apart: disagreement) · C (BW) 6, 6, 6 ·
 *   E (NW) 7, 7, 7 with an award of 50,000 € decided, not released · D (HH) not eligible, never listed.
 */
export async function createRankingWorld() {
  const call = await createCall({ stages: [{ closesAt: new Date("2026-10-01T10:00:00Z") }] });
  const stageId = call.stageIds[0]!;
  await prisma.callStage.update({ where: { id: stageId }, data: { disagreementThreshold: 3, reviewsPerApplication: 3 } });
  const rubric = await prisma.rubric.create({
    data: { stageId, criteria: { create: [{ position: 1, titleDe: "Wirkung", titleEn: "Impact", weight: 50 }, { position: 2, titleDe: "Machbarkeit", titleEn: "Feasibility", weight: 50 }] } },
    select: { criteria: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  const criteria = rubric.criteria.map((criterion) => criterion.id);
  const jurors = await Promise.all(["Jurorin Quast", "Juror Riedel", "Jurorin Sommer"].map((name) => createPerson("JUROR", { name })));
  await prisma.juryMembership.createMany({ data: jurors.map((juror) => ({ callId: call.callId, stageId, userId: juror.id })) });
  const specs: { key: string; land: Bundesland; state: string; totals: number[] }[] = [
    { key: "A", land: "BY", state: "inReview", totals: [8, 9, 8.5] },
    { key: "B", land: "BE", state: "inReview", totals: [2, 9, 5] },
    { key: "C", land: "BW", state: "inReview", totals: [6, 6, 6] },
    { key: "D", land: "HH", state: "ineligible", totals: [] },
    { key: "E", land: "NW", state: "awardDecided", totals: [7, 7, 7] },
  ];
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const spec of specs) {
    const network = await createNetwork();
    await prisma.network.update({ where: { id: network.networkId }, data: { bundesland: spec.land } });
    const application = await prisma.application.create({
      data: { callId: call.callId, stageId, networkId: network.networkId, createdById: network.coordinator.id, title: `Antrag ${spec.key}`, state: spec.state, snapshot: { value: spec.state, context: {} } },
    });
    ids[spec.key] = application.id;
    names[spec.key] = network.networkName;
    for (const [index, total] of spec.totals.entries()) {
      await prisma.reviewAssignment.create({
        data: {
          applicationId: application.id,
          jurorId: jurors[index]!.id,
          assignedById: call.manager.id,
          releasedAt: new Date("2026-10-02T08:00:00Z"),
          review: {
            create: {
              state: "submitted",
              weightedTotal: total,
              scores: { [criteria[0]!]: total, [criteria[1]!]: total },
              recommendation: total >= 7 ? "FUND" : total >= 5 ? "FUND_WITH_CHANGES" : "DO_NOT_FUND",
              confidence: "HIGH",
              submittedAt: new Date("2026-10-20T08:00:00Z"),
            },
          },
        },
      });
    }
  }
  await prisma.decision.create({ data: { applicationId: ids.E!, outcome: "FUNDED", amountCents: 5_000_000n, rankingBasis: "RAW", rank: 2, score: 7, decidedById: call.manager.id } });
  // An older decision, superseded: it does not show.
  await prisma.decision.create({ data: { applicationId: ids.E!, outcome: "REJECTED", rankingBasis: "RAW", decidedById: call.manager.id, supersededAt: new Date("2026-10-21T08:00:00Z") } });
  return { ...call, stageId, jurors, ids, names, ref: { callId: call.callId, stageId } };
}

export type RankingWorld = Awaited<ReturnType<typeof createRankingWorld>>;
