import { Prisma } from "~/generated/prisma/client";
import { cursorOf, kindOf, listedActions, trailKindRules, type TrailEntry, type TrailKind, type TrailMail, type TrailPage, type TrailQuery } from "~/forms/audit-trail";
import type { CurrentUser } from "../accounts/session.server";
import { managedApplications, managedCalls } from "../applications/access.server";
import { eventData, historyEntriesOf } from "../applications/history.server";
import { prisma } from "../db.server";
import { notFound } from "../http.server";

/** Steps a page shows; a call of a thousand applications collects many thousands, so older ones come page by page. */
export const TRAIL_PAGE_SIZE = 100;

type Actor = Pick<CurrentUser, "id" | "role">;

interface EventRow {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  data: unknown;
  createdAt: Date;
  actorName: string | null;
}

/**
 * The steps that concern a set of applications (`applications` is a subquery of their ids): their own
 * state changes, uploads and topics, their reviews, assignments, conflicts, discussion posts and
 * decisions. Assignments, posts and conflicts name their application in the event's data, so a step
 * stays in the trail after its row was deleted (an assignment taken back, a declaration withdrawn).
 */
function applicationSteps(applications: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(e."entityType" IN ('Application', 'ApplicationTopic') AND e."entityId" IN (${applications}))
    OR (e."entityType" IN ('ReviewAssignment', 'DiscussionPost', 'Conflict') AND e."data"->>'applicationId' IN (${applications}))
    OR (e."entityType" = 'Review' AND e."entityId" IN (SELECT r."id" FROM "Review" r JOIN "ReviewAssignment" a ON a."id" = r."assignmentId" WHERE a."applicationId" IN (${applications})))
    OR (e."entityType" = 'Conflict' AND e."entityId" IN (SELECT c."id" FROM "Conflict" c WHERE c."applicationId" IN (${applications})))
    OR (e."entityType" = 'Decision' AND e."entityId" IN (SELECT d."id" FROM "Decision" d WHERE d."applicationId" IN (${applications})))`;
}

/** The call's own steps: its setup and status, its stages' settings, forms, rubrics, juries and releases. */
function callSteps(callId: string): Prisma.Sql {
  const stages = Prisma.sql`SELECT s."id" FROM "CallStage" s WHERE s."callId" = ${callId}`;
  return Prisma.sql`(e."entityType" = 'Call' AND e."entityId" = ${callId})
    OR (e."entityType" = 'CallStage' AND e."entityId" IN (${stages}))
    OR (e."entityType" = 'JuryMembership' AND (e."entityId" IN (SELECT j."id" FROM "JuryMembership" j WHERE j."callId" = ${callId}) OR e."data"->>'stageId' IN (${stages})))
    OR (e."entityType" = 'FormDefinition' AND e."entityId" IN (SELECT f."id" FROM "FormDefinition" f WHERE f."stageId" IN (${stages})))
    OR (e."entityType" = 'Rubric' AND e."entityId" IN (SELECT r."id" FROM "Rubric" r WHERE r."stageId" IN (${stages})))`;
}

/** The steps of one kind, from the same rules that sort a step into its kind. */
function kindSteps(kind: TrailKind): Prisma.Sql {
  const conditions = trailKindRules[kind].map((rule) => {
    if (rule.actions) return Prisma.sql`(e."entityType" = ${rule.entityType} AND e."action" IN (${Prisma.join(rule.actions)}))`;
    const elsewhere = listedActions(rule.entityType);
    return elsewhere.length === 0
      ? Prisma.sql`(e."entityType" = ${rule.entityType})`
      : Prisma.sql`(e."entityType" = ${rule.entityType} AND e."action" NOT IN (${Prisma.join(elsewhere)}))`;
  });
  return Prisma.join(conditions, " OR ");
}

async function readSteps(scope: Prisma.Sql, query: TrailQuery): Promise<EventRow[]> {
  const kind = query.kind ? Prisma.sql`AND (${kindSteps(query.kind)})` : Prisma.empty;
  const before = query.before ? Prisma.sql`AND (e."createdAt", e."id") < (${query.before.at}::timestamp, ${query.before.id})` : Prisma.empty;
  return prisma.$queryRaw<EventRow[]>`
    SELECT e."id", e."entityType", e."entityId", e."action", e."fromState", e."toState", e."data", e."createdAt", u."name" AS "actorName"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
    WHERE (${scope}) ${kind} ${before}
    ORDER BY e."createdAt" DESC, e."id" DESC
    LIMIT ${TRAIL_PAGE_SIZE + 1}`;
}

const text = (data: Record<string, unknown>, name: string): string | null => {
  const value = data[name];
  return typeof value === "string" && value !== "" ? value : null;
};

/** Whole-number figures the step recorded (created, missing, eligible …), for its sentence. */
function countsOf(data: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, number] => typeof entry[1] === "number" && Number.isInteger(entry[1])));
}

/**
 * A page of steps with everything their sentences name, in a fixed number of queries whatever the
 * page holds: the reviews, conflicts, decisions and jury seats behind the steps, their applications,
 * the people named in the steps' data, and the mails queued at the steps' instants.
 */
async function describe(rows: EventRow[], mailFilter: (mail: TrailMail, entry: TrailEntry) => boolean): Promise<TrailPage> {
  const page = rows.slice(0, TRAIL_PAGE_SIZE);
  const idsOf = (entityType: string) => page.filter((row) => row.entityType === entityType).map((row) => row.entityId);
  const dataOf = new Map(page.map((row) => [row.id, eventData(row.data)]));
  const [reviews, conflicts, decisions, seats, stages] = await Promise.all([
    prisma.review.findMany({ where: { id: { in: idsOf("Review") } }, select: { id: true, assignment: { select: { applicationId: true, juror: { select: { name: true } } } } } }),
    prisma.conflict.findMany({ where: { id: { in: idsOf("Conflict") } }, select: { id: true, applicationId: true, juror: { select: { name: true } } } }),
    prisma.decision.findMany({ where: { id: { in: idsOf("Decision") } }, select: { id: true, applicationId: true } }),
    prisma.juryMembership.findMany({ where: { id: { in: idsOf("JuryMembership") } }, select: { id: true, stage: { select: { kind: true } }, user: { select: { name: true } } } }),
    prisma.callStage.findMany({ where: { id: { in: idsOf("CallStage") } }, select: { id: true, kind: true } }),
  ]);
  const reviewOf = new Map(reviews.map((review) => [review.id, review.assignment]));
  const conflictOf = new Map(conflicts.map((conflict) => [conflict.id, conflict]));
  const decisionOf = new Map(decisions.map((decision) => [decision.id, decision.applicationId]));
  const seatOf = new Map(seats.map((seat) => [seat.id, seat]));
  const stageOf = new Map(stages.map((stage) => [stage.id, stage.kind]));

  const applicationIdOf = (row: EventRow): string | null => {
    switch (row.entityType) {
      case "Application":
      case "ApplicationTopic":
        return row.entityId;
      case "Review":
        return reviewOf.get(row.entityId)?.applicationId ?? null;
      case "Decision":
        return decisionOf.get(row.entityId) ?? null;
      case "Conflict":
        return conflictOf.get(row.entityId)?.applicationId ?? text(dataOf.get(row.id)!, "applicationId");
      default:
        return text(dataOf.get(row.id)!, "applicationId");
    }
  };
  const applicationIds = [...new Set(page.map(applicationIdOf).filter((id): id is string => id !== null))];
  const personIds = [...new Set(page.flatMap((row) => ["jurorId", "userId", "fromJurorId", "toJurorId"].map((name) => text(dataOf.get(row.id)!, name)).filter((id): id is string => id !== null)))];
  const instants = [...new Set(page.map((row) => row.createdAt.getTime()))].map((time) => new Date(time));
  const [applications, people, mails] = await Promise.all([
    prisma.application.findMany({
      where: { id: { in: applicationIds } },
      select: { id: true, title: true, network: { select: { name: true, memberships: { select: { user: { select: { email: true } } } } } }, versions: { select: { number: true, submittedAt: true } } },
    }),
    prisma.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true, email: true } }),
    instants.length === 0
      ? []
      : prisma.outboxEmail.findMany({
          where: { createdAt: { in: instants } },
          select: { id: true, template: true, toEmail: true, subject: true, status: true, sentAt: true, createdAt: true },
          orderBy: [{ createdAt: "desc" }, { toEmail: "asc" }],
        }),
  ]);
  const applicationOf = new Map(applications.map((application) => [application.id, application]));
  const personOf = new Map(people.map((person) => [person.id, person]));
  const history = new Map(
    (
      await historyEntriesOf(
        page.filter((row) => row.entityType === "Application").map((row) => ({ ...row, actor: row.actorName === null ? null : { name: row.actorName } })),
        applications.flatMap((application) => application.versions.map((version) => ({ ...version, applicationId: application.id }))),
      )
    ).map((entry) => [entry.id, entry]),
  );

  const jurorOf = (row: EventRow, data: Record<string, unknown>): string | null => {
    const named = (key: string) => {
      const id = text(data, key);
      return id ? (personOf.get(id)?.name ?? null) : null;
    };
    switch (row.entityType) {
      case "Review":
        return reviewOf.get(row.entityId)?.juror.name ?? null;
      case "Conflict":
        return conflictOf.get(row.entityId)?.juror.name ?? named("jurorId") ?? row.actorName;
      case "JuryMembership":
        return seatOf.get(row.entityId)?.user.name ?? named("userId") ?? named("jurorId");
      case "ReviewAssignment":
        return named("toJurorId") ?? named("jurorId");
      default:
        return named("jurorId");
    }
  };

  const entries: TrailEntry[] = page.map((row) => {
    const data = dataOf.get(row.id)!;
    const applicationId = applicationIdOf(row);
    const application = applicationId ? applicationOf.get(applicationId) : undefined;
    const previous = text(data, "fromJurorId");
    return {
      id: row.id,
      at: row.createdAt.toISOString(),
      actorName: row.actorName,
      kind: kindOf(row.entityType, row.action),
      entityType: row.entityType,
      action: row.action,
      fromState: row.fromState,
      toState: row.toState,
      application: application ? { id: application.id, network: application.network.name, title: application.title } : null,
      stageKind: row.entityType === "CallStage" ? (stageOf.get(row.entityId) ?? null) : row.entityType === "JuryMembership" ? (seatOf.get(row.entityId)?.stage.kind ?? null) : null,
      history: history.get(row.id) ?? null,
      juror: jurorOf(row, data),
      previousJuror: previous ? (personOf.get(previous)?.name ?? null) : null,
      reason: text(data, "reason"),
      counts: countsOf(data),
      mails: [],
    };
  });

  // People a step concerns, so a mail of a step shared by many (a release) goes with the step it is about.
  const concerned = new Map(
    entries.map((entry, index) => {
      const row = page[index]!;
      const data = dataOf.get(row.id)!;
      const emails = new Set((entry.application ? applicationOf.get(entry.application.id)?.network.memberships.map((membership) => membership.user.email) : undefined) ?? []);
      for (const key of ["jurorId", "userId", "toJurorId"]) {
        const email = personOf.get(text(data, key) ?? "")?.email;
        if (email) emails.add(email);
      }
      return [entry.id, emails];
    }),
  );
  for (const mail of mails) {
    const atInstant = entries.filter((entry) => Date.parse(entry.at) === mail.createdAt.getTime());
    const owner = atInstant.find((entry) => concerned.get(entry.id)!.has(mail.toEmail)) ?? atInstant.find((entry) => entry.application === null) ?? atInstant[0];
    const shown: TrailMail = { id: mail.id, template: mail.template, toEmail: mail.toEmail, subject: mail.subject, status: mail.status, sentAt: mail.sentAt?.toISOString() ?? null };
    if (owner && mailFilter(shown, owner)) owner.mails.push(shown);
  }
  const last = entries.at(-1);
  return { entries, older: rows.length > TRAIL_PAGE_SIZE && last ? cursorOf(last) : null };
}

/** The call a manager of its programme (or an admin) looks at; anyone else gets a 404. */
async function managedCall(actor: Actor, callId: string) {
  const call = await prisma.call.findFirst({
    where: { AND: [{ id: callId }, managedCalls(actor)] },
    select: { id: true, title: true, stages: { select: { id: true, kind: true, rankingBasis: true }, orderBy: { position: "asc" } } },
  });
  if (!call) throw notFound();
  return call;
}

/** Everything that happened in a call, newest first, one kind or all, a page at a time. */
export async function loadCallTrail(actor: Actor, callId: string, query: TrailQuery) {
  const call = await managedCall(actor, callId);
  const scope = Prisma.sql`${callSteps(call.id)} OR ${applicationSteps(Prisma.sql`SELECT ap."id" FROM "Application" ap WHERE ap."callId" = ${call.id}`)}`;
  const page = await describe(await readSteps(scope, query), () => true);
  return { call, kind: query.kind ?? null, ...page };
}

/**
 * Everything that happened to one application, newest first, with the stage's releases that reached
 * it. A release's mails are many; only those to the application's network and its jurors are its own.
 */
export async function loadApplicationTrail(actor: Actor, applicationId: string, query: TrailQuery) {
  const application = await prisma.application.findFirst({
    where: { AND: [{ id: applicationId }, managedApplications(actor)] },
    select: {
      id: true,
      title: true,
      stageId: true,
      stage: { select: { kind: true } },
      network: { select: { name: true, memberships: { select: { user: { select: { email: true } } } } } },
      call: { select: { id: true, title: true } },
      assignments: { select: { juror: { select: { email: true } } } },
    },
  });
  if (!application) throw notFound();
  const own = Prisma.sql`SELECT ${application.id}::text`;
  const scope = Prisma.sql`${applicationSteps(own)}
    OR (e."entityType" = 'CallStage' AND e."entityId" = ${application.stageId} AND e."action" IN ('RELEASE_ELIGIBILITY', 'ASSIGNMENTS_RELEASED'))`;
  const people = new Set([...application.network.memberships.map((membership) => membership.user.email), ...application.assignments.map((assignment) => assignment.juror.email)]);
  const page = await describe(await readSteps(scope, query), (mail, entry) => entry.application !== null || people.has(mail.toEmail));
  const { memberships: _memberships, ...network } = application.network;
  return { application: { id: application.id, title: application.title, stageKind: application.stage.kind, network: network.name, call: application.call }, kind: query.kind ?? null, ...page };
}
