import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { createPerson } from "./accounts";
import { createCall, createNetwork } from "./application-fixtures";

/** Review deadline of the stage: 12:00 Berlin on 10 November 2026. */
export const DUE = new Date("2026-11-10T11:00:00Z");
export const BEFORE_DUE = new Date("2026-11-05T09:00:00Z");
export const AFTER_DUE = new Date("2026-11-12T09:00:00Z");

export interface World {
  callId: string;
  stageId: string;
  manager: CurrentUser;
  jurors: CurrentUser[];
  applications: { id: string; network: string }[];
  /** assignment ids by "<application index>:<juror index>" */
  assignments: Map<string, string>;
}

/**
 * A stage under review: three jurors on the jury plus a fourth, two applications. Application 0 has
 * three released reviews (juror 0 submitted 8.0, juror 1 submitted 3.0, juror 2 in progress);
 * application 1 two (juror 0 not begun, juror 1 abstained) and one not yet released (juror 2).
 */
export async function createReviewWorld(options: { blindReview?: boolean; showJurorNames?: boolean; reviewDueAt?: Date; reminderDaysBefore?: number } = {}): Promise<World> {
  const call = await createCall({ stages: [{ closesAt: new Date("2026-10-01T10:00:00Z") }] });
  const stageId = call.stageIds[0]!;
  const due = options.reviewDueAt ?? DUE;
  await prisma.call.update({ where: { id: call.callId }, data: { blindReview: options.blindReview ?? false, showJurorNames: options.showJurorNames ?? false } });
  await prisma.callStage.update({ where: { id: stageId }, data: { reviewDueAt: due, reminderDaysBefore: options.reminderDaysBefore ?? 3, reviewsPerApplication: 3, disagreementThreshold: 3 } });
  const rubric = await prisma.rubric.create({
    data: {
      stageId,
      criteria: {
        create: [
          { position: 0, titleDe: "Wirkung", titleEn: "Impact", weight: 60 },
          { position: 1, titleDe: "Machbarkeit", titleEn: "Feasibility", weight: 40 },
        ],
      },
    },
    select: { criteria: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  const [impact, feasibility] = rubric.criteria.map((criterion) => criterion.id);
  const jurors = await Promise.all([0, 1, 2, 3].map((index) => createPerson("JUROR", { name: `Juror ${"KLMN"[index]}` })));
  await prisma.juryMembership.createMany({ data: jurors.map((juror) => ({ callId: call.callId, stageId, userId: juror.id })) });
  const applications: World["applications"] = [];
  for (const title of ["Robotik für alle", "Schülerlabor am Rhein"]) {
    const network = await createNetwork();
    const application = await prisma.application.create({
      data: { callId: call.callId, stageId, networkId: network.networkId, createdById: network.coordinator.id, title, state: "inReview", snapshot: { value: "inReview", context: {} } },
    });
    applications.push({ id: application.id, network: network.networkName });
  }
  const assignments = new Map<string, string>();
  const assign = async (app: number, juror: number, review: { state: string; weightedTotal?: number } | null, released = true) => {
    const created = await prisma.reviewAssignment.create({
      data: {
        applicationId: applications[app]!.id,
        jurorId: jurors[juror]!.id,
        assignedById: call.manager.id,
        releasedAt: released ? new Date("2026-10-02T08:00:00Z") : null,
        dueAt: released ? due : null,
        review: review
          ? {
              create:
                review.state === "submitted"
                  ? {
                      state: review.state,
                      weightedTotal: review.weightedTotal,
                      scores: { [impact!]: review.weightedTotal, [feasibility!]: review.weightedTotal },
                      criterionComments: { [impact!]: `Wirkung nach ${jurors[juror]!.name}` },
                      comment: `Gesamteindruck von ${jurors[juror]!.name}`,
                      recommendation: review.weightedTotal! > 5 ? "FUND" : "DO_NOT_FUND",
                      confidence: "HIGH",
                      submittedAt: new Date("2026-10-20T08:00:00Z"),
                    }
                  : { state: review.state },
            }
          : undefined,
      },
    });
    assignments.set(`${app}:${juror}`, created.id);
  };
  await assign(0, 0, { state: "submitted", weightedTotal: 8 });
  await assign(0, 1, { state: "submitted", weightedTotal: 3 });
  await assign(0, 2, { state: "inProgress" });
  await assign(1, 0, null);
  await assign(1, 1, { state: "abstained" });
  await assign(1, 2, { state: "assigned" }, false);
  return { callId: call.callId, stageId, manager: call.manager, jurors, applications, assignments };
}

