// The ranking benches' own data steps (bench/run.ts drives the requests): the ranking page of the large
// call's stage (1,000 applications, 3 submitted reviews each, 8 criteria, made by bench/generate.ts),
// the same stage cut down to its first 100 applications for counting statements at two sizes, and the
// time the scores layer takes to compute the stage's scores from nothing.
import type { PrismaClient } from "../app/generated/prisma/client";
import { connectPostgres, installDatabase } from "../app/server/db.server.ts";
import { LARGE_CALL_ID } from "./generate.ts";

export const RANKING_STAGE_ID = "bench-stage";
export const RANKING_PATH = `/manager/calls/${LARGE_CALL_ID}/stages/${RANKING_STAGE_ID}/ranking`;
/** Where the applications beyond the first hundred wait while the stage is measured at 100. */
const ASIDE_STAGE_ID = "bench-stage-aside";

/**
 * Leaves the first `keep` applications (by id) in the ranking's stage and moves the others, with
 * their reviews, to a stage of their own; `restore` brings them back.
 */
export async function shrinkRankingStage(prisma: PrismaClient, keep: number): Promise<{ restore: () => Promise<void> }> {
  const stage = await prisma.callStage.findUniqueOrThrow({ where: { id: RANKING_STAGE_ID }, select: { opensAt: true, closesAt: true } });
  await prisma.callStage.upsert({
    where: { id: ASIDE_STAGE_ID },
    create: { id: ASIDE_STAGE_ID, callId: LARGE_CALL_ID, position: 99, kind: "SINGLE", opensAt: stage.opensAt, closesAt: stage.closesAt },
    update: {},
  });
  const kept = await prisma.application.findMany({ where: { stageId: RANKING_STAGE_ID }, select: { id: true }, orderBy: { id: "asc" }, take: keep });
  const moved = await prisma.application.updateMany({ where: { stageId: RANKING_STAGE_ID, id: { notIn: kept.map((row) => row.id) } }, data: { stageId: ASIDE_STAGE_ID } });
  if (kept.length !== keep || moved.count === 0) throw new Error(`the ranking stage has ${kept.length + moved.count} applications, expected more than ${keep}`);
  return {
    restore: async () => {
      await prisma.application.updateMany({ where: { stageId: ASIDE_STAGE_ID }, data: { stageId: RANKING_STAGE_ID } });
    },
  };
}

/** `loadStageScores` of the large stage in this process: the first call computes, the second finds it cached. */
export async function timeStageScores(databaseUrl: string): Promise<{ coldMs: number; warmMs: number; applications: number }> {
  const db = connectPostgres(databaseUrl, 2);
  installDatabase(db);
  try {
    const { loadStageScores } = await import("../app/server/ranking/stage-scores.server.ts");
    await db.prisma.$queryRawUnsafe("SELECT 1"); // the connection is not what is measured
    let started = performance.now();
    const scores = await loadStageScores(RANKING_STAGE_ID);
    const coldMs = performance.now() - started;
    started = performance.now();
    await loadStageScores(RANKING_STAGE_ID);
    return { coldMs, warmMs: performance.now() - started, applications: scores.applications.size };
  } finally {
    await db.close();
  }
}
