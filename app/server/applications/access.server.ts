import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "../accounts/session.server";

/**
 * A draft is the network's own work in progress: its programme's managers see that it exists and how
 * complete it is, but read it only once it is submitted or while the network shares it with them.
 */
const handedToManagers: Prisma.ApplicationWhereInput = { OR: [{ state: { not: "draft" } }, { sharedWithManagersAt: { not: null } }] };

/**
 * Which applications a person may read (answers, files, the page), as a `where` clause, so every
 * query carries its permission check: members read their network's, managers their programmes'
 * calls' once handed to them, jurors what is assigned to them and not in conflict (never drafts),
 * state coordinators what a network shared with them.
 */
export function readableApplications(user: Pick<CurrentUser, "id" | "role">): Prisma.ApplicationWhereInput {
  switch (user.role) {
    case "ADMIN":
      return {};
    case "MANAGER":
      return { AND: [managedApplications(user), handedToManagers] };
    case "APPLICANT":
      return { network: { memberships: { some: { userId: user.id } } } };
    case "JUROR":
      return reviewableApplications(user.id);
    case "STATE_COORDINATOR":
      return { shares: { some: { sharedWithUserId: user.id } } };
  }
}

/**
 * What a juror reads: applications assigned to them once the manager released the assignment, and
 * never one they are in conflict with (declared, confirmed, or found and not yet dismissed), even if
 * an assignment made before the conflict appeared still exists.
 */
export function reviewableApplications(jurorId: string): Prisma.ApplicationWhereInput {
  return {
    state: { notIn: ["draft", "withdrawn"] },
    assignments: { some: { jurorId, releasedAt: { not: null } } },
    conflicts: { none: { jurorId, status: { not: "DISMISSED" } } },
  };
}

/** Only the network's own people write its applications' answers and files. */
export function editableApplications(user: Pick<CurrentUser, "id" | "role">): Prisma.ApplicationWhereInput {
  return user.role === "APPLICANT" ? { network: { memberships: { some: { userId: user.id } } } } : { id: { in: [] } };
}

/** Managers act on the applications of calls in their programmes (admins on all). */
export function managedApplications(user: Pick<CurrentUser, "id" | "role">): Prisma.ApplicationWhereInput {
  if (user.role === "ADMIN") return {};
  if (user.role === "MANAGER") return { call: { programme: { managers: { some: { userId: user.id } } } } };
  return { id: { in: [] } };
}

/** Calls a manager may set up and change (admins all). */
export function managedCalls(user: Pick<CurrentUser, "id" | "role">): Prisma.CallWhereInput {
  if (user.role === "ADMIN") return {};
  if (user.role === "MANAGER") return { programme: { managers: { some: { userId: user.id } } } };
  return { id: { in: [] } };
}

/**
 * Whose submitted versions (the frozen copies and their PDFs) a person may read. What was submitted
 * stays readable to the programme's managers when the network reopens the application as a draft.
 */
export function readableSubmissions(user: Pick<CurrentUser, "id" | "role">): Prisma.ApplicationWhereInput {
  return user.role === "MANAGER" ? managedApplications(user) : readableApplications(user);
}

/**
 * A file a person may download: one of an application they may read, and for managers also one a
 * submitted version lists (the files of a submission the network has reopened as a draft).
 */
export function readableFile(user: Pick<CurrentUser, "id" | "role">, fileId: string): Prisma.StoredFileWhereInput {
  if (user.role !== "MANAGER") return { id: fileId, application: readableApplications(user) };
  const listedBySubmission: Prisma.ApplicationWhereInput = { versions: { some: { frozenFacts: { path: ["files"], array_contains: [{ id: fileId }] } } } };
  return { id: fileId, application: { AND: [managedApplications(user), { OR: [handedToManagers, listedBySubmission] }] } };
}
